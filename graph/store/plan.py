"""Turn one :class:`Extraction` into the rows the store writes (pure, no database).

This is the *transform* stage of the loader: it checks that the extraction is
consistent (every key it refers to exists, every offset lies inside the text),
folds the document's own duplicate mentions of one body together, and keeps one
piece of evidence per fact, as the graph records one source per document.
Graph-wide ids are decided later, inside the write transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

from graph.errors import DocumentTooLarge, WhometError
from graph.model import Entity, EntityType, Evidence, Extraction, Meeting
from graph.store.resolve import (
    NameKeys,
    acronym_only,
    countries_compatible,
    name_keys,
    normalize_name,
    pick_country,
    pick_type,
    types_compatible,
)

# Relationship types the store writes; every dynamic type in a statement is checked against this.
FACT_TYPES = frozenset(
    {
        "HOSTED",
        "ATTENDED",
        "REPRESENTS",
        "PART_OF",
        "OPERATES",
        "BRIEFED",
        "REQUESTED",
        "AGREED_WITH",
        "SAID",
    }
)
TargetKind = Literal["entity", "event", "quote"]


class InvalidExtraction(WhometError):
    """An extraction refers to something it does not contain, or to text it does not have."""


@dataclass
class PlanEntity:
    """One body as this document names it (its duplicate mentions folded together)."""

    keys: list[str]  # Entity.key values folded into this one
    name: str
    names: list[str]  # name first, then aliases, each once
    type: EntityType
    country: str | None
    name_keys: NameKeys


@dataclass
class PlanFact:
    """One fact with the evidence this document gives for it."""

    type: str
    source: str  # Entity.key
    target: str  # Entity.key, Meeting.key or quote id
    target_kind: TargetKind
    evidence: Evidence
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class PlanQuote:
    ref: str  # the SAID fact's target until the store gives the quote its id
    speaker: str  # Entity.key
    text: str
    evidence: Evidence


@dataclass
class PlanMeeting:
    key: str
    report: dict[str, Any]  # properties of the REPORTS relationship
    date: dt.date | None
    participants: list[str]  # Entity.keys that hosted or attended


@dataclass
class Plan:
    doc_id: str
    document: dict[str, Any]
    entities: list[PlanEntity]
    entity_of_key: dict[str, int]  # Entity.key -> index in entities
    meetings: list[PlanMeeting]
    facts: list[PlanFact]
    quotes: list[PlanQuote]

    def entity_for(self, key: str) -> PlanEntity:
        return self.entities[self.entity_of_key[key]]


def document_props(extraction: Extraction) -> dict[str, Any]:
    """The ``:Document`` node's properties (``loaded_at`` is added by the store)."""
    doc = extraction.document
    return {
        "id": doc.id,
        "title": doc.meta.title,
        "published": doc.meta.published,
        "source": doc.meta.source,
        "author": doc.meta.author,
        "url": doc.meta.url,
        "path": doc.path,
        "content_hash": doc.content_hash,
        "text": doc.text,
        "extractor_version": extraction.extractor_version,
        "boilerplate_starts_at": doc.boilerplate_starts_at,
    }


def quote_id(speaker_id: str, text: str) -> str:
    """A quote's id: its speaker's node id and its normalized words, hashed, so two
    outlets printing the same words of the same person give one ``:Quote``."""
    basis = f"{speaker_id}|{normalize_name(text)}"
    return "q:" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]


def plan(extraction: Extraction) -> Plan:
    """Check ``extraction`` and lay it out as rows; raises :class:`InvalidExtraction`."""
    _check(extraction)
    entities, entity_of_key = _fold_entities(extraction.entities)
    meetings: list[PlanMeeting] = []
    facts: dict[tuple[str, str, str], PlanFact] = {}

    def add(fact: PlanFact) -> None:
        source = entities[entity_of_key[fact.source]].keys[0]
        target = (
            entities[entity_of_key[fact.target]].keys[0]
            if fact.target_kind == "entity"
            else fact.target
        )
        if fact.target_kind == "entity" and source == target:
            return
        fact.source, fact.target = source, target
        key = (fact.type, source, target)
        old = facts.get(key)
        if old is None:
            facts[key] = fact
        else:
            _combine(old, fact)

    def body(key: str) -> str:
        """The document's one key for the body ``key`` names (after folding)."""
        return entities[entity_of_key[key]].keys[0]

    names = {e.key: e.name for e in extraction.entities}
    for meeting in extraction.meetings:
        meetings.append(_plan_meeting(meeting, names))
        hosts = {body(p.entity) for p in meeting.participants if p.role == "host"}
        for p in meeting.participants:
            evidence = p.evidence or meeting.evidence
            if p.role == "host":
                add(PlanFact("HOSTED", p.entity, meeting.key, "event", evidence))
            elif body(p.entity) not in hosts:
                seen = {"role": p.role, "implied": p.optional}
                add(PlanFact("ATTENDED", p.entity, meeting.key, "event", evidence, dict(seen)))
    for aff in extraction.affiliations:
        held = {"title": aff.role or "", "current": aff.current}
        add(PlanFact("REPRESENTS", aff.person, aff.org, "entity", aff.evidence, dict(held)))
    for rel in extraction.relations:
        plain = rel.type in ("PART_OF", "OPERATES")
        detail: dict[str, Any] = {} if plain else {"detail": rel.detail or ""}
        add(PlanFact(rel.type, rel.source, rel.target, "entity", rel.evidence, detail))
    quotes: list[PlanQuote] = []
    seen_quotes: set[str] = set()
    for q in extraction.quotes:
        speaker = entities[entity_of_key[q.speaker]].keys[0]
        same = f"{speaker}|{normalize_name(q.text)}"
        if same in seen_quotes:
            continue
        seen_quotes.add(same)
        ref = f"#{len(quotes)}"
        quotes.append(PlanQuote(ref, speaker, q.text, q.evidence))
        add(PlanFact("SAID", q.speaker, ref, "quote", q.evidence))
    return Plan(
        doc_id=extraction.document.id,
        document=document_props(extraction),
        entities=entities,
        entity_of_key=entity_of_key,
        meetings=meetings,
        facts=list(facts.values()),
        quotes=quotes,
    )


def _combine(old: PlanFact, new: PlanFact) -> None:
    """One document stating a fact twice: keep the first evidence, merge what it adds."""
    if new.evidence.start < old.evidence.start:
        old.evidence = new.evidence
    if "role" in old.extra:
        if new.extra.get("role") == "speaker":
            old.extra["role"] = "speaker"
        old.extra["implied"] = bool(old.extra["implied"]) and bool(new.extra.get("implied"))
    if "title" in old.extra and not old.extra["title"]:
        old.extra["title"] = new.extra.get("title", "")
    if "current" in old.extra:
        old.extra["current"] = bool(old.extra["current"]) or bool(new.extra.get("current"))
    if "detail" in old.extra and not old.extra["detail"]:
        old.extra["detail"] = new.extra.get("detail", "")


def _plan_meeting(meeting: Meeting, names: dict[str, str]) -> PlanMeeting:
    report: dict[str, Any] = {
        "meeting_key": meeting.key,
        "kind": meeting.kind,
        "description": meeting.description,
        "name": names[meeting.name_entity] if meeting.name_entity else None,
        "date": meeting.date,
        "year": meeting.year,
        "month": meeting.month,
        "day": meeting.day,
        "date_text": meeting.date_text,
        "date_precision": meeting.date_precision,
        "status": meeting.status,
        "location": meeting.location,
        "sentence": meeting.evidence.sentence,
        "start": meeting.evidence.start,
        "end": meeting.evidence.end,
    }
    participants = list(dict.fromkeys(p.entity for p in meeting.participants))
    return PlanMeeting(meeting.key, report, meeting.date, participants)


def _fold_entities(ents: list[Entity]) -> tuple[list[PlanEntity], dict[str, int]]:
    """Group the document's entities that name one body (shared keys, compatible type)."""
    keys = [name_keys([e.name, *e.aliases], e.type) for e in ents]
    parent = list(range(len(ents)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def linked(i: int, j: int) -> bool:
        return bool(
            ((keys[i].probe & keys[j].own) or (keys[j].probe & keys[i].own))
            and types_compatible(ents[i].type, ents[j].type)
            and countries_compatible(ents[i].country, ents[j].country)
        )

    # Names first; then a bare acronym joins the one body it can stand for, or none
    # ("NRI" beside two bodies abbreviated NRI stays a body of its own).
    bare = [e.type is not EntityType.PERSON and acronym_only([e.name, *e.aliases]) for e in ents]
    for i in range(len(ents)):
        for j in range(i + 1, len(ents)):
            if bare[i] == bare[j] and linked(i, j):
                parent[find(j)] = find(i)
    for i in (i for i in range(len(ents)) if bare[i]):
        bodies = {find(j) for j in range(len(ents)) if not bare[j] and linked(i, j)}
        if len(bodies) == 1:
            parent[find(i)] = bodies.pop()
    groups: dict[int, list[int]] = {}
    for i in range(len(ents)):
        groups.setdefault(find(i), []).append(i)
    out: list[PlanEntity] = []
    index: dict[str, int] = {}
    for members in groups.values():
        group = [ents[i] for i in members]
        all_names = list(dict.fromkeys(n for e in group for n in (e.name, *e.aliases) if n))
        etype = pick_type({t: sum(1 for e in group if e.type.value == t) for t in _types(group)})
        countries = [e.country for e in group if e.country]
        country = pick_country({c: countries.count(c) for c in countries})
        main = max(group, key=lambda e: (len(e.evidence), len(e.name)))
        for e in group:
            index[e.key] = len(out)
        out.append(
            PlanEntity(
                keys=[e.key for e in group],
                name=main.name,
                names=[main.name, *[n for n in all_names if n != main.name]],
                type=etype,
                country=country,
                name_keys=name_keys(all_names, etype),
            )
        )
    return out, index


def _types(group: list[Entity]) -> list[str]:
    return list(dict.fromkeys(e.type.value for e in group))


# Different meetings (participant sets) one document may report for one day: every report
# of a day is grouped with the others inside the write transaction. Repeats of one set cost
# nothing (they are one meeting); distinct sets are compared when they share a party.
MAX_MEETINGS_PER_DAY = 1000


def _check(extraction: Extraction) -> None:
    doc = extraction.document
    size = len(doc.text)
    problems: list[str] = []
    keys = [e.key for e in extraction.entities]
    known = set(keys)
    if len(known) != len(keys):
        problems.append("two entities share one key")
    if len({m.key for m in extraction.meetings}) != len(extraction.meetings):
        problems.append("two meetings share one key")
    for e in extraction.entities:
        if not e.name.strip():
            problems.append(f"entity {e.key!r} has an empty name")

    def ref(key: str, where: str) -> None:
        if key not in known:
            problems.append(f"{where} refers to unknown entity {key!r}")

    def span(ev: Evidence | None, where: str) -> None:
        if ev is not None and not (ev.start <= ev.end <= size):
            problems.append(f"{where}: evidence offsets {ev.start}..{ev.end} outside 0..{size}")

    for e in extraction.entities:
        for ev in e.evidence:
            span(ev, f"entity {e.key!r}")
    for m in extraction.meetings:
        span(m.evidence, f"meeting {m.key!r}")
        if m.name_entity is not None:
            ref(m.name_entity, f"meeting {m.key!r}")
        for p in m.participants:
            ref(p.entity, f"meeting {m.key!r}")
            span(p.evidence, f"meeting {m.key!r} participant {p.entity!r}")
    per_day: dict[dt.date, set[frozenset[str]]] = {}
    for m in extraction.meetings:
        if m.date is not None:
            per_day.setdefault(m.date, set()).add(frozenset(p.entity for p in m.participants))
    for day, sets in sorted(per_day.items()):
        if len(sets) > MAX_MEETINGS_PER_DAY:
            raise DocumentTooLarge(
                f"document {doc.id}: {len(sets)} different meetings on {day}, over the"
                f" {MAX_MEETINGS_PER_DAY} one document may report for one day"
            )
    for a in extraction.affiliations:
        ref(a.person, "affiliation")
        ref(a.org, "affiliation")
        span(a.evidence, "affiliation")
    for q in extraction.quotes:
        ref(q.speaker, "quote")
        span(q.evidence, "quote")
    for r in extraction.relations:
        ref(r.source, f"{r.type} relation")
        ref(r.target, f"{r.type} relation")
        span(r.evidence, f"{r.type} relation")
    if problems:
        raise InvalidExtraction(f"document {doc.id}: " + "; ".join(sorted(set(problems))))
