"""Outages: Neo4j stopped under a running API, and ``whomet load`` killed half-way.

The first test starts its OWN Neo4j (the launcher, free ports, a throwaway folder)
because it stops it; the API runs under uvicorn on a real socket. The second
SIGKILLs a ``whomet load`` subprocess on the session server and compares the
graph with a clean load of the same files.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from neo4j import Driver
from pydantic import SecretStr

from graph.database import neo4j_jars
from graph.database.db import Graph, open_driver
from graph.database.launcher import LocalNeo4j
from graph.database.schema import apply_schema
from graph.ingest.loader import load_paths
from graph.settings import Settings
from graph.store.graph_store import GraphStore
from tests.support import servers
from tests.support.reliability import (
    VOLATILE,
    ApiServer,
    counts,
    doc_signature,
    invariant_violations,
    wipe,
    write_corpus,
)
from tests.support.store import dump, rows

pytestmark = [pytest.mark.db, pytest.mark.slow, pytest.mark.long]

KEY = "outage-write-key-0123456789"
ENTITY = "Veltra Bank"


# --- Neo4j stopped under the API -------------------------------------------------------------


@pytest.fixture(scope="module")
def own_server() -> Iterator[LocalNeo4j]:
    if shutil.which("java") is None or not neo4j_jars.jars_complete(servers.SHARED_LIB):
        pytest.skip("the outage test starts its own Neo4j: needs Java and the jars")
    home = servers.scratch_home("outage-")
    server = LocalNeo4j(
        servers.local_settings(home), lib=servers.SHARED_LIB, extra_conf=servers.TEST_CONF
    )
    try:
        server.start()
        yield server
    finally:
        server.stop()
    shutil.rmtree(home, ignore_errors=True)


@contextmanager
def dropping_listener(host: str, port: int) -> Iterator[list[int]]:
    """Stand in for a stopped Neo4j on its Bolt port: take each connection and drop it.

    Yields a one-item list that holds, once the block is left, how many connections came:
    the attempts a client made, whatever the machine's speed.
    """
    server = socket.create_server((host, port))
    server.settimeout(0.1)
    taken = [0]
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            taken[0] += 1
            conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    result: list[int] = []
    try:
        yield result
    finally:
        time.sleep(0.5)  # a connection still in the backlog is counted
        stop.set()
        thread.join()
        server.close()
        result.append(taken[0])


def routes(doc_id: str) -> list[tuple[str, str, dict[str, Any]]]:
    """Every route of the API (read from its OpenAPI document) with valid arguments."""
    values = {"ref": ENTITY, "doc_id": doc_id, "a": ENTITY, "b": "Ministry of Finance"}
    values |= {"from": ENTITY, "to": "Ministry of Finance", "start": "2025-01-01"}
    values |= {"end": "2026-12-31"}
    return [
        ("GET", "/api/v1/entities", {}),
        ("GET", f"/api/v1/entities/{ENTITY}", {}),
        ("GET", f"/api/v1/entities/{ENTITY}/met", {}),
        ("GET", "/api/v1/who-met", {"a": values["a"], "b": values["b"]}),
        ("GET", "/api/v1/meetings", {}),
        ("GET", "/api/v1/paths", {"from": values["from"], "to": values["to"]}),
        ("GET", "/api/v1/documents", {}),
        ("GET", f"/api/v1/documents/{doc_id}", {}),
        ("GET", "/api/v1/stats", {}),
        ("GET", "/api/v1/graph", {}),
        ("GET", f"/api/v1/graph/entity/{ENTITY}", {}),
        ("GET", "/api/v1/graph/met", {}),
        ("GET", "/api/v1/graph/events", {"start": values["start"], "end": values["end"]}),
        ("GET", "/graph", {}),
        ("GET", "/api/v1/analytics/overview", {}),
        ("GET", "/api/v1/analytics/centrality", {}),
        ("GET", "/api/v1/analytics/communities", {}),
        ("GET", "/api/v1/analytics/components", {}),
        ("POST", "/api/v1/cypher", {"query": "MATCH (d:Document) RETURN count(d) AS n"}),
    ]


def call(url: str, method: str, path: str, args: dict[str, Any]) -> httpx.Response:
    with httpx.Client(base_url=url, timeout=120, headers={"X-API-Key": KEY}) as http:
        if method == "POST":
            return http.post(path, json=args)
        if method == "DELETE":
            return http.delete(path)
        return http.get(path, params=args)


def call_all(url: str, todo: list[tuple[str, str, dict[str, Any]]]) -> dict[str, httpx.Response]:
    """All routes at once (a request may spend the driver's retry time while Neo4j is down)."""
    with ThreadPoolExecutor(max_workers=len(todo)) as pool:
        answers = pool.map(lambda r: call(url, *r), todo)
        return {f"{m} {p}": a for (m, p, _), a in zip(todo, answers, strict=True)}


ARTICLE = (
    "The Ministry of Finance held talks with Veltra Bank in Seoul on May 3, 2025, to discuss "
    "capital rules. Jana Holm, chief executive of Veltra Bank, attended the talks."
)


def test_api_answers_503_while_neo4j_is_down_and_recovers_without_restart(
    own_server: LocalNeo4j,
) -> None:
    settings = own_server.settings.model_copy(update={"api_key": SecretStr(KEY)})
    auth = {"X-API-Key": KEY}
    with ApiServer(settings) as api, httpx.Client(base_url=api.url, timeout=90) as http:
        assert http.get("/api/v1/ready").status_code == 200
        added = http.post("/api/v1/documents", json={"text": ARTICLE}, headers=auth)
        assert added.status_code == 200, added.text
        doc_id = added.json()["id"]
        up = call_all(api.url, routes(doc_id))
        assert {k: r.status_code for k, r in up.items()} == dict.fromkeys(up, 200)

        own_server.stop()

        # A probe answers at once, without the retries a data request makes: counted as
        # connections to a stand-in on Neo4j's port, not timed (a busy machine is slow).
        with dropping_listener(
            own_server.settings.listen_address, own_server.settings.bolt_port
        ) as tries:
            ready = http.get("/api/v1/ready")
        assert ready.status_code == 503
        assert ready.json()["error"]["code"] == "database_unavailable"
        assert tries == [1], tries  # one attempt (a retried read made 3 within its 3 s)
        assert http.get("/api/v1/health").status_code == 200

        writes = [
            ("POST", "/api/v1/documents", {"text": ARTICLE.replace("Seoul", "Busan")}),
            ("DELETE", f"/api/v1/documents/{doc_id}", {}),
        ]
        started = time.monotonic()
        down = call_all(api.url, routes(doc_id) + writes)
        print(f"outage: {len(down)} requests answered in {time.monotonic() - started:.1f} s")
        statuses = {k: r.status_code for k, r in down.items()}
        assert statuses == dict.fromkeys(down, 503), statuses
        for name, response in down.items():
            assert response.headers["content-type"].startswith("application/json"), name
            error = response.json()["error"]
            assert error["code"] == "database_unavailable", (name, error)
            assert "Traceback" not in response.text

        own_server.start()

        deadline = time.monotonic() + 300  # the wait loops here only end a hang
        while http.get("/api/v1/ready").status_code != 200:
            assert time.monotonic() < deadline, "the API did not recover"
            time.sleep(0.5)
        # A restarted server plans every statement afresh: on a busy machine a first read may
        # outrun its time limit and answer 503 database_busy ("retry later"). Clients retry;
        # so does this loop, which only ends a hang: every route must come back.
        deadline = time.monotonic() + 300
        while True:
            again = call_all(api.url, routes(doc_id))
            statuses = {k: r.status_code for k, r in again.items()}
            assert set(statuses.values()) <= {200, 503}, statuses
            if statuses == dict.fromkeys(again, 200) or time.monotonic() > deadline:
                break
            time.sleep(2)
        assert statuses == dict.fromkeys(again, 200), statuses
        # Nothing the outage refused was written; the deleted document is still there.
        docs = http.get("/api/v1/documents").json()
        assert [d["id"] for d in docs["items"]] == [doc_id]
        assert (
            again[f"GET /api/v1/documents/{doc_id}"].json()
            == up[f"GET /api/v1/documents/{doc_id}"].json()
        )
        # And writes work again.
        busan = http.post(
            "/api/v1/documents", json={"text": ARTICLE.replace("Seoul", "Busan")}, headers=auth
        )
        assert busan.status_code == 200, busan.text
    with open_driver(own_server.settings) as drv:
        assert invariant_violations(drv) == {}


# --- whomet load killed half-way ---------------------------------------------------------------

N_DOCS = 30


def _cli(folder: Path, settings: Settings, cwd: Path) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WHOMET_")}
    env |= {
        "WHOMET_NEO4J_URI": settings.neo4j_uri,
        "WHOMET_NEO4J_USER": settings.neo4j_user,
        "WHOMET_NEO4J_PASSWORD": settings.neo4j_password.get_secret_value(),
        "WHOMET_NEO4J_DATABASE": settings.neo4j_database,
    }
    return subprocess.Popen(
        [sys.executable, "-m", "cli.main", "load", str(folder)],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _documents(driver: Driver) -> list[str]:
    return [r["id"] for r in rows(driver, "MATCH (d:Document) RETURN d.id AS id ORDER BY id")]


def test_killed_load_leaves_no_half_document_and_rerun_equals_clean_load(
    driver: Driver, graph: Graph, neo4j_settings: Settings, tmp_path: Path
) -> None:
    folder = tmp_path / "corpus"
    write_corpus(folder, N_DOCS)
    wipe(driver)
    # the schema's one-time MET backfill leaves its marker, as the CLI's loads below do
    apply_schema(graph)
    summary = load_paths(
        [folder],
        GraphStore(Graph(driver, neo4j_settings.neo4j_database, neo4j_settings.neo4j_uri)),
        progress=False,
    )
    assert len(summary.reports) == N_DOCS and not summary.failures
    clean = dump(driver, leave_out=VOLATILE)
    signatures = {doc_id: doc_signature(driver, doc_id) for doc_id in _documents(driver)}
    assert all(s["facts"] for s in signatures.values())

    wipe(driver)
    proc = _cli(folder, neo4j_settings, tmp_path)
    deadline = time.monotonic() + 600
    while len(_documents(driver)) < 5:
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        assert time.monotonic() < deadline, "the load wrote nothing"
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=120)
    assert proc.returncode == -signal.SIGKILL

    # The server rolls back the killed client's open transaction when its socket closes.
    deadline = time.monotonic() + 120
    while rows(driver, "MATCH (l:WriteLock) RETURN count(l) AS n")[0]["n"]:
        assert time.monotonic() < deadline
        time.sleep(0.2)
    present = _documents(driver)
    assert 5 <= len(present) < N_DOCS, len(present)
    for doc_id in present:
        assert doc_signature(driver, doc_id) == signatures[doc_id], doc_id
    assert invariant_violations(driver) == {}

    rerun = _cli(folder, neo4j_settings, tmp_path)
    out, err = rerun.communicate(timeout=900)
    assert rerun.returncode == 0, err.decode()
    assert f"{len(present)} unchanged" in out.decode()
    assert dump(driver, leave_out=VOLATILE) == clean
    assert counts(driver) == (len(clean[0]), len(clean[1]))


# --- a query that would exhaust the server's memory ---------------------------------------------


def test_memory_hungry_query_is_refused_and_the_server_lives_on(own_server: LocalNeo4j) -> None:
    """Run on the test's own server: a query that collects tens of millions of values hits
    Neo4j's transaction memory limit; the API answers 400 once (no retries of it) and the
    server keeps serving."""
    settings = own_server.settings.model_copy(update={"cypher_timeout_s": 60.0})
    bomb = "UNWIND range(1, 40000000) AS x WITH collect(x) AS xs RETURN size(xs) AS n"
    with ApiServer(settings) as api, httpx.Client(base_url=api.url, timeout=300) as http:
        response = http.post("/api/v1/cypher", json={"query": bomb})
        # 400, not 408: refused for its memory before the 60 s limit, in the one transaction
        # the query worker opens (it never retries: graph.read.free_query.read_rows).
        assert response.status_code == 400, response.text
        assert response.json()["error"]["code"] == "query_too_large"
        assert http.get("/api/v1/ready").status_code == 200
        ok = http.post("/api/v1/cypher", json={"query": "RETURN 1 AS one"})
        assert ok.status_code == 200 and ok.json()["rows"] == [{"one": 1}]
