"""Plan warming explains every named statement the API and the store run, on a real Neo4j,
with dummy parameters of the right names (a renamed parameter fails here); the API starts
and answers while it runs in the background."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from fastapi import Request
from fastapi.testclient import TestClient

from api.app import create_app
from api.plan_warming import InFlight, PlanWarming
from cli.neo4j_cmd import warm_started_server
from graph.database.cypher import query
from graph.database.db import Graph
from graph.database.schema import apply_schema
from graph.database.warm_plans import (
    DUMMIES,
    OVERRIDES,
    WarmReport,
    dummy_params,
    parameters,
    read_statements,
    store_statements,
    warm_plans,
)
from graph.settings import Settings

pytestmark = [pytest.mark.db]


@pytest.fixture(scope="module")
def schema_graph(graph: Graph) -> Graph:
    apply_schema(graph)  # the search statements name the full-text index
    return graph


def test_every_read_statement_is_planned_without_error(schema_graph: Graph) -> None:
    names = read_statements()
    assert {"api/entity_met_summary", "explorer/meeting", "viz/subgraph"} <= set(names)
    report = warm_plans(schema_graph, names)
    assert report.failed == []
    assert report.planned == names and report.skipped == []


def test_every_store_statement_is_planned_without_error(schema_graph: Graph) -> None:
    names = store_statements()
    assert {"store/document_upsert", "store/facts_add_entity"} <= set(names)
    report = warm_plans(schema_graph, names)
    assert report.failed == []
    assert report.planned == names


def test_every_dummy_is_a_parameter_some_statement_uses() -> None:
    used: set[str] = set()
    for name in read_statements() + store_statements():
        used |= parameters(query(name))
    assert set(DUMMIES) <= used, set(DUMMIES) - used
    assert set(OVERRIDES) <= set(read_statements() + store_statements())


def test_a_parameter_without_a_dummy_is_reported_not_sent() -> None:
    params, missing = dummy_params("x", "// $in_a_comment\nMATCH (e {id: $id}) RETURN $renamed")
    assert params == {"id": "x"} and missing == ["renamed"]


def test_a_failing_statement_is_reported_and_the_rest_still_planned(graph: Graph) -> None:
    report = warm_plans(graph, ["no_such/statement", "api/ping"])
    assert report.planned == ["api/ping"]
    assert [name for name, _ in report.failed] == ["no_such/statement"]


def test_no_time_left_skips_the_rest_without_error(graph: Graph) -> None:
    report = warm_plans(graph, ["api/ping", "api/stats_nodes"], budget_s=0)
    assert report.planned == [] and report.skipped == ["api/ping", "api/stats_nodes"]


def test_warming_waits_while_told_to_and_its_budget_still_ends_it(graph: Graph) -> None:
    report = warm_plans(graph, ["api/ping"], budget_s=0.2, wait_while=lambda: True)
    assert report.planned == [] and report.skipped == ["api/ping"]
    stop = threading.Event()
    stop.set()
    stopped = warm_plans(graph, ["api/ping"], budget_s=60, stop=stop, wait_while=lambda: True)
    assert stopped.planned == [] and stopped.skipped == ["api/ping"]


@pytest.fixture()
def held_warming(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Plan warming that waits for the returned event before it runs (the real warming, on
    the real server), so the test can ask the API while it is under way."""
    gate = threading.Event()

    def held(graph: Graph, names: list[str], **kwargs: object) -> WarmReport:
        gate.wait(60)
        return warm_plans(graph, names, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("api.plan_warming.warm_plans", held)
    yield gate
    gate.set()


def test_the_api_answers_while_plans_warm(
    neo4j_settings: Settings, schema_graph: Graph, held_warming: threading.Event
) -> None:
    settings = neo4j_settings.model_copy(update={"warm_plans": True})
    app = create_app(settings)
    with TestClient(app) as client:
        warming: PlanWarming = app.state.plan_warming
        assert warming.thread is not None and warming.thread.is_alive()
        assert client.get("/api/v1/ready").status_code == 200
        assert client.get("/api/v1/entities", params={"q": "nobody"}).status_code == 200
        assert client.get("/api/v1/stats").status_code == 200
        assert warming.thread.is_alive()  # the answers did not wait for it
        held_warming.set()
        warming.thread.join(120)
        assert warming.report is not None and warming.report.failed == []
        assert warming.report.planned == read_statements()


def test_warming_off_starts_no_thread(neo4j_settings: Settings) -> None:
    app = create_app(neo4j_settings.model_copy(update={"warm_plans": False}))
    with TestClient(app) as client:
        assert client.get("/api/v1/ready").status_code == 200
        assert app.state.plan_warming.thread is None


def test_the_api_counts_the_requests_it_is_answering(neo4j_settings: Settings) -> None:
    """What plan warming waits on: a request under way counts, a finished one no longer."""
    app = create_app(neo4j_settings)

    def seen(request: Request) -> dict[str, int]:
        in_flight: InFlight = request.app.state.in_flight
        return {"count": in_flight.count}

    app.add_api_route("/test-only/in-flight", seen, methods=["GET"])
    with TestClient(app) as client:
        assert client.get("/test-only/in-flight").json() == {"count": 1}
        assert app.state.in_flight.count == 0
        assert not app.state.in_flight.busy()


def test_neo4j_starts_warming_plans_every_read_and_store_statement(
    neo4j_settings: Settings, schema_graph: Graph
) -> None:
    """What ``whomet neo4j start`` runs once the server answers (the start itself restarts a
    server: tests/integration/test_neo4j_cli_json.py, marked long)."""
    planned, said = warm_started_server(neo4j_settings)
    assert planned == len(read_statements()) + len(store_statements())
    assert said.startswith(f"{planned} statements planned in ") and "failed" not in said
