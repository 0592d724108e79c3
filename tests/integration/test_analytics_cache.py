"""Analytics are computed once per graph version: a repeated request reuses the answer, and
any committed write (a load, a removal, a correction) makes the next request compute again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.corrections.service import Corrections
from graph.database.db import Graph
from graph.database.schema import apply_schema
from graph.ingest.loader import load_paths
from graph.read import analytics
from graph.read import views as views_read
from graph.read.analytics_cache import CACHE
from graph.settings import Settings
from graph.store.graph_store import GraphStore
from viz.views import met_view

pytestmark = pytest.mark.db

FIXTURES = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "api").glob("*.txt"))
URL = "/api/v1/analytics/centrality?top=100"


@pytest.fixture(scope="module")
def client(neo4j_settings: Settings, graph: Graph) -> Iterator[TestClient]:
    apply_schema(graph)
    with TestClient(create_app(neo4j_settings)) as c:
        yield c


def fresh(graph: Graph) -> list[dict[str, object]]:
    g = met_view(views_read.read_meetings(graph), max_nodes=None)
    return [c.model_dump(mode="json") for c in analytics.centrality(g)[:100]]


def test_analytics_are_computed_once_per_graph_version(client: TestClient, graph: Graph) -> None:
    store = GraphStore(graph)
    assert not load_paths(FIXTURES[:-1], store, progress=False).failures
    before = CACHE.computed
    first = client.get(URL)
    assert first.status_code == 200 and first.json() == fresh(graph)
    assert client.get(URL).json() == first.json()
    assert CACHE.computed == before + 1

    summary = load_paths(FIXTURES[-1:], store, progress=False)  # a write: a new version
    assert summary.reports and summary.reports[0].status == "added"
    second = client.get(URL)
    assert CACHE.computed == before + 2 and second.json() == fresh(graph)

    named = second.json()[0]
    Corrections(graph).rename(named["id"], "Renamed For The Cache Test")
    third = client.get(URL)
    assert CACHE.computed == before + 3
    assert "Renamed For The Cache Test" in [c["name"] for c in third.json()]

    store.remove(summary.reports[0].doc_id)
    assert client.get(URL).json() == fresh(graph)
    assert CACHE.computed == before + 4
