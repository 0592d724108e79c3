"""The four views, each a networkx graph with a title, a description and notes for the page.

They take rows already read (``graph.read.views``) and never the database, so
the API and the CLI build exactly the same graphs.
"""

from __future__ import annotations

import datetime as dt

import networkx as nx

from graph.read.views import ViewRead
from viz.build import fold_event_names, graph_from_rows
from viz.cap import cap_graph, mark_left_out
from viz.project import met_projection


def _truncation_notes(read: ViewRead) -> list[str]:
    if read.truncated:
        return ["The database holds more than one view reads at once; this view is partial."]
    if read.capped:
        return [
            "A large neighbourhood: only its best connected nodes were read "
            "(ask for more nodes to read more)."
        ]
    return []


def _undated_notes(read: ViewRead) -> list[str]:
    """A range view never drops undated meetings silently: it says how many it left out, or
    how many of those it draws (they are in no range, only asked for)."""
    if read.undated_left_out:
        n = read.undated_left_out
        return [
            f"{n:,} meeting{'s' if n != 1 else ''} with no date {'are' if n != 1 else 'is'} not"
            " shown: a date range cannot place them."
        ]
    if read.undated_included:
        n = read.undated_included
        return [
            f"{n:,} meeting{'s' if n != 1 else ''} with no date {'are' if n != 1 else 'is'}"
            " shown as well: a date range cannot place them; they were asked for."
        ]
    return []


def whole_view(read: ViewRead, max_nodes: int | None) -> nx.Graph:
    """Every entity and meeting with their relationships."""
    g = graph_from_rows(read.rows, title="whomet: the whole graph")
    fold_event_names(g, read.named)
    g.graph["view"] = "whole"
    g.graph["description"] = "entities, meetings and the relationships between them"
    g.graph["notes"] = _truncation_notes(read)
    return cap_graph(g, max_nodes)


def ego_view(read: ViewRead, center: str, hops: int, max_nodes: int | None) -> nx.Graph:
    """The neighbourhood of one entity: everything within ``hops`` relationships. A named
    event (a summit as an entity) is centred on the meeting it names, drawn as one node."""
    g = graph_from_rows(read.rows)
    name = str(g.nodes[center].get("label", center)) if center in g else center
    center = fold_event_names(g, read.named).get(center, center)
    g.graph["title"] = f"whomet: around {name}"
    g.graph["view"] = "ego"
    g.graph["center"] = center
    g.graph["description"] = f"within {hops} hop{'s' if hops != 1 else ''} of {name}"
    g.graph["notes"] = _truncation_notes(read)
    mark_left_out(g, read.left_out)  # the read ranked and capped in the database
    return cap_graph(g, max_nodes, keep=[center])


def met_view(read: ViewRead, max_nodes: int | None) -> nx.Graph:
    """Who met whom: entities linked by the held meetings they shared."""
    full = graph_from_rows(read.rows)
    full.graph["notes"] = _truncation_notes(read)
    met = met_projection(full, title="whomet: who met whom")
    met.graph["description"] = "entities linked when they took part in the same held meeting"
    return cap_graph(met, max_nodes)


def events_view(read: ViewRead, start: dt.date, end: dt.date, max_nodes: int | None) -> nx.Graph:
    """The meetings of a date range with who hosted and attended them."""
    g = graph_from_rows(read.rows, title=f"whomet: meetings from {start} to {end}")
    fold_event_names(g, read.named)
    g.graph["view"] = "events"
    g.graph["description"] = (
        "meetings dated in the range (a month or a year counts when it overlaps), "
        "with their hosts and attendees"
    )
    g.graph["notes"] = _truncation_notes(read) + _undated_notes(read)
    g.graph["undated_left_out"] = read.undated_left_out
    g.graph["undated_included"] = read.undated_included
    mark_left_out(g, read.left_out)  # the read ranked and capped in the database
    return cap_graph(g, max_nodes)
