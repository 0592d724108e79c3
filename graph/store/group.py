"""One write transaction for a group of new documents that commute (``batching.groups``).

The steps are those of ``transaction.load_work`` for a document the store does not hold yet,
but each runs once for the whole group: one lock statement, one resolution read, one day
read, then one UNWIND per fact kind, and the shared tail (:func:`settle`). A document that
needs more than that (the store holds it already, it would merge entities, or a manual merge
exists) is handed back to be loaded alone; one that would not resolve or write after the
earlier documents of the group as it does before them (``sharing.Ledger``: they create or
change a node it reaches, or write a relationship it writes) waits for a later group.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from neo4j import ManagedTransaction, unit_of_work

from graph.store.plan import Plan
from graph.store.reports import LoadReport
from graph.store.resolve import choose, entity_id
from graph.store.sharing import Ledger, Member, Reach, Rel, steady, stored_nodes
from graph.store.transaction import (
    WRITE_TIMEOUT_S,
    Added,
    EventPlacement,
    Settle,
    Work,
    _reached,
    created_state,
    fact_rows,
    free_ids,
    mention_rows,
    place_events,
    quote_rows,
    report_rows,
    settle,
    write_facts,
)


@dataclass
class GroupResult:
    """What a group transaction did: reports of the documents it wrote, and the indexes (into
    its plans) of those it left: ``alone`` to load one at a time, ``later`` for a next group."""

    reports: dict[int, LoadReport] = field(default_factory=dict)
    alone: list[int] = field(default_factory=list)
    later: list[int] = field(default_factory=list)


@dataclass
class _Resolved:
    targets: list[str | None]  # existing node per plan entity, None: a new node
    reached: set[str]  # every node its keys reached (candidates and rivals)
    per: list[frozenset[str]]  # the nodes each plan entity's keys reached
    rival_keys: set[str]  # rival keys of mentions that found a node known by a bare acronym


def _resolve(found: dict[str, list[dict[str, Any]]], p: Plan) -> _Resolved | None:
    """Resolution of one plan against the nodes read before any write; None when it would
    merge nodes (that document is loaded alone)."""
    targets: list[str | None] = []
    reached: set[str] = set()
    per: list[frozenset[str]] = []
    rival_keys: set[str] = set()
    for pe in p.entities:
        nk = pe.name_keys
        cands = _reached(found, nk.probe, nk.strong, nk.link, [])
        rivals = _reached(found, nk.rival_keys(), frozenset(), frozenset(), [])
        per.append(frozenset({c.id for c in cands} | {c.id for c in rivals}))
        reached |= per[-1]
        if any(c.link for c in cands):
            rival_keys |= nk.rival_keys()
        choice = choose(pe.type, pe.country, cands, rivals)
        if choice.absorb:
            return None
        targets.append(choice.target)
    return _Resolved(targets, reached, per, rival_keys)


def settled_entities(
    p: Plan, found: dict[str, list[dict[str, Any]]], stored: Mapping[str, Mapping[str, Any]]
) -> frozenset[int]:
    """The plan's entities that, by ``found`` (a read of the store; ``stored``: its rows by
    node, ``sharing.stored_nodes``), take one stored node that no other key reaches and that
    their mention leaves as it was (``sharing.steady``): documents naming only such a node may
    share a group (``batching.claims``). The group transaction checks again on its own read."""
    r = _resolve(found, p)
    if r is None:
        return frozenset()
    out: set[int] = set()
    for j, (pe, t) in enumerate(zip(p.entities, r.targets, strict=True)):
        mention = {"names": pe.names, "name": pe.name, "type": pe.type.value, "country": pe.country}
        if t is not None and r.per[j] == {t} and steady(mention, stored.get(t)):
            out.add(j)
    return frozenset(out)


def _member(
    p: Plan,
    r: _Resolved,
    nodes: list[str],
    mentions: list[dict[str, Any]],
    quotes: list[dict[str, Any]],
    of_key: dict[str, str],
) -> Member:
    """What one document of the group reads and writes (``sharing.Ledger``)."""
    reaches = [
        Reach(
            node=n,
            new=t is None,
            wanted=entity_id(pe.name, pe.type),
            reached=r.per[j],
            probe=pe.name_keys.probe | pe.name_keys.rival_keys(),
        )
        for j, (pe, t, n) in enumerate(zip(p.entities, r.targets, nodes, strict=True))
    ]
    own_of: dict[str, frozenset[str]] = {}
    for pe, n in zip(p.entities, nodes, strict=True):
        own_of[n] = own_of.get(n, frozenset()) | pe.name_keys.own
    rels: set[Rel] = set()
    for f in p.facts:
        if f.target_kind == "entity" and f.source in of_key and f.target in of_key:
            rels.add((f.type, of_key[f.source], of_key[f.target]))
    rels |= {("SAID", q["speaker_id"], q["id"]) for q in quotes}
    return Member(
        reaches=reaches,
        mentions=mentions,
        own=frozenset(k for pe in p.entities for k in pe.name_keys.own),
        own_of=own_of,
        rival_keys=frozenset(r.rival_keys),
        rels=frozenset(rels),
    )


@unit_of_work(timeout=WRITE_TIMEOUT_S)
def load_group_work(tx: ManagedTransaction, plans: list[Plan], now: dt.datetime) -> GroupResult:
    w = Work(tx, has_records=False)  # a group never runs with manual merges (checked below)
    out = GroupResult()
    locks = sorted({f"doc:{p.doc_id}" for p in plans})
    rows = w.run("documents_lock_state", locks=locks, doc_ids=[p.doc_id for p in plans])
    w.locked.extend(locks)
    if rows and rows[0]["merge_records"] > 0:
        out.alone = list(range(len(plans)))  # manual merges steer resolution: one at a time
        w.unlock()
        return out
    stored = {r["doc_id"] for r in rows if r["exists"]}
    keep = [i for i, p in enumerate(plans) if p.doc_id not in stored]
    out.alone = [i for i, p in enumerate(plans) if p.doc_id in stored]

    keys: set[str] = set()
    days: set[dt.date] = set()
    for i in keep:
        for pe in plans[i].entities:
            keys |= pe.name_keys.probe | pe.name_keys.own | pe.name_keys.rival_keys()
        days |= {m.date for m in plans[i].meetings if m.date is not None}
    w.lock([f"key:{k}" for k in keys] + [f"date:{d.isoformat()}" for d in days])

    found: dict[str, list[dict[str, Any]]] = {}
    if keys:
        for row in w.run("entity_candidates", keys=sorted(keys)):
            found.setdefault(row["key"], []).append(row)
    resolved: dict[int, _Resolved] = {}
    for i in keep:
        r = _resolve(found, plans[i])
        if r is None:
            out.alone.append(i)
        else:
            resolved[i] = r
    keep = [i for i in keep if i in resolved]

    # New nodes: one id look-up for the group, no id given twice.
    wanted = [
        (entity_id(pe.name, pe.type), pe.type, pe.country)
        for i in keep
        for pe, t in zip(plans[i].entities, resolved[i].targets, strict=True)
        if t is None
    ]
    reused: set[str] = set()  # "new" ids that name an existing node of the same body
    fresh = iter(free_ids(w, wanted, reused=reused) if wanted else [])
    node_ids = {i: [t if t is not None else next(fresh) for t in resolved[i].targets] for i in keep}
    of_key = {i: {key: node_ids[i][j] for key, j in plans[i].entity_of_key.items()} for i in keep}
    # A document that would not resolve or write after the earlier ones of the group as it
    # does before them waits for a later group (``sharing``): it reaches a node they create or
    # change, probes a key they register, or writes a relationship they write. Likewise one
    # whose bare-acronym match could be taken away by a body an earlier one registers under
    # that acronym (a rival, see ``resolve.choose``).
    ledger = Ledger(stored_nodes(found))
    rows_of: dict[int, list[dict[str, Any]]] = {}  # mentions_add rows, written below
    quotes_of: dict[int, list[dict[str, Any]]] = {}  # quotes_add rows
    for i in list(keep):
        rows_of[i] = mention_rows(plans[i], node_ids[i])
        quotes_of[i] = quote_rows(plans[i], of_key[i])
        member = _member(plans[i], resolved[i], node_ids[i], rows_of[i], quotes_of[i], of_key[i])
        if ledger.admits(member):
            ledger.keep(member)
        else:
            ledger.hold(member)
            keep.remove(i)
            out.later.append(i)
    if not keep:
        w.unlock()
        return out
    w.run(
        "documents_upsert",
        rows=[
            {**{k: v for k, v in plans[i].document.items() if v is not None}, "loaded_at": now}
            for i in keep
        ],
    )
    mentions = [row for i in keep for row in rows_of[i]]
    w.run("mentions_add", rows=mentions)
    new_ids = {
        n
        for i in keep
        for n, t in zip(node_ids[i], resolved[i].targets, strict=True)
        if t is None and n not in reused
    }
    created = [created_state(row, now) for row in mentions if row["id"] in new_ids]

    # Events: the stored reports the group's meetings can join, in one read, clustered per
    # document (documents of one group share no day). Only the events of the day that hold two
    # of a meeting's participants (the least resolve.same_event links) can change, so a busy
    # day's other reports are not read (event_day_linked).
    by_day: dict[dt.date, list[dict[str, Any]]] = {}
    linked = meeting_rows(plans, keep, of_key)
    if linked:
        for row in w.run("event_day_linked", meetings=linked):
            by_day.setdefault(row["date"].to_native(), []).append(row)
    placed: dict[int, EventPlacement] = {}
    for i in keep:
        own_days = sorted({m.date for m in plans[i].meetings if m.date is not None})
        day_rows = [row for d in own_days for row in by_day.get(d, [])]
        placed[i] = place_events(w, [], plans[i], of_key[i], stored=day_rows)
    w.run("reports_add", rows=[r for i in keep for r in report_rows(plans[i], placed[i].ids)])
    quotes = [q for i in keep for q in quotes_of[i]]
    if quotes:
        w.run("quotes_add", rows=quotes)
    facts: list[dict[str, Any]] = []
    for i in keep:
        p = plans[i]
        events_of = {m.key: e for m, e in zip(p.meetings, placed[i].ids, strict=True)}
        facts.extend(fact_rows(p, of_key[i], events_of))
    write_facts(w, facts)

    entities = {n for i in keep for n in node_ids[i]}
    events = {e for i in keep for e in (set(placed[i].ids) | placed[i].touched)}
    gained: dict[str, list[dict[str, Any]]] = {}
    for row in mentions:
        gained.setdefault(row["id"], []).append(row)
    done = Settle(entities, events, created=created, added=Added(now, gained))
    settle(w, done, [plans[i].doc_id for i in keep])
    w.unlock()
    # The counters are the transaction's: they go on the group's first report.
    first = keep[0]
    for i in keep:
        out.reports[i] = LoadReport(
            doc_id=plans[i].doc_id,
            status="added",
            merged=sorted(placed[i].merged),
            split=list(placed[i].split),
            group_of=plans[first].doc_id,
            **(w.counts if i == first else {}),
        )
    return out


def meeting_rows(
    plans: Sequence[Plan], keep: Iterable[int], of_key: dict[int, dict[str, str]]
) -> list[dict[str, Any]]:
    """One ``event_day_linked`` row per dated meeting of the kept documents that could join a
    stored event: its day and its participants' node ids (two at least, see
    :func:`graph.store.resolve.same_event`)."""
    rows: list[dict[str, Any]] = []
    for i in keep:
        for m in plans[i].meetings:
            parts = sorted({of_key[i][k] for k in m.participants})
            if m.date is not None and len(parts) >= 2:
                rows.append({"date": m.date, "participants": parts})
    return rows
