"""Issue 14: graph pages readable at 50-300 nodes. The rule on the server: from
``LABEL_ALL_BELOW`` nodes on, each node carries its naming rank (most connected first), the
page gets the label rule it applies once it has fitted the graph, and the edges are thin;
below it, nothing changes (every name at every zoom). The page's side is checked in
Chromium (tests/integration/test_viz_browser.py)."""

from __future__ import annotations

import json
import re

import networkx as nx

from bench.viz_bench import synthetic_rows
from tests.support.view_rows import small_world
from viz.build import graph_from_rows
from viz.project import met_projection
from viz.render import (
    BIG_LABEL_DRAW_THRESHOLD,
    HUB_LABEL_PIXELS,
    HUB_LABELS,
    LABEL_ALL_BELOW,
    THIN_EDGE_WIDTH,
    crowded,
    label_rule,
    physics_options,
    render_html,
    to_network,
)


def test_small_graphs_name_every_node_at_every_zoom() -> None:
    assert not crowded(LABEL_ALL_BELOW - 1) and crowded(LABEL_ALL_BELOW)
    assert label_rule(LABEL_ALL_BELOW - 1) is None
    options = physics_options(LABEL_ALL_BELOW - 1, True)
    assert "scaling" not in options["nodes"] and "width" not in options["edges"]
    g = graph_from_rows(synthetic_rows(LABEL_ALL_BELOW - 1))
    assert g.number_of_nodes() == LABEL_ALL_BELOW - 1
    net = to_network(g)
    assert all("rank" not in n for n in net.nodes)
    assert "var labelRule = null;" in render_html(g)
    assert "var labelRule = null;" in render_html(graph_from_rows(small_world()))


def test_from_forty_nodes_hubs_are_named_first() -> None:
    g = graph_from_rows(synthetic_rows(60))
    net = to_network(g)
    ranks = {n["id"]: n["rank"] for n in net.nodes}
    assert sorted(ranks.values()) == list(range(g.number_of_nodes()))
    # Ranked by degree (the font sizes follow it): a lower rank never has fewer links.
    degree = dict(g.degree())
    by_rank = sorted(ranks, key=ranks.__getitem__)
    assert all(degree[a] >= degree[b] for a, b in zip(by_rank, by_rank[1:], strict=False))
    fonts = {n["id"]: n["font"]["size"] for n in net.nodes if n["shape"] not in ("box",)}
    assert fonts[by_rank[0]] == max(fonts.values())
    # The same graph, the same order (ties by id).
    assert {n["id"]: n["rank"] for n in to_network(g).nodes} == ranks


def test_crowded_pages_get_the_label_rule_and_thin_edges() -> None:
    rule = label_rule(60)
    assert rule is not None
    assert rule["hubs"] == HUB_LABELS and rule["hubPixels"] == HUB_LABEL_PIXELS
    # Hidden names are under vis-network's threshold (which skips a label under it, less 1).
    assert rule["drawPixels"] == BIG_LABEL_DRAW_THRESHOLD > 5 and rule["revealZoom"] > 1
    assert {"box", "ellipse"} <= set(rule["inside"]) and "dot" not in rule["inside"]
    for n in (LABEL_ALL_BELOW, 60, 149, 300, 1000):
        options = physics_options(n, False)
        label = options["nodes"]["scaling"]["label"]
        assert label["drawThreshold"] == BIG_LABEL_DRAW_THRESHOLD, n
        assert options["edges"]["scaling"]["label"]["drawThreshold"] == BIG_LABEL_DRAW_THRESHOLD
        assert options["edges"]["width"] == THIN_EDGE_WIDTH < 1
    g = graph_from_rows(synthetic_rows(120))
    page = render_html(g)
    found = re.search(r"var labelRule = (\{.*?\});", page)
    assert found is not None and json.loads(found.group(1)) == rule


def test_met_lines_are_thinner_in_a_crowded_view_and_still_grow_with_meetings() -> None:
    def widths(g: nx.Graph) -> dict[int, set[float]]:
        out: dict[int, set[float]] = {}
        for e in to_network(g).edges:
            weight = int(g.edges[e["from"], e["to"]].get("weight", 1))
            out.setdefault(weight, set()).add(e["width"])
        return out

    small = met_projection(graph_from_rows(small_world()))
    assert small.number_of_nodes() < LABEL_ALL_BELOW
    assert widths(small)[1] == {1}
    big = met_projection(graph_from_rows(synthetic_rows(400)))
    assert big.number_of_nodes() >= LABEL_ALL_BELOW
    by_weight = widths(big)
    assert by_weight[1] == {THIN_EDGE_WIDTH}
    heavier = sorted(w for w in by_weight if w > 1)
    assert heavier, "the synthetic met view has repeated meetings"
    assert min(by_weight[heavier[-1]]) > THIN_EDGE_WIDTH
