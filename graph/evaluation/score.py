"""Score one document's prediction against its gold annotation.

The metrics are the ones ``eval/dev/README.md`` defines under "Scoring", so the project's
figures compare with those published beside the sets:

* entities: a predicted entity matches a gold entity when one of its normalized names (name
  or alias) equals one of the gold entity's; one-to-one (a maximum bipartite matching), so a
  duplicate is a false positive;
* meetings: the unordered pairs of participants of one held meeting. Predicted names map to
  gold entities directly or through the predicted entity that carries them; a pair with a
  gold meeting's optional participant is neither rewarded nor penalized; predicted meetings
  that are not held are ignored;
* affiliations: (person, organization) pairs, mapped the same way.

A predicted name that maps to no gold entity is a false positive.
"""

from __future__ import annotations

import itertools
import json
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

METRICS = ("entities", "meetings", "affiliations")


class AnnotationError(ValueError):
    """A gold or prediction file that does not follow the schema of ``eval/dev/README.md``."""


def normalize(name: str) -> str:
    """The form names are compared in: NFKC, casefolded, "&" read as "and", punctuation and
    symbols removed, spaces collapsed, a leading "the" dropped."""
    text = unicodedata.normalize("NFKC", name).casefold().replace("&", " and ")
    words = "".join(ch for ch in text if unicodedata.category(ch)[0] not in "PS").split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


# --- the files' schema ------------------------------------------------------------------------


def _a_name(value: str) -> str:
    if not normalize(value):
        raise ValueError("must be a non-empty name")
    return value


Name = Annotated[str, AfterValidator(_a_name)]
EntityType = Literal[
    "Person", "GovernmentBody", "Company", "Organization", "Country", "Event", "Program"
]
DateLabel = Annotated[str, Field(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]


class _Schema(BaseModel):
    # Extra keys ("notes", a meeting's "day") are allowed and not read.
    model_config = ConfigDict(extra="ignore", strict=True, frozen=True)


class GoldEntity(_Schema):
    name: Name
    type: EntityType
    aliases: list[str] | None = None


class GoldMeeting(_Schema):
    event: str
    date: DateLabel | None = None
    status: Literal["held", "planned", "cancelled"]
    participants: list[Name] | None = None
    participants_optional: list[Name] | None = None


class GoldAffiliation(_Schema):
    person: Name
    org: Name
    role: str | None = None
    current: bool


class GoldFile(_Schema):
    entities: list[GoldEntity]
    meetings: list[GoldMeeting]
    affiliations: list[GoldAffiliation]
    boilerplate_starts_at: str | None


class PredEntity(_Schema):
    name: Name
    aliases: list[str] | None = None


class PredMeeting(_Schema):
    status: str | None = "held"
    participants: list[Name] | None = None


class PredAffiliation(_Schema):
    person: Name
    org: Name


class PredFile(_Schema):
    entities: list[PredEntity] = Field(default_factory=list)
    meetings: list[PredMeeting] = Field(default_factory=list)
    affiliations: list[PredAffiliation] = Field(default_factory=list)


def _names(name: str, aliases: list[str] | None) -> tuple[str, ...]:
    return (name, *(a for a in aliases or [] if normalize(a)))


# --- what is scored -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Meeting:
    held: bool
    participants: tuple[str, ...]
    optional: tuple[str, ...] = ()


@dataclass(frozen=True)
class Annotation:
    """A gold or predicted file reduced to what the metrics read."""

    entities: tuple[tuple[str, ...], ...]  # each entity's names, its canonical name first
    meetings: tuple[Meeting, ...] = ()
    affiliations: tuple[tuple[str, str], ...] = ()


class Gold:
    """A gold annotation with its names indexed; refuses a gold that is ambiguous or names a
    participant it does not list as an entity."""

    def __init__(self, ann: Annotation, where: str = "gold") -> None:
        self.ann = ann
        self.names = [names[0] for names in ann.entities]
        self.entity_of: dict[str, int] = {}
        for idx, names in enumerate(ann.entities):
            for key in map(normalize, names):
                first = self.entity_of.setdefault(key, idx)
                if first != idx:
                    raise AnnotationError(
                        f"{where}: {key!r} names both {self.names[first]!r} and {names[0]!r}"
                    )
        for m in ann.meetings:
            core = {self.entity(n, where) for n in m.participants}
            if core & {self.entity(n, where) for n in m.optional}:
                raise AnnotationError(f"{where}: a meeting lists one entity as both kinds")
        for person, org in ann.affiliations:
            self.entity(person, where)
            self.entity(org, where)

    def entity(self, name: str, where: str = "gold") -> int:
        try:
            return self.entity_of[normalize(name)]
        except KeyError:
            raise AnnotationError(f"{where}: {name!r} is not a gold entity's name") from None


def gold_annotation(data: Any, where: str = "gold") -> Gold:
    """A parsed gold file (its JSON value), checked."""
    try:
        doc = GoldFile.model_validate(data)
    except ValidationError as exc:
        raise AnnotationError(f"{where}: {exc}") from None
    ann = Annotation(
        entities=tuple(_names(e.name, e.aliases) for e in doc.entities),
        meetings=tuple(
            Meeting(
                held=m.status == "held",
                participants=tuple(m.participants or ()),
                optional=tuple(m.participants_optional or ()),
            )
            for m in doc.meetings
        ),
        affiliations=tuple((a.person, a.org) for a in doc.affiliations),
    )
    return Gold(ann, where)


def predicted_annotation(data: Any, where: str = "prediction") -> Annotation:
    """A parsed prediction (its JSON value); a meeting without a status counts as held."""
    try:
        doc = PredFile.model_validate(data)
    except ValidationError as exc:
        raise AnnotationError(f"{where}: {exc}") from None
    return Annotation(
        entities=tuple(_names(e.name, e.aliases) for e in doc.entities),
        meetings=tuple(
            Meeting(held=m.status == "held", participants=tuple(m.participants or ()))
            for m in doc.meetings
        ),
        affiliations=tuple((a.person, a.org) for a in doc.affiliations),
    )


def read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise AnnotationError(f"{path}: {exc}") from None


# --- counts -----------------------------------------------------------------------------------


@dataclass
class Tally:
    """True/false positives and negatives of one metric, with what was wrong."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    false_positives: list[str] = field(default_factory=list)
    false_negatives: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """Nothing predicted scores 1 when nothing was expected, else 0."""
        if self.tp + self.fp == 0:
            return 1.0 if self.fn == 0 else 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.tp + self.fn == 0:
            return 1.0 if self.fp == 0 else 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def counts(self) -> dict[str, float]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


def _tally(predicted: Iterable[str], expected: Iterable[str]) -> Tally:
    fps, fns = sorted(predicted), sorted(expected)
    return Tally(tp=0, fp=len(fps), fn=len(fns), false_positives=fps, false_negatives=fns)


@dataclass
class DocScore:
    entities: Tally
    meetings: Tally
    affiliations: Tally

    def metric(self, name: str) -> Tally:
        tally: Tally = getattr(self, name)
        return tally


def micro(scores: Iterable[DocScore]) -> DocScore:
    """The counts of many documents summed (the lists of mistakes are left out)."""
    total = DocScore(Tally(), Tally(), Tally())
    for s in scores:
        for name in METRICS:
            t, add = total.metric(name), s.metric(name)
            t.tp, t.fp, t.fn = t.tp + add.tp, t.fp + add.fp, t.fn + add.fn
    return total


def macro_f1(scores: list[DocScore], metric: str) -> float:
    """The mean of the documents' own F1 (every document weighs the same)."""
    if not scores:
        return 1.0
    return sum(s.metric(metric).f1 for s in scores) / len(scores)


# --- scoring ----------------------------------------------------------------------------------

Ident = int | str  # a gold entity's index, or the normalized name of an unmapped prediction


def _matching(options: list[list[int]]) -> dict[int, int]:
    """A maximum matching of predicted entities to gold entities, by augmenting paths:
    gold index -> predicted index."""
    holder: dict[int, int] = {}

    def place(pred: int, tried: set[int]) -> bool:
        for g in options[pred]:
            if g in tried:
                continue
            tried.add(g)
            if g not in holder or place(holder[g], tried):
                holder[g] = pred
                return True
        return False

    for pred in range(len(options)):
        place(pred, set())
    return holder


def score_entities(gold: Gold, pred: Annotation) -> Tally:
    options = [
        sorted({gold.entity_of[k] for k in map(normalize, names) if k in gold.entity_of})
        for names in pred.entities
    ]
    holder = _matching(options)
    taken = set(holder.values())
    t = _tally(
        (names[0] for p, names in enumerate(pred.entities) if p not in taken),
        (name for g, name in enumerate(gold.names) if g not in holder),
    )
    t.tp = len(holder)
    return t


class _Resolver:
    """Predicted name -> gold entity: its own normalized form when gold has it, else through
    the first predicted entity that carries the name and matches a gold entity."""

    def __init__(self, gold: Gold, pred: Annotation) -> None:
        self.gold = gold
        self.via: dict[str, int] = {}
        for names in pred.entities:
            keys = [normalize(n) for n in names]
            target = next((gold.entity_of[k] for k in keys if k in gold.entity_of), None)
            if target is not None:
                for k in keys:
                    self.via.setdefault(k, target)

    def __call__(self, name: str) -> Ident:
        key = normalize(name)
        found = self.gold.entity_of.get(key, self.via.get(key))
        return key if found is None else found

    def label(self, ident: Ident) -> str:
        return self.gold.names[ident] if isinstance(ident, int) else f"?{ident}"


def _pairs(idents: Iterable[Ident]) -> set[frozenset[Ident]]:
    return {frozenset(p) for p in itertools.combinations(set(idents), 2)}


def score_meetings(gold: Gold, pred: Annotation, resolve: _Resolver) -> Tally:
    expected: set[frozenset[Ident]] = set()
    neutral: set[frozenset[Ident]] = set()
    for m in gold.ann.meetings:
        if not m.held:
            continue
        core = {gold.entity(n) for n in m.participants}
        optional = {gold.entity(n) for n in m.optional} - core
        expected |= _pairs(core)
        neutral |= {p for p in _pairs(core | optional) if p & optional}
    neutral -= expected
    predicted: set[frozenset[Ident]] = set()
    for m in pred.meetings:
        if m.held:
            predicted |= _pairs(resolve(n) for n in m.participants)

    def label(pair: frozenset[Ident]) -> str:
        return " -- ".join(sorted(resolve.label(i) for i in pair))

    t = _tally(map(label, predicted - expected - neutral), map(label, expected - predicted))
    t.tp = len(predicted & expected)
    return t


def score_affiliations(gold: Gold, pred: Annotation, resolve: _Resolver) -> Tally:
    expected = {(gold.entity(p), gold.entity(o)) for p, o in gold.ann.affiliations}
    predicted = {(resolve(p), resolve(o)) for p, o in pred.affiliations}

    def label(pair: tuple[Ident, Ident]) -> str:
        return f"{resolve.label(pair[0])} @ {resolve.label(pair[1])}"

    t = _tally(map(label, predicted - expected), map(label, expected - predicted))
    t.tp = len(predicted & expected)
    return t


def score(gold: Gold, pred: Annotation) -> DocScore:
    """The three metrics of one document."""
    resolve = _Resolver(gold, pred)
    return DocScore(
        entities=score_entities(gold, pred),
        meetings=score_meetings(gold, pred, resolve),
        affiliations=score_affiliations(gold, pred, resolve),
    )
