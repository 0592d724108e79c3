"""Writes through the API: POST and DELETE /documents, their key, size and type checks.

Every refused write is checked to have written nothing (node and relationship
counts before and after).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.app import create_app
from graph.database.db import Graph
from graph.database.schema import apply_schema
from graph.settings import Settings

UPLOADS = Path(__file__).resolve().parents[1] / "fixtures" / "api" / "uploads"
API = "/api/v1"
KEY = "test-write-key"
MAX_BYTES = 20_000


def counts(graph: Graph) -> tuple[int, int]:
    row = graph.read(
        "MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS n, count(r) AS r"
    )
    return row[0]["n"], row[0]["r"]


@pytest.fixture(scope="module")
def settings(neo4j_settings: Settings, graph: Graph) -> Settings:
    apply_schema(graph)
    return neo4j_settings.model_copy(
        update={"api_key": SecretStr(KEY), "max_upload_bytes": MAX_BYTES}
    )


@pytest.fixture(scope="module")
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings), raise_server_exceptions=False) as c:
        yield c


def text_doc(**meta: Any) -> dict[str, Any]:
    return {
        "text": (UPLOADS / "lighthouse_grant.txt").read_text(encoding="utf-8"),
        "meta": meta,
    }


def error_code(response: Any) -> str:
    body = response.json()
    assert set(body) == {"error"} and body["error"]["message"]
    code: str = body["error"]["code"]
    return code


# --- who may write -----------------------------------------------------------------------------


def test_writes_are_off_without_a_configured_key(settings: Settings, graph: Graph) -> None:
    no_key = settings.model_copy(update={"api_key": None})
    before = counts(graph)
    with TestClient(create_app(no_key), raise_server_exceptions=False) as c:
        response = c.post(f"{API}/documents", json=text_doc(), headers={"X-API-Key": KEY})
        assert response.status_code == 403
        assert error_code(response) == "writes_disabled"
        assert "WHOMET_API_KEY" in response.json()["error"]["message"]
        response = c.delete(f"{API}/documents/anything", headers={"X-API-Key": KEY})
        assert response.status_code == 403
    assert counts(graph) == before


@pytest.mark.parametrize("headers", [{}, {"X-API-Key": "wrong"}, {"X-API-Key": ""}])
def test_a_write_without_the_key_is_refused(
    client: TestClient, graph: Graph, headers: dict[str, str]
) -> None:
    before = counts(graph)
    response = client.post(f"{API}/documents", json=text_doc(), headers=headers)
    assert response.status_code == 401
    assert error_code(response) == "unauthorized"
    response = client.delete(f"{API}/documents/anything", headers=headers)
    assert response.status_code == 401
    assert counts(graph) == before


# --- adding, replacing, removing ---------------------------------------------------------------


def test_post_json_adds_then_is_unchanged_then_replaced(client: TestClient, graph: Graph) -> None:
    auth = {"X-API-Key": KEY}
    body = text_doc(title="Lighthouse trust wins restoration grant")
    body["id"] = "lighthouse-1"
    first = client.post(f"{API}/documents", json=body, headers=auth)
    assert first.status_code == 200, first.text
    added = first.json()
    assert added["id"] == "lighthouse-1" and added["status"] == "added"
    assert added["report"]["nodes_created"] > 0 and added["report"]["relationships_created"] > 0

    met = client.get(
        f"{API}/who-met", params={"a": "Skerry Lighthouse Trust", "b": "Nordhavn Heritage Fund"}
    )
    assert met.status_code == 200 and met.json()["met"] is True
    assert met.json()["meetings"][0]["event"]["date"] == "2026-06-30"
    doc = client.get(f"{API}/documents/lighthouse-1").json()
    assert doc["published"] == "2026-07-02" and doc["facts"]["meetings"]

    before = counts(graph)
    again = client.post(f"{API}/documents", json=body, headers=auth).json()
    assert again["status"] == "unchanged"
    assert counts(graph) == before

    body["text"] = body["text"].replace("June 30", "July 1")
    corrected = client.post(f"{API}/documents", json=body, headers=auth).json()
    assert corrected["status"] == "replaced"
    met = client.get(
        f"{API}/who-met", params={"a": "Skerry Lighthouse Trust", "b": "Nordhavn Heritage Fund"}
    )
    assert [m["event"]["date"] for m in met.json()["meetings"]] == ["2026-07-01"]


def test_multipart_upload_with_metadata(client: TestClient) -> None:
    html = (UPLOADS / "lighthouse_grant.html").read_bytes()
    response = client.post(
        f"{API}/documents",
        files={"file": ("visit.html", html, "text/html")},
        data={"id": "lighthouse-visit", "source": "Coastal Ledger"},
        headers={"X-API-Key": KEY},
    )
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "added"
    doc = client.get(f"{API}/documents/lighthouse-visit").json()
    assert doc["title"] == "Heritage fund visits the lighthouse"
    assert doc["source"] == "Coastal Ledger"
    assert "Subscribe" not in doc["text"] and "Home | News" not in doc["text"]
    participants = {
        p["entity"]["name"] for m in doc["facts"]["meetings"] for p in m["participants"]
    }
    assert {"Nordhavn Heritage Fund", "Skerry Lighthouse Trust"} <= participants


def test_delete_removes_what_only_that_document_said(client: TestClient, graph: Graph) -> None:
    auth = {"X-API-Key": KEY}
    body = {
        "id": "short-lived",
        "text": "The Vestby Town Council held talks with Kelda Shipping on August 3.\n",
        "meta": {"published": "2026-08-05"},
    }
    assert client.post(f"{API}/documents", json=body, headers=auth).json()["status"] == "added"
    pair = {"a": "Kelda Shipping", "b": "Vestby Town Council"}
    assert client.get(f"{API}/who-met", params=pair).json()["met"] is True

    response = client.delete(f"{API}/documents/short-lived", headers=auth)
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "removed"
    assert response.json()["report"]["nodes_removed"] > 0
    assert client.get(f"{API}/documents/short-lived").status_code == 404
    assert client.get(f"{API}/entities/Kelda Shipping").status_code == 404
    before = counts(graph)
    again = client.delete(f"{API}/documents/short-lived", headers=auth)
    assert again.status_code == 404 and error_code(again) == "not_found"
    assert counts(graph) == before


# --- bad input ---------------------------------------------------------------------------------


def test_body_over_the_limit_is_413_and_writes_nothing(client: TestClient, graph: Graph) -> None:
    before = counts(graph)
    big = {"text": "The council met. " * (MAX_BYTES // 10)}
    response = client.post(f"{API}/documents", json=big, headers={"X-API-Key": KEY})
    assert response.status_code == 413 and error_code(response) == "too_large"

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        yield b'{"text": "'
        for _ in range(MAX_BYTES // 1000 + 1):
            yield b"x" * 1000
        yield b'"}'

    response = client.post(
        f"{API}/documents",
        content=chunks(),
        headers={"X-API-Key": KEY, "Content-Type": "application/json"},
    )
    assert response.status_code == 413
    assert counts(graph) == before


def test_binary_upload_and_unknown_content_type_are_415(client: TestClient, graph: Graph) -> None:
    before = counts(graph)
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    response = client.post(
        f"{API}/documents",
        files={"file": ("photo.png", png, "image/png")},
        headers={"X-API-Key": KEY},
    )
    assert response.status_code == 415, response.text
    assert "PNG" in response.json()["error"]["message"]
    response = client.post(
        f"{API}/documents",
        content=b"The council met.",
        headers={"X-API-Key": KEY, "Content-Type": "text/plain"},
    )
    assert response.status_code == 415 and error_code(response) == "unsupported_media_type"
    assert counts(graph) == before


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({}, 422),
        ({"text": ""}, 422),
        ({"text": "x", "unknown": 1}, 422),
        ({"text": "x", "id": "../etc/passwd"}, 422),
        ({"text": "x", "meta": {"published": "yesterday"}}, 422),
        ({"text": "   \n  "}, 400),
    ],
)
def test_invalid_json_bodies(
    client: TestClient, graph: Graph, body: dict[str, Any], status: int
) -> None:
    before = counts(graph)
    response = client.post(f"{API}/documents", json=body, headers={"X-API-Key": KEY})
    assert response.status_code == status, response.text
    assert error_code(response) in {"invalid_request", "bad_document"}
    assert counts(graph) == before


def test_malformed_json_and_missing_file_part(client: TestClient) -> None:
    response = client.post(
        f"{API}/documents",
        content=b"{not json",
        headers={"X-API-Key": KEY, "Content-Type": "application/json"},
    )
    assert response.status_code == 422 and error_code(response) == "invalid_request"
    response = client.post(
        f"{API}/documents",
        data={"title": "no file"},
        files={"other": ("a.txt", b"x")},
        headers={"X-API-Key": KEY},
    )
    assert response.status_code == 422


def test_corrections_need_the_key_and_are_listed(client: TestClient, graph: Graph) -> None:
    auth = {"X-API-Key": KEY}
    loaded = client.post(f"{API}/documents", json=text_doc(), headers=auth)
    assert loaded.status_code in (200, 201), loaded.text
    [entity] = graph.read(
        "MATCH (e:Entity) RETURN e.id AS id, e.name AS name ORDER BY e.id LIMIT 1"
    )
    url = f"{API}/entities/{entity['id']}/rename"
    assert client.post(url, json={"name": "New Name"}).status_code == 401
    assert (
        client.post(url, json={"name": "New Name"}, headers={"X-API-Key": "no"}).status_code == 401
    )
    assert client.post(url, json={"title": "x"}, headers=auth).status_code == 422
    done = client.post(url, json={"name": "New Name"}, headers=auth)
    assert done.status_code == 200 and done.json()["name"] == "New Name"
    assert client.get(f"{API}/entities/{entity['id']}").json()["name"] == "New Name"
    listed = client.get(f"{API}/corrections").json()
    assert [c["kind"] for c in listed] == ["rename"]
    bad = client.post(
        f"{API}/facts/wrong",
        json={"type": "MENTIONS", "source": entity["id"], "target": "x"},
        headers=auth,
    )
    assert bad.status_code == 400 and error_code(bad) == "bad_correction"
    missing = client.post(
        f"{API}/facts/wrong",
        json={"type": "ATTENDED", "source": entity["id"], "target": "evt:none"},
        headers=auth,
    )
    assert missing.status_code == 404
    split = client.post(
        f"{API}/entities/{entity['id']}/split-alias", json={"alias": "zzz"}, headers=auth
    )
    assert split.status_code == 404
