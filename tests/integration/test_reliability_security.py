"""Hostile queries and leaked secrets, against a real Neo4j.

``/api/v1/cypher`` must refuse every procedure the server lists as writing,
changing the schema or administering (whichever lock stops it), refuse other
databases, cut a slow query off at its time limit (and leave no transaction
running on the server) and cap its rows. No error path may put the Neo4j
password or the API key in a response body, a log record or the terminal.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from neo4j import Driver
from pydantic import SecretStr
from typer.testing import CliRunner

from api.app import create_app
from api.free_cypher import WorkerLimits
from cli.main import app as cli_app
from graph.database.db import Graph
from graph.database.schema import apply_schema
from graph.errors import ConfigError
from graph.settings import Settings, get_settings
from tests.support.reliability import ApiServer, answer_within_s, counts, write_corpus
from tests.support.servers import free_port
from tests.support.store import rows

pytestmark = pytest.mark.db

KEY = "sec-api-key-SENTINEL-7e1b0c"
WRONG_PASSWORD = "pw-SENTINEL-4f9a2c-wrong"
TIMEOUT_S = 2.0
MAX_ROWS = 100


@pytest.fixture(scope="module")
def settings(neo4j_settings: Settings, graph: Graph) -> Settings:
    apply_schema(graph)
    return neo4j_settings.model_copy(
        update={
            "api_key": SecretStr(KEY),
            "cypher_timeout_s": TIMEOUT_S,
            "cypher_max_rows": MAX_ROWS,
        }
    )


@pytest.fixture(scope="module")
def client(
    settings: Settings, driver: Driver, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestClient]:
    with TestClient(create_app(settings), raise_server_exceptions=False) as c:
        folder = tmp_path_factory.mktemp("docs")
        for path in write_corpus(folder, 4):
            with path.open("rb") as handle:
                response = c.post(
                    "/api/v1/documents",
                    files={"file": (path.name, handle, "text/plain")},
                    headers={"X-API-Key": KEY},
                )
            assert response.status_code == 200, response.text
        yield c


def cypher(client: TestClient, query: str, **params: object) -> tuple[int, dict[str, object]]:
    response = client.post("/api/v1/cypher", json={"query": query, "parameters": params})
    body: dict[str, object] = response.json()
    return response.status_code, body


def non_read_procedures(driver: Driver) -> list[tuple[str, str, str]]:
    return [
        (r["name"], r["mode"], r["signature"])
        for r in rows(
            driver,
            "SHOW PROCEDURES YIELD name, mode, signature WHERE mode <> 'READ' "
            "RETURN name, mode, signature ORDER BY name",
        )
    ]


def test_every_writing_or_admin_procedure_is_refused(client: TestClient, driver: Driver) -> None:
    procedures = non_read_procedures(driver)
    assert len(procedures) >= 10
    harmless = {"tx.getMetaData", "tx.setMetaData"}  # DBMS mode, but only about the caller's tx
    before = counts(driver)
    labels_before = rows(driver, "CALL db.labels() YIELD label RETURN collect(label) AS l")
    for name, mode, _signature in procedures:
        if name in harmless:
            continue
        status, body = cypher(client, f"CALL {name}()")
        assert status == 400, (name, mode, body)
        assert body["error"]["code"] == "query_refused", (name, mode, body)  # type: ignore[index]
    assert counts(driver) == before
    assert rows(driver, "CALL db.labels() YIELD label RETURN collect(label) AS l") == labels_before


@pytest.mark.parametrize(
    "query",
    [
        "CALL { MATCH (n) RETURN n } IN TRANSACTIONS RETURN 1",
        "CALL { MATCH (d:Document) DETACH DELETE d } IN TRANSACTIONS OF 1 ROWS",
        "CALL { MATCH (n) RETURN n } IN 2 CONCURRENT TRANSACTIONS RETURN 1",
        "USE system SHOW USERS",
        "USE system MATCH (n) RETURN n",
        "USE `system` MATCH (n) RETURN n",
        "CALL { USE system RETURN 1 AS x } RETURN x",
        "USE graph.byName('system') RETURN 1",
        "USE other MATCH (n) RETURN n",
        "SHOW DATABASES",
        "CREATE DATABASE evil",
        "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
        "MATCH (d:Document) DETACH DELETE d",
        "MATCH (e:Entity) SET e.name = 'owned'",
        "CALL apoc.create.node(['X'], {}) YIELD node RETURN node",
    ],
)
def test_transactions_other_databases_and_writes_are_refused(
    client: TestClient, driver: Driver, query: str
) -> None:
    before = counts(driver)
    status, body = cypher(client, query)
    assert status == 400, body
    assert body["error"]["code"] == "query_refused", body  # type: ignore[index]
    assert counts(driver) == before


def test_a_slow_read_is_cut_off_at_the_time_limit(client: TestClient, driver: Driver) -> None:
    slow = (
        "UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b "
        "WITH a, b WHERE a * b = -1 RETURN count(*) AS n"
    )
    started = time.monotonic()
    status, body = cypher(client, slow)
    elapsed = time.monotonic() - started
    assert status == 408, body
    assert body["error"]["code"] == "query_timeout"  # type: ignore[index]
    assert "time limit" in body["error"]["message"]  # type: ignore[index]
    # Stopped by the limit (unstopped, 10^10 rows take hours), with room for a busy machine.
    assert elapsed < answer_within_s(TIMEOUT_S + WorkerLimits(TIMEOUT_S).margin_s), elapsed
    # The server terminated it: no transaction still runs the query (this loop only waits).
    deadline = time.monotonic() + 120
    while True:
        running = rows(
            driver,
            "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS 'a * b = -1' "
            "AND NOT currentQuery CONTAINS 'SHOW TRANSACTIONS' RETURN currentQuery",
        )
        if not running:
            break
        assert time.monotonic() < deadline, running
        time.sleep(0.2)


# Row 100,000 divides by zero: a query that fails only if the runner reads that far.
TRIPWIRE = "UNWIND range($first, 50000000) AS x RETURN x, 1 / (x - 100000) AS tripwire"


def test_rows_are_capped_without_reading_the_rest(client: TestClient, settings: Settings) -> None:
    """Not one row past the first pulls is made: checked with a tripwire row, not a clock."""
    roomy = settings.model_copy(update={"cypher_timeout_s": 120.0})  # a busy machine's start-up
    with TestClient(create_app(roomy), raise_server_exceptions=False) as c:
        reached = cypher(c, TRIPWIRE, first=99_999)
        status, body = cypher(c, TRIPWIRE, first=1)
        whole = cypher(c, "MATCH (d:Document) RETURN d.id AS id")
    assert reached[0] == 400 and "/ by zero" in str(reached[1]), reached  # it goes off if reached
    assert status == 200, body
    assert body["row_count"] == MAX_ROWS and body["truncated"] is True
    assert whole[0] == 200 and whole[1]["truncated"] is False, whole


# --- secrets never leak -----------------------------------------------------------------------


def _assert_no_secret(text: str, *secrets: str) -> None:
    for secret in secrets:
        assert secret not in text, (
            f"secret leaked: ...{text[max(0, text.find(secret) - 80) :][:200]}"
        )


@pytest.mark.slow
def test_no_credential_in_error_bodies_or_logs(
    neo4j_settings: Settings,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
) -> None:
    """A wrong Neo4j password, an unreachable Neo4j and a working one, driven through every
    error path: neither password nor the API key shows in a body, a log record or output."""
    caplog.set_level(logging.DEBUG)  # the driver's own debug log included
    real_password = neo4j_settings.neo4j_password.get_secret_value()
    texts: list[str] = []

    # A wrong password: the API refuses to start, naming the setting, not its value.
    wrong = neo4j_settings.model_copy(
        update={
            # another user name: failed logins lock the user the other tests share
            "neo4j_user": "whomet-wrong-login",
            "neo4j_password": SecretStr(WRONG_PASSWORD),
            "api_key": SecretStr(KEY),
        }
    )
    with pytest.raises(ConfigError) as refused, TestClient(create_app(wrong)):
        pass
    assert "WHOMET_NEO4J_PASSWORD" in str(refused.value)
    texts.append(str(refused.value))

    # Neo4j unreachable: every route answers 503 (all at once: each may spend the retry time).
    down = neo4j_settings.model_copy(
        update={
            "neo4j_uri": f"bolt://127.0.0.1:{free_port()}",
            "neo4j_password": SecretStr(WRONG_PASSWORD),
            "api_key": SecretStr(KEY),
        }
    )
    requests = [
        ("GET", "/api/v1/ready", None),
        ("GET", "/api/v1/entities", None),
        ("GET", "/api/v1/stats", None),
        ("POST", "/api/v1/cypher", {"query": "RETURN 1"}),
        ("POST", "/api/v1/documents", {"text": "The council met the board on May 3."}),
    ]
    with ApiServer(down) as api:

        def send(req: tuple[str, str, dict[str, str] | None]) -> httpx.Response:
            method, path, body = req
            with httpx.Client(base_url=api.url, timeout=120) as http:
                return http.request(method, path, json=body, headers={"X-API-Key": KEY})

        with ThreadPoolExecutor(max_workers=len(requests)) as pool:
            answers = list(pool.map(send, requests))
    for (_, path, _), response in zip(requests, answers, strict=True):
        assert response.status_code == 503, (path, response.text)
        texts.append(response.text)

    # A working server: refused keys, bad queries, a broken body.
    right = neo4j_settings.model_copy(update={"api_key": SecretStr(KEY)})
    with TestClient(create_app(right), raise_server_exceptions=False) as c:
        for headers in ({"X-API-Key": KEY + "x"}, {"X-API-Key": KEY[:5]}, {}):
            response = c.post("/api/v1/documents", json={"text": "x"}, headers=headers)
            assert response.status_code == 401
            texts.append(response.text)
        for query in ("RETURN $x +", "CALL dbms.listConfig()", "RETURN 1/0"):
            response = c.post("/api/v1/cypher", json={"query": query})
            assert response.status_code == 400
            texts.append(response.text)
        response = c.post(
            "/api/v1/documents",
            content=b"{",
            headers={"X-API-Key": KEY, "Content-Type": "application/json"},
        )
        assert response.status_code == 422
        texts.append(response.text)

    texts += [f"{r.getMessage()} {r.exc_text or ''} {r.args!r}" for r in caplog.records]
    captured = capfd.readouterr()
    texts += [captured.out, captured.err]
    everything = "\n".join(texts)
    assert "HELLO" in everything or "LOGON" in everything  # the driver's debug log was seen
    _assert_no_secret(everything, WRONG_PASSWORD, real_password, KEY)


def test_cli_never_prints_the_password(
    neo4j_settings: Settings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    runner = CliRunner()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("WHOMET_NEO4J_URI", neo4j_settings.neo4j_uri)
    monkeypatch.setenv("WHOMET_NEO4J_USER", "whomet-wrong-login")  # keep "neo4j" unlocked
    monkeypatch.setenv("WHOMET_NEO4J_PASSWORD", WRONG_PASSWORD)
    write_corpus(tmp_path / "docs", 1)
    outputs = []
    try:
        for args in (["load", str(tmp_path / "docs")], ["stats"], ["query", "RETURN 1"]):
            get_settings.cache_clear()
            result = runner.invoke(cli_app, args)
            assert result.exit_code != 0, (args, result.output)
            outputs.append(result.output)
        monkeypatch.setenv("WHOMET_NEO4J_PASSWORD", "short")  # refused by the settings check
        get_settings.cache_clear()
        result = runner.invoke(cli_app, ["stats"])
        assert result.exit_code == 2
        outputs.append(result.output)
    finally:
        get_settings.cache_clear()
    text = "\n".join(outputs)
    assert "WHOMET_NEO4J_PASSWORD" in text  # the error names the setting...
    _assert_no_secret(text, WRONG_PASSWORD, "'short'", '"short"')  # ...never its value
