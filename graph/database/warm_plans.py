"""Plan the named statements once after a server (re)start, before users need them.

Why: a fresh Neo4j plans each statement on its first run, inside the request or load that
runs it (docs/scaling.md, "Plan warming": a cold server's first loads took 22.6/6.1 s,
9.5/1.2 s after an ``EXPLAIN`` of the store statements). ``EXPLAIN`` plans without running
anything, so it is safe for writes too. Neo4j caches a plan by the query text *and* the
types of its parameters, so each statement is explained with dummy values of the types its
callers send (:data:`DUMMIES`, one per parameter name). Bounded in time; failures are
logged and returned, never raised: warming is an optimisation, not a duty.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from neo4j import NotificationMinimumSeverity, Query, Session
from neo4j import exceptions as neo4j_errors

from graph.database.cypher import CYPHER_DIR, query
from graph.database.db import Graph
from graph.errors import WhometError

log = logging.getLogger("whomet.warm_plans")

# The folders the API reads from, and the two store statements its /stats page reads.
READ_FOLDERS = ("api", "explorer", "viz")
READ_EXTRA = ("store/stats_labels", "store/stats_types")
STORE_FOLDERS = ("store",)
# Planned first: what the busiest routes (/met, /who-met, /paths, search, profile) run, so
# that the first requests after a restart find theirs among the first done.
FIRST = (
    "api/entity_met_summary",
    "api/entity_by_ref",
    "api/document_refs",
    "api/who_met_refs",
    "api/entity_by_refs",
    "api/path_start",
    "api/path_neighbours",
    "api/path_details",
    "api/search_entities",
    "api/list_entities",
    "api/entity_profile",
    "api/entity_met",
    "api/entity_met_events",
    "api/meetings",
)
PAUSE_S = 0.05
DEFAULT_BUDGET_S = 180.0
STATEMENT_TIMEOUT_S = 30.0

_DAY = dt.date(2026, 1, 1)
_REF = {"ids": ["x", "x"], "lower": "x", "norm": "x", "exact": "x"}

# One dummy per parameter name, of the type the callers send on the common path (a filter
# left out is null, as in a default request). A statement naming a parameter missing here
# is reported as a failure, so a renamed parameter fails the warming test.
DUMMIES: Mapping[str, Any] = {
    # API reads
    "a": "x",
    "b": "x",
    "center": "x",
    "examples": 8,
    "after": None,  # /met's cursor (absent on a first page); store pages pass a string
    "end": "2026-01-01",
    "entity_id": None,
    "exact": "x",
    "from": "x",
    "id": "x",
    "ids": ["x"],
    "include_undated": False,
    "kind": None,
    "limit": 10,
    "lower": "x",
    "lucene": "x",
    "max_rows": 10,
    "met": ["x"],
    "norm": "x",
    "offset": 0,
    "others": ["x"],
    "per_counterpart": 5,
    "pinned": ["x"],
    "refs": [_REF],
    "seen": ["x"],
    "since": None,
    "source": None,
    "start": "2026-01-01",
    "status": None,
    "ties": ["x"],
    "to": "x",
    "type": None,
    "until": None,
    "vague": ["month"],
    # store statements (the loader, corrections, re-extraction)
    "dates": [_DAY],
    "doc_id": "x",
    "doc_ids": ["x"],
    "from_id": "x",
    "into_id": "x",
    "keys": ["x"],
    "lock": True,
    "locks": ["x"],
    "meetings": [{"date": _DAY, "participants": ["x", "y"]}],
    "names": ["x"],
    "node": "x",
    "now": dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    "pairs": [{"a": "x", "b": "y"}],
    "props": {"id": "x"},
    "rels": ["x"],
    "rows": [{"id": "x"}],
    "set": False,
}
# Where one name carries another type in one statement.
OVERRIDES: Mapping[str, Mapping[str, Any]] = {
    "store/documents_page": {"after": ""},
    "store/met_backfill_entities": {"after": ""},
    "store/met_backfill_events": {"after": ""},
    "store/merge_record_save": {"kind": "entity"},
}

_COMMENT = re.compile(r"(^|\s)//[^\n]*")
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


@dataclass
class WarmReport:
    """What one warming did: statements planned, failures (name, reason), time taken."""

    planned: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # left when the budget ran out
    seconds: float = 0.0

    def describe(self) -> str:
        text = f"{len(self.planned)} statements planned in {self.seconds:.1f} s"
        if self.failed:
            text += f", {len(self.failed)} failed ({', '.join(n for n, _ in self.failed)})"
        if self.skipped:
            text += f", {len(self.skipped)} left for lack of time"
        return text


def statement_names(folders: Iterable[str], extra: Iterable[str] = ()) -> list[str]:
    """The named statements of ``folders`` under ``cypher/`` (not their subfolders)."""
    names = [f"{d}/{p.stem}" for d in folders for p in sorted((CYPHER_DIR / d).glob("*.cypher"))]
    return names + [n for n in extra if n not in names]


def read_statements() -> list[str]:
    """What the API reads: its own, the explorer's and the views' statements, and /stats';
    the busiest routes' first (:data:`FIRST`)."""
    names = statement_names(READ_FOLDERS, READ_EXTRA)
    first = [n for n in FIRST if n in names]
    return first + [n for n in names if n not in first]


def store_statements() -> list[str]:
    """What the loader, corrections and re-extraction run."""
    return statement_names(STORE_FOLDERS)


def parameters(text: str) -> set[str]:
    """The ``$name`` parameters a statement uses (comments left out)."""
    return set(_PARAM.findall(_COMMENT.sub(" ", text)))


def dummy_params(name: str, text: str) -> tuple[dict[str, Any], list[str]]:
    """Type-correct dummy values for the parameters of ``text``, and the names without one."""
    own = {**DUMMIES, **OVERRIDES.get(name, {})}
    wanted = parameters(text)
    missing = sorted(p for p in wanted if p not in own)
    return {p: own[p] for p in sorted(wanted) if p in own}, missing


def warm_plans(
    graph: Graph,
    names: Iterable[str],
    *,
    budget_s: float = DEFAULT_BUDGET_S,
    stop: threading.Event | None = None,
    wait_while: Callable[[], bool] | None = None,
) -> WarmReport:
    """``EXPLAIN`` each of ``names`` with dummy parameters, within ``budget_s`` in all.

    Never raises for the database: a failure is logged and kept in the report; ``stop``
    (set when the caller shuts down) ends it between two statements. While ``wait_while``
    says so (the API: requests are being answered), it waits before the next statement:
    on two cores, planning beside a request slowed the request more than it saved."""
    report = WarmReport()
    began = time.monotonic()
    todo = list(names)
    try:
        # No notifications: on a young graph every statement names labels and properties
        # that do not exist yet, and the driver would log a warning for each of them.
        with graph.session(notifications_min_severity=NotificationMinimumSeverity.OFF) as session:
            for i, name in enumerate(todo):
                left = _wait(began + budget_s, stop, wait_while)
                if left <= 0 or (stop is not None and stop.is_set()):
                    report.skipped = todo[i:]
                    break
                _explain(session, name, min(left, STATEMENT_TIMEOUT_S), report)
    except (neo4j_errors.Neo4jError, neo4j_errors.DriverError, OSError) as exc:
        # The session itself failed (the server went away, the driver closed): stop here.
        done = set(report.planned) | {n for n, _ in report.failed}
        report.skipped = [n for n in todo if n not in done]
        report.failed.append(("(session)", _reason(exc)))
    report.seconds = time.monotonic() - began
    if report.failed:
        log.warning("plan warming: %s: %s", report.describe(), report.failed)
    else:
        log.info("plan warming: %s", report.describe())
    return report


def _wait(
    deadline: float, stop: threading.Event | None, wait_while: Callable[[], bool] | None
) -> float:
    """Wait while ``wait_while()`` (not past ``deadline``, not once stopped); seconds left."""
    while wait_while is not None and wait_while() and time.monotonic() < deadline:
        if stop is not None and stop.wait(PAUSE_S):
            break
        if stop is None:
            time.sleep(PAUSE_S)
    return deadline - time.monotonic()


def _explain(session: Session, name: str, timeout_s: float, report: WarmReport) -> None:
    try:
        text = query(name)
        params, missing = dummy_params(name, text)
        if missing:
            report.failed.append((name, f"no dummy value for ${', $'.join(missing)}"))
            return
        session.run(Query("EXPLAIN " + text, timeout=timeout_s), params).consume()
    except WhometError as exc:
        report.failed.append((name, str(exc)))
    except neo4j_errors.Neo4jError as exc:  # a statement the server refuses: keep going
        report.failed.append((name, _reason(exc)))
    else:
        report.planned.append(name)


def _reason(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
