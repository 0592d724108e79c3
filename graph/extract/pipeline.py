"""The extractor: a Document in, a typed Extraction out. Offline and deterministic."""

from __future__ import annotations

import gc
import re

from graph.extract.affiliations import (
    Found,
    find_affiliations,
    its_appositions,
    portfolio_affiliations,
    wire_credits,
)
from graph.extract.anchors import Anchored, anchor
from graph.extract.context import ORG_TYPES, DocContext, Ref, build_tagged
from graph.extract.entities import Cluster, EntityBuilder
from graph.extract.events import EventFinder
from graph.extract.lexicon import lexicon
from graph.extract.meetings import MeetingDraft
from graph.extract.mentions import find_mentions
from graph.extract.ner_people import reconcile_people
from graph.extract.nlp import parse_all
from graph.extract.offices import home_offices, portfolio_bodies
from graph.extract.quotes import find_quotes
from graph.extract.relations import find_relations
from graph.extract.text import layout
from graph.extract.title_countries import title_countries
from graph.model import (
    Affiliation,
    Document,
    Entity,
    EntityType,
    Evidence,
    Extraction,
    Meeting,
    Participant,
    Quote,
    Relation,
)

MAX_EVIDENCE_PER_ENTITY = 3


def extract(doc: Document) -> Extraction:
    """Read ``doc.text`` and return what it states about who met whom."""
    # The pass builds many small acyclic objects; the cyclic collector would rescan them
    # all again and again on a long text, so it is paused for the duration.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _extract(doc)
    finally:
        if was_enabled:
            gc.enable()


def _extract(doc: Document) -> Extraction:
    lay = layout(doc.text)
    parsed = parse_all([sent.text for sent in lay.sentences])
    mentions = find_mentions(lay)
    reconcile_people(lay, mentions, parsed)
    builder = EntityBuilder(mentions, doc.text)
    builder.build()
    clusters = builder.kept()
    keys = {c.cid: f"e{n + 1}" for n, c in enumerate(clusters)}
    types = {keys[c.cid]: c.type for c in clusters if c.type is not None}
    names = {keys[c.cid]: c.name for c in clusters}
    ctx = DocContext(doc.text, lay, clusters, keys, types, names, builder.of_mention)
    build_tagged(ctx, mentions)

    entities = []
    for c in clusters:
        assert c.type is not None
        seen: list[Evidence] = []
        for m in sorted(c.mentions, key=lambda x: x.start):
            ev = ctx.evidence(lay.sentences[m.sent])
            if ev not in seen:
                seen.append(ev)
            if len(seen) >= MAX_EVIDENCE_PER_ENTITY:
                break
        country = c.gaz.country if c.gaz is not None else None
        entities.append(
            Entity(
                key=keys[c.cid],
                name=c.name,
                type=c.type,
                aliases=list(c.aliases),
                country=country,
                evidence=seen,
            )
        )

    # affiliations, sentence by sentence
    found_by_sent: dict[int, list[Found]] = {}
    bodies = [
        (k, n.lower()) for k, n in names.items() if types.get(k) == EntityType.GOVERNMENT_BODY
    ]
    agency = _dateline_agency(ctx)
    for i, tg in enumerate(ctx.tagged):
        found = [
            f
            for f in find_affiliations(tg)
            + portfolio_affiliations(tg, bodies)
            + wire_credits(tg, agency)
            + its_appositions(tg, ctx.tagged[i - 1] if i else None)
            if f.person.key != f.org.key
            and (f.org.type in ORG_TYPES or f.org.type == EntityType.COUNTRY)
        ]
        found_by_sent[tg.sent.index] = found
    affiliations = _merge_affiliations(ctx, found_by_sent)
    affiliations += _leader_offices(ctx, clusters, keys, affiliations)
    anchored = [anchor(tg, sdoc) for tg, sdoc in zip(ctx.tagged, parsed, strict=True)]
    affiliations += _title_countries(ctx, anchored, affiliations)
    evidence = {sent.index: ctx.evidence(sent) for sent in lay.sentences}
    affiliations += portfolio_bodies(clusters, keys, mentions, affiliations, evidence)
    affiliations += home_offices(doc.meta.url, clusters, keys, affiliations, evidence, doc.text)

    # quotes, then meetings (quoted people near a meeting are its implied participants)
    quotes_found = find_quotes(ctx)
    quotes_by_sent: dict[int, list[str]] = {}
    for q in quotes_found:
        quotes_by_sent.setdefault(q.sentence, []).append(q.speaker)
    finder = EventFinder(doc.meta.published, types)
    finder.datelines = ctx.lay.datelines
    for a in affiliations:
        if a.current and types.get(a.org) == EntityType.COUNTRY:
            finder.countries_of.setdefault(a.person, []).append(a.org)
        if a.role:
            finder.titles_of.setdefault(a.person, set()).update(a.role.lower().split())
    for c in clusters:
        for m in c.mentions:
            if m.title and c.type == EntityType.PERSON:
                finder.titles_of.setdefault(keys[c.cid], set()).update(m.title.lower().split())
    relations: list[Relation] = []
    for an in anchored:
        tg = an.tagged
        ev = ctx.evidence(tg.sent)
        cur = finder.current_at(tg.sent.index)
        parties = _main_parties(cur, types) if cur is not None and "agreed" in tg.s else None
        finder.sentence(an, ev)
        for speaker in quotes_by_sent.get(tg.sent.index, []):
            if types.get(speaker) == EntityType.PERSON:
                finder.quote_speaker(speaker, tg.sent.index, ev)
        for r in find_relations(tg, parties):
            relations.append(
                Relation(
                    type=r.type, source=r.source, target=r.target, detail=r.detail, evidence=ev
                )
            )

    party_keys = {keys[c.cid] for c in clusters if "Party" in c.name.split()}
    meetings = _finish_meetings(finder.meetings, affiliations, types, party_keys)
    quotes = [
        Quote(speaker=q.speaker, text=q.text, evidence=ctx.evidence(lay.sentences[q.sentence]))
        for q in quotes_found
    ]
    return Extraction(
        document=doc,
        entities=entities,
        meetings=meetings,
        affiliations=affiliations,
        quotes=quotes,
        relations=_dedupe_relations(relations),
    )


_TITLE_BEFORE = re.compile(
    r"\b((?:then-|[Ff]ormer\s+)(?:President|Prime\s+Minister|Premier|Chancellor))\s+$"
)
_STATE_TITLES = frozenset({"president", "prime minister", "premier", "chancellor"})


def _leader_offices(
    ctx: DocContext, clusters: list[Cluster], keys: dict[int, str], have: list[Affiliation]
) -> list[Affiliation]:
    """'President Lee Jae-myung' with no country beside the title: a head of state or
    government listed in the leaders data holds the office for that country, when the text
    names the country."""
    leaders = lexicon().leaders
    countries = {c.name: keys[c.cid] for c in clusters if c.type == EntityType.COUNTRY}
    linked = {a.person for a in have if ctx.types.get(a.org) == EntityType.COUNTRY}
    out: list[Affiliation] = []
    for c in clusters:
        key = keys[c.cid]
        if c.type != EntityType.PERSON or key in linked:
            continue
        country = leaders.get(c.name.casefold())
        if country is None or country not in countries:
            continue
        for m in c.mentions:
            written = m.title
            if not written:
                before = _TITLE_BEFORE.search(ctx.text, max(0, m.start - 30), m.start)
                written = before.group(1) if before is not None else None
            title = re.sub(r"^(?:then-|former\s+|acting\s+)", "", (written or "").lower())
            if title in _STATE_TITLES:
                ev = ctx.evidence(ctx.lay.sentences[m.sent])
                current = not (written or "").lower().startswith(("then-", "former"))
                out.append(
                    Affiliation(
                        person=key,
                        org=countries[country],
                        role=written,
                        current=current,
                        evidence=ev,
                    )
                )
                break
    return out


def _title_countries(
    ctx: DocContext, anchored: list[Anchored], have: list[Affiliation]
) -> list[Affiliation]:
    """Countries that people's titles name, for people tied to no body or country yet."""
    tied = {a.person for a in have}
    out: dict[str, Affiliation] = {}
    for an in anchored:
        for person, country in title_countries(an):
            if person.key in tied or person.key in out:
                continue
            out[person.key] = Affiliation(
                person=person.key,
                org=country.key,
                role=None,
                current=True,
                evidence=ctx.evidence(an.tagged.sent),
            )
    return list(out.values())


def _dateline_agency(ctx: DocContext) -> Ref | None:
    """The wire service named in a dateline ('SEOUL, May 3 (Wire) -'), if any."""
    if not ctx.lay.datelines:
        return None
    for c in ctx.clusters:
        if c.type not in ORG_TYPES:
            continue
        for m in c.mentions:
            if any(a <= m.start < b for a, b in ctx.lay.datelines):
                assert c.type is not None
                return Ref(ctx.keys[c.cid], c.type, m, generic=True)
    return None


def _main_parties(m: MeetingDraft, types: dict[str, EntityType]) -> tuple[str, str] | None:
    orgs = [k for k in m.core() if types.get(k) in ORG_TYPES]
    ordered = sorted(
        orgs, key=lambda k: (m.participants[k].role != "host", list(m.participants).index(k))
    )
    if len(ordered) >= 2:
        return ordered[0], ordered[1]
    return None


def _merge_affiliations(ctx: DocContext, found: dict[int, list[Found]]) -> list[Affiliation]:
    merged: dict[tuple[str, str], Affiliation] = {}
    for idx in sorted(found):
        ev = ctx.evidence(ctx.lay.sentences[idx])
        for f in found[idx]:
            pair = (f.person.key, f.org.key)
            have = merged.get(pair)
            if have is None:
                merged[pair] = Affiliation(
                    person=f.person.key, org=f.org.key, role=f.role, current=f.current, evidence=ev
                )
                continue
            if have.role is None and f.role:
                have.role = f.role
            if not f.current:
                have.current = False
    return list(merged.values())


def _finish_meetings(
    drafts: list[MeetingDraft],
    affiliations: list[Affiliation],
    types: dict[str, EntityType],
    parties: set[str],
) -> list[Meeting]:
    orgs_of: dict[str, list[Affiliation]] = {}
    for a in affiliations:
        # a lawmaker's party is a membership: the party itself did not come to the meeting
        if a.current and a.org not in parties:
            orgs_of.setdefault(a.person, []).append(a)
    out: list[Meeting] = []
    for d in drafts:
        for key, p in list(d.participants.items()):
            if types.get(key) != EntityType.PERSON:
                continue
            for n, a in enumerate(orgs_of.get(key, [])):
                have = d.participants.get(a.org)
                if (have is None or have.optional) and a.org not in d.excluded:
                    country = types.get(a.org) == EntityType.COUNTRY
                    # a second post ("who also chairs X") is not whom the person represents
                    d.add(a.org, "attendee", p.optional or country or n > 0, p.evidence)
        if len(d.core()) < 2:
            continue
        date = d.date
        participants = [
            Participant(entity=p.key, role=p.role, optional=p.optional, evidence=p.evidence)
            for p in d.participants.values()
        ]
        out.append(
            Meeting(
                key=f"m{len(out) + 1}",
                kind=d.kind,
                description=d.description,
                date=date.date if date else None,
                year=date.year if date else None,
                month=date.month if date else None,
                day=date.day if date else None,
                date_text=date.text if date else None,
                date_precision=date.precision if date else "unknown",
                status=d.status,
                location=d.location,
                name_entity=d.name_entity,
                participants=participants,
                evidence=d.evidence,
            )
        )
    return out


def _dedupe_relations(rels: list[Relation]) -> list[Relation]:
    seen: set[tuple[str, str, str]] = set()
    out = []
    for r in rels:
        k = (r.type, r.source, r.target)
        if k in seen:
            continue
        seen.add(k)
        out.append(r)
    return out
