"""Reads behind the graph views: named queries from ``cypher/viz/``, rows typed with pydantic.

The views and analytics never touch the database; they get these rows (or the
networkx graph built from them), so rendering stays testable without Neo4j.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from graph.database.cypher import query
from graph.database.db import Graph
from graph.errors import WhometError

# Upper bound on rows (and on ego-network ids) one view reads; the views cap far lower.
MAX_READ_ROWS = 50_000
MAX_HOPS = 4
READ_TIMEOUT_S = 30.0


class ViewNode(BaseModel):
    """An entity or a meeting as the views see it (``labels`` tells which)."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    id: str
    labels: list[str] = Field(default_factory=list)
    name: str | None = None
    type: str | None = None
    kind: str | None = None
    description: str | None = None
    status: str | None = None
    location: str | None = None
    country: str | None = None
    aliases: list[str] = Field(default_factory=list)
    date: str | None = None
    date_text: str | None = None
    date_precision: str | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None

    @field_validator("labels", "aliases", mode="before")
    @classmethod
    def _none_is_empty(cls, value: object) -> object:
        return [] if value is None else value


class EvidenceRef(BaseModel):
    """One supporting sentence of a relationship and the document it came from."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    doc_id: str
    sentence: str | None = None
    title: str | None = None


class ViewRel(BaseModel):
    """A fact relationship with its evidence."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    type: str
    role: str | None = None
    implied: bool | None = None
    title: str | None = None
    detail: str | None = None
    current: bool | None = None
    evidence: list[EvidenceRef] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _zip_evidence(cls, data: Any) -> Any:
        """The store keeps evidence as parallel lists (``doc_ids``, ``sentences``); pair them."""
        if not isinstance(data, Mapping) or data.get("evidence") is not None:
            return data
        doc_ids = list(data.get("doc_ids") or [])
        sentences = list(data.get("sentences") or [])
        evidence = [
            {"doc_id": str(doc_id), "sentence": sentences[i] if i < len(sentences) else None}
            for i, doc_id in enumerate(doc_ids)
        ]
        return {**data, "evidence": evidence}


class ViewRow(BaseModel):
    """One row of a view query: a lone node, or a relationship with both ends."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    source: ViewNode
    rel: ViewRel | None = None
    target: ViewNode | None = None


class ViewRead(BaseModel):
    """Rows of one view and whether the read stopped at its bound."""

    rows: list[ViewRow]
    truncated: bool = False
    # An ego read that kept only the best connected nodes of each hop (its budget ran out).
    capped: bool = False
    # Meetings left out because a date range cannot place them (no date, no year).
    undated_left_out: int = 0
    # Meetings without a date that a range view drew anyway (asked with include_undated).
    undated_included: int = 0
    # Named-event entity id -> the meetings it names (one happening: the views draw one node).
    named: dict[str, list[str]] = Field(default_factory=dict)


def _read(graph: Graph, name: str, params: Mapping[str, Any]) -> list[dict[str, Any]]:
    return graph.read(query(name), params, timeout_s=READ_TIMEOUT_S)


def _rows(graph: Graph, name: str, params: Mapping[str, Any]) -> ViewRead:
    records = _read(graph, name, {**params, "max_rows": MAX_READ_ROWS})
    rows = [ViewRow.model_validate(rec) for rec in records]
    return ViewRead(
        rows=_with_titles(graph, rows),
        truncated=len(records) >= MAX_READ_ROWS,
        named=read_event_names(graph, _event_name_ids(rows)),
    )


def _event_name_ids(rows: Iterable[ViewRow]) -> list[str]:
    """The named-event entities (label ``EventName``) among the rows' nodes."""
    return sorted(
        {
            node.id
            for row in rows
            for node in (row.source, row.target)
            if node is not None and "EventName" in node.labels
        }
    )


def read_event_names(graph: Graph, ids: list[str]) -> dict[str, list[str]]:
    """For each named-event entity of ``ids``, the meetings it names (none: left out), so a
    summit that is both an entity and the meeting it names can be drawn once."""
    if not ids:
        return {}
    rows = _read(graph, "viz/event_names", {"ids": ids})
    return {str(r["entity"]): sorted(str(e) for e in r["events"]) for r in rows if r["events"]}


def _with_titles(graph: Graph, rows: list[ViewRow]) -> list[ViewRow]:
    """Fill each evidence entry's document title with one lookup for all documents."""
    doc_ids = sorted({ev.doc_id for row in rows if row.rel for ev in row.rel.evidence})
    if not doc_ids:
        return rows
    titles = {
        str(rec["id"]): rec.get("title")
        for rec in _read(graph, "viz/document_titles", {"ids": doc_ids})
    }
    out = []
    for row in rows:
        if row.rel is None or not row.rel.evidence:
            out.append(row)
            continue
        evidence = [
            ev.model_copy(update={"title": titles.get(ev.doc_id)}) for ev in row.rel.evidence
        ]
        out.append(
            row.model_copy(update={"rel": row.rel.model_copy(update={"evidence": evidence})})
        )
    return out


def read_whole_graph(graph: Graph) -> ViewRead:
    """Every entity and meeting with the relationships between them."""
    return _rows(graph, "viz/whole_graph", {})


def read_meetings(graph: Graph) -> ViewRead:
    """Participation in held meetings: the input of the who-met-whom projection."""
    return _rows(graph, "viz/meetings", {})


def read_events_between(
    graph: Graph, start: dt.date, end: dt.date, *, include_undated: bool = False
) -> ViewRead:
    """Meetings dated within ``[start, end]`` with their hosts and attendees. Meetings with no
    date cannot be placed in any range: counted as left out, or drawn with ``include_undated``
    (and then counted as such), so the page never drops them without a word."""
    if end < start:
        raise WhometError(f"the date range ends ({end}) before it starts ({start})")
    params = {
        "start": start.isoformat(),
        "end": end.isoformat(),
        "include_undated": include_undated,
    }
    read = _rows(graph, "viz/events_between", params)
    if include_undated:
        read.undated_included = len(
            {
                node.id
                for row in read.rows
                for node in (row.source, row.target)
                if node is not None and _undated_meeting(node)
            }
        )
    else:
        read.undated_left_out = int(_read(graph, "viz/events_undated", {})[0]["undated"])
    return read


def _undated_meeting(node: ViewNode) -> bool:
    return "Event" in node.labels and node.date is None and node.year is None


# A capped ego view reads this many times its node cap (at least EGO_MIN_READ nodes): enough
# to choose the best connected among, little enough that a busy entity's page stays fast.
EGO_READ_FACTOR = 5
EGO_MIN_READ = 500


def ego_budget(max_nodes: int | None) -> int | None:
    """How many nodes an ego view capped at ``max_nodes`` reads (None: uncapped, all)."""
    return None if max_nodes is None else max(EGO_READ_FACTOR * max_nodes, EGO_MIN_READ)


def read_ego(graph: Graph, center_id: str, hops: int, budget: int | None = None) -> ViewRead:
    """The nodes within ``hops`` relationships of ``center_id`` and the relationships among them.

    Walks one hop per query (variable-length bounds cannot be parameters), then reads
    the induced subgraph, so edges between two far nodes are kept as networkx's
    ``ego_graph`` would keep them. With ``budget`` (a view capped at a few nodes reads a few
    times that many), each hop keeps only its best connected new nodes until ``budget``
    nodes are read, so a busy entity's page does not read its whole neighbourhood; the
    read says so (``capped``).
    """
    if not 1 <= hops <= MAX_HOPS:
        raise WhometError(f"hops must be between 1 and {MAX_HOPS}, not {hops}")
    # A named event (a summit as an entity) has no relationships of its own: its
    # neighbourhood is that of the meetings it names, which stand one step from it.
    named = read_event_names(graph, [center_id]).get(center_id, [])
    seen = {center_id, *named}
    frontier = [center_id, *named]
    truncated = capped = False
    limit = min(budget, MAX_READ_ROWS) if budget is not None else MAX_READ_ROWS
    for _ in range(hops):
        if not frontier:
            break
        if budget is None:
            found = _read(graph, "viz/neighbours", {"ids": frontier, "max_rows": MAX_READ_ROWS})
        else:
            room = limit - len(seen)
            if room <= 0:
                capped = True
                break
            params = {"ids": frontier, "seen": sorted(seen), "limit": room}
            found = _read(graph, "viz/neighbours_ranked", params)
            capped = capped or len(found) >= room
        frontier = sorted({str(rec["id"]) for rec in found} - seen)
        seen.update(frontier)
        if budget is None and len(seen) >= MAX_READ_ROWS:
            truncated = True
            break
    result = _rows(graph, "viz/subgraph", {"ids": sorted(seen)})
    return ViewRead(
        rows=result.rows,
        truncated=truncated or result.truncated,
        capped=capped,
        named=result.named,
    )


def node_ids(rows: Iterable[ViewRow]) -> set[str]:
    """Every node id the rows mention."""
    ids: set[str] = set()
    for row in rows:
        ids.add(row.source.id)
        if row.target is not None:
            ids.add(row.target.id)
    return ids
