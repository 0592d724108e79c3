"""Exports of the seed's views, from the API and the CLI, read back into networkx unchanged.

The seed goes in through the real loader; the reference graph is the same view
built directly from the database reads.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from graph.database.db import Graph
from graph.read import views as views_read
from graph.settings import Settings, get_settings
from viz import views

pytestmark = pytest.mark.db


@pytest.fixture(scope="module")
def client(neo4j_settings: Settings, seeded: None) -> Iterator[TestClient]:
    from api.app import create_app

    with TestClient(create_app(neo4j_settings)) as test_client:
        yield test_client


def pairs(g: nx.Graph) -> set[frozenset[str]]:
    return {frozenset((str(u), str(v))) for u, v, *_ in g.edges}


def met_reference(graph: Graph, settings: Settings) -> nx.Graph:
    return views.met_view(views_read.read_meetings(graph), settings.viz_max_nodes)


def test_seed_met_view_round_trips_through_graphml_and_json(
    client: TestClient, graph: Graph, neo4j_settings: Settings
) -> None:
    reference = met_reference(graph, neo4j_settings)
    assert reference.number_of_edges() > 0, "the seed yields no meeting pair"

    graphml = client.get("/graph/met", params={"format": "graphml"})
    assert graphml.status_code == 200
    assert graphml.headers["content-type"].startswith("application/graphml+xml")
    back = nx.read_graphml(io.BytesIO(graphml.content))
    assert set(back.nodes) == set(reference.nodes)
    assert pairs(back) == pairs(reference)
    for u, v, attrs in reference.edges(data=True):
        assert back.edges[u, v]["weight"] == attrs["weight"]

    data = client.get("/api/v1/graph/met", params={"format": "json"})
    assert data.status_code == 200
    back_json = nx.node_link_graph(data.json(), edges="edges")
    assert set(back_json.nodes) == set(reference.nodes)
    assert pairs(back_json) == pairs(reference)
    assert dict(back_json.nodes(data=True)) == dict(reference.nodes(data=True))

    table = client.get("/graph/met", params={"format": "csv"})
    rows = list(csv.DictReader(io.StringIO(table.text)))
    assert {frozenset((r["source"], r["target"])) for r in rows} == pairs(reference)


def test_a_capped_page_links_to_the_same_view_with_more_nodes(
    client: TestClient, graph: Graph
) -> None:
    """Issue 14: a cap with a "show more" control. The link doubles the cap (at most all the
    view's nodes) and keeps the page's other parameters and prefix."""
    n = views.whole_view(views_read.read_whole_graph(graph), max_nodes=None).number_of_nodes()
    assert n > 4, n
    for prefix in ("", "/api/v1"):
        page = client.get(f"{prefix}/graph", params={"max_nodes": 2}).text
        assert f'class="show-more" href="{prefix}/graph?max_nodes=4"' in page
    almost = client.get("/graph", params={"max_nodes": n - 1}).text
    assert f'href="/graph?max_nodes={n}"' in almost
    assert "show-more" not in client.get("/graph", params={"max_nodes": n}).text
    ego = client.get("/graph/entity/OpenAI", params={"hops": 2, "max_nodes": 2}).text
    assert 'href="/graph/entity/OpenAI?hops=2&amp;max_nodes=4"' in ego


def test_seed_whole_view_keeps_parallel_facts_in_graphml(
    client: TestClient, graph: Graph, neo4j_settings: Settings
) -> None:
    reference = views.whole_view(views_read.read_whole_graph(graph), neo4j_settings.viz_max_nodes)
    response = client.get("/graph", params={"format": "graphml"})
    back = nx.read_graphml(io.BytesIO(response.content), force_multigraph=True)
    assert set(back.nodes) == set(reference.nodes)
    assert {(u, v, k) for u, v, k in back.edges(keys=True)} == set(reference.edges(keys=True))


def test_analytics_describe_the_seed_projection(
    client: TestClient, graph: Graph, neo4j_settings: Settings
) -> None:
    met = views.met_view(views_read.read_meetings(graph), max_nodes=None)
    response = client.get("/api/v1/analytics", params={"top": 1000})
    assert response.status_code == 200
    body = response.json()
    assert body["overview"]["nodes"] == met.number_of_nodes()
    assert body["overview"]["edges"] == met.number_of_edges()
    assert {row["id"] for row in body["centrality"]} == set(met.nodes)
    brokers = nx.betweenness_centrality(met)
    assert body["centrality"][0]["betweenness"] == pytest.approx(max(brokers.values()), abs=1e-6)
    members = [m["id"] for group in body["components"] for m in group["members"]]
    assert sorted(members) == sorted(met.nodes)
    for path in ("centrality", "communities", "components", "overview"):
        assert client.get(f"/api/v1/analytics/{path}").status_code == 200


def test_ego_view_of_an_unknown_entity_is_404(client: TestClient) -> None:
    response = client.get("/graph/entity/nobody-by-this-name")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


@pytest.mark.parametrize(
    ("path", "status", "code"),
    [
        ("/api/v1/graph/entity/nobody-by-this-name", 404, "not_found"),
        ("/graph/events?start=2026-05-31&end=2026-05-01", 422, "invalid_range"),
        ("/api/v1/graph/events?start=May&end=2026-05-01", 422, "invalid_request"),
        ("/graph/met?format=pdf", 422, "invalid_request"),
        ("/graph/entity/OpenAI?hops=99", 422, "invalid_request"),
    ],
)
def test_view_errors_are_json_even_for_a_browser(
    client: TestClient, path: str, status: int, code: str
) -> None:
    """A page route answers its errors like the rest of the API: JSON with a code and a
    message, whatever the client accepts; the OpenAPI document says so too. (A browser at
    the root asking for a name the graph cannot settle gets the explorer's chooser or closest
    names instead: tests/integration/test_explorer_pages.py.)"""
    response = client.get(path, headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    error = response.json()["error"]
    assert error["code"] == code and error["message"]
    template = path.split("?")[0].replace("nobody-by-this-name", "{ref}").replace("OpenAI", "{ref}")
    documented = client.get("/openapi.json").json()["paths"][template]["get"]["responses"]
    assert set(documented[str(status)]["content"]) == {"application/json"}


def test_cli_writes_the_same_views(
    tmp_path: Path,
    graph: Graph,
    neo4j_settings: Settings,
    seeded: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from cli.main import app

    monkeypatch.setenv("WHOMET_NEO4J_URI", neo4j_settings.neo4j_uri)
    monkeypatch.setenv("WHOMET_NEO4J_USER", neo4j_settings.neo4j_user)
    monkeypatch.setenv("WHOMET_NEO4J_PASSWORD", neo4j_settings.neo4j_password.get_secret_value())
    monkeypatch.setenv("WHOMET_NEO4J_DATABASE", neo4j_settings.neo4j_database)
    get_settings.cache_clear()
    try:
        runner = CliRunner()
        out = tmp_path / "met.graphml"
        result = runner.invoke(app, ["viz", "--met", "--out", str(out)])
        assert result.exit_code == 0, result.output
        assert pairs(nx.read_graphml(out)) == pairs(met_reference(graph, neo4j_settings))

        page = tmp_path / "openai.html"
        result = runner.invoke(
            app, ["viz", "--entity", "OpenAI", "--hops", "1", "--out", str(page)]
        )
        assert result.exit_code == 0, result.output
        configured = get_settings()
        profiles = f"http://{configured.api_host}:{configured.api_port}/entity/"
        assert profiles in page.read_text(encoding="utf-8")

        graphml = tmp_path / "whole.graphml"
        result = runner.invoke(app, ["viz", "--out", str(graphml), "--json"])
        assert result.exit_code == 0, result.output
        report = json.loads(result.stdout)
        written = nx.read_graphml(graphml)
        assert report["file"] == str(graphml) and report["format"] == "graphml"
        assert (report["nodes"], report["edges"]) == (
            written.number_of_nodes(),
            written.number_of_edges(),
        )
        assert report["nodes"] > 0

        result = runner.invoke(app, ["analytics", "--json"])
        assert result.exit_code == 0, result.output
        assert '"betweenness"' in result.output

        result = runner.invoke(app, ["viz", "--met", "--from", "2026-01-01", "--out", str(page)])
        assert result.exit_code == 2
    finally:
        get_settings.cache_clear()
