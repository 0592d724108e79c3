"""One function turns view rows into a networkx graph; every view and export starts here."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import networkx as nx

from graph.read.views import ViewNode, ViewRel, ViewRow
from viz.style import ENTITY_CATEGORIES, MEETING, OTHER

# Node properties copied onto graph nodes when set (the rest of ViewNode decides category/label).
_NODE_FIELDS = (
    "name",
    "type",
    "kind",
    "description",
    "status",
    "location",
    "country",
    "aliases",
    "date",
    "date_text",
    "date_precision",
)


def category_of(node: ViewNode) -> str:
    """The drawing category: a meeting, one of the entity types, or ``Other``."""
    if "Event" in node.labels and "Entity" not in node.labels:
        return MEETING
    for label in ENTITY_CATEGORIES:
        if label in node.labels:
            return label
    if node.type == "Event":
        return "EventName"
    if node.type in ENTITY_CATEGORIES:
        return node.type
    return OTHER


def date_label(node: ViewNode) -> str | None:
    """The best date words of a meeting: ISO date, ``YYYY-MM``, ``YYYY`` or the original text."""
    if node.date:
        return node.date
    if node.year is not None and node.month is not None:
        return f"{node.year:04d}-{node.month:02d}"
    if node.year is not None:
        return f"{node.year:04d}"
    return node.date_text


def display_label(node: ViewNode) -> str:
    """Text drawn by the node: an entity's name; a meeting's name or kind, and its date."""
    if category_of(node) == MEETING:
        head = node.name or node.kind or "meeting"
        when = date_label(node)
        return f"{head} · {when}" if when else head
    return node.name or node.id


def _node_attrs(node: ViewNode) -> dict[str, Any]:
    attrs: dict[str, Any] = {
        "label": display_label(node),
        "category": category_of(node),
        "kind": "event" if category_of(node) == MEETING else "entity",
    }
    for field in _NODE_FIELDS:
        value = getattr(node, field)
        if value is not None and value != []:
            attrs.setdefault(field, value)
    if attrs["kind"] == "event":
        attrs["event_kind"] = node.kind or "meeting"
        when = date_label(node)
        if when:
            attrs["when"] = when
    return attrs


def _edge_attrs(rel: ViewRel, target: ViewNode) -> dict[str, Any]:
    attrs: dict[str, Any] = {"type": rel.type}
    if rel.role is not None:
        attrs["role"] = rel.role
    if rel.implied is not None:
        attrs["implied"] = rel.implied
    if rel.title is not None:
        attrs["position"] = rel.title
    if rel.detail is not None:
        attrs["detail"] = rel.detail
    if rel.current is not None:
        attrs["current"] = rel.current
    attrs["evidence"] = [ev.model_dump(exclude_none=True) for ev in rel.evidence]
    if category_of(target) == MEETING:
        when = date_label(target)
        if when:
            attrs["date"] = when
    return attrs


def graph_from_rows(rows: Iterable[ViewRow], title: str = "whomet graph") -> nx.MultiDiGraph:
    """Entities and meetings as nodes (keyed by graph id), relationships as keyed edges.

    The edge key is the relationship type, so the same fact read twice stays one
    edge while two different facts between the same pair stay two.
    """
    g = nx.MultiDiGraph(title=title, notes=[])
    for row in rows:
        _add_node(g, row.source)
        if row.rel is None or row.target is None:
            continue
        _add_node(g, row.target)
        g.add_edge(
            row.source.id, row.target.id, key=row.rel.type, **_edge_attrs(row.rel, row.target)
        )
    return g


def _add_node(g: nx.MultiDiGraph, node: ViewNode) -> None:
    if node.id in g:
        g.nodes[node.id].update(
            {k: v for k, v in _node_attrs(node).items() if k not in g.nodes[node.id]}
        )
    else:
        g.add_node(node.id, **_node_attrs(node))


def fold_event_names(g: nx.MultiDiGraph, named: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """Draw a summit once: a named-event entity whose meeting is in ``g`` is folded into it.

    "The Veltria-Ostland Summit" is stored twice, as an entity (a name the text mentions)
    and as the meeting held under that name; both in one view read as two happenings.
    The entity's node goes, its relationships (if any) move to the first meeting it names,
    and each of its meetings keeps the entity's id (``named_entity``) and name. An entity
    none of whose meetings is in the view stays: it is then the only drawing of it.
    Returns entity id -> the meeting node that now stands for it.
    """
    folded: dict[str, str] = {}
    for entity, events in sorted(named.items()):
        present = [ev for ev in events if ev in g and ev != entity]
        if entity not in g or not present:
            continue
        into = present[0]
        name = g.nodes[entity].get("name")
        for ev in present:
            node = g.nodes[ev]
            node["named_entity"] = entity
            if name and not node.get("name"):
                node["name"] = name
                node["label"] = f"{name} · {node['when']}" if node.get("when") else name
        for _, target, key, attrs in list(g.out_edges(entity, keys=True, data=True)):
            if target != into:
                g.add_edge(into, target, key=key, **attrs)
        for source, _, key, attrs in list(g.in_edges(entity, keys=True, data=True)):
            if source != into:
                g.add_edge(source, into, key=key, **attrs)
        g.remove_node(entity)
        folded[entity] = into
    return folded
