"""Keep a large view readable: above a node cap, keep the most central nodes and say what went."""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from graph.read.views import LeftOut
from viz.build import display_label

EXAMPLES = 8  # names of left-out nodes quoted on the page


def centrality_rank(g: nx.Graph) -> list[str]:
    """Nodes from most to least connected (weighted degree; ties by label, then id)."""
    weight = "weight" if any("weight" in d for _, _, d in g.edges(data=True)) else None
    degree = dict(g.degree(weight=weight))
    return sorted(g.nodes, key=lambda n: (-degree[n], str(g.nodes[n].get("label", n)), str(n)))


def cap_graph(g: nx.Graph, max_nodes: int | None, keep: Iterable[str] = ()) -> nx.Graph:
    """``g`` itself when small enough, else a copy holding the ``max_nodes`` most central nodes.

    Nodes in ``keep`` (the centre of an ego view) always stay. The copy's
    ``notes`` graph attribute says how many nodes and links were left out, with
    a few of their names, so the page never hides that it is partial.
    """
    if max_nodes is None or max_nodes <= 0 or g.number_of_nodes() <= max_nodes:
        return g
    pinned = [n for n in keep if n in g]
    ranked = pinned + [n for n in centrality_rank(g) if n not in set(pinned)]
    kept = ranked[: max(max_nodes, len(pinned))]
    left = ranked[len(kept) :]
    capped = g.subgraph(kept).copy()
    capped.graph = dict(g.graph)
    capped.graph["notes"] = [*g.graph.get("notes", []), _note(g, capped, left)]
    capped.graph["left_out_nodes"] = len(left)
    capped.graph["left_out_edges"] = g.number_of_edges() - capped.number_of_edges()
    return capped


def mark_left_out(g: nx.Graph, left_out: LeftOut | None) -> None:
    """Say on ``g`` what a read capped in the database left out, as :func:`cap_graph` says it
    (the same note and counts, so the page's "show more" works alike)."""
    if left_out is None or left_out.nodes <= 0:
        return
    names = [display_label(n) for n in left_out.examples]
    g.graph["notes"] = [
        *g.graph.get("notes", []),
        _note_text(
            g.number_of_nodes(), left_out.total_nodes, left_out.links, names, left_out.nodes
        ),
    ]
    g.graph["left_out_nodes"] = left_out.nodes
    g.graph["left_out_edges"] = left_out.links


def _note(g: nx.Graph, capped: nx.Graph, left: list[str]) -> str:
    names = [str(g.nodes[n].get("label", n)) for n in left[:EXAMPLES]]
    links = g.number_of_edges() - capped.number_of_edges()
    return _note_text(capped.number_of_nodes(), g.number_of_nodes(), links, names, len(left))


def _note_text(shown: int, total: int, links: int, names: list[str], left: int) -> str:
    more = "…" if left > len(names[:EXAMPLES]) else ""
    return (
        f"Showing the {shown:,} most connected of {total:,} nodes: left out {left:,} nodes and "
        f"{links:,} links (e.g. {', '.join(names[:EXAMPLES])}{more})."
    )
