"""Typed result of reading one document: the contract between extraction and the store.

Entities are referred to inside one extraction by their document-local ``key``;
the store resolves those keys to graph-wide ids. Every fact carries the
sentence it came from and its character offsets in ``Document.text``.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field


def current_extractor_version() -> str:
    """The running extractor's version (``graph.extract.version``): derived from its code,
    rules, data and NLP model, so a changed extractor re-extracts stored documents. Imported
    when first asked for, since the extractor imports this module."""
    from graph.extract.version import extractor_version

    return extractor_version()


if TYPE_CHECKING:
    EXTRACTOR_VERSION: str
else:

    def __getattr__(name: str) -> str:
        """``EXTRACTOR_VERSION`` stays importable, and is computed when first read."""
        if name == "EXTRACTOR_VERSION":
            return current_extractor_version()
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class EntityType(StrEnum):
    PERSON = "Person"
    GOVERNMENT_BODY = "GovernmentBody"
    COMPANY = "Company"
    ORGANIZATION = "Organization"
    COUNTRY = "Country"
    PROGRAM = "Program"
    EVENT = "Event"


Role = Literal["host", "attendee", "speaker"]
Status = Literal["held", "planned", "cancelled"]
DatePrecision = Literal["day", "month", "year", "day_of_month", "unknown"]
RelationType = Literal["REQUESTED", "AGREED_WITH", "BRIEFED", "OPERATES", "PART_OF"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(_Model):
    """The sentence that states a fact, with offsets into ``Document.text``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    sentence: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class DocumentMeta(_Model):
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    author: str | None = None
    url: str | None = None
    extra: dict[str, str] = Field(default_factory=dict)


# Kinds of events held at a distance: stored as contacts, shown with their kind, and not
# counted as meetings by the evaluation schema unless the text calls them a meeting.
REMOTE_KINDS = frozenset({"phone call", "video call", "call"})


class Document(_Model):
    """A document as read: ``text`` is the article body the extractor saw.

    ``id`` is a content hash unless the caller gave one; ``content_hash`` always
    hashes ``text`` plus metadata, so a corrected version of a document with a
    given id is recognised as changed.
    """

    id: str
    text: str
    meta: DocumentMeta = Field(default_factory=DocumentMeta)
    content_hash: str
    path: str | None = None
    boilerplate_starts_at: str | None = None


class Entity(_Model):
    key: str
    name: str
    type: EntityType
    aliases: list[str] = Field(default_factory=list)
    country: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class Participant(_Model):
    entity: str  # Entity.key
    role: Role = "attendee"
    optional: bool = False  # presence implied by the text, not stated
    evidence: Evidence | None = None


class Meeting(_Model):
    key: str
    kind: str = "meeting"
    description: str = ""
    date: dt.date | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    date_text: str | None = None  # the original words, e.g. "on the 18th"
    date_precision: DatePrecision = "unknown"
    status: Status = "held"
    location: str | None = None
    name_entity: str | None = None  # Entity.key of a named Event, when it has a name
    participants: list[Participant] = Field(default_factory=list)
    evidence: Evidence

    def date_label(self) -> str | None:
        """``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or None: the eval schema's date."""
        if self.date is not None:
            return self.date.isoformat()
        if self.year is not None and self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        if self.year is not None:
            return f"{self.year:04d}"
        return None


class Affiliation(_Model):
    person: str  # Entity.key
    org: str  # Entity.key
    role: str | None = None
    current: bool = True
    evidence: Evidence


class Quote(_Model):
    speaker: str  # Entity.key
    text: str
    evidence: Evidence


class Relation(_Model):
    type: RelationType
    source: str  # Entity.key
    target: str  # Entity.key
    detail: str | None = None
    evidence: Evidence


class Extraction(_Model):
    """Everything one document states that whomet keeps."""

    document: Document
    entities: list[Entity] = Field(default_factory=list)
    meetings: list[Meeting] = Field(default_factory=list)
    affiliations: list[Affiliation] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    extractor_version: str = Field(default_factory=current_extractor_version)

    def entity(self, key: str) -> Entity:
        for ent in self.entities:
            if ent.key == key:
                return ent
        raise KeyError(key)

    def to_eval(self) -> dict[str, Any]:
        """The schema of the evaluation set (``eval/dev/README.md``)."""
        names = {e.key: e.name for e in self.entities}
        return {
            "entities": [
                {"name": e.name, "type": e.type.value, "aliases": list(e.aliases)}
                for e in self.entities
            ],
            "meetings": [
                {
                    "event": m.description or m.kind,
                    "date": m.date_label(),
                    **({"day": m.day} if m.date is None and m.day is not None else {}),
                    "status": m.status,
                    "participants": [names[p.entity] for p in m.participants if not p.optional],
                    "participants_optional": [
                        names[p.entity] for p in m.participants if p.optional
                    ],
                }
                for m in self.meetings
                # the schema counts a call as a meeting only when the text calls it one, and
                # the extractor then gives it the meeting's kind
                if m.kind not in REMOTE_KINDS
            ],
            "affiliations": [
                {
                    "person": names[a.person],
                    "org": names[a.org],
                    "role": a.role,
                    "current": a.current,
                }
                for a in self.affiliations
            ],
            "boilerplate_starts_at": self.document.boilerplate_starts_at,
        }
