"""View rows built by hand for the graph-view tests (no database): an entity, a meeting, a
relationship, a row of them, and a small world of two meetings."""

from __future__ import annotations

from typing import Any

from graph.read.views import ViewRow


def entity(node_id: str, name: str, label: str, **extra: Any) -> dict[str, Any]:
    return {"id": node_id, "name": name, "labels": ["Entity", label], "type": label, **extra}


def meeting(
    node_id: str, kind: str = "meeting", status: str = "held", **extra: Any
) -> dict[str, Any]:
    return {"id": node_id, "kind": kind, "status": status, "labels": ["Event"], **extra}


def rel(rel_type: str, *sentences: str, doc: str = "doc-1", **extra: Any) -> dict[str, Any]:
    return {
        "type": rel_type,
        "doc_ids": [doc] * len(sentences),
        "sentences": list(sentences),
        **extra,
    }


def row(
    source: dict[str, Any], r: dict[str, Any] | None = None, target: dict[str, Any] | None = None
) -> ViewRow:
    return ViewRow.model_validate({"source": source, "rel": r, "target": target})


# A small world: a ministry hosts two meetings; two companies and a person attend.
MINISTRY = entity("gov:ministry", "Ministry of Examples", "GovernmentBody")
ACME = entity("com:acme", "Acme", "Company")
GLOBEX = entity("com:globex", "Globex", "Company")
ANNA = entity("per:anna-lee", "Anna Lee", "Person")
WORKSHOP = meeting("ev:w", kind="workshop", date="2026-03-18", date_text="on the 18th")
TALKS = meeting("ev:t", kind="talks", year=2026, month=3)


def small_world() -> list[ViewRow]:
    return [
        row(MINISTRY, rel("HOSTED", "The ministry held a workshop."), WORKSHOP),
        row(ACME, rel("ATTENDED", "Acme attended.", role="attendee", implied=False), WORKSHOP),
        row(ANNA, rel("ATTENDED", "Lee spoke.", role="speaker", implied=False), WORKSHOP),
        row(ANNA, rel("REPRESENTS", "Lee, Acme's policy head.", title="policy head"), ACME),
        row(MINISTRY, rel("HOSTED", "Talks with Globex."), TALKS),
        row(GLOBEX, rel("ATTENDED", "Globex came.", role="attendee", implied=False), TALKS),
        row(MINISTRY, rel("REQUESTED", "It asked Acme to share.", detail="share data"), ACME),
    ]
