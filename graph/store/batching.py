"""Which new documents may share one write transaction (pure, no database).

Two documents commute when neither can see what the other writes: neither registers a
resolution key the other looks up (so they cannot find, create or merge one entity), they
share no meeting day (so their reports are never grouped together) and want no common new
entity id. Such documents
are written by one group transaction, each fact kind as one UNWIND for all of them. A
document that collides with earlier ones goes to a group after theirs: documents that do not
commute keep their input order, so a batch load gives the graph a one-at-a-time load in input
order gives.

An entity that a read of the store found ``settled`` (it takes one stored node and its
mention changes nothing resolution reads of it, ``group.settled_entities``) registers no key
and wants no id: documents that only name such a node in common share a group. The group
transaction checks that again on its own read (``sharing.Ledger``), since the store may have
moved between the two reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from graph.store.plan import Plan
from graph.store.resolve import entity_id

# Bounds of one group transaction: its work (and the time it holds its locks) stays linear
# in the size of its documents, and a server-side timeout still fits a whole group.
GROUP_DOCS = 64
GROUP_ROWS = 6000


@dataclass(frozen=True)
class Claims:
    """What a document's write reads and what it writes. Two documents conflict when one
    writes what the other reads: a resolution key one registers and the other looks up.
    Days, new entity ids and the document id are both read and written. Rival keys (bodies
    spelling out an acronym) are left out: they matter only when a node known by the bare
    acronym exists, which the group transaction checks (``group``)."""

    reads: frozenset[str]
    writes: frozenset[str]


def claims(p: Plan, settled: frozenset[int] = frozenset()) -> Claims:
    """The keys a document looks up and registers, its days and its new entity ids; an
    entity of ``settled`` (indexes into ``p.entities``) only looks its keys up."""
    reads: set[str] = {f"doc:{p.doc_id}"}
    writes: set[str] = {f"doc:{p.doc_id}"}
    for j, pe in enumerate(p.entities):
        nk = pe.name_keys
        reads |= {f"key:{k}" for k in nk.probe}
        if j in settled:
            continue
        writes |= {f"key:{k}" for k in nk.own}
        both = f"id:{entity_id(pe.name, pe.type)}"
        reads.add(both)
        writes.add(both)
    days = {f"date:{m.date.isoformat()}" for m in p.meetings if m.date is not None}
    return Claims(frozenset(reads | days), frozenset(writes | days))


def size(p: Plan) -> int:
    """Rows a document writes (mentions, reports, quotes, facts): its share of a group."""
    return 1 + len(p.entities) + len(p.meetings) + len(p.quotes) + len(p.facts)


def groups(
    plans: Sequence[Plan], settled: Sequence[frozenset[int]] | None = None
) -> list[list[int]]:
    """Indexes of ``plans`` in groups that commit together, in the order to commit them.

    A plan goes to the first group (with room) after every group holding an earlier plan it
    conflicts with, so two plans that conflict commit in input order and two plans of one
    group never conflict. Two versions of one document conflict (``doc:<id>``). ``settled``:
    for each plan, its entities a read of the store found settled (see ``claims``).
    """
    last_read: dict[str, int] = {}  # claim -> the latest group reading it
    last_write: dict[str, int] = {}  # claim -> the latest group writing it
    out: list[list[int]] = []
    rows: list[int] = []
    for i, p in enumerate(plans):
        c = claims(p, settled[i] if settled is not None else frozenset())
        after = [last_write[k] for k in c.reads if k in last_write]
        after += [last_read[k] for k in c.writes if k in last_read]
        g = max(after, default=-1) + 1
        while g < len(out) and not _room(len(out[g]), rows[g], size(p)):
            g += 1
        if g == len(out):
            out.append([])
            rows.append(0)
        out[g].append(i)
        rows[g] += size(p)
        for k in c.reads:
            last_read[k] = max(last_read.get(k, -1), g)
        for k in c.writes:
            last_write[k] = max(last_write.get(k, -1), g)
    return out


def _room(docs: int, rows: int, more: int) -> bool:
    return docs == 0 or (docs < GROUP_DOCS and rows + more <= GROUP_ROWS)
