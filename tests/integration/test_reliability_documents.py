"""Hostile documents through ``whomet load`` and ``POST /api/v1/documents`` on a real Neo4j.

Every input of ``tests.support.bad_inputs.BAD_INPUTS`` (generated here,
never committed) is sent both ways. A refused document must answer a clear error
and leave the graph's node and relationship counts exactly as they were; a read
one must be stored with the text the reader made of it, and leave no orphan.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver
from pydantic import SecretStr
from typer.testing import CliRunner

from api.app import create_app
from cli.main import app as cli_app
from graph.database.db import Graph
from graph.database.schema import apply_schema
from graph.documents import read_bytes
from graph.settings import Settings
from tests.support.bad_inputs import ARTICLE, BAD_INPUTS, BadInput, check_document
from tests.support.reliability import counts, invariant_violations
from tests.support.store import rows

pytestmark = [pytest.mark.db, pytest.mark.slow]

API = "/api/v1"
KEY = "reliability-write-key-0123456789"
runner = CliRunner()


@pytest.fixture(scope="module")
def settings(neo4j_settings: Settings, graph: Graph) -> Settings:
    apply_schema(graph)
    return neo4j_settings.model_copy(update={"api_key": SecretStr(KEY)})


@pytest.fixture(scope="module")
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings), raise_server_exceptions=False) as c:
        yield c


def stored_text(driver: Driver, doc_id: str) -> str:
    found = rows(driver, "MATCH (d:Document {id: $id}) RETURN d.text AS text", id=doc_id)
    assert len(found) == 1, doc_id
    text: str = found[0]["text"]
    return text


def error_of(response: Any) -> dict[str, str]:
    body = response.json()
    assert set(body) == {"error"}, body
    assert body["error"]["code"] and body["error"]["message"]
    error: dict[str, str] = body["error"]
    return error


# --- the API ----------------------------------------------------------------------------------


@pytest.mark.parametrize("case", BAD_INPUTS, ids=lambda c: c.name)
def test_api_upload(case: BadInput, client: TestClient, driver: Driver) -> None:
    data = case.make()
    before = counts(driver)
    response = client.post(
        f"{API}/documents",
        files={"file": (case.filename, data, "application/octet-stream")},
        headers={"X-API-Key": KEY},
    )
    assert response.status_code != 500, response.text
    if case.refused:
        assert response.status_code == case.api_status, response.text
        assert case.message in error_of(response)["message"].lower()
        assert counts(driver) == before
        return
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["status"] in {"added", "unchanged"}
    expected = read_bytes(data, case.filename)
    assert stored_text(driver, body["id"]) == expected.text
    check_document(case, expected)
    assert invariant_violations(driver) == {}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("", 422),
        ("   \n\t  ", 400),
        ("\x00\x01\x02 binary", 415),
        ("<html><body></body></html>", 400),
    ],
    ids=["empty", "whitespace", "nul-bytes", "empty-html"],
)
def test_api_json_text_refused(text: str, status: int, client: TestClient, driver: Driver) -> None:
    before = counts(driver)
    response = client.post(f"{API}/documents", json={"text": text}, headers={"X-API-Key": KEY})
    assert response.status_code == status, response.text
    error_of(response)
    assert counts(driver) == before


@pytest.mark.parametrize("doc_id", ["../../etc/passwd", "a/b", "x" * 300, "", " lead"])
def test_api_bad_document_ids_are_refused(doc_id: str, client: TestClient, driver: Driver) -> None:
    before = counts(driver)
    response = client.post(
        f"{API}/documents", json={"text": ARTICLE, "id": doc_id}, headers={"X-API-Key": KEY}
    )
    assert response.status_code in (400, 422), response.text
    error_of(response)
    assert counts(driver) == before


@pytest.mark.parametrize(
    "filename", ["../../../etc/passwd.txt", "..\\..\\windows\\win.txt", "/abs/path/report.txt"]
)
def test_api_file_name_with_path_traversal(
    filename: str, client: TestClient, driver: Driver, tmp_path: Path
) -> None:
    """The upload's name is a label: the stored path keeps no directories, nothing is written."""
    text = ARTICLE.replace("Seoul", f"Seoul ({len(filename)})")
    response = client.post(
        f"{API}/documents",
        files={"file": (filename, text.encode(), "text/plain")},
        headers={"X-API-Key": KEY},
    )
    assert response.status_code == 200, response.text
    doc_id = response.json()["id"]
    path = rows(driver, "MATCH (d:Document {id: $id}) RETURN d.path AS p", id=doc_id)[0]["p"]
    assert path is None or ("/" not in path and "\\" not in path and ".." not in path), path
    detail = client.get(f"{API}/documents/{doc_id}").json()
    assert "Veltra Bank" in detail["text"]


def test_api_upload_over_the_limit_without_content_length(
    client: TestClient, driver: Driver
) -> None:
    """A streamed body (no Content-Length) is cut off at the limit all the same."""
    before = counts(driver)
    chunk = (ARTICLE + "\n\n").encode() * 1000

    def stream() -> Iterator[bytes]:
        for _ in range(30):  # ~11 MB
            yield chunk

    response = client.post(
        f"{API}/documents",
        content=stream(),
        headers={"X-API-Key": KEY, "Content-Type": "application/json"},
    )
    assert response.status_code == 413
    assert error_of(response)["code"] == "too_large"
    assert counts(driver) == before


# --- the CLI ----------------------------------------------------------------------------------


@pytest.mark.parametrize("case", BAD_INPUTS, ids=lambda c: c.name)
def test_cli_load(case: BadInput, cli_env: None, driver: Driver, tmp_path: Path) -> None:
    path = tmp_path / case.filename
    path.write_bytes(case.make())
    before = counts(driver)
    result = runner.invoke(cli_app, ["load", str(path), "--json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    if case.refused:
        assert result.exit_code == 1, result.output
        summary = json.loads(result.stdout)
        assert summary["reports"] == []
        [failure] = summary["failures"]
        assert failure["path"] == str(path)
        assert case.message in failure["error"].lower()
        assert counts(driver) == before
        return
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["failures"] == []
    [report] = summary["reports"]
    expected = read_bytes(case.make(), case.filename)
    assert stored_text(driver, report["doc_id"]) == expected.text
    assert invariant_violations(driver) == {}


def test_cli_folder_of_every_bad_input_loads_the_good_and_lists_the_rest(
    cli_env: None, driver: Driver, tmp_path: Path
) -> None:
    for case in BAD_INPUTS:
        (tmp_path / case.filename).write_bytes(case.make())
    result = runner.invoke(cli_app, ["load", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    failed = {Path(f["path"]).name for f in summary["failures"]}
    # .png is not a document suffix: a folder load skips it rather than failing on it.
    expected_failed = {
        c.filename for c in BAD_INPUTS if c.refused and not c.filename.endswith(".png")
    }
    assert failed == expected_failed
    loaded = {Path(summary["sources"][r["doc_id"]]).name for r in summary["reports"]}
    assert loaded == {c.filename for c in BAD_INPUTS if not c.refused}
    assert invariant_violations(driver) == {}


def test_cli_file_name_with_traversal_characters(
    cli_env: None, driver: Driver, tmp_path: Path
) -> None:
    """A name made of dots, backslashes and spaces gives a safe id with --id-from-name."""
    path = tmp_path / "..\\..\\evil name;$(rm).txt"
    path.write_text(ARTICLE.replace("Seoul", "Busan"), encoding="utf-8")
    result = runner.invoke(cli_app, ["load", str(path), "--id-from-name", "--json"])
    assert result.exit_code == 0, result.output
    [report] = json.loads(result.stdout)["reports"]
    assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._:-]*", report["doc_id"]), report["doc_id"]
    assert ".." not in report["doc_id"] or "/" not in report["doc_id"]
    assert "Busan" in stored_text(driver, report["doc_id"])
