"""How each kind of node looks: one table, so the legend and the drawing agree."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NodeStyle:
    """Colour and vis-network shape of one node category, and its legend text."""

    color: str
    shape: str
    legend: str


MEETING = "Meeting"
OTHER = "Other"

# Colour-blind-friendly (Tableau 10) colours; shapes differ too, so colour is not the only cue.
STYLES: dict[str, NodeStyle] = {
    "Person": NodeStyle("#4e79a7", "dot", "person"),
    "GovernmentBody": NodeStyle("#e15759", "square", "government body"),
    "Company": NodeStyle("#f28e2b", "diamond", "company"),
    "Organization": NodeStyle("#76b7b2", "triangle", "organization"),
    "Country": NodeStyle("#59a14f", "star", "country"),
    "Program": NodeStyle("#b07aa1", "hexagon", "program"),
    "EventName": NodeStyle("#9c755f", "triangleDown", "named event"),
    MEETING: NodeStyle("#edc948", "box", "meeting (event)"),
    OTHER: NodeStyle("#bab0ac", "dot", "other"),
}

# Entity labels of the graph model, in the order a category is chosen from a node's labels.
ENTITY_CATEGORIES: tuple[str, ...] = (
    "Person",
    "GovernmentBody",
    "Company",
    "Organization",
    "Country",
    "Program",
    "EventName",
)

# Shapes that carry their label inside: vis-network sizes them by the text, not by ``size``.
LABEL_INSIDE = frozenset({"box", "ellipse", "circle", "database", "text"})


def style_of(category: str) -> NodeStyle:
    """The style of a category; unknown categories look like ``Other``."""
    return STYLES.get(category, STYLES[OTHER])


def edge_caption(rel_type: str, role: str | None = None) -> str:
    """Short lower-case text drawn on an edge: ``attended``, ``agreed with``, ``speaker``."""
    if rel_type == "ATTENDED" and role and role != "attendee":
        return role
    return rel_type.replace("_", " ").lower()
