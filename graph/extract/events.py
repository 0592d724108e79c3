"""Meetings from the parse: triggers, their arguments, status and date.

A sentence states a meeting when a trigger of ``rules/meetings.yaml`` (a verb such as
"meet", or an event noun such as "talks" governed by "hold") has two or more parties among
its arguments. Later sentences extend the current meeting when their subject names its
parties ("the two sides", "A and B also discussed"); a quoted person near it is an
implied participant. Everything here reads one sentence at a time in reading order.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from graph.extract.anchors import Anchored
from graph.extract.arguments import (
    DESCRIBING,
    INCLUDING,
    PARTY_TYPES,
    Party,
    misread_modifier,
    objects,
    parties,
    passive_agents,
    prep_objects,
    site_owners,
    stands_for,
    subjects,
    workplace,
)
from graph.extract.context import Ref
from graph.extract.dates import ResolvedDate, find_dates, resolve
from graph.extract.lexicon import lexicon
from graph.extract.meetings import MeetingDraft
from graph.extract.meetings import _attributive_date as attributive_date
from graph.extract.rulebook import MeetingRules, meeting_rules
from graph.model import REMOTE_KINDS, EntityType, Evidence

if TYPE_CHECKING:
    from spacy.tokens import Token

WINDOW = 8  # sentences a meeting stays current for follow-up sentences
# kinds "the meeting" may stand for, and kinds it does not ("attended the meeting" after a
# signing told since means the meeting before it)
TALK_KINDS = frozenset({"meeting", "talks", "summit", "consultations", "dialogue"})
SIGNING_KINDS = frozenset({"signing", "ceremony"})
NEAR = 2  # sentences within which "the meeting" with only new parties still adds to it
CAME = re.compile(r"\b(?:came|comes|follows|followed|was|is)\s+$")
SAID_ON = re.compile(r"\b(?:said|says|announced|told\s+\w+)\s+(?:on\s+)?$")
# "a series of talks", "two days of talks": the phrase is read at the quantity
QUANTITY_NOUNS = frozenset(
    {"series", "round", "number", "couple", "set", "string", "pair", "day", "hour", "week"}
)
PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
MARGINS = frozenset({"sideline", "sidelines", "margin", "margins"})
ORG_PARTY = frozenset({EntityType.GOVERNMENT_BODY, EntityType.COMPANY, EntityType.ORGANIZATION})


@dataclass
class Found:
    """One trigger's reading: who took part, in which roles, and what the trigger says."""

    kind: str
    status: str
    trigger: Token
    roles: dict[str, tuple[str, bool]] = field(default_factory=dict)  # key -> (role, optional)
    name_entity: str | None = None
    definite: bool = False  # "the meeting": may refer back to the current one
    refers_back: bool = False  # its subject is the current meeting itself
    verb: Token | None = None  # the verb that carries the arguments (for dated groups)
    date_at: int | None = None  # character offset of the date phrase that dates it
    sides: frozenset[str] = frozenset()  # countries its name states ("the Korea-Japan summit")
    # "met the heads of eight banks": the other side is people the sentence does not name,
    # whom a roster after it may name ("The meeting was attended by ...")
    unnamed_side: bool = False

    def add(self, found: list[Party], role: str) -> None:
        for p in found:
            have = self.roles.get(p.ref.key)
            if have is None:
                self.roles[p.ref.key] = (role, p.optional)
            else:
                self.roles[p.ref.key] = (
                    "host" if "host" in (role, have[0]) else have[0],
                    have[1] and p.optional,
                )

    def core(self) -> set[str]:
        return {k for k, (_, opt) in self.roles.items() if not opt}


class EventFinder:
    """Reads sentences in order and keeps the meetings they state."""

    def __init__(self, published: dt.date | None, types: dict[str, EntityType]) -> None:
        self.pub = published
        self.types = types
        self.rules: MeetingRules = meeting_rules()
        self.meetings: list[MeetingDraft] = []
        self.current: MeetingDraft | None = None
        self.current_sent = -100
        self.current_grew = -100  # the sentence that last named a new party of it
        self.settings: set[str] = set()  # nouns of gatherings met on the margins of
        self.datelines: list[tuple[int, int]] = []  # spans of "CITY, May 3 (Wire) -"
        self.last_person: Party | None = None
        self.last_org: Party | None = None
        self.last_subject_person: Party | None = None
        self.recent_countries: list[Ref] = []
        self.last_date: dt.date | None = None
        self.countries_of: dict[str, list[str]] = {}
        self.titles_of: dict[str, set[str]] = {}  # person key -> lowercased title words
        self.people_seen: list[Ref] = []
        # the people named together as the subject of a recent sentence, and its index:
        # "A and B arrived on Sunday. They met on Monday."
        self.subject_group: tuple[int, list[Party]] = (-100, [])
        self.sent_idx = -1

    # ------------------------------------------------------------------ public
    def current_at(self, sent: int) -> MeetingDraft | None:
        if self.current is not None and sent - self.current_sent <= WINDOW:
            return self.current
        return None

    def sentence(self, a: Anchored, ev: Evidence) -> None:
        idx = a.tagged.sent.index
        self.sent_idx = idx
        before = (self.current, len(self.current.participants) if self.current else 0)
        self._read(a, ev, idx)
        if self.current is not None and before != (self.current, len(self.current.participants)):
            self.current_grew = idx

    def _read(self, a: Anchored, ev: Evidence, idx: int) -> None:
        if self._roster(a, ev, idx):
            return
        handled: set[int] = set()
        founds: list[Found] = []
        for tok in a.doc:
            found = self._trigger(a, tok)
            if found is not None:
                handled.add(tok.i)
                founds.append(found)
        for found in _within_sentence(founds):
            for dated in self._dated_groups(a, found):
                for part in self._separate(a, dated):
                    self._place(a, part, ev, idx)
        self._in_attendance(a, ev, idx)
        self._representation(a, ev, idx)
        if not handled:
            self._continuation(a, ev, idx)
        self._note_people(a)

    def _in_attendance(self, a: Anchored, ev: Evidence, idx: int) -> None:
        """'Also in attendance were officials from X': the parties named join the meeting."""
        cur = self.current_at(idx)
        text = " " + " ".join(re.findall(r"[\w'-]+", a.tagged.sent.text.lower())) + " "
        if cur is None:
            return
        if not any(f" {p} " in text for p in self.rules.attendance.present) and not any(
            _were_present(t) for t in a.doc
        ):
            return
        for _, ref in sorted(a.head_tokens().items()):
            if ref.type in PARTY_TYPES:
                cur.add(ref.key, "attendee", False, ev)
        self.current_sent = idx

    def _roster(self, a: Anchored, ev: Evidence, idx: int) -> bool:
        """'Participants: A (Chair), B, C': every party listed joins the latest meeting."""
        text = a.tagged.sent.text.lstrip("*-\u2022\u00b7o ").lower()
        label = next((w for w in self.rules.roster.labels if text.startswith(w)), None)
        if label is None or not text[len(label) :].lstrip().startswith(":"):
            return False
        if not self.meetings:
            return False
        target = self.meetings[-1]
        colon = a.tagged.sent.text.index(":")
        for i in sorted(a.refs):
            ref = a.refs[i]
            if a.doc[i].idx > colon and ref.type in PARTY_TYPES:
                target.add(ref.key, "attendee", False, ev)
        self.current, self.current_sent = target, idx
        return True

    def quote_speaker(self, key: str, sent: int, ev: Evidence) -> None:
        cur = self.current_at(sent)
        if cur is not None and key not in cur.participants:
            cur.add(key, "speaker", True, ev)

    # ------------------------------------------------------------------ triggers
    def _trigger(self, a: Anchored, tok: Token) -> Found | None:
        lemma = tok.lemma_.lower()
        low = tok.lower_
        if tok.pos_ in ("VERB", "AUX") or (tok.tag_ == "VBG" and low == "meeting"):
            if lemma in self.rules.attendance.lemmas or self._take_part(tok):
                return self._attendance(a, tok)
            particles = {c.lower_ for c in tok.children if c.dep_ in ("prt", "advmod")}
            particles |= {
                f"{c.lower_} {g.lemma_.lower()}"
                for c in tok.children
                if c.dep_ == "prep"
                for g in c.children
                if g.dep_ == "pobj"
            }  # "spoke by phone": a rule's particle may be a prepositional phrase
            candidates = self.rules.verb_rules(lemma, particles)
            if not candidates or self._negated(tok):
                return None
            # "spoke with X" and "spoke to X" are two rules of one verb: the first whose
            # needed phrase is there
            rule = next(
                (r for r in candidates if not r.needs_prep or _prep_parties(tok, r.preps)),
                candidates[0],
            )
            if tok.dep_ == "pcomp" and tok.tag_ == "VBG" and lemma in DESCRIBING:
                return None  # "met with visiting Prime Minister X": who X is, read at "met"
            if rule.needs_prep and not _prep_parties(tok, rule.preps):
                return None  # "the two leaders discussed trade": a continuation, read there
            if rule.no_infinitive and any(c.dep_ == "xcomp" for c in tok.children):
                return None  # "called on the parties to show restraint": an appeal
            return self._verb(a, tok, rule.id)
        if tok.pos_ in ("NOUN", "PROPN", "ADJ"):
            kind = self.rules.nouns.lemmas.get(lemma) or self.rules.nouns.lemmas.get(low)
            if kind is None:
                return None
            ref = a.ref(tok)
            if ref is not None and ref.type not in (EntityType.EVENT,):
                return None  # "Ministry of X Talks Office": part of another name
            if tok.dep_ == "compound" and tok.head.lemma_.lower() in self.rules.nouns.lemmas:
                return None  # "a breakfast meeting": one event, read at its head
            if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
                return None  # "held no talks with X", "No meeting took place": none held
            return self._noun(a, tok, kind, ref.key if ref is not None else None)
        return None

    def _take_part(self, tok: Token) -> bool:
        if tok.lemma_ == "take":
            return any(c.dep_ == "dobj" and c.lower_ == "part" for c in tok.children)
        return False

    def _negated(self, tok: Token) -> bool:
        if any(c.dep_ == "neg" for c in tok.children):
            return True
        head = tok.head
        return tok.dep_ in ("xcomp", "ccomp") and any(c.dep_ == "neg" for c in head.children)

    def _verb(self, a: Anchored, tok: Token, rule_id: str) -> Found | None:
        rule = next(r for r in self.rules.verbs if r.id == rule_id)
        found = Found(rule.kind, self._status(tok), tok)
        planned = self.rules.status.planned_modifiers
        if any(
            c.dep_ == "amod" and c.lemma_.lower() in planned
            for o in objects(tok)
            for c in o.children
        ):
            found.status = "planned"  # "for hosting the upcoming consultations in Sydney"
        misread = misread_modifier(tok)
        subjs, objs = misread if misread is not None else (subjects(tok), objects(tok))
        if rule.object != "none":
            # "met Vexo Chips chief executive Lena Wirth": the small model may hang the
            # name on the verb as an adverbial noun
            objs = objs + [c for c in tok.children if c.dep_ == "npadvmod" and _person_ref(a, c)]
            if objs:
                # "met A, chief executive of X, and B of Y": after an apposition the parser
                # may hang the next name of the list on the verb as a conjunct
                objs += [
                    c
                    for c in tok.children
                    if c.dep_ == "conj"
                    and c.pos_ == "PROPN"
                    and a.ref(c) is not None
                    and not any(g.dep_ in ("nsubj", "nsubjpass", "dobj") for g in c.children)
                ]
        passive = any(c.dep_ == "nsubjpass" for c in tok.children)
        told = objs + [c for c in tok.children if c.dep_ == "nsubjpass"]  # "the accord was signed"
        addressed = (
            _prep_parties(tok, rule.preps) if rule.needs_prep else prep_objects(tok, rule.preps)
        )
        heard = objs + addressed + prep_objects(tok, ["in"])
        if any(self._press(o) for o in heard):
            return None  # "briefed reporters on the talks", "in an interview": an audience
        if rule.object_lemmas and not any(
            o.lemma_.lower() in rule.object_lemmas
            or any(c.lemma_.lower() in rule.object_lemmas for c in o.subtree)
            for o in told
        ):
            return None
        subj_role = rule.subject if rule.subject != "none" else "attendee"
        for s in subjs:
            if s.lemma_.lower() in self.rules.nouns.lemmas:
                found.refers_back = True  # "the session, which brought together ..."
            found.add(self._resolve(a, s), subj_role)
        if passive:
            for s in (c for c in tok.children if c.dep_ == "nsubjpass"):
                found.add(self._resolve(a, s), "attendee")
            for g in passive_agents(tok):
                found.add(parties(a, g), subj_role)
        found.unnamed_side = _unnamed_side(a, objs + addressed)
        for g in _witnesses(tok):
            found.add(self._resolve(a, g), "attendee")
        if rule.object != "none":
            obj_parties = [p for o in objs for p in self._resolve(a, o)]
            for o in objs:
                if o.lemma_.lower() in rule.site_lemmas:
                    # "toured Vexo Motors' plant with its president": the owner is visited
                    # and whoever the parser hangs on the site went along
                    for t in (o, *o.conjuncts):
                        obj_parties += site_owners(a, t)
                        obj_parties += [
                            p for g in prep_objects(t, rule.preps) for p in self._resolve(a, g)
                        ]
            if rule.object_types:
                allowed = {EntityType(t) for t in rule.object_types}
                if any(a.ref(o) is None and stands_for(o) and _of_phrase(o) for o in objs):
                    # "hosted the leaders of Japan and the Philippines": unnamed people stand
                    # for their countries; a country itself is a place visited
                    allowed.add(EntityType.COUNTRY)
                obj_parties = [p for p in obj_parties if p.ref.type in allowed]
                if not obj_parties and not (rule.joins_current and objs) and not passive:
                    return None
                named = passive and any(
                    self._resolve(a, c) for c in tok.children if c.dep_ == "nsubjpass"
                )
                if not obj_parties and not named:
                    # "A briefed officials on ...", "the talks were hosted by X": a part of
                    # the meeting being told; "B was greeted by X" names its own parties
                    found.refers_back = True
            found.add(obj_parties, rule.object)
        # "signed letters on cooperation with X": the phrase may hang one level lower
        with_objects = (
            _prep_parties(tok, rule.preps) if rule.needs_prep else prep_objects(tok, rule.preps, 2)
        )
        allowed_prep = {EntityType(t) for t in rule.prep_types}
        for g in with_objects:
            found.add(
                [p for p in self._resolve(a, g) if not allowed_prep or p.ref.type in allowed_prep],
                "attendee",
            )
        found.add(workplace(a, tok, with_objects + objs), "attendee")
        if rule.object_lemmas:
            # "signed an agreement with X", "signed letters of intent on cooperation with X":
            # the other side hangs on the document signed; "the agreement was signed by ...":
            # the signing told already
            for o in told:
                if any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in o.children):
                    found.definite = True
                for g in prep_objects(o, rule.preps, 3):
                    found.add(self._resolve(a, g), "attendee")
        unnamed = [t for o in objs + with_objects for t in (o, *o.conjuncts) if a.ref(t) is None]
        if (rule.object != "none" or with_objects) and unnamed:
            # "met security chiefs from A and B": the phrase often hangs on the verb, and so
            # does the list of who they were ("met business leaders on Monday, including X")
            role = rule.object if rule.object != "none" else "attendee"
            for g in prep_objects(tok, ["from", "of", *sorted(INCLUDING)]):
                found.add(self._resolve(a, g), role)
        return found

    def _addressed(self, a: Anchored, clause: Token) -> list[Party]:
        """'X told Y during a meeting in Oslo', 'X assured Y at the talks': whom a speaker
        addressed at a meeting was there too (the press never is)."""
        speech = {lemma for r in self.rules.verbs if r.id == "tell" for lemma in r.lemmas}
        if clause.lemma_.lower() not in speech:
            return []
        objs = [o for o in objects(clause) if not self._press(o)]
        return [p for o in objs for p in self._resolve(a, o) if p.ref.type in PARTY_TYPES]

    def _press(self, tok: Token) -> bool:
        """Reporters, an interview or a news outlet ('the Financial Times')."""
        if tok.lemma_.lower() in self.rules.press_nouns:
            return True
        words = [t.lower_ for t in tok.subtree if t.dep_ == "compound" or t is tok]
        return tok.pos_ == "PROPN" and any(w in self.rules.press_names for w in words)

    def _noun(self, a: Anchored, tok: Token, kind: str, name_key: str | None) -> Found | None:
        rules = self.rules.nouns
        base = tok
        while base.head.i != base.i and (
            base.dep_ in ("conj", "amod", "compound")
            or (
                base.dep_ == "pobj"
                and base.head.lower_ == "of"
                and base.head.head.lemma_.lower() in QUANTITY_NOUNS
            )
        ):
            # "had candid and productive discussions", "a closed-door roundtable" (parsed as
            # a modifier of "door"), "a series of discussions": read the phrase at its head
            base = base.head if base.dep_ != "pobj" else base.head.head
        head = base.head
        if base.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in MARGINS:
            # "met on the sidelines of the summit": the summit is the setting, another
            # gathering; "the summit" told later is that one, not the meeting on its margins
            self.settings.add(tok.lemma_.lower())
            return None
        found = Found(self._modified_kind(tok, kind), self._status(tok), tok, name_entity=name_key)
        found.definite = any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.children)
        verb: Token | None = None
        if base.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in rules.governors:
            verb = head
        elif (
            base.dep_ == "pobj"
            and head.dep_ == "prep"
            and head.head.lemma_.lower() in rules.governors
            and head.lower_ in ("in", "at")
            and head.head.pos_ == "VERB"
        ):
            verb = head.head  # "participated in the forum"
        if (
            verb is None
            and base.dep_ == "pobj"
            and head.lower_ in ("to", "for", "from")
            and head.head.lemma_.lower() in rules.travel_governors
        ):
            # "A accompanied B to a meeting with C": who went took part
            mover = head.head
            if self._negated(mover):
                return None
            for s in subjects(mover):
                found.add(self._resolve(a, s), "attendee")
            for o in objects(mover):
                found.add(self._resolve(a, o), "attendee")
        if verb is not None and self._negated(verb):
            return None
        if verb is not None:
            role = rules.governors[verb.lemma_.lower()]
            if base.dep_ == "nsubjpass":
                for g in passive_agents(verb):
                    found.add(parties(a, g), role)
                if verb.lemma_.lower() in self.rules.attendance.lemmas:
                    # "was attended by Adviser to PM for Commerce X and Task Force head Y": a
                    # roster of long titles the parser breaks up; every person after "by"
                    found.add(_listed_after_agent(a, verb), role)
            else:
                for s in subjects(verb):
                    found.add(self._resolve(a, s), role)
            if base.dep_ == "pobj" and verb.lemma_.lower() in self.rules.attendance.lemmas:
                # "X will be joined by Y at the talks": the one joined and who joins
                for s in (c for c in verb.children if c.dep_ == "nsubjpass"):
                    found.add(self._resolve(a, s), role)
                for g in passive_agents(verb):
                    found.add(parties(a, g), role)
            for g in prep_objects(verb, rules.preps) + _witnesses(verb):
                found.add(self._resolve(a, g), "attendee")
            found.verb = verb
        lemma = tok.lemma_.lower()
        with_objs = prep_objects(tok, rules.preps, 3)
        if base.dep_ == "nsubj" and head.lemma_ == "be" and not self._negated(head):
            # "X's meeting on Thursday was with Y": the copula's "with" names the other side
            with_objs += prep_objects(head, ["with"])
        found.unnamed_side = _unnamed_side(a, with_objs)
        if any(self._press(g) for g in with_objs):
            return None  # "in a conversation with the Financial Times": an interview
        for g in with_objs + ([] if verb is not None else _witnesses(tok)):
            found.add(self._resolve(a, g), "attendee")
        own = prep_objects(tok, rules.own_preps.get(lemma, []), 3)
        signed = {w for r in self.rules.verbs if r.kind == "signing" for w in r.object_lemmas}
        for c in tok.conjuncts if kind == "signing" else ():
            if c.lemma_.lower() in signed:
                # "the signing of (1) a memorandum, (2) a letter ... by A and B": the parser
                # may hang the later documents, and their "by", on the noun itself
                own += prep_objects(c, rules.own_preps.get(lemma, []), 3)
        kinds = {EntityType(t) for t in rules.own_prep_types.get(lemma, [])}
        for g in own:
            found.add(
                [p for p in self._resolve(a, g) if not kinds or p.ref.type in kinds], "attendee"
            )
        with_objs += own
        for t in a.doc[tok.i + 1 : tok.i + 16]:
            if (
                t.lower_ in rules.preps
                and t.dep_ == "prep"
                and not any(c.dep_ == "pobj" for c in t.children)
            ):
                # the parser lost the object of "with": take the next name, a few words on
                nxt = next((u for u in a.doc[t.i + 1 : t.i + 7] if a.ref(u) is not None), None)
                if nxt is not None:
                    found.add(parties(a, nxt), "attendee")
        if verb is not None and any(a.ref(g) is None for g in with_objs):
            # "meetings with ambassadors ... from Sweden and Finland": the phrase of the
            # unnamed people often hangs on the verb
            for g in prep_objects(verb, ["from"]):
                found.add(self._resolve(a, g), "attendee")
        for c in tok.children:
            if c.dep_ == "poss":
                found.add(self._resolve(a, c), "attendee")
            elif c.dep_ in ("relcl", "acl") and c.lemma_.lower() in rules.governors:
                # "a seminar that X had organized with Y", "the forum, organized by X,"
                role = rules.governors[c.lemma_.lower()]
                for s in [t for t in c.children if t.dep_ in ("nsubj", "csubj")]:
                    if s.lower_ not in ("which", "that", "who"):
                        found.add(self._resolve(a, s), role)
                for g in passive_agents(c):
                    found.add(parties(a, g), role)
                for g in prep_objects(c, rules.preps):
                    found.add(self._resolve(a, g), "attendee")
        setting = rules.clause_preps.get(head.lower_)
        if verb is None and base.dep_ == "pobj" and setting is not None:
            # "At the meeting, A and B agreed": the clause's subject took part
            clause = head.head
            if self._negated(clause):
                return None  # "X was not involved in the meeting"
            # "after the meeting, X said" says nothing of X; "X said after talks with Y" does
            if clause.pos_ in ("VERB", "AUX") and (setting == "at" or with_objs):
                found.add(self._clause_subjects(a, clause), "attendee")
                talked_to = rules.clause_addressee.get(clause.lemma_.lower(), [])
                for g in prep_objects(clause, rules.preps + talked_to):
                    found.add(self._resolve(a, g), "attendee")
                if setting == "at":
                    found.add(self._addressed(a, clause), "attendee")
        if (
            verb is None
            and base.dep_ == "pobj"
            and head.lower_ in ("at", "in")
            and head.head.lemma_.lower() in self.rules.attendance.those
        ):
            # "Among those at the meeting was X": the clause's subject was there
            clause = head.head
            while clause.head.i != clause.i and clause.pos_ not in ("VERB", "AUX"):
                clause = clause.head
            for s in subjects(clause):
                found.add(self._resolve(a, s), "attendee")
        if verb is None and base.dep_ == "nsubjpass" and head.lemma_.lower() in ("hold", "attend"):
            for g in passive_agents(head):
                found.add(parties(a, g), "attendee")
        chain = _chain_countries(a, tok)
        if len(chain) >= 2:
            # "the Korea-Japan summit": the countries named before the noun met; beside
            # people named as its parties they are the sides those people stand for
            optional = bool(found.roles)
            found.add([Party(r, optional) for r in chain], "attendee")
            found.sides = frozenset(r.key for r in chain)
        return found

    def _dated_groups(self, a: Anchored, found: Found) -> list[Found]:
        """'met A and B on the 13th; C and D on the 14th': one meeting per dated group.

        Read in text order (the parser hangs such lists in many shapes): after the trigger,
        each stretch that ends with a date and holds no verb of its own is one meeting of
        the parties before the trigger with the parties in that stretch.
        """
        trig = found.trigger
        dates = [e for e in a.doc.ents if e.label_ == "DATE" and e.start > trig.i]
        if len(dates) < 2:
            return [found]
        heads = a.head_tokens()
        groups: list[tuple[int, list[Party]]] = []
        lo = trig.i
        for d in dates:
            stretch = a.doc[lo + 1 : d.start]
            if any(t.pos_ == "VERB" for t in stretch):
                break
            qs = [
                Party(heads[t.i], False)
                for t in stretch
                if t.i in heads and heads[t.i].type in PARTY_TYPES
            ]
            if qs:
                groups.append((a.doc[d.start].idx, qs))
            lo = d.end - 1
        if len(groups) < 2:
            return [found]
        base = {
            k: v
            for k, v in found.roles.items()
            if any(t < trig.i for t, r in heads.items() if r.key == k)
        }
        out: list[Found] = []
        for date_at, qs in groups:
            part = Found(found.kind, found.status, trig, name_entity=found.name_entity)
            part.roles = dict(base)
            part.add(qs, "attendee")
            part.date_at = date_at
            out.append(part)
        return out

    def _separate(self, a: Anchored, found: Found) -> list[Found]:
        """'A held separate talks with B and C': one meeting of A with each of them; so
        does 'A signed agreements with B and C' (one document with each)."""
        trig = found.trigger
        # "separate talks with A and B", "met separately with A and B"
        mods = {c.lemma_.lower() for c in trig.children if c.dep_ in ("amod", "advmod")}
        plurals = set(self.rules.nouns.separate_plurals)
        each_one = trig.tag_ == "NNS" and bool((mods | {trig.lower_}) & plurals)
        if (
            not mods & set(self.rules.nouns.separate_modifiers)
            and not each_one
            and not self._plural_signed(found)
        ):
            return [found]
        heads = a.head_tokens()
        after = {r.key for t, r in heads.items() if t > trig.i}
        before = {r.key for t, r in heads.items() if t < trig.i}
        first = {r.key: t for t, r in sorted(heads.items(), reverse=True)}
        core = found.core()
        # in the order the text names them, whatever the hash seed
        each = sorted((k for k in core if k in after and k not in before), key=first.__getitem__)
        if len(each) < 2:
            return [found]
        base = {k: v for k, v in found.roles.items() if k not in after}
        out = []
        for k in each:
            part = Found(found.kind, found.status, trig, name_entity=found.name_entity)
            part.roles = {**base, k: found.roles[k]}
            part.date_at = found.date_at
            out.append(part)
        return out

    def _plural_signed(self, found: Found) -> bool:
        """'A signed agreements with B and C' (active, plural): bilateral documents. The
        passive 'the agreements were signed by A, B and C' is one ceremony."""
        if found.kind != "signing":
            return False
        lemmas = {
            lemma for r in self.rules.verbs if r.kind == "signing" for lemma in r.object_lemmas
        }
        return any(
            c.dep_ == "dobj" and c.tag_ == "NNS" and c.lemma_.lower() in lemmas
            for c in found.trigger.children
        )

    def _attendance(self, a: Anchored, tok: Token) -> Found | None:
        """'A attended the forum' / 'B also attended' / 'C took part in the talks'."""
        if self._negated(tok):
            return None
        found = Found("meeting", self._status(tok), tok)
        found.definite = True
        for o in objects(tok):
            # "attended the signing ceremony" is the signing, "attended the meeting" a meeting
            noun = self.rules.nouns.lemmas.get(o.lemma_.lower())
            if noun is not None:
                found.kind = self._modified_kind(o, noun)
        for s in subjects(tok) or self._among_those(tok):
            found.add(self._resolve(a, s), "attendee")
        for g in passive_agents(tok):
            found.add(parties(a, g), "attendee")
        # "Attending the meeting were A and B": the parser makes the participle the head and
        # the people its objects
        inverted = tok.tag_ == "VBG" and any(
            c.dep_ == "aux" and c.lemma_ == "be" and c.i > tok.i for c in tok.children
        )
        for o in objects(tok):
            ref = a.ref(o)
            if ref is not None and ref.type == EntityType.EVENT:
                found.name_entity = ref.key
                found.kind = "meeting"
            elif ref is not None and ref.type in PARTY_TYPES and inverted:
                found.add(self._resolve(a, o), "attendee")
            elif ref is not None and ref.type in PARTY_TYPES:
                return None  # "joined Acme in 2020": a job, not a meeting
        return found

    def _among_those(self, tok: Token) -> list[Token]:
        """'A, B and C are among those attending the meeting': the participle describes
        'those', and the clause's subjects are the ones who attend."""
        those = tok.head
        if tok.dep_ != "acl" or those.lemma_.lower() not in self.rules.attendance.those:
            return []
        if those.dep_ != "pobj" or those.head.lower_ != "among":
            return []
        return subjects(those.head.head)

    # ------------------------------------------------------------------ status
    def _status(self, tok: Token) -> str:
        st = self.rules.status
        if any(c.dep_ == "amod" and c.lemma_.lower() in st.planned_modifiers for c in tok.children):
            return "planned"
        if self._behind_us(tok):
            return "held"
        cur: Token = tok
        framed = False  # "during the meeting, they agreed to ...": the verb does not plan it
        for _ in range(4):
            lemma = cur.lemma_.lower()
            framed = framed or (cur.dep_ == "prep" and cur.lower_ in st.frame_preps)
            if cur is not tok and lemma in st.cancelled_governors:
                return "cancelled"
            if cur.pos_ in ("VERB", "AUX"):
                if lemma in ("call", "put") and any(
                    c.dep_ == "prt" and c.lower_ == "off" for c in cur.children
                ):
                    return "cancelled"
                if any(
                    c.dep_ in ("aux", "auxpass") and c.lower_ in ("will", "shall", "'ll", "would")
                    for c in cur.children
                ):
                    return "planned"
                if cur is not tok and lemma in st.planned_governors and not framed:
                    return "planned"
                if any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children) and (
                    cur.dep_ in ("xcomp", "advcl", "acl", "relcl") and cur.head.lemma_ != "meet"
                ):
                    return "planned"
            if cur.pos_ == "NOUN" and cur is not tok and lemma in st.planned_prep_heads:
                return "planned"
            if cur.head.i == cur.i:
                break
            cur = cur.head
        return "held"

    def _behind_us(self, tok: Token) -> bool:
        """The event noun's own words place it in the past: "the previous summit", "last
        year's talks", "the summit held two years ago", "the meeting in May last year"."""
        st = self.rules.status
        for c in tok.children:
            if c.dep_ in ("amod", "advmod") and c.lower_ in st.held_modifiers:
                return True
            if c.dep_ == "poss" and any(t.lower_ in st.past_words for t in c.subtree):
                return True
            if (
                (c.dep_ == "prep" and c.lower_ in ("in", "on"))
                or (c.dep_ == "acl" and c.tag_ == "VBN")
            ) and any(t.lower_ in st.past_words for t in c.subtree):
                return True  # "the summit (held) in June last year"
        return _past_phrase_after(tok, st.past_words)

    # ------------------------------------------------------------------ resolution
    def _resolve(self, a: Anchored, tok: Token) -> list[Party]:
        """Parties of an argument; 'he'/'she' stand for the last person named."""
        if tok.lower_ in PRONOUNS and a.ref(tok) is None:
            return self._he(a, tok)
        if tok.lower_ in ("it", "its") and a.ref(tok) is None:
            return self._it(a, tok)
        if tok.lower_ == "they" and tok.dep_ == "nsubj":
            return self._they(tok)
        if tok.lower_ == "their" and tok.dep_ == "poss":
            return _their(a, tok)
        found = parties(a, tok)
        if not found and self._group(tok):
            speakers = _reported_by(a, tok, self.rules.continuation.reported_by)
            cur = self.current
            if len(speakers) >= 2 and (
                cur is None or all(p.ref.key in cur.participants for p in speakers)
            ):
                return speakers  # a meeting being told keeps its own "two sides"
            return self._group_parties(a, tok, self.current)
        nation = _title_of_country(a, tok)
        if nation is not None:
            # "the President of Peru" after "Peru's President X": X, named before
            holder = self._titled(a, tok, nation)
            if holder:
                return holder + [Party(p.ref, True) for p in found]
        if all(p.optional for p in found) and _the_title(tok):
            # "the Indian leader": the country alone is only the title's
            return self._titled(a, tok) + found
        if not found:
            return self._led_group(a, tok)
        return found + self._led_by(a, tok)

    def _led_by(self, a: Anchored, tok: Token) -> list[Party]:
        """'a delegation led by X', 'Norvik Shipping, led by its chief executive X,': who
        led the group or the body's side took part with it."""
        out: list[Party] = []
        for c in tok.children:
            if c.dep_ != "acl" or c.lemma_.lower() not in self.rules.representation.leader_verbs:
                continue
            for g in passive_agents(c):
                out += parties(a, g)
            if not out:
                # "led by its vice chair, X,": the parser may hang the name on the participle
                for g in c.children:
                    if g.dep_ in ("npadvmod", "appos") and _person_ref(a, g):
                        out += parties(a, g)
        return out

    def _modified_kind(self, noun: Token, kind: str) -> str:
        """A modifier that makes an event its own kind ("a courtesy call", "the signing
        ceremony")."""
        mods = {c.lower_ for c in noun.children if c.dep_ in ("compound", "amod")}
        return next((k for m, k in self.rules.nouns.modified_kinds.items() if m in mods), kind)

    def _clause_subjects(self, a: Anchored, clause: Token) -> list[Party]:
        """The parties of a clause's subject. 'X said rates would fall, speaking after talks
        with Y': a participle has the main clause's subject, though the parser may hang it
        on a nearer verb whose subject is no party."""
        found = [p for s in subjects(clause) for p in self._resolve(a, s)]
        if not found and clause.tag_ == "VBG" and clause.dep_ == "acl":
            return self._resolve(a, clause.head)  # "X, speaking after talks with Y, said"
        up = clause
        for _ in range(3):
            if found or up.tag_ != "VBG" or up.dep_ != "advcl":
                break
            up = up.head
            while up.dep_ == "ccomp" and up.head.i != up.i:
                up = up.head  # "said that rates would fall, speaking ...": the sayer
            found = [p for s in subjects(up) for p in self._resolve(a, s)]
        return found

    def _led_group(self, a: Anchored, tok: Token) -> list[Party]:
        """'X led a delegation that met Y', 'a delegation led by X met Y': the group's
        leader took part."""
        if tok.dep_ == "relcl":
            tok = tok.head  # subjects() gives the noun a relative clause describes
        rules = self.rules.representation
        if tok.lemma_.lower() not in rules.lead_objects:
            return []
        out: list[Party] = []
        head = tok.head
        if tok.dep_ == "dobj" and head.lemma_.lower() in rules.leader_verbs:
            for s in subjects(head):
                out += parties(a, s)
        return out + self._led_by(a, tok)

    def _titled(self, a: Anchored, tok: Token, nation: str | None = None) -> list[Party]:
        """'the secretary signed ...': the last person named with that title; 'the Indian
        leader': the last person named who serves that country (with that title, unless the
        word is the generic 'leader')."""
        word = tok.lemma_.lower()
        # "the Prime Minister": every word of the title, not only "minister"
        more = {c.lower_ for c in tok.children if c.dep_ == "compound" and c.i < tok.i}
        nation = nation or _nation_of(a, tok)
        here = [r for i, r in sorted(a.refs.items()) if i < tok.i and r.type == EntityType.PERSON]
        seen = self.people_seen + here
        fits: list[Ref] = []
        for ref in reversed(seen):
            if nation is not None and nation not in self.countries_of.get(ref.key, ()):
                continue
            held_words = self.titles_of.get(ref.key, set())
            if ({word} | more) <= held_words or (nation is not None and word == "leader"):
                fits.append(ref)
        if not fits:
            return []
        # several holders ("President X ... President Y"): the one the text names most is the
        # one it calls "the president"; on a tie, the last named
        count = {r.key: sum(1 for s in seen if s.key == r.key) for r in fits}
        best = max(fits, key=lambda r: count[r.key])
        return [Party(best, False)]

    def _he(self, a: Anchored, tok: Token) -> list[Party]:
        """'he'/'she': the person who is the subject earlier in the sentence, else the last
        subject person of the sentences before, else the last person named."""
        for i in sorted(a.refs):
            if i >= tok.i and tok.dep_ != "poss":
                break  # "Following his meeting, Colby said": a possessive may look ahead
            ref = a.refs[i]
            if ref.type == EntityType.PERSON and _in_subject(a.doc[i]):
                return [Party(ref, False)]
        for cand in (self.last_subject_person, self.last_person):
            if cand is not None:
                return [cand]
        return []

    def _they(self, tok: Token) -> list[Party]:
        """'A and B arrived on Sunday. They met on Monday.': the people named together as
        the subject of this sentence or the one before; not when "they" follows a plural
        noun of its own sentence ("officials said they ...")."""
        at, group = self.subject_group
        if self.sent_idx - at > 1:
            return []
        head = tok.head
        while head.dep_ in ("ccomp", "conj", "xcomp", "advcl") and head.head.i != head.i:
            head = head.head
            if any(s.tag_ in ("NNS", "NNPS") for s in subjects(head)):
                return []
        return list(group)

    def _it(self, a: Anchored, tok: Token) -> list[Party]:
        """'X said it held ...': the speaker; otherwise the last body named."""
        clause = tok.head
        while clause.dep_ in ("conj", "xcomp") and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ == "ccomp":
            for s in subjects(clause.head):
                found = [p for p in parties(a, s) if p.ref.type in ORG_PARTY]
                if found:
                    return found
        return [self.last_org] if self.last_org is not None else []

    def _group(self, tok: Token) -> bool:
        cont = self.rules.continuation
        if tok.pos_ == "NUM" and tok.lower_ in cont.group_numbers:
            # "The two met X": the numeral alone stands for the two named before
            return any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        if tok.lemma_.lower() not in cont.group_nouns:
            return False
        return any(c.lower_ in cont.group_numbers for c in tok.children) or tok.lower_ == "both"

    def _group_parties(self, a: Anchored, tok: Token, cur: MeetingDraft | None) -> list[Party]:
        """'the two sides' are the parties so far; 'both countries' are their countries, or,
        with no meeting told yet, the countries last named."""
        if cur is None:
            if tok.lemma_.lower() not in ("country", "nation", "government"):
                return []
            here = [r for i, r in sorted(a.refs.items()) if i < tok.i]
            seen = [r for r in self.recent_countries + here if r.type == EntityType.COUNTRY]
            last = list(dict.fromkeys(r.key for r in reversed(seen)))[:2]
            if len(last) < 2:
                return []
            return [_KeyParty(k, EntityType.COUNTRY).party() for k in last]
        if tok.lemma_.lower() in ("country", "nation", "government"):
            keys: list[str] = []
            for k, p in cur.participants.items():
                if self.types.get(k) == EntityType.COUNTRY:
                    keys.append(k)
                elif not p.optional:
                    keys += self.countries_of.get(k, [])
            return [_KeyParty(k, self.types[k]).party() for k in dict.fromkeys(keys)]
        if tok.pos_ == "NUM":
            # "The two met X": the two people of the meeting being told
            people = [
                k
                for k, p in cur.participants.items()
                if not p.optional and self.types.get(k) == EntityType.PERSON
            ]
            if len(people) == _NUMBERS.get(tok.lower_, 0):
                return [_KeyParty(k, EntityType.PERSON).party() for k in people]
        return []

    def _note_people(self, a: Anchored) -> None:
        together = [
            Party(a.refs[i], False)
            for i in sorted(a.refs)
            if a.refs[i].type == EntityType.PERSON
            and a.doc[i].dep_ in ("nsubj", "conj")
            and _in_subject(a.doc[i])
        ]
        if len({p.ref.key for p in together}) >= 2:
            self.subject_group = (self.sent_idx, together)
        subject_seen = False
        self.recent_countries = (
            self.recent_countries
            + [r for _, r in sorted(a.refs.items()) if r.type == EntityType.COUNTRY]
        )[-12:]
        for i in sorted(a.refs):
            ref = a.refs[i]
            if ref.type == EntityType.PERSON:
                self.last_person = Party(ref, False)
                self.people_seen.append(ref)
                if _in_subject(a.doc[i]) and (self.last_subject_person is None or not subject_seen):
                    self.last_subject_person = Party(ref, False)
                    subject_seen = True
            elif ref.type in ORG_PARTY:
                self.last_org = Party(ref, False)

    # ------------------------------------------------------------------ meetings
    def _place(self, a: Anchored, found: Found, ev: Evidence, idx: int) -> None:
        core = found.core()
        cur = self.current_at(idx)
        if found.status != "held" or cur is None or cur.status != "held":
            joins = False
        else:
            # "the talks were hosted by X", "the session, which brought together ...": the
            # meeting already being told; a new indefinite one with new parties is another
            joins = (
                found.refers_back
                or found.definite
                or (bool(core) and core <= set(cur.participants))
            ) and found.sides <= set(cur.participants)  # named sides not met so far: another
            if joins and self._another(found, cur, idx):
                joins = False
        if joins and cur is not None:
            back = self._same_kind(cur, found, idx)
            if back is not cur:
                self.current = back  # what follows ("who was also present") continues it
            cur = self._ordinal(self._same_medium(back, found, idx), found, idx)
            if cur.kind in REMOTE_KINDS and not found.kind.endswith("call"):
                # "... by phone. The meeting covered ...": the text calls the call a meeting
                cur.kind = found.kind
            if set(found.roles) - set(cur.participants):
                self.current_grew = idx
            for k, (role, opt) in found.roles.items():
                cur.add(k, role, opt, ev)
            if cur.date is None:
                cur.date = self._date(a, found)  # "The agreement was signed on Tuesday by ..."
            self.current_sent = idx
            return
        # "X convened the meeting": one party so far; a roster or "also attended" may
        # complete it (a meeting with fewer than two parties is never kept)
        if len(core) < 2 and (not core or not (self._convened(found) or found.unnamed_side)):
            return
        date = self._date(a, found)
        draft = MeetingDraft(
            kind=found.kind,
            description=_describe(found.trigger),
            status=found.status,
            evidence=ev,
            sent=idx,
            date=date,
            name_entity=found.name_entity,
            unnamed_side=found.unnamed_side,
        )
        if _after(date, self.pub) and draft.status == "held":
            draft.status = "planned"
        for k, (role, opt) in found.roles.items():
            draft.add(k, role, opt, ev)
        self.meetings.append(draft)
        self.current = draft
        self.current_sent = self.current_grew = idx

    def _another(self, found: Found, cur: MeetingDraft, idx: int) -> bool:
        """'the summit was hosted by X', several sentences after the last party of the
        current meeting was named and naming none of its parties: another meeting. An
        attendance verb ('also took part') still adds to the current one."""
        core = found.core()
        trig = found.trigger
        noun = trig.lemma_.lower()
        if found.definite and noun in self.settings and cur.kind != noun:
            return True  # "hosted the summit" after a meeting on its sidelines
        if found.definite and self._points_back(trig) and cur in self.meetings:
            return False  # "the first meeting", "the earlier talks": one told before
        return (
            trig.pos_ in ("NOUN", "PROPN")
            and bool(core)
            and not core & set(cur.participants)
            and idx - self.current_grew > NEAR
        )

    def _same_medium(self, cur: MeetingDraft, found: Found, idx: int) -> MeetingDraft:
        """'X joined the talks' after a phone call told since: the talks met in person."""
        if not cur.kind.endswith("call") or found.kind.endswith("call"):
            return cur
        for m in reversed(self.meetings):
            if not m.kind.endswith("call") and m.status == "held" and idx - m.sent <= WINDOW:
                return m
        return cur

    def _same_kind(self, cur: MeetingDraft, found: Found, idx: int) -> MeetingDraft:
        """'X, who attended the meeting,' after a signing told since: "the meeting" is the
        meeting told before the signing, not the signing."""
        if not (found.definite and found.kind in TALK_KINDS and cur.kind in SIGNING_KINDS):
            return cur
        for m in reversed(self.meetings):
            if m.kind in TALK_KINDS and m.status == "held" and idx - m.sent <= WINDOW:
                return m
        return cur

    @staticmethod
    def _points_back(trig: Token) -> bool:
        mods = {c.lower_ for c in trig.children if c.dep_ in ("amod", "advmod")}
        return bool(mods & {"first", "earlier", "previous", "prior"})

    def _ordinal(self, cur: MeetingDraft, found: Found, idx: int) -> MeetingDraft:
        """'the first meeting' / 'the earlier meeting': not the latest one told."""
        if not found.definite or cur not in self.meetings or cur.sent == idx:
            # "held a summit, the first such visit in years": the one this sentence told
            return cur
        mods = {c.lower_ for c in found.trigger.children if c.dep_ in ("amod", "advmod")}
        at = self.meetings.index(cur)
        if "first" in mods and at > 0:
            return self.meetings[0]
        if mods & {"earlier", "previous", "prior"} and at > 0:
            return self.meetings[at - 1]
        return cur

    def _convened(self, found: Found) -> bool:
        return any(role == "host" for role, opt in found.roles.values() if not opt)

    def _representation(self, a: Anchored, ev: Evidence, idx: int) -> None:
        """'X was represented by its director, Y' / 'X sent Y': both took part."""
        cur = self.current_at(idx)
        rules = self.rules.representation
        if cur is None or cur.status != "held":
            return
        # "the delegation included A and B"; "met executives of five companies. They
        # included A, B and C": right after a meeting with people it did not name
        named_next = cur.unnamed_side and idx - cur.sent <= 1
        for tok in a.doc:
            lemma = tok.lemma_.lower()
            member = lemma in rules.member_lemmas and any(
                s.lemma_.lower() in rules.member_subjects
                or (named_next and s.lower_ in rules.member_pronouns)
                for s in subjects(tok)
            )
            if tok.pos_ != "VERB" or self._negated(tok):
                continue
            if lemma not in rules.lemmas and not member:
                continue
            objs = objects(tok)
            led = objs + [c for c in tok.children if c.dep_ == "nsubjpass"]  # "was led by"
            if tok.dep_ == "advcl" and tok.tag_ == "VBN":
                # "Led by A and B, the group reviewed ...": the group is the clause's subject
                led += [c for c in tok.head.children if c.dep_ == "nsubj"]
            leads = lemma in rules.leader_verbs  # "led/headed the delegation": the group
            if leads and not any(o.lemma_.lower() in rules.lead_objects for o in led):
                continue
            found: list[Party] = []
            for s in subjects(tok) + [c for c in tok.children if c.dep_ == "nsubjpass"]:
                found += self._resolve(a, s)
            for g in passive_agents(tok):
                found += parties(a, g)
            if not leads:
                for o in objs:
                    found += self._resolve(a, o)
            for p in found:
                if p.ref.type in PARTY_TYPES and not p.optional:
                    cur.add(p.ref.key, "attendee", False, ev)
                    self.current_sent = idx

    def _continuation(self, a: Anchored, ev: Evidence, idx: int) -> None:
        """'A and B also discussed ...' / 'Both countries exchanged ...' after a meeting."""
        cur = self.current_at(idx)
        if cur is None:
            self._opening(a, ev, idx)
            return
        verbs = self.rules.continuation.verbs
        for p in self._thanked_there(a):
            cur.add(p.ref.key, "attendee", p.optional, ev)
            self.current_sent = idx
        for tok in a.doc:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in verbs or self._negated(tok):
                continue
            found: list[Party] = []
            for s in subjects(tok):
                found += self._resolve(a, s)
            for g in prep_objects(tok, ["with"]):
                found += parties(a, g)
            keys = {p.ref.key for p in found if not p.optional}
            known = keys & set(cur.participants)
            if len(keys) >= 2 and keys - known and self._opens_dated(a, tok):
                # "A and C spoke today regarding Syria" after a meeting of A and B: a
                # conversation of its own, with its own day
                self._opening(a, ev, idx)
                return
            # "Anthropic's A and Google's B presented ...": tied to the meeting by their bodies
            related = {p.ref.key for p in found} & set(cur.participants)
            if (
                len(keys) >= 2
                and (related or self._group_subject(tok))
                or (known and len(keys) > len(known))
            ):
                for p in found:
                    cur.add(p.ref.key, "attendee", p.optional, ev)
                self.current_sent = idx
            elif keys and related - keys:
                # "Lena Dahl, Helix Robotics' COO, presented ...": someone speaking for a
                # party of the meeting took part when the sentence follows the meeting's
                # own; further on, the presence is only plausible (optional)
                for k in keys:
                    cur.add(k, "attendee", idx - self.current_sent > 1, ev)
                self.current_sent = idx
            elif known:
                self.current_sent = idx

    def _opening(self, a: Anchored, ev: Evidence, idx: int) -> None:
        """'A and B discussed trade on Monday' with no meeting being told: their talks."""
        for tok in a.doc:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in self.rules.continuation.opens:
                continue
            if self._negated(tok) or self._to_audience(tok):
                continue
            rule = self.rules.verb_rule(tok.lemma_.lower(), set())
            if (
                rule is not None
                and rule.object_lemmas
                and not any(o.lemma_.lower() in rule.object_lemmas for o in objects(tok))
            ):
                continue  # "A and B exchanged views", not "exchanged gifts"
            found = Found("talks", self._status(tok), tok, verb=tok)
            for s in subjects(tok):
                found.add(self._resolve(a, s), "attendee")
            if len(found.core()) >= 2:
                for dated in self._dated_groups(a, found):
                    self._place(a, dated, ev, idx)

    def _thanked_there(self, a: Anchored) -> list[Party]:
        """'Let me thank Ambassador X for the kind introduction': X was at the event."""
        done = set(self.rules.continuation.thanked_for)
        out: list[Party] = []
        for tok in a.doc:
            if tok.lemma_.lower() != "thank" or tok.pos_ != "VERB":
                continue
            why = [
                g
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ == "for"
                for g in c.children
                if g.dep_ in ("pobj", "pcomp") and g.lemma_.lower() in done
            ]
            if not why:
                continue
            for c in tok.children:
                if c.dep_ in ("dobj", "npadvmod", "appos") and c.lower_ not in PRONOUNS:
                    out += [p for p in parties(a, c) if p.ref.type == EntityType.PERSON]
        return out

    def _to_audience(self, tok: Token) -> bool:
        """'A and B spoke to reporters / at the forum / out against it': no conversation."""
        words = self.rules.continuation.audience_preps
        return any(c.dep_ in ("prep", "prt") and c.lower_ in words for c in tok.children)

    def _opens_dated(self, a: Anchored, tok: Token) -> bool:
        """A verb that opens talks ('discuss', 'speak') with a day of its own ('today',
        'on Monday')."""
        if tok.lemma_.lower() not in self.rules.continuation.opens or self._to_audience(tok):
            return False
        return any(
            e.label_ == "DATE" and (e.root.head.i == tok.i or e.root.head.head.i == tok.i)
            for e in a.doc.ents
        )

    def _group_subject(self, tok: Token) -> bool:
        return any(self._group(s) for s in subjects(tok))

    def _date(self, a: Anchored, found: Found) -> ResolvedDate | None:
        text = a.tagged.sent.text
        pos = found.trigger.idx if found.date_at is None else found.date_at
        best: tuple[int, ResolvedDate] | None = None
        start = a.tagged.sent.start
        for dm in find_dates(text):
            if any(lo <= start + dm.start < hi for lo, hi in self.datelines):
                continue  # "WASHINGTON, May 3 (Wire) -": the day of the report
            if SAID_ON.search(text, max(0, dm.start - 30), dm.start) or attributive_date(text, dm):
                continue  # "the board said on Thursday": the day of the report, not the meeting
            # "the meeting came a day after X met Y": X met Y a day before the anchor
            came = CAME.search(text, max(0, dm.start - 30), dm.start) is not None
            invert = dm.start < pos and came
            rd = resolve(dm, self.pub, found.status == "planned", self.last_date, invert=invert)
            dist = abs(dm.start - pos)
            if rd.date is None and rd.month is None and rd.year is None and rd.day is None:
                dist += len(text)  # unresolved ("on Wednesday" with no publication date): last
            if best is None or dist < best[0]:
                best = (dist, rd)
        if best is None:
            return None
        if best[1].date is not None:
            self.last_date = best[1].date  # "a day later" counts from it
        return best[1]


_NUMBERS = {"two": 2, "three": 3, "four": 4}


@dataclass(frozen=True)
class _KeyParty:
    """A party known only by key (a country reached through its people)."""

    key: str
    type: EntityType

    def party(self) -> Party:
        from graph.extract.context import Ref
        from graph.extract.mentions import Mention

        stub = Mention(id=-1, text="", start=0, end=0, sent=-1, tokens=(), kind="country")
        return Party(Ref(self.key, self.type, stub, generic=True), False)


def _unnamed_side(a: Anchored, args: list[Token]) -> bool:
    """Every argument is unnamed people who act for bodies ("the heads of eight banks")."""
    return bool(args) and all(
        a.ref(t) is None and stands_for(t) and not any(a.ref(c) for c in t.subtree) for t in args
    )


def _their(a: Anchored, tok: Token) -> list[Party]:
    """'A and B shook hands at the start of their meeting': the clause's subjects, when they
    name two parties or more (a lone subject's 'their' is someone else's)."""
    clause = tok.head
    while clause.head.i != clause.i and clause.pos_ not in ("VERB", "AUX"):
        clause = clause.head
    # "A told B during their meeting": the one who speaks and the one spoken to
    found = [
        p for s in subjects(clause) + objects(clause) if tok not in s.subtree for p in parties(a, s)
    ]
    return found if sum(not p.optional for p in found) >= 2 else []


def _reported_by(a: Anchored, group: Token, verbs: list[str]) -> list[Party]:
    """'The two leaders met in Geneva, A and B said in a statement': the people who report
    what 'the two leaders' did, named between the last comma and the verb of saying."""
    clause = group.head
    while clause.head.i != clause.i and clause.pos_ not in ("VERB", "AUX"):
        clause = clause.head
    said = clause.head
    if clause.dep_ != "ccomp" or said.i < clause.i or said.lemma_.lower() not in verbs:
        return []
    commas = [t.i for t in a.doc[clause.i : said.i] if t.text == ","]
    if not commas:
        return []
    out: list[Party] = []
    for i, ref in sorted(a.head_tokens().items()):
        if commas[-1] < i < said.i and ref.type == EntityType.PERSON:
            out.append(Party(ref, False))
    return out


def _chain_countries(a: Anchored, tok: Token) -> list[Ref]:
    """Countries of a hyphenated chain ("ROK-U.S.-Japan") among the words before the event
    noun ``tok`` in its own phrase."""
    lo = a.char(tok.left_edge)
    hi = a.char(tok)
    text = a.tagged.sent.text
    base = a.tagged.sent.start
    out: list[Ref] = []
    for r in a.tagged.refs:
        m = r.mention
        if r.type != EntityType.COUNTRY or not (lo <= m.start and m.end <= hi):
            continue
        before = text[m.start - base - 1 : m.start - base]
        after = text[m.end - base : m.end - base + 1]
        if "-" in (before, after) and r not in out:
            out.append(r)
    return out


def _past_phrase_after(tok: Token, past_words: list[str]) -> bool:
    """ "...follow up on the summit in June last year": the parser may hang the date
    phrase on the verb, but when it follows the event noun directly it still dates it."""
    doc = tok.doc
    k = tok.i + 1
    if k >= len(doc) or doc[k].lower_ not in ("in", "on", "held"):
        return False
    end = min(len(doc), k + 6, tok.sent.end)
    for t in doc[k + 1 : end]:
        if t.is_punct or t.pos_ in ("VERB", "AUX"):
            return False
        if t.lower_ in past_words:
            return True
    return False


def _within_sentence(founds: list[Found]) -> list[Found]:
    """An attendance clause in a sentence that states a new event belongs to that event
    ("signed at a ceremony ... attended by A and B"), not to the meeting told before."""
    new = next((f for f in founds if not f.definite and not f.refers_back), None)
    if new is None:
        return founds
    out = []
    for f in founds:
        if f is not new and f.definite and f.kind == "meeting" and f.trigger.pos_ == "VERB":
            for k, (role, opt) in f.roles.items():
                new.roles.setdefault(k, (role, opt))
            continue
        out.append(f)
    return out


def _of_phrase(tok: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in ("of", "from") for c in tok.children)


def _prep_parties(verb: Token, preps: list[str]) -> list[Token]:
    """'discussed the war with X': the phrase hangs on the verb or on what was discussed."""
    out = prep_objects(verb, preps, 2)
    for o in objects(verb):
        out += prep_objects(o, preps)
    return out


def _person_ref(a: Anchored, tok: Token) -> bool:
    ref = a.ref(tok)
    return ref is not None and ref.type == EntityType.PERSON


def _were_present(tok: Token) -> bool:
    """'Also present in the meeting were A and B', 'X was also present during the talks':
    "present" said of someone with a past form of "be" (not "will be present")."""
    if tok.lower_ != "present" or tok.pos_ != "ADJ" or tok.dep_ not in ("acomp", "ROOT"):
        return False
    be = (
        tok.head
        if tok.dep_ == "acomp"
        else next((c for c in tok.children if c.lemma_ == "be"), None)
    )
    if be is None or be.lemma_ != "be" or be.tag_ not in ("VBD",):
        return False
    return not any(c.dep_ in ("neg", "aux") for c in be.children)


def _listed_after_agent(a: Anchored, verb: Token) -> list[Party]:
    """The parties named from a passive verb's "by" to the end of its clause (up to the next
    verb), people before the bodies their titles name."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is None:
        return []
    out: list[Party] = []
    for i, ref in sorted(a.head_tokens().items()):
        if i <= agent.i:
            continue
        if any(t.pos_ == "VERB" for t in a.doc[agent.i + 1 : i]):
            break
        if ref.type == EntityType.PERSON:
            out.append(Party(ref, False))
    return out


def _witnesses(tok: Token) -> list[Token]:
    """'signed the accord in the presence of X and Y': those in whose presence it happened
    were there."""
    near = [tok, *(c for c in tok.children if c.dep_ == "dobj")]  # "signed X in the ..."
    return [
        g
        for t in near
        for c in t.children
        if c.dep_ == "prep" and c.lower_ == "in"
        for p in c.children
        if p.dep_ == "pobj" and p.lemma_.lower() == "presence"
        for g in prep_objects(p, ["of"])
    ]


def _the_title(tok: Token) -> bool:
    """'the secretary', 'the minister', 'the Indian leader', 'the Prime Minister': a bare
    title, perhaps with a nationality, that stands for someone named before."""
    words = lexicon().title_prefix
    if tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() not in words:
        return False
    kids = [c for c in tok.children if c.dep_ not in ("punct",)]
    # "the Prime Minister": title words before the title are part of it
    kids = [c for c in kids if not (c.dep_ == "compound" and c.lower_ in words and c.i < tok.i)]
    # "met the Prime Minister in Putrajaya": a place or time hung on the title
    kids = [c for c in kids if not (c.dep_ == "prep" and c.lower_ in ("in", "at", "on"))]
    if len(kids) == 2 and kids[1].dep_ == "amod" and kids[1].pos_ in ("ADJ", "PROPN"):
        kids = kids[:1]  # "the Indian leader": the nationality is checked by the caller
    return len(kids) == 1 and kids[0].dep_ == "det" and kids[0].lower_ == "the"


def _title_of_country(a: Anchored, tok: Token) -> str | None:
    """'the President of Peru': a bare title with "of" and a country, and nothing else, names
    the country's holder of the title; returns the country's key."""
    words = lexicon().title_prefix
    if tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() not in words:
        return None
    kids = [
        c
        for c in tok.children
        if c.dep_ != "punct" and not (c.dep_ == "compound" and c.lower_ in words and c.i < tok.i)
    ]
    if len(kids) != 2 or not (kids[0].dep_ == "det" and kids[0].lower_ == "the"):
        return None
    prep = kids[1]
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    if prep.dep_ != "prep" or prep.lower_ != "of" or len(objs) != 1 or prep.n_rights != 1:
        return None
    if any(c.dep_ in ("conj", "prep") for c in objs[0].children):
        return None  # "the President of Peru and Chile", "the Minister of Trade of Peru"
    ref = a.ref(objs[0])
    return ref.key if ref is not None and ref.type == EntityType.COUNTRY else None


def _nation_of(a: Anchored, tok: Token) -> str | None:
    """The country of a nationality adjective on a title ('the Indian leader'), if any."""
    for c in tok.children:
        ref = a.ref(c)
        if c.dep_ == "amod" and ref is not None and ref.type == EntityType.COUNTRY:
            return ref.key
    return None


def _in_subject(tok: Token) -> bool:
    """Whether the token lies in the subject phrase of its clause."""
    cur = tok
    for _ in range(6):
        if cur.dep_ in ("nsubj", "nsubjpass"):
            return True
        if cur.head.i == cur.i or cur.dep_ in ("dobj", "pobj", "ccomp", "relcl"):
            return False
        cur = cur.head
    return False


def _after(date: ResolvedDate | None, pub: dt.date | None) -> bool:
    """A held meeting cannot be dated after the article that reports it."""
    return date is not None and date.date is not None and pub is not None and date.date > pub


def _describe(tok: Token) -> str:
    """A short description: the trigger's phrase ("bilateral talks", "met")."""
    if tok.pos_ in ("NOUN", "PROPN"):
        mods = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i]
        start = min([m.i for m in mods] + [tok.i])
        return tok.doc[start : tok.i + 1].text
    return tok.lemma_
