"""The graph store: load extractions into Neo4j, remove documents, merge nodes.

Each document is written in its own transaction. Loading the same version
again changes nothing; a corrected version replaces the facts of the old one;
removing a document takes away exactly what only it supported. Writers that
touch the same names lock them first (``:WriteLock``), so parallel loads of
overlapping documents resolve to one node per body, and transient failures
(deadlocks, constraint races) are retried with bounded backoff.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable
from typing import Any, Literal, TypeVar

from neo4j import Driver, ManagedTransaction, unit_of_work
from neo4j import exceptions as neo4j_errors
from pydantic import BaseModel, Field

from graph.corrections.replay import after_merge, replay
from graph.cypher import query
from graph.db import Graph
from graph.errors import NotFound, WhometError
from graph.model import EntityType, Extraction
from graph.resolve import name_keys
from graph.store_plan import Plan, plan
from graph.store_tx import (
    EventPlacement,
    Work,
    add_facts,
    add_mentions,
    add_quotes,
    add_reports,
    collect_garbage,
    detach_document,
    event_id,
    events_of_entities,
    expand,
    merge_records,
    move_support,
    place_events,
    refresh_entities,
    refresh_events,
    resolve_entities,
    split_entities,
)

T = TypeVar("T")

MAX_ATTEMPTS = 8
# The longest one document's write transaction may hold its locks: the server ends it
# after this, so a pathological document cannot make the next upload wait for minutes.
WRITE_TIMEOUT_S = 60.0
BACKOFF_BASE_S = 0.05
BACKOFF_CAP_S = 2.0
_RETRY_CODES = frozenset(
    {
        "Neo.ClientError.Statement.EntityNotFound",
        "Neo.ClientError.Schema.ConstraintValidationFailed",
    }
)


class StoreConflict(WhometError):
    """A write kept colliding with concurrent writers after every retry."""


class LoadDiff(BaseModel):
    """What a corrected version of a document changed, as readable lines."""

    facts_added: list[str] = Field(default_factory=list)
    facts_removed: list[str] = Field(default_factory=list)
    entities_added: list[str] = Field(default_factory=list)
    entities_removed: list[str] = Field(default_factory=list)
    events_added: list[str] = Field(default_factory=list)
    events_removed: list[str] = Field(default_factory=list)

    def is_empty(self) -> bool:
        return not any(
            (
                self.facts_added,
                self.facts_removed,
                self.entities_added,
                self.entities_removed,
                self.events_added,
                self.events_removed,
            )
        )


class LoadReport(BaseModel):
    """The outcome of loading or removing one document."""

    doc_id: str
    status: Literal["added", "unchanged", "replaced", "removed"]
    nodes_created: int = 0
    nodes_removed: int = 0
    relationships_created: int = 0
    relationships_removed: int = 0
    merged: list[str] = Field(default_factory=list)  # ids merged away because this doc linked them
    split: list[str] = Field(default_factory=list)  # ids split off because the link is gone
    diff: LoadDiff | None = None


class MergeReport(BaseModel):
    keep_id: str
    drop_id: str
    kind: Literal["entity", "event"]
    nodes_removed: int = 0
    relationships_created: int = 0
    relationships_removed: int = 0


class StoreStats(BaseModel):
    labels: dict[str, int]
    relationships: dict[str, int]


class GraphStore:
    """Loads, replaces and removes documents; one instance may be shared by threads."""

    def __init__(self, driver: Driver, database: str = "neo4j", *, batched: bool = True) -> None:
        """``batched=False`` writes one statement per row instead of one UNWIND per batch
        (only for the load benchmark's comparison)."""
        self.graph = Graph(driver, database)
        self.batched = batched

    # -- loading ------------------------------------------------------------------------

    def load(self, extraction: Extraction, *, force: bool = False) -> LoadReport:
        """Write one document's facts (its own transaction). ``force`` rewrites an unchanged
        version through the full path, which must then leave every property as it was."""
        p = plan(extraction)
        if not force:
            rows = self.graph.read(query("store/document_state"), {"doc_id": p.doc_id})
            row = rows[0]
            if (
                row["exists"]
                and row["content_hash"] == p.document["content_hash"]
                and row["extractor_version"] == p.document["extractor_version"]
            ):
                return LoadReport(doc_id=p.doc_id, status="unchanged")
        now = dt.datetime.now(dt.UTC)
        per_row = not self.batched
        return self._retrying(lambda: self.graph.write(_load_work, p, force, now, per_row))

    def remove(self, doc_id: str) -> LoadReport:
        """Remove a document and exactly what only it supported; raises NotFound if absent."""
        return self._retrying(lambda: self.graph.write(_remove_work, doc_id))

    def merge(self, keep_id: str, drop_id: str) -> MergeReport:
        """Merge node ``drop_id`` into ``keep_id`` (two entities or two events) and record it,
        so that loading documents again does not split them."""
        if keep_id == drop_id:
            raise WhometError("cannot merge a node into itself")
        return self._retrying(lambda: self.graph.write(_merge_work, keep_id, drop_id))

    def stats(self) -> StoreStats:
        labels = self.graph.read(query("store/stats_labels"))
        types = self.graph.read(query("store/stats_types"))
        return StoreStats(
            labels={r["label"]: r["count"] for r in labels},
            relationships={r["type"]: r["count"] for r in types},
        )

    # -- retries --------------------------------------------------------------------------

    @staticmethod
    def _retrying(work: Callable[[], T]) -> T:
        """Run ``work`` again after races the driver does not retry itself (a constraint
        race between two creators, a node deleted under a waiting writer) and after
        transient errors that outlasted the driver's own retries."""
        for attempt in range(MAX_ATTEMPTS):
            try:
                return work()
            except (neo4j_errors.TransientError, neo4j_errors.ClientError) as exc:
                transient = isinstance(exc, neo4j_errors.TransientError)
                if not transient and exc.code not in _RETRY_CODES:
                    raise
                if attempt == MAX_ATTEMPTS - 1:
                    raise StoreConflict(f"gave up after {MAX_ATTEMPTS} attempts: {exc}") from exc
                delay = min(BACKOFF_CAP_S, BACKOFF_BASE_S * 2**attempt)
                time.sleep(delay * (0.5 + random.random()))
        raise AssertionError("unreachable")


# --- transaction functions (may run more than once: they only talk to the transaction) ---------


def _lock_document(w: Work, doc_id: str) -> dict[str, Any]:
    """Lock the document's id, then read its stored state (one round trip)."""
    lock = f"doc:{doc_id}"
    state = w.run("document_lock_state", lock=lock, doc_id=doc_id)[0]
    w.locked.append(lock)
    return state


def _old_keys(mentions: list[dict[str, Any]]) -> set[str]:
    keys: set[str] = set()
    for m in mentions:
        keys |= name_keys(m["names"] or [], EntityType(m["type"])).own
    return keys


def _date_locks(days: list[Any]) -> list[str]:
    return [f"date:{d.isoformat()}" for d in days if d is not None]


def _snapshot(w: Work, doc_id: str) -> tuple[set[str], set[str], set[str]]:
    facts = set()
    for r in w.run("doc_facts", doc_id=doc_id):
        target = r["target_name"] or r["target"]
        if r["target_date"]:
            target = f"{target} ({r['target_date']})"
        values = f" [{', '.join(r['values'])}]" if r["values"] else ""
        facts.add(f"{r['source_name']} -{r['type']}-> {target}{values}")
    foot = w.run("doc_footprint", doc_id=doc_id)
    if not foot:
        return facts, set(), set()
    return facts, set(foot[0]["entities"]), set(foot[0]["events"])


def _diff(
    before: tuple[set[str], set[str], set[str]], after: tuple[set[str], set[str], set[str]]
) -> LoadDiff:
    return LoadDiff(
        facts_added=sorted(after[0] - before[0]),
        facts_removed=sorted(before[0] - after[0]),
        entities_added=sorted(after[1] - before[1]),
        entities_removed=sorted(before[1] - after[1]),
        events_added=sorted(after[2] - before[2]),
        events_removed=sorted(before[2] - after[2]),
    )


def _regroup(w: Work, entities: set[str]) -> EventPlacement:
    """Re-group the reports of the days on which ``entities`` met (after a merge or a split
    of entities changed who took part), taking those days' locks first."""
    days = events_of_entities(w, entities)
    if not days:
        return EventPlacement()
    w.lock(_date_locks(days))
    return place_events(w, days)


@unit_of_work(timeout=WRITE_TIMEOUT_S)
def _load_work(
    tx: ManagedTransaction, p: Plan, force: bool, now: dt.datetime, per_row: bool = False
) -> LoadReport:
    w = Work(tx, per_row=per_row)
    state = _lock_document(w, p.doc_id)
    w.has_records = state["merge_records"] > 0
    exists = bool(state["exists"])
    same = (
        exists
        and state["content_hash"] == p.document["content_hash"]
        and state["extractor_version"] == p.document["extractor_version"]
    )
    if same and not force:
        w.unlock()
        return LoadReport(doc_id=p.doc_id, status="unchanged")

    plan_keys: set[str] = set()
    for pe in p.entities:
        plan_keys |= pe.name_keys.probe | pe.name_keys.own
    old_keys = _old_keys(state["mentions"])
    event_ids = [event_id(p.doc_id, m.key, m.date) for m in p.meetings]
    records = merge_records(w, plan_keys | old_keys, event_ids)
    keys = expand(frozenset(plan_keys), records) | old_keys
    days = [m.date for m in p.meetings] + [e["date"] for e in state["events"]]
    locks = sorted({f"key:{k}" for k in keys} | set(_date_locks(days)))

    before = _snapshot(w, p.doc_id) if exists else (set(), set(), set())
    loaded_at = state["loaded_at"] if same else now
    doc_props = {k: v for k, v in p.document.items() if v is not None}
    w.run("document_upsert", keys=locks, props={**doc_props, "loaded_at": loaded_at})
    w.locked.extend(locks)
    old = detach_document(w, p.doc_id) if exists else None

    node_ids, absorbed, loose = resolve_entities(w, p, records)
    node_of_key = {key: node_ids[i] for key, i in p.entity_of_key.items()}
    add_mentions(w, p, node_ids)
    old_days = [e["date"] for e in state["events"]]
    placed = place_events(w, old_days, p, node_of_key)
    ev_ids = placed.ids
    add_reports(w, p, ev_ids)
    add_quotes(w, p, node_of_key)
    add_facts(w, p, node_of_key, {m.key: e for m, e in zip(p.meetings, ev_ids, strict=True)})

    old_entities = set(old.entities) if old else set()
    split_off = split_entities(w, old_entities - set(absorbed)) if old else []
    # Merged or split entities change who took part in their meetings: re-group those days.
    changed = (set(node_ids) if absorbed else set()) | (old_entities if split_off else set())
    again = _regroup(w, changed | set(split_off))
    touched = (set(node_ids) | old_entities | set(split_off)) - set(absorbed)
    released = refresh_entities(w, touched)
    old_events = old.events if old else []
    events = set(ev_ids) | set(old_events) | placed.touched | again.touched
    refresh_events(w, events)
    collect_garbage(w, old_entities, sorted(events), old.quotes if old else [], released | loose)
    replay(w, touched | set(absorbed) | events, [p.doc_id])  # corrections made by hand hold
    report = LoadReport(
        doc_id=p.doc_id,
        status="replaced" if exists else "added",
        merged=sorted(set(absorbed) | set(placed.merged) | set(again.merged)),
        split=split_off + placed.split + again.split,
        **w.counts,
    )
    if exists:
        report.diff = _diff(before, _snapshot(w, p.doc_id))
    w.unlock()
    return report


@unit_of_work(timeout=WRITE_TIMEOUT_S)
def _remove_work(tx: ManagedTransaction, doc_id: str) -> LoadReport:
    w = Work(tx)
    state = _lock_document(w, doc_id)
    w.has_records = state["merge_records"] > 0
    if not state["exists"]:
        w.unlock()
        raise NotFound(f"no document with id {doc_id!r}")
    old_keys = _old_keys(state["mentions"])
    w.lock([f"key:{k}" for k in old_keys] + _date_locks([e["date"] for e in state["events"]]))
    old = detach_document(w, doc_id)
    split_off = split_entities(w, old.entities)
    placed = place_events(w, [e["date"] for e in state["events"]])
    again = _regroup(w, set(old.entities) | set(split_off) if split_off else set())
    released = refresh_entities(w, set(old.entities) | set(split_off))
    events = set(old.events) | placed.touched | again.touched
    refresh_events(w, events)
    collect_garbage(w, old.entities, sorted(events), old.quotes, released)
    w.run("document_delete", doc_id=doc_id)
    w.unlock()
    split = split_off + placed.split + again.split
    return LoadReport(doc_id=doc_id, status="removed", split=split, **w.counts)


@unit_of_work(timeout=WRITE_TIMEOUT_S)
def _merge_work(tx: ManagedTransaction, keep_id: str, drop_id: str) -> MergeReport:
    w = Work(tx)
    keep = w.run("node_find", id=keep_id)
    drop = w.run("node_find", id=drop_id)
    if not keep:
        raise NotFound(f"no entity or event with id {keep_id!r}")
    if not drop:
        raise NotFound(f"no entity or event with id {drop_id!r}")
    kind = keep[0]["kind"]
    if drop[0]["kind"] != kind:
        raise WhometError(f"cannot merge an {drop[0]['kind']} into an {kind}")
    keys = set(keep[0]["keys"]) | set(drop[0]["keys"])
    w.lock([f"key:{k}" for k in keys] + [f"node:{keep_id}", f"node:{drop_id}"])
    names = [keep[0]["name"], *keep[0]["aliases"], drop[0]["name"], *drop[0]["aliases"]]
    loose = move_support(w, drop_id, keep_id, None)
    after_merge(w, drop_id, keep_id)
    w.run(
        "merge_record_save",
        from_id=drop_id,
        into_id=keep_id,
        keys=sorted(keys),
        names=[n for n in dict.fromkeys(names) if n],
        kind=kind,
    )
    if kind == "entity":
        released = refresh_entities(w, [keep_id])
        again = _regroup(w, {keep_id})
        refresh_events(w, again.touched)
        collect_garbage(w, [], sorted(again.touched), [], released | loose)
    else:
        refresh_events(w, [keep_id])
    w.unlock()
    return MergeReport(
        keep_id=keep_id,
        drop_id=drop_id,
        kind=kind,
        nodes_removed=w.counts["nodes_removed"],
        relationships_created=w.counts["relationships_created"],
        relationships_removed=w.counts["relationships_removed"],
    )
