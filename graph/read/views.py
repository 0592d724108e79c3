"""Reads behind the graph views: named queries from ``cypher/viz/``, rows typed with pydantic.

The views and analytics never touch the database; they get these rows (or the
networkx graph built from them), so rendering stays testable without Neo4j.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from graph.database.cypher import query
from graph.database.db import Graph
from graph.errors import WhometError
from graph.model import DatePrecision

# Upper bound on rows (and on ego-network ids) one view reads; the views cap far lower.
MAX_READ_ROWS = 50_000
MAX_HOPS = 4
READ_TIMEOUT_S = 30.0
# Names of left-out nodes a capped read returns, for the page's note (viz.cap.EXAMPLES).
LEFT_OUT_EXAMPLES = 8
# A meeting without a day (known to the month or year, or not at all) has one of these: the
# events view finds those by an index seek on date_precision, the rest by one on date.
VAGUE_PRECISIONS = sorted(p for p in get_args(DatePrecision) if p != "day")


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
        """The store keeps evidence as parallel lists (``doc_ids``, ``sentences``); pair them,
        with the documents' titles when the read brought them (``doc_titles``: id, title
        pairs; not ``titles``, which a REPRESENTS relationship holds: its job titles)."""
        if not isinstance(data, Mapping) or data.get("evidence") is not None:
            return data
        doc_ids = list(data.get("doc_ids") or [])
        sentences = list(data.get("sentences") or [])
        titles = {str(pair[0]): pair[1] for pair in data.get("doc_titles") or []}
        evidence = [
            {
                "doc_id": str(doc_id),
                "sentence": sentences[i] if i < len(sentences) else None,
                "title": titles.get(str(doc_id)),
            }
            for i, doc_id in enumerate(doc_ids)
        ]
        return {**data, "evidence": evidence}


class ViewRow(BaseModel):
    """One row of a view query: a lone node, or a relationship with both ends."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    source: ViewNode
    rel: ViewRel | None = None
    target: ViewNode | None = None


class LeftOut(BaseModel):
    """What a read capped in the database left out: the view had ``total_nodes`` nodes and
    ``total_links`` links; ``examples`` are the best connected of the nodes left out."""

    total_nodes: int
    total_links: int
    nodes: int
    links: int
    examples: list[ViewNode] = Field(default_factory=list)


class ViewRead(BaseModel):
    """Rows of one view and whether the read stopped at its bound."""

    rows: list[ViewRow]
    # Set by a read ranked and capped in the database (the view holds only what it kept).
    left_out: LeftOut | None = None
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
    graph: Graph,
    start: dt.date,
    end: dt.date,
    *,
    include_undated: bool = False,
    max_nodes: int | None = None,
) -> ViewRead:
    """Meetings dated within ``[start, end]`` with their hosts and attendees. Meetings with no
    date cannot be placed in any range: counted as left out, or drawn with ``include_undated``
    (and then counted as such), so the page never drops them without a word.

    Ranked and capped at ``max_nodes`` in the database (one statement, starting from index
    seeks), so a busy month reads what the page draws and the counts of the rest."""
    if end < start:
        raise WhometError(f"the date range ends ({end}) before it starts ({start})")
    params = {
        "start": start.isoformat(),
        "end": end.isoformat(),
        "include_undated": include_undated,
        "vague": VAGUE_PRECISIONS,
        "limit": max_nodes if max_nodes is not None and max_nodes > 0 else MAX_READ_ROWS,
        "examples": LEFT_OUT_EXAMPLES,
    }
    read = _ranked(graph, "viz/events_ranked", params)
    undated = int(read.pop("undated"))
    result = ViewRead.model_validate(read)
    if include_undated:
        result.undated_included = undated
    else:
        result.undated_left_out = undated
    return result


def _ranked(graph: Graph, name: str, params: Mapping[str, Any]) -> dict[str, Any]:
    """A ranked, capped view read: each kept node once (``nodes``) and the links among them
    (``links``, with source and target ids) turned into view rows, and what it left out; the
    statement's other columns are returned as they are."""
    (record,) = _read(graph, name, params)
    nodes = {str(n["id"]): ViewNode.model_validate(n) for n in record["nodes"]}
    rows = [ViewRow(source=node) for node in nodes.values()]
    rows += [
        ViewRow(
            source=nodes[str(link["source"])],
            rel=ViewRel.model_validate(link),
            target=nodes[str(link["target"])],
        )
        for link in record["links"]
    ]
    left_out = LeftOut(
        total_nodes=record["total_nodes"],
        total_links=record["total_links"],
        nodes=record["left_out_nodes"],
        links=record["left_out_links"],
        examples=[ViewNode.model_validate(n) for n in record["left_out"]],
    )
    extra = {k: record[k] for k in record if k not in _RANKED_COLUMNS}
    named = read_event_names(graph, _event_name_ids(rows))
    return {"rows": rows, "left_out": left_out, "named": named, **extra}


_RANKED_COLUMNS = {
    "nodes",
    "links",
    "total_nodes",
    "total_links",
    "left_out_nodes",
    "left_out_links",
    "left_out",
}


# A capped ego view reads this many times its node cap (at least EGO_MIN_READ nodes): enough
# to choose the best connected among, little enough that a busy entity's page stays fast.
EGO_READ_FACTOR = 5
EGO_MIN_READ = 500


def ego_budget(max_nodes: int | None) -> int | None:
    """How many nodes an ego view capped at ``max_nodes`` reads (None: uncapped, all)."""
    return None if max_nodes is None else max(EGO_READ_FACTOR * max_nodes, EGO_MIN_READ)


def read_ego(
    graph: Graph,
    center_id: str,
    hops: int,
    budget: int | None = None,
    *,
    max_nodes: int | None = None,
) -> ViewRead:
    """The nodes within ``hops`` relationships of ``center_id`` and the relationships among them.

    Walks one hop per query (variable-length bounds cannot be parameters), then reads
    the induced subgraph, so edges between two far nodes are kept as networkx's
    ``ego_graph`` would keep them. With ``budget`` (a view capped at a few nodes reads a few
    times that many), each hop keeps only its best connected new nodes until ``budget``
    nodes are read, so a busy entity's page does not read its whole neighbourhood; the
    read says so (``capped``). With ``max_nodes`` the nodes read are ranked and capped in the
    database (the centre kept first), so only what the page draws comes back (``left_out``).
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
    if max_nodes is not None and max_nodes > 0:
        pinned = [center_id, *named]
        params = {
            "ids": sorted(seen),
            "center": center_id,
            "pinned": pinned,
            # A named event's entity is folded into its first meeting: one more to keep.
            "limit": max_nodes + (1 if named else 0),
            "examples": LEFT_OUT_EXAMPLES,
        }
        ranked = _ranked(graph, "viz/subgraph_ranked", params)
        return ViewRead(**ranked, truncated=truncated, capped=capped)
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
