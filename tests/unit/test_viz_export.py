"""Exports read back into networkx with the same nodes, edges and (stringified) attributes."""

from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pytest

from tests.support.view_rows import small_world
from viz.build import graph_from_rows
from viz.export import ExportFormat, export, to_csv, to_graphml, to_json
from viz.project import met_projection


def views() -> list[nx.Graph]:
    full = graph_from_rows(small_world())
    return [full, met_projection(full)]


def edge_set(g: nx.Graph) -> set[tuple[str, ...]]:
    if g.is_multigraph():
        return {(str(u), str(v), str(k)) for u, v, k in g.edges(keys=True)}
    return {tuple(sorted((str(u), str(v)))) for u, v in g.edges}


@pytest.mark.parametrize("index", [0, 1], ids=["whole", "met"])
def test_graphml_round_trip(index: int) -> None:
    g = views()[index]
    back = nx.read_graphml(io.BytesIO(to_graphml(g)), force_multigraph=g.is_multigraph())
    assert set(back.nodes) == set(map(str, g.nodes))
    assert edge_set(back) == edge_set(g)
    assert back.is_directed() == g.is_directed()
    for node, attrs in g.nodes(data=True):
        assert back.nodes[node]["label"] == attrs["label"]
        if "aliases" in attrs:
            assert json.loads(back.nodes[node]["aliases"]) == attrs["aliases"]
    if not g.is_multigraph():
        for u, v, attrs in g.edges(data=True):
            assert back.edges[u, v]["weight"] == attrs["weight"]
            assert json.loads(back.edges[u, v]["events"]) == attrs["events"]


@pytest.mark.parametrize("index", [0, 1], ids=["whole", "met"])
def test_json_round_trip(index: int) -> None:
    g = views()[index]
    back = nx.node_link_graph(json.loads(to_json(g)), edges="edges")
    assert set(back.nodes) == set(g.nodes)
    assert edge_set(back) == edge_set(g)
    assert dict(back.nodes(data=True)) == dict(g.nodes(data=True))


def test_csv_has_one_line_per_edge_and_evidence() -> None:
    for g in views():
        rows = list(csv.DictReader(io.StringIO(to_csv(g))))
        lines = [max(1, len(a.get("evidence") or [])) for *_, a in g.edges(data=True)]
        assert len(rows) == sum(lines)
        stated = [
            (str(u), str(v), e.get("doc_id", ""), e.get("sentence", ""))
            for u, v, a in g.edges(data=True)
            for e in a.get("evidence") or []
        ]
        got_stated = [(r["source"], r["target"], r["doc_id"], r["sentence"]) for r in rows]
        assert all(s in got_stated for s in stated)
        got = {tuple(sorted((r["source"], r["target"]))) for r in rows}
        assert got == {tuple(sorted((str(u), str(v)))) for u, v, *_ in g.edges}
        for r in rows:
            assert r["type"]
            assert r["source_label"] == g.nodes[r["source"]]["label"]


def test_html_is_not_a_data_export() -> None:
    with pytest.raises(ValueError):
        export(views()[0], ExportFormat.HTML)
