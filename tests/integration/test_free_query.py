"""``graph.read.free_query``: the runner behind both ``POST /cypher`` and ``whomet query``.

The two answer the same rows for the same query because they run it the same way; these
tests hold the runner to that, and to the server's refusal of writes, in both of its modes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver
from neo4j import exceptions as neo4j_errors
from typer.testing import CliRunner

from api.app import create_app
from cli.main import app as cli_app
from cli.store_cmd import QUERY_COMMAND
from graph.database.db import Graph
from graph.read import free_query
from graph.read.free_query import ReadLimits, explain, read_rows
from graph.settings import Settings
from tests.support.reliability import counts

pytestmark = pytest.mark.db

# Every kind of value the serializer turns into JSON: a node, a relationship, a path, temporals,
# a float JSON cannot hold, a list, a map.
QUERY = (
    "MATCH p = (a:FreeQuery)-[r:KNOWS]->(b:FreeQuery) "
    "RETURN a, r, p, b.name AS name, date('2026-03-02') AS d, "
    "datetime('2026-03-02T10:00:00Z') AS t, duration('P1D') AS span, 0.0 / 0.0 AS nan, "
    "[1, 'two', null] AS mixed, {k: $k} AS map ORDER BY name"
)
LIMITS = ReadLimits(max_rows=10, timeout_s=10.0)


@pytest.fixture(scope="module")
def people(graph: Graph) -> None:
    graph.write_query(
        "CREATE (a:FreeQuery {name: 'Ada'})-[:KNOWS {since: date('2020-01-01')}]->"
        "(:FreeQuery {name: 'Bo'}), (a)-[:KNOWS]->(:FreeQuery {name: 'Cy'})"
    )


@pytest.mark.parametrize("retry", [False, True])
def test_rows_are_json_and_cut_at_the_caps(graph: Graph, people: None, retry: bool) -> None:
    got = read_rows(graph, QUERY, {"k": 7}, LIMITS, retry=retry)
    assert got.columns == ["a", "r", "p", "name", "d", "t", "span", "nan", "mixed", "map"]
    assert [row["name"] for row in got.rows] == ["Bo", "Cy"] and got.truncated is False
    first = got.rows[0]
    assert first["a"]["kind"] == "node" and first["a"]["properties"] == {"name": "Ada"}
    assert first["r"]["kind"] == "relationship" and first["r"]["properties"]["since"] == (
        "2020-01-01"
    )
    assert first["p"]["kind"] == "path" and len(first["p"]["nodes"]) == 2
    assert (first["d"], first["span"], first["nan"]) == ("2026-03-02", "P1D", "NaN")
    assert first["mixed"] == [1, "two", None] and first["map"] == {"k": 7}
    json.dumps(got.rows, allow_nan=False)

    one = read_rows(graph, QUERY, {"k": 7}, ReadLimits(max_rows=1, timeout_s=10.0), retry=retry)
    assert len(one.rows) == 1 and one.truncated is True
    small = ReadLimits(max_rows=10, timeout_s=10.0, max_bytes=10)
    assert read_rows(graph, QUERY, {"k": 7}, small, retry=retry).rows == []


@pytest.mark.parametrize("retry", [False, True])
def test_the_server_refuses_a_write(graph: Graph, people: None, retry: bool) -> None:
    with pytest.raises(neo4j_errors.ClientError) as refused:
        read_rows(graph, "CREATE (:FreeQuery {name: 'Eve'})", {}, LIMITS, retry=retry)
    assert (refused.value.code or "").endswith("Statement.AccessMode")
    assert graph.read("MATCH (n:FreeQuery {name: 'Eve'}) RETURN n") == []


def test_explain_plans_without_running(graph: Graph, people: None) -> None:
    assert explain(graph, "MATCH (n:FreeQuery) RETURN n", {}).query_type == "r"
    plan = explain(graph, "CREATE (:FreeQuery {name: 'Eve'})", {})
    assert plan.query_type == "w" and plan.plan is not None
    assert graph.read("MATCH (n:FreeQuery {name: 'Eve'}) RETURN n") == []


@pytest.fixture
def client(neo4j_settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(neo4j_settings), raise_server_exceptions=False) as c:
        yield c


def test_api_and_cli_answer_the_same_rows(client: TestClient, cli_env: None, people: None) -> None:
    response = client.post("/api/v1/cypher", json={"query": QUERY, "parameters": {"k": 7}})
    assert response.status_code == 200, response.text
    api: dict[str, Any] = response.json()
    done = CliRunner().invoke(cli_app, ["query", QUERY, "--param", "k=7", "--json"])
    assert done.exit_code == 0, done.output
    cli: dict[str, Any] = json.loads(done.stdout)
    assert cli["columns"] == api["columns"]
    assert json.dumps(cli["rows"], sort_keys=True) == json.dumps(api["rows"], sort_keys=True)
    assert cli["truncated"] is api["truncated"] is False


# What ``/cypher`` refuses, ``whomet query`` refuses too: the same two locks, the same words
# but for how each names itself ("this endpoint", "`whomet query`").
REFUSED = {
    "line-end-hides-a-call": "//\rCALL dbms.listConfig() YIELD name RETURN name",
    "write": "CREATE (n) RETURN n",
    "load-csv-file": "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
    "show-users": "SHOW USERS",
}


def _cli_query(query: str) -> tuple[int, str, str]:
    done = CliRunner().invoke(cli_app, ["query", query, "--json"])
    assert done.exception is None or isinstance(done.exception, SystemExit), done.output
    return done.exit_code, done.stdout, done.stderr


@pytest.mark.parametrize("query", list(REFUSED.values()), ids=list(REFUSED))
def test_cli_refuses_what_the_api_refuses(
    query: str, client: TestClient, cli_env: None, driver: Driver
) -> None:
    before = counts(driver)
    response = client.post("/api/v1/cypher", json={"query": query})
    assert response.status_code == 400, response.text
    assert response.json()["error"]["code"] == "query_refused"
    code, stdout, stderr = _cli_query(query)
    assert code == 1 and stdout == "", stdout  # no rows, not even an empty table
    assert "error: refused" in stderr or "error: the query" in stderr, stderr
    # the API's words, from one guard, in the CLI's own terms
    assert response.json()["error"]["message"].replace("this endpoint", QUERY_COMMAND) in stderr
    assert counts(driver) == before


@pytest.mark.parametrize("query", list(REFUSED.values()), ids=list(REFUSED))
def test_cli_planner_check_holds_without_the_text_guard(
    query: str, cli_env: None, driver: Driver, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the text guard switched off, Neo4j's plan still refuses each one in the CLI."""
    monkeypatch.setattr(free_query, "check_read_only", lambda text, database: None)
    before = counts(driver)
    code, stdout, stderr = _cli_query(query)
    assert code == 1 and stdout == "", stdout
    assert "refused" in stderr, stderr
    assert counts(driver) == before


@pytest.mark.parametrize("query", list(REFUSED.values()), ids=list(REFUSED))
def test_cli_refusals_speak_of_the_command_not_of_an_endpoint(
    query: str, cli_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The text guard's and the planner's refusals, each in the CLI's terms."""
    code, _, stderr = _cli_query(query)
    assert code == 1
    monkeypatch.setattr(free_query, "check_read_only", lambda text, database: None)
    _, _, planned = _cli_query(query)
    for said in (stderr, planned):
        assert "endpoint" not in said and "HTTP" not in said and "/cypher" not in said, said
    assert f"{QUERY_COMMAND} only reads" in planned, planned
