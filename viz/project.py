"""The who-met-whom projection: entities linked when they took part in the same held meeting."""

from __future__ import annotations

from itertools import combinations
from typing import Any

import networkx as nx

# Relationship types through which an entity takes part in a meeting.
PARTICIPATION = frozenset({"HOSTED", "ATTENDED"})


def participants(g: nx.MultiDiGraph, event: str) -> list[str]:
    """Entities that hosted ``event`` or attended it in person (implied presence does not count)."""
    found = {
        source
        for source, _, data in g.in_edges(event, data=True)
        if data.get("type") in PARTICIPATION
        and not data.get("implied", False)
        and g.nodes[source].get("kind") == "entity"
    }
    return sorted(found)


def _event_info(g: nx.MultiDiGraph, event: str) -> dict[str, Any]:
    data = g.nodes[event]
    info: dict[str, Any] = {"id": event, "label": data.get("label", event)}
    for key in ("event_kind", "when", "location"):
        if data.get(key) is not None:
            info[key] = data[key]
    return info


def met_projection(g: nx.MultiDiGraph, title: str = "Who met whom") -> nx.Graph:
    """Entities as nodes; an edge per pair that met, weighted by the number of meetings.

    Two entities met when both hosted or (not merely implied) attended the same
    meeting whose status is ``held``. Each edge lists its meetings (id, label, date).
    """
    met = nx.Graph(title=title, view="met", notes=list(g.graph.get("notes", [])))
    events = sorted(
        node
        for node, data in g.nodes(data=True)
        if data.get("kind") == "event" and data.get("status") == "held"
    )
    for event in events:
        people = participants(g, event)
        for node in people:
            if node not in met:
                met.add_node(node, **g.nodes[node])
        info = _event_info(g, event)
        for a, b in combinations(people, 2):
            if met.has_edge(a, b):
                met[a][b]["weight"] += 1
                met[a][b]["events"].append(info)
            else:
                met.add_edge(a, b, type="MET", weight=1, events=[info])
    for _, _, data in met.edges(data=True):
        data["events"].sort(key=lambda e: (str(e.get("when") or "~"), e["id"]))
    return met
