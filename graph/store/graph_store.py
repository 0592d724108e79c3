"""The graph store: load extractions into Neo4j, remove documents, merge nodes.

Each document's facts commit all or none: ``load`` writes one document per transaction,
``load_many`` writes new documents that share no name, day or new id in groups (one
transaction and one UNWIND per fact kind for the whole group, see ``batching``). Loading
the same version again changes nothing; a corrected version replaces the facts of the old
one; removing a document takes away exactly what only it supported. Writers that
touch the same names lock them first (``:WriteLock``), so parallel loads of
overlapping documents resolve to one node per body, and transient failures
(deadlocks, constraint races) are retried with bounded backoff.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from neo4j import exceptions as neo4j_errors

from graph.database.cypher import query
from graph.database.db import Graph
from graph.errors import DatabaseUnavailable, WhometError
from graph.model import Extraction
from graph.store.batching import groups
from graph.store.group import GroupResult, load_group_work, settled_entities
from graph.store.plan import Plan, plan
from graph.store.reports import LoadReport, MergeReport, StoreStats
from graph.store.sharing import stored_nodes
from graph.store.transaction import load_work, merge_work, remove_work

T = TypeVar("T")

MAX_ATTEMPTS = 8
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


class _Outcomes:
    """The outcome of each document of a ``load_many`` call, told to a callback as it is known."""

    def __init__(
        self, n: int, tell: Callable[[int, LoadReport | WhometError], None] | None
    ) -> None:
        self.items: list[LoadReport | WhometError | None] = [None] * n
        self.tell = tell

    def set(self, i: int, outcome: LoadReport | WhometError) -> None:
        self.items[i] = outcome
        if self.tell is not None:
            self.tell(i, outcome)


class GraphStore:
    """Loads, replaces and removes documents; one instance may be shared by threads."""

    def __init__(self, graph: Graph, *, batched: bool = True) -> None:
        """``graph`` is the caller's wrapper, used as is (its URI names the server in an
        outage). ``batched=False`` writes one statement per row instead of one UNWIND per
        batch (only for the load benchmark's comparison)."""
        self.graph = graph
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
        return self._retrying(lambda: self.graph.write(load_work, p, force, now, per_row))

    def load_many(
        self,
        extractions: Sequence[Extraction],
        *,
        force: bool = False,
        on_outcome: Callable[[int, LoadReport | WhometError], None] | None = None,
    ) -> list[LoadReport | WhometError]:
        """Load several documents, new ones in group transactions; the outcome of each, in
        input order (an error is that document's only: the others are stored). A lost
        database is raised (``DatabaseUnavailable``): what was written before it is stored,
        and ``on_outcome(index, outcome)`` was called for each of those as it committed.

        New documents that could see each other's writes keep their input order
        (``batching.groups``). A stored document (replaced), a ``force`` load and a document
        that merges entities take the one-document path, after the groups of the call.
        """
        out = _Outcomes(len(extractions), on_outcome)
        plans: list[Plan] = []
        where: list[int] = []
        for i, extraction in enumerate(extractions):
            try:
                plans.append(plan(extraction))
                where.append(i)
            except WhometError as exc:
                out.set(i, exc)
        alone = list(range(len(plans))) if force else self._load_groups(plans, out, where)
        for j in sorted(alone):
            try:
                out.set(where[j], self._load_plan(plans[j], force))
            except DatabaseUnavailable:
                raise
            except WhometError as exc:
                out.set(where[j], exc)
        return [r if r is not None else WhometError("not loaded") for r in out.items]

    def _load_groups(self, plans: list[Plan], out: _Outcomes, where: list[int]) -> list[int]:
        """Write the new documents among ``plans`` in groups; returns the plans left to load
        one at a time (stored versions, entity merges)."""
        ids = sorted({p.doc_id for p in plans})
        stored = {
            r["doc_id"]: r
            for r in self.graph.read(query("store/documents_state"), {"doc_ids": ids})
        }
        todo: list[int] = []
        alone: list[int] = []
        first: dict[str, int] = {}
        for j, p in enumerate(plans):
            row = stored.get(p.doc_id)
            if p.doc_id in first or (row and row["exists"]):
                same = (
                    row is not None
                    and row["exists"]
                    and p.doc_id not in first
                    and row["content_hash"] == p.document["content_hash"]
                    and row["extractor_version"] == p.document["extractor_version"]
                )
                if same:
                    out.set(where[j], LoadReport(doc_id=p.doc_id, status="unchanged"))
                else:
                    alone.append(j)
            else:
                todo.append(j)
            first.setdefault(p.doc_id, j)
        settled = self._settled([plans[j] for j in todo])
        while todo:
            batch = [plans[j] for j in todo]
            later: list[int] = []
            for group in groups(batch, [settled[plans[j].doc_id] for j in todo]):
                members = [todo[k] for k in group]
                now = dt.datetime.now(dt.UTC)
                chunk = [plans[j] for j in members]
                try:
                    res = self._write_group(chunk, now)
                except DatabaseUnavailable:
                    raise  # every other document would fail the same way
                except WhometError:
                    alone.extend(members)  # each alone, so that an error is its document's
                    continue
                for k, report in sorted(res.reports.items()):
                    out.set(where[members[k]], report)
                alone.extend(members[k] for k in res.alone)
                later.extend(members[k] for k in res.later)
            todo = sorted(later)
        return alone

    def _settled(self, plans: list[Plan]) -> dict[str, frozenset[int]]:
        """Per document, its entities that take a stored node they leave as it was
        (``group.settled_entities``): one read of every key, so that documents naming the same
        busy body can share a group."""
        keys = sorted(
            {
                k
                for p in plans
                for pe in p.entities
                for k in pe.name_keys.probe | pe.name_keys.rival_keys()
            }
        )
        found: dict[str, list[dict[str, Any]]] = {}
        if keys:
            for row in self.graph.read(query("store/entity_candidates"), {"keys": keys}):
                found.setdefault(row["key"], []).append(row)
        stored = stored_nodes(found)
        return {p.doc_id: settled_entities(p, found, stored) for p in plans}

    def _write_group(self, chunk: list[Plan], now: dt.datetime) -> GroupResult:
        return self._retrying(lambda: self.graph.write(load_group_work, chunk, now))

    def _load_plan(self, p: Plan, force: bool) -> LoadReport:
        now = dt.datetime.now(dt.UTC)
        return self._retrying(lambda: self.graph.write(load_work, p, force, now, False))

    def remove(self, doc_id: str) -> LoadReport:
        """Remove a document and exactly what only it supported; raises NotFound if absent."""
        return self._retrying(lambda: self.graph.write(remove_work, doc_id))

    def merge(self, keep_id: str, drop_id: str) -> MergeReport:
        """Merge node ``drop_id`` into ``keep_id`` (two entities or two events) and record it,
        so that loading documents again does not split them."""
        if keep_id == drop_id:
            raise WhometError("cannot merge a node into itself")
        return self._retrying(lambda: self.graph.write(merge_work, keep_id, drop_id))

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
