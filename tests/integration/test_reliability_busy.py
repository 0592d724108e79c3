"""A read that runs out of time, or meets a busy database, answers 503 ``database_busy``
with ``Retry-After``, never 500; the API warms the graph up before its first request.

The timeout is real: a query that burns rows for far longer than its 0.05 s
transaction timeout, on the session's Neo4j. Nothing about the database is mocked.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from fastapi import Request
from fastapi.testclient import TestClient
from neo4j import ManagedTransaction, unit_of_work
from neo4j import exceptions as neo4j_errors

from api.app import create_app
from api.errors import RETRY_AFTER_S
from graph.database.db import Graph
from graph.errors import DatabaseBusy, DatabaseUnavailable, WriteTimedOut
from graph.settings import Settings

pytestmark = [pytest.mark.db]

API = "/api/v1"
# Counts rows it never returns: seconds of work on any machine, stopped by its timeout.
BURN = "UNWIND range(1, 100000000) AS x WITH x WHERE x < 0 RETURN count(*) AS n"
TINY_TIMEOUT_S = 0.05
BURN_ROUTE = "/api/v1/test-only/burn"
BURN_WRITE_ROUTE = "/api/v1/test-only/burn-write"


@unit_of_work(timeout=TINY_TIMEOUT_S)
def _burn_write(tx: ManagedTransaction) -> None:
    """A write that would store a node after seconds of work; stopped by its time limit."""
    tx.run("CREATE (:BurnMark {at: 1})").consume()
    tx.run(BURN).consume()


def assert_busy(response: object) -> None:
    from httpx import Response

    assert isinstance(response, Response)
    assert response.status_code == 503, response.text
    assert response.headers["Retry-After"] == str(RETRY_AFTER_S)
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["code"] == "database_busy"
    assert "Traceback" not in body["error"]["message"]


@pytest.fixture(scope="module")
def client(neo4j_settings: Settings) -> Iterator[TestClient]:
    """The real API, plus one route of this module's own that reads ``BURN`` through the
    app's Graph with a tiny timeout (no route of the API reads slowly on demand)."""
    app = create_app(neo4j_settings)

    def burn(request: Request) -> list[dict[str, object]]:
        graph: Graph = request.app.state.graph
        return graph.read(BURN, timeout_s=TINY_TIMEOUT_S)

    def burn_write(request: Request) -> None:
        graph: Graph = request.app.state.graph
        graph.write(_burn_write)

    app.add_api_route(BURN_ROUTE, burn, methods=["GET"])
    app.add_api_route(BURN_WRITE_ROUTE, burn_write, methods=["POST"])
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def test_a_read_past_its_timeout_raises_database_busy(graph: Graph) -> None:
    with pytest.raises(DatabaseBusy) as caught:
        graph.read(BURN, timeout_s=TINY_TIMEOUT_S)
    cause = caught.value.__cause__
    assert isinstance(cause, neo4j_errors.Neo4jError)
    assert cause.code is not None and "TransactionTimedOut" in cause.code
    # The CLI and loaders that stop on an unreachable database stop on a busy one too.
    assert isinstance(caught.value, DatabaseUnavailable)


def test_the_graph_answers_again_after_a_timed_out_read(graph: Graph) -> None:
    with pytest.raises(DatabaseBusy):
        graph.read(BURN, timeout_s=TINY_TIMEOUT_S)
    assert graph.read("RETURN 1 AS ok") == [{"ok": 1}]


def test_a_timed_out_read_answers_503_database_busy_with_retry_after(client: TestClient) -> None:
    assert_busy(client.get(BURN_ROUTE))
    # ...and the API keeps serving.
    assert client.get(f"{API}/ready").status_code == 200


def test_a_write_past_its_timeout_raises_write_timed_out_and_stores_nothing(graph: Graph) -> None:
    with pytest.raises(WriteTimedOut) as caught:
        graph.write(_burn_write)
    cause = caught.value.__cause__
    assert isinstance(cause, neo4j_errors.Neo4jError)
    assert cause.code is not None and "TimedOut" in cause.code
    # The server answers: a batch goes on with its other documents (not DatabaseUnavailable).
    assert not isinstance(caught.value, DatabaseUnavailable)
    assert graph.read("MATCH (b:BurnMark) RETURN count(b) AS n") == [{"n": 0}]


def test_a_timed_out_write_answers_503_write_timed_out_not_500(client: TestClient) -> None:
    response = client.post(BURN_WRITE_ROUTE)
    assert response.status_code == 503, response.text
    assert response.headers["Retry-After"] == str(RETRY_AFTER_S)
    error = response.json()["error"]
    assert error["code"] == "write_timed_out"
    assert "Traceback" not in error["message"]


def test_unreachable_neo4j_answers_503_with_retry_after(neo4j_settings: Settings) -> None:
    dead = neo4j_settings.model_copy(update={"neo4j_uri": "bolt://127.0.0.1:9"})
    with TestClient(create_app(dead), raise_server_exceptions=False) as c:
        response = c.get(f"{API}/ready")
        assert response.status_code == 503
        assert response.headers["Retry-After"] == str(RETRY_AFTER_S)
        assert response.json()["error"]["code"] == "database_unavailable"


def test_the_api_warms_the_graph_up_before_its_first_request(
    graph: Graph, neo4j_settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    graph.write_query(
        "CREATE (:Entity:Person {id: 'warm:1', name: 'Ada Warm', type: 'Person'}), "
        "(:Event {id: 'warm:ev', kind: 'meeting'})"
    )
    caplog.set_level(logging.INFO, logger="whomet.api")
    with TestClient(create_app(neo4j_settings), raise_server_exceptions=False):
        warmed = [r for r in caplog.records if r.getMessage().startswith("warm-up read:")]
    assert len(warmed) == 1
    assert warmed[0].args == {"entities": 1, "events": 1, "relationships": 0}
