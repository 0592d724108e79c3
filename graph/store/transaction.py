"""What the store does inside one write transaction: resolve, write, refresh, collect garbage.

Every function here takes a :class:`Work` (a managed transaction plus counters)
and runs only named statements from ``cypher/store/``. Python decides identity
(which node a mention denotes) and derived values (an entity's display name);
Cypher does the batched writes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

from neo4j import ManagedTransaction, unit_of_work

from graph.corrections.records import renamed
from graph.database.cypher import query
from graph.errors import NotFound, WhometError
from graph.model import EntityType
from graph.store.plan import FACT_TYPES, Plan, quote_id
from graph.store.provenance import join, split
from graph.store.reports import LoadDiff, LoadReport, MergeReport
from graph.store.resolve import (
    TYPE_LABEL,
    Candidate,
    EventReport,
    FormCount,
    MentionKeys,
    canonical_name,
    choose,
    components,
    entity_id,
    event_clusters,
    lookup_names,
    most_common,
    name_keys,
    norm_names,
    normalize_country,
    pick_country,
    pick_type,
)
from graph.store.summaries import sync as sync_met
from graph.store.tallies import Tally

# Relationship types a merge or split may re-create (every dynamic type is checked against it).
MOVABLE_TYPES = FACT_TYPES | {"MENTIONS", "REPORTS"}
ENTITY_LABELS = frozenset(TYPE_LABEL.values())
_PRECISION_RANK = {"day": 0, "month": 1, "day_of_month": 2, "year": 3, "unknown": 4}
_UNCOUNTED = frozenset(
    {"lock_keys", "unlock_keys", "entity_state", "entity_state_added", "event_state"}
)


@dataclass
class Work:
    """A write transaction that runs named statements and sums what they changed.

    ``per_row`` sends every row of a batched write as a statement of its own: the slow
    baseline the load benchmark compares UNWIND batching with.
    """

    tx: ManagedTransaction
    per_row: bool = False
    has_records: bool = True  # False when the graph holds no :MergeRecord (skip the scans)
    counts: Counter[str] = field(default_factory=Counter)
    locked: list[str] = field(default_factory=list)

    def run(self, name: str, **params: Any) -> list[dict[str, Any]]:
        batch = params.get("rows")
        if self.per_row and isinstance(batch, list) and len(batch) > 1:
            out: list[dict[str, Any]] = []
            for row in batch:
                out.extend(self._run(name, {**params, "rows": [row]}))
            return out
        return self._run(name, params)

    def _run(self, name: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        result = self.tx.run(query(f"store/{name}"), params)
        rows = [record.data() for record in result]
        counters = result.consume().counters
        if name not in _UNCOUNTED:
            self.counts["nodes_created"] += counters.nodes_created
            self.counts["nodes_removed"] += counters.nodes_deleted
            self.counts["relationships_created"] += counters.relationships_created
            self.counts["relationships_removed"] += counters.relationships_deleted
        return rows

    def lock(self, keys: Iterable[str]) -> None:
        """Take the write locks of ``keys`` (sorted; ones already held are skipped)."""
        fresh = sorted(set(keys) - set(self.locked))
        if fresh:
            self.run("lock_keys", keys=fresh)
            self.locked.extend(fresh)

    def unlock(self) -> None:
        if self.locked:
            self.run("unlock_keys", keys=self.locked)
            self.locked = []


# --- the three transactions, top to bottom (each may run more than once: it only talks to
# --- the transaction); the steps they call follow, one section per concern --------------

# The longest one document's write transaction may hold its locks: the server ends it
# after this, so a pathological document cannot make the next upload wait for minutes.
WRITE_TIMEOUT_S = 60.0


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
def load_work(
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
    old_events = old.events if old else []
    events = set(ev_ids) | set(old_events) | placed.touched | again.touched
    settle(
        w,
        Settle(
            touched,
            events,
            old_entities,
            old.quotes if old else [],
            loose,
            set(absorbed),
            regrouped=changed | set(split_off),
        ),
        [p.doc_id],
    )
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
def remove_work(tx: ManagedTransaction, doc_id: str) -> LoadReport:
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
    sync_met(w, set(old.entities) | set(split_off) if split_off else set(), events)
    w.run("document_delete", doc_id=doc_id)
    w.unlock()
    split = split_off + placed.split + again.split
    return LoadReport(doc_id=doc_id, status="removed", split=split, **w.counts)


@unit_of_work(timeout=WRITE_TIMEOUT_S)
def merge_work(tx: ManagedTransaction, keep_id: str, drop_id: str) -> MergeReport:
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
    from graph.corrections.replay import after_merge  # reuses this module's steps

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
        sync_met(w, {keep_id}, again.touched)
    else:
        refresh_events(w, [keep_id])
        sync_met(w, (), {keep_id, drop_id})
    w.unlock()
    return MergeReport(
        keep_id=keep_id,
        drop_id=drop_id,
        kind=kind,
        nodes_removed=w.counts["nodes_removed"],
        relationships_created=w.counts["relationships_created"],
        relationships_removed=w.counts["relationships_removed"],
    )


@dataclass
class Settle:
    """What a load's writes touched: re-derived, collected and corrected by :func:`settle`."""

    entities: set[str]  # entities whose mentions changed (re-derived)
    events: set[str]  # events whose reports changed (re-derived, deleted when unsupported)
    old_entities: Collection[str] = ()  # entities a replaced version mentioned (may be orphans)
    old_quotes: Collection[str] = ()  # quotes a replaced version printed (may be orphans)
    keys: set[str] = field(default_factory=set)  # resolution keys that may now name nothing
    absorbed: set[str] = field(default_factory=set)  # entities merged away by this load
    created: list[dict[str, Any]] = field(default_factory=list)  # see created_state
    added: Added | None = None  # the mentions, when the entities only gained mentions
    regrouped: set[str] = field(default_factory=set)  # merged or split: all their events count


def settle(w: Work, t: Settle, doc_ids: list[str]) -> None:
    """The tail every load shares, after the documents' facts are written: derived
    properties, garbage, then the corrections made by hand. One place, for one document or a
    group, so that whatever else must follow the facts (summaries) is called once, here."""
    released = refresh_entities(w, t.entities, t.created, t.added)
    refresh_events(w, t.events)
    collect_garbage(w, t.old_entities, sorted(t.events), t.old_quotes, released | t.keys)
    # Corrections made by hand hold. Imported here: the replay reuses this module's steps.
    from graph.corrections.replay import replay

    replay(w, t.entities | t.absorbed | t.events, doc_ids)
    # the MET summary of the events touched (and of every event of merged or split entities)
    sync_met(w, t.regrouped, t.events)


# --- merge records --------------------------------------------------------------------


@dataclass(frozen=True)
class Record:
    from_id: str
    into_id: str
    keys: frozenset[str]


def merge_records(w: Work, keys: Iterable[str], ids: Iterable[str] = ()) -> list[Record]:
    if not w.has_records:
        return []
    rows = w.run("merge_records", keys=sorted(set(keys)), ids=sorted(set(ids)))
    return [Record(r["from_id"], r["into_id"], frozenset(r["keys"])) for r in rows]


def expand(keys: frozenset[str], records: list[Record]) -> frozenset[str]:
    """``keys`` plus the keys of every manual merge they reach (to a fixed point)."""
    out = set(keys)
    changed = True
    while changed:
        changed = False
        for rec in records:
            if rec.keys & out and not rec.keys <= out:
                out |= rec.keys
                changed = True
    return frozenset(out)


def redirect(node_id: str, records: list[Record]) -> str:
    """Follow manual merges from a dropped id to the id it was merged into."""
    into = {r.from_id: r.into_id for r in records}
    seen = {node_id}
    while node_id in into and into[node_id] not in seen:
        node_id = into[node_id]
        seen.add(node_id)
    return node_id


# --- entities --------------------------------------------------------------------------


def resolve_entities(
    w: Work, p: Plan, records: list[Record]
) -> tuple[list[str], list[str], set[str]]:
    """Node id of every plan entity (new ones are created by :func:`add_mentions`); also the
    ids merged away and the keys those held."""
    probes = [expand(pe.name_keys.probe, records) for pe in p.entities]
    strong = [expand(pe.name_keys.strong, records) for pe in p.entities]
    rival_keys = [pe.name_keys.rival_keys() for pe in p.entities]
    all_keys = sorted(set().union(*probes, *rival_keys)) if probes else []
    found: dict[str, list[dict[str, Any]]] = {}
    for row in w.run("entity_candidates", keys=all_keys):
        found.setdefault(row["key"], []).append(row)
    moved: dict[str, str] = {}
    ids: list[str] = []
    create: list[dict[str, Any]] = []
    absorbed: list[str] = []
    loose: set[str] = set()
    for pe, probe, strong_keys, rk in zip(p.entities, probes, strong, rival_keys, strict=True):
        followed = [Record(a, b, frozenset()) for a, b in moved.items()]
        cands = _reached(found, probe, strong_keys, pe.name_keys.link, followed)
        rivals = _reached(found, rk, frozenset(), frozenset(), followed)
        choice = choose(pe.type, pe.country, cands, rivals)
        if choice.target is not None:
            for drop in choice.absorb:
                if drop not in moved:
                    loose |= move_support(w, drop, choice.target, None)
                    moved[drop] = choice.target
                    absorbed.append(drop)
            ids.append(choice.target)
            continue
        ids.append("")  # a new node: its id is chosen below, for all new nodes at once
        create.append({"index": len(ids) - 1, "pe": pe})
    if create:
        wanted = [redirect(entity_id(c["pe"].name, c["pe"].type), records) for c in create]
        chosen = free_ids(
            w,
            [(want, c["pe"].type, c["pe"].country) for want, c in zip(wanted, create, strict=True)],
        )
        for c, new_id in zip(create, chosen, strict=True):
            ids[c["index"]] = new_id  # created by add_mentions
    return ids, absorbed, loose


def _reached(
    found: dict[str, list[dict[str, Any]]],
    keys: Iterable[str],
    strong_keys: frozenset[str],
    links: frozenset[str],
    followed: list[Record],
) -> list[Candidate]:
    """The nodes ``keys`` reached, as candidates (ids of nodes merged this load followed)."""
    out: list[Candidate] = []
    for key in sorted(keys):
        for row in found.get(key, []):
            link = key in links and key not in strong_keys
            out.append(
                Candidate(
                    id=redirect(row["id"], followed),
                    type=EntityType(row["type"]),
                    country=row["country"],
                    mentions=row["mentions"],
                    strong=key in strong_keys or link,
                    link=link,
                )
            )
    return out


def _id_options(wanted: str, country: str | None) -> list[str]:
    options = [wanted]
    code = normalize_country(country)
    if code:
        options.append(f"{wanted}-{code.replace(' ', '-')}")
    return options + [f"{wanted}-{n}" for n in range(2, 50)]


def free_ids(
    w: Work,
    wanted: list[tuple[str, EntityType, str | None]],
    avoid: Collection[str] = (),
    reused: set[str] | None = None,
) -> list[str]:
    """An id for each new node: the wanted one unless an entity of another body holds it
    (or it is in ``avoid``), then a country or number suffix. One look-up for all of them.
    Ids given that already name the very body (an existing node) are added to ``reused``."""
    options = [_id_options(want, country) for want, _, country in wanted]
    # The wanted id and its country form first; the numbered ones only for ids found held.
    first = sorted({o for opts in options for o in opts[:2]})
    held = {r["id"]: r for r in w.run("entity_candidates_by_id", ids=first)}
    more = sorted({o for opts in options if opts[0] in held for o in opts[2:]})
    if more:
        held.update({r["id"]: r for r in w.run("entity_candidates_by_id", ids=more)})
    taken: set[str] = set(avoid)
    out: list[str] = []
    for (_, etype, country), opts in zip(wanted, options, strict=True):
        code = normalize_country(country)
        for option in opts:
            if option in taken:
                continue
            row = held.get(option)
            # Free, or it already names this very body (e.g. a manual merge target).
            if row is None or (
                row["type"] == etype.value and normalize_country(row["country"]) == code
            ):
                taken.add(option)
                out.append(option)
                if row is not None and reused is not None:
                    reused.add(option)
                break
        else:
            raise RuntimeError(f"no free id near {opts[0]!r}")
    return out


def add_mentions(w: Work, p: Plan, node_ids: list[str]) -> None:
    w.run("mentions_add", rows=mention_rows(p, node_ids))


def mention_rows(p: Plan, node_ids: list[str]) -> list[dict[str, Any]]:
    """One ``mentions_add`` row per node the document mentions (its plan entities folded)."""
    rows: dict[str, dict[str, Any]] = {}
    for pe, nid in zip(p.entities, node_ids, strict=True):
        row = rows.get(nid)
        if row is None:
            rows[nid] = {
                "doc_id": p.doc_id,
                "id": nid,
                "label": TYPE_LABEL[pe.type],
                "names": list(pe.names),
                "name": pe.name,
                "type": pe.type.value,
                "country": pe.country,
            }
        else:
            row["names"] = list(dict.fromkeys([*row["names"], *pe.names]))
            row["country"] = row["country"] or pe.country
    return list(rows.values())


@dataclass
class Added:
    """Mentions a group load added, by documents loaded at ``at``: the ``mentions_add`` rows
    of each entity. The entities gained them and lost none, so their counts (``Tally``)
    and load times follow from the stored ones without a visit of their mentions."""

    at: Any
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def refresh_entities(
    w: Work, ids: Iterable[str], created: Iterable[dict[str, Any]] = (), added: Added | None = None
) -> set[str]:
    """Re-derive name, aliases, type, country, dates and keys of entities from their mentions.

    Writes only what changed (so a repeated load leaves every property as it was);
    returns the resolution keys that some entity let go of. ``created``: the states of
    entities this transaction created (one mention, known to the caller, see
    :func:`created_state`), which are then not read back. ``added``: when the entities only
    gained mentions (a group load), the mentions they gained: added to the counts the nodes
    hold (``graph/store/tallies.py``) instead of a count of every mention. Otherwise every
    mention is counted again, and the exact counts are stored with the other properties.
    """
    made = list(created)
    wanted = sorted(set(ids) - {s["id"] for s in made})
    if not wanted and not made:
        return set()
    if not wanted:
        read = []
    elif added is not None:
        read = w.run("entity_state_added", ids=wanted, now=added.at)
    else:
        read = w.run("entity_state", ids=wanted)
    tallies: dict[str, Tally] = {}
    for s in [*read, *made]:
        tally = Tally.of_props(s["props"]) if s.get("tallied") else None
        if tally is not None:
            for mention in added.rows.get(s["id"], []) if added is not None else []:
                tally.add(mention)
        else:
            tally = Tally.of_mentions(
                s["mentions"], s["names"], s["mains"], s["types"], s["countries"]
            )
        if tally.mentions > 0:
            tallies[s["id"]] = tally
    states = [s for s in [*read, *made] if s["id"] in tallies]
    own: dict[str, frozenset[str]] = {}
    derived: dict[str, tuple[list[FormCount], EntityType, str | None]] = {}
    for s in states:
        forms, etype, country = tallies[s["id"]].derive()
        derived[s["id"]] = (forms, etype, country)
        own[s["id"]] = name_keys([f.form for f in forms], etype).own
    records = merge_records(w, set().union(*own.values()) if own else set())
    chosen = renamed(w, own)  # names given by hand (whomet rename) win over derived ones
    set_rows: list[dict[str, Any]] = []
    released: set[str] = set()
    for s in states:
        forms, etype, country = derived[s["id"]]
        name = chosen.get(s["id"]) or canonical_name(forms)
        aliases = sorted({f.form for f in forms} - {name})
        norms = norm_names([name, *(f.form for f in forms)])
        props: dict[str, Any] = {
            "id": s["id"],
            "name": name,
            "type": etype.value,
            "aliases": aliases,
            "norm_names": norms,
            "lookup": lookup_names(name, aliases, norms),
            "first_seen": s["first_seen"],
            "updated_at": s["updated_at"],
        }
        if country is not None:
            props["country"] = country
        props.update(tallies[s["id"]].props())
        label = TYPE_LABEL[etype]
        drop = [lb for lb in s["labels"] if lb in ENTITY_LABELS and lb != label]
        row: dict[str, Any] = {"id": s["id"], "props": None, "keys": None}
        changed = changed_props(s["props"], props)
        if changed or drop or label not in s["labels"]:
            row.update(props=changed, label=label, drop_labels=drop)
        keys = expand(own[s["id"]], records)
        if keys != set(s["keys"]):
            row["keys"] = sorted(keys)
            released |= set(s["keys"]) - keys
        if row["props"] is not None or row["keys"] is not None:
            set_rows.append(row)
    if set_rows:
        w.run("entity_set", rows=set_rows)
    return released


def changed_props(stored: dict[str, Any], props: dict[str, Any]) -> dict[str, Any]:
    """What ``SET e += ...`` needs to turn ``stored`` into ``props``: the keys whose value
    differs, and ``None`` for each stored key ``props`` drops (a ``null`` in ``+=`` removes
    the property). A busy entity gaining mentions changes its counts and ``updated_at``, not
    its names, so the unchanged (and indexed) name lists are not rewritten."""
    out = {k: v for k, v in props.items() if k not in stored or stored[k] != v}
    out.update((k, None) for k in stored if k not in props)
    return out


def created_state(row: dict[str, Any], loaded_at: Any) -> dict[str, Any]:
    """What ``entity_state`` would read of an entity ``mentions_add`` just created from
    ``row`` (a :func:`mention_rows` row): one mention, by a document loaded at ``loaded_at``."""
    return {
        "id": row["id"],
        "props": {"id": row["id"], "name": row["name"], "type": row["type"]},
        "labels": ["Entity", row["label"]],
        "mentions": 1,
        "first_seen": loaded_at,
        "updated_at": loaded_at,
        "names": [row["names"]],
        "mains": [row["name"]],
        "types": [row["type"]],
        "countries": [row["country"]],
        "keys": [],
    }


def split_entities(w: Work, ids: Iterable[str]) -> list[str]:
    """Split entities whose remaining mentions no longer share a key (the document that linked
    them is gone): the largest group keeps the node, each other group gets a node of its own.
    Returns the new ids."""
    created: list[str] = []
    rows = w.run("entity_mentions", ids=sorted(set(ids)))
    for row in rows:
        mentions = row["mentions"]
        if len(mentions) < 2:
            continue
        etype = pick_type(Counter(m["type"] for m in mentions))
        keyed = []
        for m in mentions:
            nk = name_keys(m["names"], etype)
            keyed.append(MentionKeys(m["doc_id"], nk.own, nk.probe))
        all_keys = set().union(*(k.own for k in keyed))
        glue = [r.keys for r in merge_records(w, all_keys, [row["id"]])]
        groups = components(keyed, glue)
        for group in groups[1:]:
            names = [n for m in mentions if m["doc_id"] in group for n in m["names"]]
            primaries = Counter(m["name"] for m in mentions if m["doc_id"] in group)
            name = canonical_name([FormCount(n, 1, primaries[n]) for n in dict.fromkeys(names)])
            types = Counter(m["type"] for m in mentions if m["doc_id"] in group)
            gtype = pick_type(types)
            countries = Counter(
                m["country"] for m in mentions if m["doc_id"] in group and m["country"]
            )
            wanted = (entity_id(name, gtype), gtype, pick_country(countries))
            new_id = free_ids(w, [wanted], avoid={row["id"], *created})[0]
            w.run(
                "entities_create",
                rows=[
                    {"id": new_id, "label": TYPE_LABEL[gtype], "name": name, "type": gtype.value}
                ],
            )
            move_support(w, row["id"], new_id, set(group))
            created.append(new_id)
    return created


# --- events ----------------------------------------------------------------------------


def event_id(doc_id: str, meeting_key: str, day: dt.date | None) -> str:
    """A new event's id: its date (or ``undated``) and a hash of the reporting document and
    meeting key, so reloading a document finds the events it created."""
    digest = hashlib.sha1(f"{doc_id}|{meeting_key}".encode()).hexdigest()[:12]
    return f"evt:{day.isoformat() if day else 'undated'}:{digest}"


@dataclass
class EventPlacement:
    """Where event clustering put reports: the event of each new meeting, the events whose
    reports changed, and the events merged away or split off on the way."""

    ids: list[str] = field(default_factory=list)  # event id of each plan meeting
    touched: set[str] = field(default_factory=set)  # to refresh and to collect if empty
    merged: list[str] = field(default_factory=list)  # emptied into an event of other reports
    split: list[str] = field(default_factory=list)  # created for reports that left an event


def event_redirects(w: Work, ids: Iterable[str]) -> dict[str, str]:
    """Manual event merges touching ``ids``: dropped id -> the id kept (chains followed)."""
    wanted = sorted(set(ids))
    if not w.has_records or not wanted:
        return {}
    rows = w.run("event_merge_records", ids=wanted)
    records = [Record(r["from_id"], r["into_id"], frozenset()) for r in rows]
    return {r.from_id: redirect(r.from_id, records) for r in records}


def place_events(
    w: Work,
    days: Iterable[dt.date | None],
    p: Plan | None = None,
    node_of_key: dict[str, str] | None = None,
    stored: list[dict[str, Any]] | None = None,
) -> EventPlacement:
    """Cluster every report of the meetings of ``days`` (plus the meetings of ``p``, not yet
    written) into events, and move stored reports whose event changed.

    Events are a function of the set of reports (:func:`graph.store.resolve.event_clusters`), so
    the graph does not depend on the order documents were loaded or removed in. Undated
    meetings are events of their own (unless merged by hand). The caller holds the date locks.
    ``stored``: the reports of those days when the caller read them already (a group reads
    the days of all its documents in one statement).
    """
    meetings = p.meetings if p is not None else []
    parts_of = node_of_key or {}
    dates = sorted({d for d in days if d is not None} | {m.date for m in meetings if m.date})
    if stored is None:
        stored = w.run("event_day_reports", dates=dates) if dates else []
    natural: dict[str, str] = {}
    units: dict[dt.date, list[EventReport]] = {}
    for row in stored:
        day = row["date"].to_native()
        ref = f"{row['doc_id']}|{row['event']}"
        natural[ref] = event_id(row["doc_id"], row["meeting_key"] or "", day)
        units.setdefault(day, []).append(
            EventReport(ref, natural[ref], frozenset(row["participants"]))
        )
    for i, m in enumerate(meetings):
        ref = f"+{i}"
        natural[ref] = event_id(p.doc_id if p else "", m.key, m.date)
        if m.date is not None:
            parts = frozenset(parts_of[k] for k in m.participants)
            units.setdefault(m.date, []).append(EventReport(ref, natural[ref], parts))
    redirects = event_redirects(w, natural.values())
    assigned: dict[str, str] = {}
    for day_units in units.values():
        assigned.update(event_clusters(day_units, redirects))
    out = EventPlacement()
    for i, _ in enumerate(meetings):
        ref = f"+{i}"
        out.ids.append(assigned.get(ref) or redirects.get(natural[ref], natural[ref]))
    # Stored reports whose event changed: hand each document's support to its new event.
    moves: dict[tuple[str, str], set[str]] = {}
    origins: dict[str, set[str]] = {}  # event -> the events its reports came from
    pieces: dict[str, Counter[str]] = {}  # event -> where its reports go (and how many)
    for row in stored:
        src, dst = row["event"], assigned[f"{row['doc_id']}|{row['event']}"]
        origins.setdefault(dst, set()).add(src)
        pieces.setdefault(src, Counter())[dst] += 1
        if dst != src:
            moves.setdefault((src, dst), set()).add(row["doc_id"])
    if moves:
        w.run("events_ensure", ids=sorted({dst for _, dst in moves}))
        for (src, dst), docs in sorted(moves.items()):
            move_support(w, src, dst, docs)
            out.touched |= {src, dst}
    for src, goes in sorted(pieces.items()):
        if len(goes) > 1:
            keeper = src if src in goes else min(goes, key=lambda e: (-goes[e], e))
            out.split.extend(sorted(set(goes) - {keeper}))
        elif src not in goes and len(origins[next(iter(goes))]) > 1:
            out.merged.append(src)
    return out


def events_of_entities(w: Work, ids: Iterable[str]) -> list[dt.date]:
    """The days of the dated meetings the given entities hosted or attended."""
    wanted = sorted(set(ids))
    if not wanted:
        return []
    return [r["date"].to_native() for r in w.run("entity_event_dates", ids=wanted)]


def add_reports(w: Work, p: Plan, event_ids: list[str]) -> None:
    w.run("reports_add", rows=report_rows(p, event_ids))


def report_rows(p: Plan, event_ids: list[str]) -> list[dict[str, Any]]:
    """One ``reports_add`` row per event the document reports."""
    rows: dict[str, dict[str, Any]] = {}
    placed = sorted(
        zip(p.meetings, event_ids, strict=True),
        key=lambda me: event_id(p.doc_id, me[0].key, me[0].date),
    )
    # Two meetings of the document in one event: the report kept is the one whose own event
    # id is smallest, as the event re-grouped later would see it.
    for m, eid in placed:
        if eid not in rows:
            report = {k: v for k, v in m.report.items() if v is not None}
            rows[eid] = {"doc_id": p.doc_id, "id": eid, "report": report}
    return list(rows.values())


def refresh_events(w: Work, ids: Iterable[str]) -> None:
    """Re-derive an event's kind, description, date, status... from the reports of it."""
    wanted = sorted(set(ids))
    if not wanted:
        return
    rows = []
    for s in w.run("event_state", ids=wanted):
        reports = s["reports"]
        if not reports:
            continue
        props = derive_event(s["id"], reports)
        if props != s["props"]:
            rows.append({"id": s["id"], "props": props})
    if rows:
        w.run("event_set", rows=rows)


def derive_event(eid: str, reports: list[dict[str, Any]]) -> dict[str, Any]:
    """Event properties from its reports: each word the most common one (ties: first document);
    the date from the report that gives it most precisely."""
    order = [r["doc_id"] for r in reports]

    def common(key: str) -> str | None:
        return most_common([r.get(key) for r in reports], order)

    best = min(
        reports,
        key=lambda r: (_PRECISION_RANK.get(r.get("date_precision") or "unknown", 9), r["doc_id"]),
    )
    props: dict[str, Any] = {
        "id": eid,
        "kind": common("kind"),
        "description": common("description"),
        "name": common("name"),
        "status": common("status"),
        "location": common("location"),
        "doc_ids": sorted(order),
    }
    for key in ("date", "year", "month", "day", "date_text", "date_precision"):
        props[key] = best.get(key)
    return {k: v for k, v in props.items() if v is not None}


# --- facts and quotes -----------------------------------------------------------------


def add_quotes(w: Work, p: Plan, node_of_key: dict[str, str]) -> None:
    """Write the quotes, where this document prints them, and who said them (SAID)."""
    rows = quote_rows(p, node_of_key)
    if rows:
        w.run("quotes_add", rows=rows)


def quote_rows(p: Plan, node_of_key: dict[str, str]) -> list[dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    for q in p.quotes:
        speaker = node_of_key[q.speaker]
        qid = quote_id(speaker, q.text)
        rows.setdefault(
            qid,
            {
                "doc_id": p.doc_id,
                "id": qid,
                "text": q.text,
                "speaker_id": speaker,
                "sentence": q.evidence.sentence,
                "start": q.evidence.start,
                "end": q.evidence.end,
            },
        )
    return list(rows.values())


def add_facts(w: Work, p: Plan, node_of_key: dict[str, str], event_of_key: dict[str, str]) -> None:
    """Add this document as a source of each fact (and re-derive the values they show)."""
    write_facts(w, fact_rows(p, node_of_key, event_of_key))


def write_facts(w: Work, rows: list[dict[str, Any]]) -> None:
    """One statement per target kind for all ``rows`` (of one document or of a group whose
    documents share no entity, so no two rows touch one relationship)."""
    for kind in ("entity", "event"):  # SAID (to a quote) is written by add_quotes
        batch = [r for r in rows if r["target_kind"] == kind]
        if batch:
            w.run(f"facts_add_{kind}", rows=batch)


def fact_rows(
    p: Plan, node_of_key: dict[str, str], event_of_key: dict[str, str]
) -> list[dict[str, Any]]:
    rows: dict[tuple[str, str, str], dict[str, Any]] = {}
    for f in p.facts:
        if f.type not in FACT_TYPES:
            raise ValueError(f"not a fact type: {f.type!r}")
        if f.target_kind == "quote":
            continue
        source = node_of_key[f.source]
        kind_ids = node_of_key if f.target_kind == "entity" else event_of_key
        target = kind_ids[f.target]
        if f.target_kind == "entity" and source == target:
            continue
        key = (f.type, source, target)
        if key in rows:
            continue
        rows[key] = {
            "type": f.type,
            "source": source,
            "target": target,
            "target_kind": f.target_kind,
            "doc_id": p.doc_id,
            "sentence": f.evidence.sentence,
            "start": f.evidence.start,
            "end": f.evidence.end,
            "role": f.extra.get("role"),
            "implied": f.extra.get("implied"),
            "title": f.extra.get("title"),
            "current": f.extra.get("current"),
            "detail": f.extra.get("detail"),
        }
    return list(rows.values())


def derive_facts(w: Work, rels: Iterable[str]) -> None:
    wanted = sorted(set(rels))
    if wanted:
        w.run("facts_derive", rels=wanted)


# --- removing a document's contributions ------------------------------------------------


@dataclass
class Detached:
    """What a detached document pointed at: these may now be left without support."""

    entities: list[str]
    events: list[str]
    quotes: list[str]


def detach_document(w: Work, doc_id: str) -> Detached:
    """Take the document out of every fact, mention, report and quote (nodes stay for now)."""
    w.run("doc_strip_facts", doc_id=doc_id)  # also re-derives the values those facts show
    w.run("doc_drop_facts", doc_id=doc_id)
    row = w.run("doc_detach", doc_id=doc_id)
    if not row:
        return Detached([], [], [])
    return Detached(row[0]["entities"], row[0]["events"], row[0]["quotes"])


def collect_garbage(
    w: Work,
    entities: Collection[str],
    events: Collection[str],
    quotes: Collection[str],
    keys: set[str],
) -> None:
    """Delete what no document supports any more, and resolution keys that name nothing."""
    orphans = set(keys)
    if entities:
        for row in w.run("gc_entities", ids=sorted(set(entities))):
            orphans.update(row["keys"])
    if events:
        w.run("gc_events", ids=sorted(set(events)))
    if quotes:
        w.run("gc_quotes", ids=sorted(set(quotes)))
    if orphans:
        w.run("gc_name_keys", keys=sorted(orphans))


# --- moving support between nodes (merge and split) -----------------------------------------


def move_support(w: Work, from_id: str, to_id: str, docs: set[str] | None) -> set[str]:
    """Hand the support of ``docs`` (None: all of it) from one node to another.

    Every relationship of the source is re-created on the target with the moved
    provenance entries joined to the target's own; the source keeps the rest.
    With ``docs=None`` the source is deleted afterwards (a merge). Returns the resolution
    keys of a deleted source (they may now name nothing).
    """
    src = w.run("node_find", id=from_id)
    dst = w.run("node_find", id=to_id)
    if not src or not dst:
        return set()
    src_node, dst_node = src[0]["node"], dst[0]["node"]
    have = {(r["type"], r["outgoing"], r["other"]): r for r in w.run("node_rels", id=to_id)}
    out_rows: list[dict[str, Any]] = []
    in_rows: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    deletes: list[str] = []
    for r in w.run("node_rels", id=from_id):
        if r["type"] not in MOVABLE_TYPES:
            raise ValueError(f"cannot move a {r['type']!r} relationship")
        if r["other"] == dst_node or r["other"] == src_node:
            deletes.append(r["rel"])  # a fact between the two halves of one body
            continue
        if r["other_is_document"]:
            moving = dict(r["props"]) if docs is None or r["other_id"] in docs else {}
            staying: dict[str, Any] = {} if moving else dict(r["props"])
        elif docs is None:
            moving, staying = dict(r["props"]), {}
        else:
            moving, staying = split(r["props"], docs)
        if not moving:
            continue
        old = have.get((r["type"], r["outgoing"], r["other"]))
        props = join(old["props"] if old else None, moving)
        row = {"type": r["type"], "other": r["other"], "props": props}
        (out_rows if r["outgoing"] else in_rows).append(row)
        if staying:
            updates.append({"rel": r["rel"], "props": staying})
        else:
            deletes.append(r["rel"])
    if deletes:
        w.run("rels_delete", rels=deletes)
    if out_rows:
        w.run("rels_write_out", node=dst_node, rows=out_rows)
    if in_rows:
        w.run("rels_write_in", node=dst_node, rows=in_rows)
    if updates:
        w.run("rels_set", rows=updates)
    derive_facts(w, [r["rel"] for r in w.run("node_fact_rels", ids=[from_id, to_id])])
    if docs is None:
        w.run("quotes_respeak", from_id=from_id, into_id=to_id)
        w.run("node_delete", node=src_node)
        return set(src[0]["keys"])
    return set()
