"""Node cap: keep the most connected nodes, pin the ego centre, and say what was left out."""

from __future__ import annotations

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from viz.cap import cap_graph


def star_with_tail(leaves: int) -> nx.Graph:
    g = nx.star_graph(leaves)  # node 0 is the hub
    nx.relabel_nodes(g, {n: f"n{n}" for n in g}, copy=False)
    for n in g:
        g.nodes[n]["label"] = f"Node {n}"
    g.add_edge("n1", "tail")
    g.nodes["tail"]["label"] = "Tail"
    g.graph["notes"] = []
    return g


def test_small_graph_is_returned_untouched() -> None:
    g = star_with_tail(5)
    assert cap_graph(g, 100) is g
    assert cap_graph(g, None) is g


def test_cap_keeps_most_connected_and_says_what_it_left_out() -> None:
    g = star_with_tail(30)
    before = (g.number_of_nodes(), g.number_of_edges())
    capped = cap_graph(g, 10)
    assert capped.number_of_nodes() == 10
    assert "n0" in capped and "n1" in capped  # the hub and the only degree-2 leaf
    assert "tail" not in capped
    assert capped.graph["left_out_nodes"] == g.number_of_nodes() - 10
    note = capped.graph["notes"][-1]
    assert f"of {g.number_of_nodes()}" in note
    assert f"left out {g.number_of_nodes() - 10} nodes" in note
    assert "Tail" in note or "Node" in note
    assert (g.number_of_nodes(), g.number_of_edges()) == before  # the input is not changed


def test_pinned_centre_survives_the_cap() -> None:
    g = star_with_tail(30)
    capped = cap_graph(g, 3, keep=["tail"])
    assert "tail" in capped
    assert "n0" in capped
    assert capped.number_of_nodes() == 3


@settings(max_examples=50, deadline=None)
@given(st.integers(5, 60), st.floats(0.02, 0.3), st.integers(1, 20), st.integers(0, 10_000))
def test_cap_is_an_induced_subgraph_of_the_highest_degrees(
    n: int, p: float, cap: int, seed: int
) -> None:
    g = nx.gnp_random_graph(n, p, seed=seed)
    capped = cap_graph(g, cap)
    assert capped.number_of_nodes() == min(n, cap)
    assert {frozenset(e) for e in capped.edges} == {
        frozenset(e) for e in g.subgraph(capped.nodes).edges
    }
    dropped = set(g) - set(capped)
    if dropped:
        assert min(g.degree(k) for k in capped) >= max(g.degree(d) for d in dropped)
