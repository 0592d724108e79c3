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
from typing import TypeVar

from neo4j import exceptions as neo4j_errors

from graph.database.cypher import query
from graph.database.db import Graph
from graph.errors import WhometError
from graph.model import Extraction
from graph.store.plan import plan
from graph.store.reports import LoadReport, MergeReport, StoreStats
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
