"""The ``MET`` summary: one relationship per pair of entities that met, kept at write time.

``(a:Entity)-[:MET {count, first_date, last_date, first_id, last_id, meetings}]->(b:Entity)``
(``a.id < b.id``) says how often ``a`` and ``b`` met (both HOSTED or, not implied, ATTENDED
one held event) and their first and last meeting, so ``/met`` ranks counterparts by reading
one relationship each instead of every meeting's evidence (``cypher/README.md``).

Participation changes in many places (facts added and stripped, events re-grouped, merges,
splits, corrections, status changes), so the summary is reconciled per event, not per fact:
each counted event keeps a ``:MetTally`` with the participants (and the day) it was counted
with; :func:`sync` compares that with the event's participants now and moves the pairs'
meeting lists by the difference. A pair's ``meetings`` (``meeting_key`` strings, sorted: the
order /met lists them in) make every step exact without a recount from the facts, and give
the page of meetings /met shows without expanding the entity's events. The cost is linear in
the events given and the meetings of the pairs they touch.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import TYPE_CHECKING, Any

from graph.database.cypher import query
from graph.database.db import Graph

if TYPE_CHECKING:
    from neo4j import ManagedTransaction

    from graph.store.transaction import Work

Pair = tuple[str, str]
BACKFILL_BATCH = 200
UNDATED = "~" * 10  # sorts after every ISO date, so undated meetings come last


def _day(value: Any) -> dt.date | None:
    if value is None:
        return None
    native = value.to_native() if hasattr(value, "to_native") else value
    return native if isinstance(native, dt.date) else None


def meeting_key(day: dt.date | None, event_id: str) -> str:
    """One meeting as a string that sorts in /met's order: by day (undated last), then id."""
    return f"{day.isoformat() if day else UNDATED}|{event_id}"


def summary(keys: Iterable[str]) -> dict[str, Any] | None:
    """The MET properties of a pair's meetings (``meeting_key`` strings); None when none."""
    found = sorted(set(keys))
    if not found:
        return None
    dated = [k[:10] for k in found if not k.startswith(UNDATED)]
    return {
        "count": len(found),
        "first_date": dt.date.fromisoformat(dated[0]) if dated else None,
        "last_date": dt.date.fromisoformat(dated[-1]) if dated else None,
        "first_id": found[0][11:],
        "last_id": found[-1][11:],
        "meetings": found,
    }


@dataclass
class _Change:
    added: set[str] = field(default_factory=set)
    removed: set[str] = field(default_factory=set)


def _pairs(ids: Sequence[str]) -> set[Pair]:
    return {(a, b) for a, b in combinations(sorted(set(ids)), 2)}


def sync(w: Work, entities: Iterable[str] = (), events: Iterable[str] = ()) -> None:
    """Bring MET up to date with the participants of ``events`` and of every event of
    ``entities`` (entities merged or split in this transaction). Run it after the facts,
    events and corrections of the transaction are written; calling it twice is harmless."""
    wanted = set(events)
    ents = sorted(set(entities))
    if ents:
        wanted |= {r["id"] for r in w.run("met_entity_events", ids=ents)}
    if not wanted:
        return
    changes: dict[Pair, _Change] = {}
    tallies: list[dict[str, Any]] = []
    for row in w.run("met_state", ids=sorted(wanted)):
        old_at, new_at = _day(row["old_at"]), _day(row["new_at"])
        old_ids, new_ids = list(row["old_ids"]), list(row["new_ids"])
        if len(new_ids) < 2:
            new_ids = []
        if row["counted"] and (old_ids, old_at) == (new_ids, new_at):
            continue
        if not row["counted"] and not new_ids:
            continue
        tallies.append({"event": row["id"], "ids": new_ids, "at": new_at})
        old_key, new_key = meeting_key(old_at, row["id"]), meeting_key(new_at, row["id"])
        for pair in _pairs(old_ids):
            changes.setdefault(pair, _Change()).removed.add(old_key)
        for pair in _pairs(new_ids):
            changes.setdefault(pair, _Change()).added.add(new_key)
    changes = {p: c for p, c in changes.items() if c.added != c.removed}
    if changes:
        _write_pairs(w, changes)
    if tallies:
        w.run("met_tally_set", rows=tallies)


def _write_pairs(w: Work, changes: dict[Pair, _Change]) -> None:
    """Each pair's meetings list moved by its change (exact: no recount from the facts)."""
    pairs = sorted(changes)
    w.lock(f"met:{a}|{b}" for a, b in pairs)  # two writers must not both add to one list
    stored = {
        (r["a"], r["b"]): set(r["meetings"] or [])
        for r in w.run("met_pairs", pairs=[{"a": a, "b": b} for a, b in pairs])
    }
    rows = []
    for a, b in pairs:
        change = changes[(a, b)]
        kept = (stored.get((a, b), set()) - change.removed) | change.added
        rows.append({"a": a, "b": b, "props": summary(kept)})
    w.run("met_set", rows=rows)


# --- a graph written before the summary existed ---------------------------------------------


def _backfill_pairs(tx: ManagedTransaction, ids: list[str]) -> None:
    rows = [
        {"a": r["a"], "b": r["b"], "props": summary(meeting_key(_day(d), i) for d, i in r["keys"])}
        for r in tx.run(query("store/met_backfill_pairs"), {"ids": ids})
    ]
    if rows:
        tx.run(query("store/met_set"), {"rows": rows}).consume()


def _backfill_tallies(tx: ManagedTransaction, ids: list[str]) -> None:
    rows = []
    for r in tx.run(query("store/met_state"), {"ids": ids}):
        new_ids = list(r["new_ids"])
        rows.append(
            {"event": r["id"], "ids": new_ids if len(new_ids) >= 2 else [], "at": r["new_at"]}
        )
    tx.run(query("store/met_tally_set"), {"rows": rows}).consume()


def _batches(graph: Graph, name: str, limit: int) -> Iterable[list[str]]:
    after = ""
    while True:
        ids = [r["id"] for r in graph.read(query(name), {"after": after, "limit": limit})]
        if not ids:
            return
        yield ids
        after = ids[-1]


def backfill(graph: Graph, *, force: bool = False) -> bool:
    """Build MET and the tallies for a graph that has none yet (``apply_schema`` runs it), in
    batches of their own transactions. Re-running it rewrites the same values, so a run cut
    short is simply run again. ``force``: build even though the graph says it was built (a
    graph written around the store, like the API benchmark's). Returns whether it built."""
    built = graph.write_query(query("store/met_marker"), {"set": False})[0]["built"]
    if built and not force:
        return False
    for ids in _batches(graph, "store/met_backfill_entities", BACKFILL_BATCH):
        graph.write(_backfill_pairs, ids)
    for ids in _batches(graph, "store/met_backfill_events", BACKFILL_BATCH * 10):
        graph.write(_backfill_tallies, ids)
    graph.write_query(query("store/met_marker"), {"set": True})
    return True
