"""The attacks of issue 16 on ``POST /api/v1/cypher``, against a real Neo4j.

Each admin command or outside reach is tried twice: through the whole endpoint (with
line ends that once hid it from the text guard) and with the text guard switched off,
so the planner's verdict alone is what refuses it. Runaway expressions must answer
within the time limit plus a margin and leave the API's memory where it was; errors
that the client's own query or parameters cause are 400/422, never 500.
"""

from __future__ import annotations

import resource
import time
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from api import free_cypher
from api.app import create_app
from graph.database.db import Graph
from graph.database.schema import apply_schema
from graph.read import free_query
from graph.settings import Settings
from tests.support.reliability import answer_within_s, counts

pytestmark = pytest.mark.db

# long enough for a child worker to start on a busy machine (load average 17 here once
# turned a "RETURN 1" into a timeout at 2 s); the runaway tests still end in seconds
TIMEOUT_S = 5.0
# The API kills the child at the limit plus its margin; the answer comes within twice that
# plus 30 s however loaded the machine (unstopped, these queries ran 92 s to 7 minutes).
DEADLINE_S = answer_within_s(TIMEOUT_S + free_cypher.WorkerLimits(TIMEOUT_S).margin_s)

PROBE_INDEX = "guard_probe_index"
ADMIN = [
    "CALL dbms.listConfig() YIELD name RETURN name LIMIT 2",
    "SHOW USERS",
    "SHOW DATABASES",
    "SHOW TRANSACTIONS",
    "SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery",
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    "CALL dbms.killConnections(['bolt-1'])",
    "CALL db.clearQueryCaches()",
    "LOAD CSV FROM 'http://127.0.0.1:9/etc/passwd' AS line RETURN line",
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    "CALL { MATCH (n) RETURN n } IN TRANSACTIONS RETURN 1",
    "SHOW PROCEDURES",
    "SHOW SETTINGS",
    "CREATE (:Hacked)",
    "MATCH (n) DETACH DELETE n",
    "CALL db.createLabel('Hacked')",
    # More of what the planner sees as SHOW, schema or administration (each harmless if it
    # ever ran: an unknown database, a wrong current password, a probe index checked below).
    "SHOW INDEXES",
    "SHOW CONSTRAINTS",
    "SHOW FUNCTIONS",
    "SHOW CURRENT USER",
    "SHOW SERVERS",
    "SHOW ALIASES FOR DATABASES",
    "CREATE USER guard_probe SET PASSWORD 'guard-probe-password'",
    "ALTER CURRENT USER SET PASSWORD FROM 'not-the-password' TO 'guard-probe-password'",
    "STOP DATABASE no_such_database",
    f"CREATE INDEX {PROBE_INDEX} IF NOT EXISTS FOR (n:GuardProbe) ON (n.x)",
    "CALL db.stats.retrieve('QUERIES')",
]
LINE_ENDS = ["\r", "\u2028", "\u2029", "\u0085", "\r\n"]


@pytest.fixture(scope="module")
def client(neo4j_settings: Settings, graph: Graph) -> Iterator[TestClient]:
    apply_schema(graph)
    graph.write_query("CREATE (:Entity {id: 'guard-e1', name: 'Guard One'})")
    settings = neo4j_settings.model_copy(
        update={"cypher_timeout_s": TIMEOUT_S, "cypher_max_rows": 100}
    )
    with TestClient(create_app(settings), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="module")
def roomy(neo4j_settings: Settings, client: TestClient) -> Iterator[TestClient]:
    """The same API with a roomy time limit, for tests about anything but the limit: on a
    loaded machine a cold server once took past 5 s to refuse 'RETURN 1/0' (408, not 400)."""
    settings = neo4j_settings.model_copy(update={"cypher_timeout_s": 60.0, "cypher_max_rows": 100})
    with TestClient(create_app(settings), raise_server_exceptions=False) as c:
        yield c


def post(client: TestClient, body: object) -> tuple[int, dict[str, object]]:
    response = client.post("/api/v1/cypher", json=body)
    answer: dict[str, object] = response.json()
    return response.status_code, answer


def code_of(answer: dict[str, object]) -> object:
    error = answer.get("error")
    return error.get("code") if isinstance(error, dict) else None


@pytest.mark.parametrize("end", LINE_ENDS, ids=[f"U+{ord(e[0]):04X}" for e in LINE_ENDS])
@pytest.mark.parametrize("hidden", ADMIN)
def test_a_line_end_no_longer_hides_a_command(
    client: TestClient, driver: Driver, end: str, hidden: str
) -> None:
    before = counts(driver)
    status, answer = post(client, {"query": f"//{end}{hidden}"})
    assert (status, code_of(answer)) == (400, "query_refused"), answer
    assert counts(driver) == before


@pytest.mark.parametrize("hidden", ADMIN)
def test_the_planner_refuses_what_the_text_guard_misses(
    client: TestClient, driver: Driver, hidden: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(free_query, "check_read_only", lambda text, database: None)
    before = counts(driver)
    status, answer = post(client, {"query": hidden})
    assert status == 400, answer
    assert code_of(answer) in ("query_refused", "cypher_error"), answer
    assert counts(driver) == before


def test_procedures_off_the_allow_list_are_refused_by_the_planner(
    client: TestClient, graph: Graph
) -> None:
    """Read-mode procedures the text guard lets through (``db.stats.retrieve('QUERIES')``
    returns other clients' query text once collection runs) are refused by the planner's
    allow-list; and no statement above left its probe index behind."""
    for query in (
        "CALL db.stats.retrieve('QUERIES')",
        "CALL db.stats.status()",
        "CALL db.info()",
        "CALL db.awaitIndexes(1)",
    ):
        status, answer = post(client, {"query": query})
        assert (status, code_of(answer)) == (400, "query_refused"), (query, answer)
        assert "planner" in str(answer["error"]), (query, answer)
    indexes = graph.read("SHOW INDEXES YIELD name RETURN collect(name) AS names")[0]["names"]
    assert PROBE_INDEX not in indexes


def test_reads_and_allowed_procedures_still_answer(client: TestClient) -> None:
    for query in (
        "MATCH (e:Entity {id: 'guard-e1'}) RETURN e.name AS name",
        "// a comment\r\nMATCH (e:Entity {id: 'guard-e1'}) RETURN e.name AS name",
    ):
        status, answer = post(client, {"query": query})
        assert status == 200 and answer["rows"] == [{"name": "Guard One"}], answer
    status, answer = post(client, {"query": "CALL db.labels() YIELD label RETURN label"})
    assert status == 200 and {"label": "Entity"} in answer["rows"], answer  # type: ignore[operator]


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@pytest.mark.slow
@pytest.mark.parametrize(
    "query",
    [
        "RETURN size(reduce(s = '', x IN range(1, 10000000) | s + 'xxxxxxxxxx')) AS n",
        "RETURN range(1, 100000000) AS r",
        "RETURN range(1, 30000000) AS r",
    ],
    ids=["reduce-1e7", "range-1e8", "range-3e7"],
)
def test_a_runaway_expression_is_stopped_in_time_and_memory(client: TestClient, query: str) -> None:
    before = _rss_mb()
    started = time.monotonic()
    status, answer = post(client, {"query": query})
    elapsed = time.monotonic() - started
    assert status in (408, 400), answer
    assert code_of(answer) in ("query_timeout", "query_too_large"), answer
    assert elapsed < DEADLINE_S, elapsed
    assert _rss_mb() - before < 200, (before, _rss_mb())  # the value never reached this process


def test_a_big_answer_is_cut_at_the_byte_budget(neo4j_settings: Settings, graph: Graph) -> None:
    settings = neo4j_settings.model_copy(
        update={"cypher_max_bytes": 100_000, "cypher_max_rows": 1000}
    )
    with TestClient(create_app(settings), raise_server_exceptions=False) as c:
        status, answer = post(
            c,
            {
                "query": "UNWIND range(1, 1000) AS i RETURN i, $pad AS pad",
                "parameters": {"pad": "x" * 1000},
            },
        )
    assert status == 200 and answer["truncated"] is True, answer
    assert 0 < answer["row_count"] < 100, answer["row_count"]  # type: ignore[operator]


@pytest.mark.parametrize(
    "query",
    [
        "RETURN substring('abc', -1)",
        "RETURN duration('P99999999999999999999Y')",
        "RETURN datetime({epochMillis: 9223372036854775807}) AS d",
        "RETURN 1/0",
        "RETURN date('2026-02-30')",
    ],
)
def test_errors_of_the_clients_own_query_are_400(roomy: TestClient, query: str) -> None:
    status, answer = post(roomy, {"query": query})
    assert status == 400, answer
    assert code_of(answer) in ("cypher_error", "unrepresentable_value"), answer


def test_a_lone_surrogate_in_a_parameter_is_422(client: TestClient) -> None:
    for raw in (
        b'{"query": "RETURN $p AS p", "parameters": {"p": "\\ud800"}}',
        b'{"query": "RETURN $p AS p", "parameters": {"p": ["ok", {"k": "\\udfff"}]}}',
        b'{"query": "RETURN $p AS p", "parameters": {"\\ud800": 1}}',
        b'{"query": "RETURN \'\\ud800\' AS p"}',
    ):
        response = client.post(
            "/api/v1/cypher", content=raw, headers={"Content-Type": "application/json"}
        )
        assert response.status_code == 422, response.text
        assert response.json()["error"]["code"] == "invalid_request"


def test_queries_past_the_slots_are_turned_away_while_health_answers(roomy: TestClient) -> None:
    """Issue 16: 45 slow queries once filled the worker threads and /health took 90 s. With
    every slot taken (as by long queries), another query is refused at once, /health still
    answers, and a freed slot serves again."""
    taken = 0
    try:
        while free_cypher._SLOTS.acquire(blocking=False):
            taken += 1
        assert taken == free_cypher.MAX_CONCURRENT
        response = roomy.post("/api/v1/cypher", json={"query": "RETURN 1 AS one"})
        assert response.status_code == 503, response.text
        assert code_of(response.json()) == "too_many_queries"
        assert response.headers["Retry-After"].isdigit()
        assert roomy.get("/api/v1/health").status_code == 200
    finally:
        for _ in range(taken):
            free_cypher._SLOTS.release()
    status, answer = post(roomy, {"query": "RETURN 1 AS one"})
    assert status == 200 and answer["rows"] == [{"one": 1}], answer
