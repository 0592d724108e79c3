"""The ``MET`` summary: one relationship per pair of entities that met, kept at write time.

``(a:Entity)-[:MET {count, first_date, last_date, first_id, last_id, last_at}]->(b:Entity)``
(``a.id < b.id``) says how often ``a`` and ``b`` met (both HOSTED or, not implied, ATTENDED
one held event) and their first and last meeting, so ``/met`` ranks counterparts by reading
one relationship each instead of every meeting's evidence (``cypher/README.md``).

Participation changes in many places (facts added and stripped, events re-grouped, merges,
splits, corrections, status changes), so the summary is reconciled per event, not per fact:
each counted event keeps a ``:MetTally`` with the participants (and the day) it was counted
with; :func:`sync` compares that with the event's participants now and moves the pairs'
counts by the difference. Its cost is linear in the events it is given; a pair is recounted
from the facts only when a removal takes away its first or last meeting.
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
Key = tuple[dt.date | None, str]  # (earliest day, event id) of one meeting
BACKFILL_BATCH = 200


def _day(value: Any) -> dt.date | None:
    if value is None:
        return None
    native = value.to_native() if hasattr(value, "to_native") else value
    return native if isinstance(native, dt.date) else None


def _order(key: Key) -> tuple[bool, dt.date, str]:
    """Meetings in /met's order: by day, undated last, then by event id."""
    return (key[0] is None, key[0] or dt.date.min, key[1])


def summary(keys: Iterable[Key]) -> dict[str, Any] | None:
    """The MET properties of a pair's meetings (None when there are none)."""
    found = sorted(set(keys), key=_order)
    if not found:
        return None
    dated = [day for day, _ in found if day is not None]
    return {
        "count": len(found),
        "first_date": min(dated) if dated else None,
        "last_date": max(dated) if dated else None,
        "first_id": found[0][1],
        "last_id": found[-1][1],
        "last_at": found[-1][0],
    }


@dataclass
class _Change:
    added: list[Key] = field(default_factory=list)
    removed: list[Key] = field(default_factory=list)


def _pairs(ids: Sequence[str]) -> set[Pair]:
    return {(a, b) for a, b in combinations(sorted(set(ids)), 2)}


def _extreme(props: dict[str, Any], key: Key) -> bool:
    """Whether taking the meeting ``key`` away may change the pair's first or last meeting."""
    day, eid = key
    if eid in (props.get("first_id"), props.get("last_id")):
        return True
    return day is not None and day in (_day(props.get("first_date")), _day(props.get("last_date")))


def _apply(props: dict[str, Any], change: _Change) -> dict[str, Any] | None:
    """``props`` moved by a change none of whose removals is the first or last meeting."""
    count = int(props["count"]) - len(change.removed) + len(change.added)
    if count <= 0:
        return None
    keep = [
        (_day(props.get("first_date")), str(props["first_id"])),
        (_day(props.get("last_at")), str(props["last_id"])),
    ]
    ends = summary(keep + change.added)
    assert ends is not None
    dated = [d for d in (_day(props.get("first_date")), _day(props.get("last_date"))) if d]
    dated += [day for day, _ in change.added if day is not None]
    return {
        **ends,
        "count": count,
        "first_date": min(dated) if dated else None,
        "last_date": max(dated) if dated else None,
    }


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
        old, new = _pairs(old_ids), _pairs(new_ids)
        if old_at != new_at:  # re-dated: every pair loses the old key and gets the new one
            gone, came = old, new
        else:
            gone, came = old - new, new - old
        for pair in gone:
            changes.setdefault(pair, _Change()).removed.append((old_at, row["id"]))
        for pair in came:
            changes.setdefault(pair, _Change()).added.append((new_at, row["id"]))
    if changes:
        _write_pairs(w, changes)
    if tallies:
        w.run("met_tally_set", rows=tallies)


def _write_pairs(w: Work, changes: dict[Pair, _Change]) -> None:
    pairs = sorted(changes)
    w.lock(f"met:{a}|{b}" for a, b in pairs)  # two writers must not both add to one count
    stored = {
        (r["a"], r["b"]): dict(r["props"])
        for r in w.run("met_pairs", pairs=[{"a": a, "b": b} for a, b in pairs])
    }
    rows: list[dict[str, Any]] = []
    recount: list[Pair] = []
    for pair in pairs:
        change, props = changes[pair], stored.get(pair)
        if props is None:
            if change.removed:  # a summary that should be there is not: count from the facts
                recount.append(pair)
            else:
                rows.append({"a": pair[0], "b": pair[1], "props": summary(change.added)})
        elif any(_extreme(props, k) for k in change.removed):
            recount.append(pair)
        else:
            rows.append({"a": pair[0], "b": pair[1], "props": _apply(props, change)})
    if recount:
        found = {
            (r["a"], r["b"]): [(_day(k[0]), str(k[1])) for k in r["keys"]]
            for r in w.run("met_recount", pairs=[{"a": a, "b": b} for a, b in recount])
        }
        rows += [{"a": a, "b": b, "props": summary(found.get((a, b), []))} for a, b in recount]
    if rows:
        w.run("met_set", rows=rows)


# --- a graph written before the summary existed ---------------------------------------------


def _backfill_pairs(tx: ManagedTransaction, ids: list[str]) -> None:
    rows = [
        {"a": r["a"], "b": r["b"], "props": summary((_day(k[0]), str(k[1])) for k in r["keys"])}
        for r in tx.run(query("store/met_backfill_pairs"), {"ids": ids})
    ]
    if rows:
        tx.run(query("store/met_set"), {"rows": rows}).consume()


def _backfill_tallies(tx: ManagedTransaction, ids: list[str]) -> None:
    rows = []
    for r in tx.run(query("store/met_state"), {"ids": ids}):
        new_ids = list(r["new_ids"])
        rows.append({"event": r["id"], "ids": new_ids if len(new_ids) >= 2 else [], "at": r["new_at"]})
    tx.run(query("store/met_tally_set"), {"rows": rows}).consume()


def _batches(graph: Graph, name: str, limit: int) -> Iterable[list[str]]:
    after = ""
    while True:
        ids = [r["id"] for r in graph.read(query(name), {"after": after, "limit": limit})]
        if not ids:
            return
        yield ids
        after = ids[-1]


def backfill(graph: Graph) -> bool:
    """Build MET and the tallies for a graph that has none yet (``apply_schema`` runs it), in
    batches of their own transactions. Re-running it rewrites the same values, so a run cut
    short is simply run again. Returns whether it had to build anything."""
    if graph.write_query(query("store/met_marker"), {"set": False})[0]["built"]:
        return False
    for ids in _batches(graph, "store/met_backfill_entities", BACKFILL_BATCH):
        graph.write(_backfill_pairs, ids)
    for ids in _batches(graph, "store/met_backfill_events", BACKFILL_BATCH * 10):
        graph.write(_backfill_tallies, ids)
    graph.write_query(query("store/met_marker"), {"set": True})
    return True
