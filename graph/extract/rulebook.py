"""The meeting rules as data (``rules/meetings.yaml``), validated once per process."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field

RULES_DIR = Path(__file__).resolve().parent / "rules"
Slot = str  # "host", "attendee" or "none"


class _Rule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class VerbRule(_Rule):
    """A verb that states a meeting, and where its parties stand in the parse."""

    id: str
    lemmas: list[str]
    kind: str
    subject: Slot
    object: Slot
    preps: list[str] = Field(default_factory=list)
    object_types: list[str] = Field(default_factory=list)
    object_lemmas: list[str] = Field(default_factory=list)
    # places that stand for their owner ("toured Vexo Motors' plant" visits Vexo Motors)
    site_lemmas: list[str] = Field(default_factory=list)
    particle: str | None = None  # a word ("together") or a phrase ("by phone") it needs
    particles: list[str] = Field(default_factory=list)  # any one of these will do
    joins_current: bool = False  # with no named object, the subject joins the meeting told
    needs_prep: bool = False  # counts only with an object in one of its preps ("with X")
    # the kinds of party its prepositions may name ("called on X": a person, not a country)
    prep_types: list[str] = Field(default_factory=list)
    # a "to"-infinitive on the verb makes it an appeal, not a meeting ("called on X to act")
    no_infinitive: bool = False
    examples: list[str] = Field(default_factory=list)
    counter: list[str] = Field(default_factory=list)


class NounRules(_Rule):
    """Event nouns, the verbs that govern them, and the noun's own prepositions."""

    lemmas: dict[str, str]
    governors: dict[str, Slot]
    preps: list[str]
    setting_preps: list[str]
    own_preps: dict[str, list[str]] = Field(default_factory=dict)
    # the kinds of party an own preposition may name ("a visit to X": not a country)
    own_prep_types: dict[str, list[str]] = Field(default_factory=dict)
    modified_kinds: dict[str, str] = Field(default_factory=dict)
    separate_modifiers: list[str] = Field(default_factory=list)
    separate_plurals: list[str] = Field(default_factory=list)
    travel_governors: list[str]
    # a clause beside an event noun in one of these prepositions took part in it: "at" ones
    # always ("At the talks, A said"), "after" ones only when the noun names the other side
    # ("A said after talks with B"; "after the meeting, A said" says nothing of A)
    clause_preps: dict[str, str] = Field(default_factory=dict)
    # such a clause's verb of talking names the other side in these prepositions too
    # ("talking to X during the meeting, A said")
    clause_addressee: dict[str, list[str]] = Field(default_factory=dict)
    examples: list[str] = Field(default_factory=list)
    counter: list[str] = Field(default_factory=list)


class Attendance(_Rule):
    lemmas: list[str]
    phrases: list[str]
    present: list[str]
    those: list[str] = Field(default_factory=list)  # "among those at the meeting was X"


class Continuation(_Rule):
    verbs: list[str]
    group_nouns: list[str]
    group_numbers: list[str]
    # with no meeting being told, these verbs state one when two parties are their subjects
    opens: list[str] = Field(default_factory=list)
    audience_preps: list[str] = Field(default_factory=list)
    thanked_for: list[str] = Field(default_factory=list)
    # "the two leaders met ..., A and B said": the people reporting are the group
    reported_by: list[str] = Field(default_factory=list)


class Representation(_Rule):
    lemmas: list[str]
    lead_objects: list[str]
    member_lemmas: list[str] = Field(default_factory=list)
    member_subjects: list[str] = Field(default_factory=list)
    # "They included A and B" right after a meeting with people it did not name
    member_pronouns: list[str] = Field(default_factory=list)
    leader_verbs: list[str] = Field(default_factory=list)


class Roster(_Rule):
    labels: list[str]


class StatusRules(_Rule):
    planned_governors: list[str]
    planned_modifiers: list[str]
    cancelled_governors: list[str]
    cancelled_phrases: list[str]
    planned_prep_heads: list[str]
    held_modifiers: list[str]
    past_words: list[str]
    frame_preps: list[str] = Field(default_factory=list)


class MeetingRules(_Rule):
    verbs: list[VerbRule]
    nouns: NounRules
    attendance: Attendance
    continuation: Continuation
    representation: Representation
    roster: Roster
    status: StatusRules
    press_nouns: list[str] = Field(default_factory=list)
    press_names: list[str] = Field(default_factory=list)

    def verb_rule(self, lemma: str, particles: set[str]) -> VerbRule | None:
        """The rule of a verb; a rule with a particle ("bring together") needs it there."""
        return next(iter(self.verb_rules(lemma, particles)), None)

    def verb_rules(self, lemma: str, particles: set[str]) -> list[VerbRule]:
        """Every rule a verb may follow, the most specific first: a rule with a particle
        before one without ("spoke by phone with"); then in file order ("spoke with X",
        then "spoke to X")."""
        out = []
        for rule in sorted(self.verbs, key=lambda r: not (r.particle or r.particles)):
            needs = rule.particles + ([rule.particle] if rule.particle else [])
            if lemma in rule.lemmas and (not needs or any(n in particles for n in needs)):
                out.append(rule)
        return out


@lru_cache(maxsize=1)
def meeting_rules() -> MeetingRules:
    """The rules file, parsed and checked (a malformed file fails loudly at first use)."""
    raw = yaml.safe_load((RULES_DIR / "meetings.yaml").read_text(encoding="utf-8"))
    return MeetingRules.model_validate(raw)
