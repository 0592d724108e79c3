"""The answers the reads give (the API's response bodies): typed, so routes, pages and the
CLI share them. The HTTP-only bodies (requests, errors, health) are in :mod:`api.models`."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field


def _iso_date(value: Any) -> Any:
    """Only ``YYYY-MM-DD`` text is a date here: pydantic alone takes ``0`` for 1970-01-01."""
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        return value
    if isinstance(value, dt.date):
        return value
    raise ValueError("a date is written YYYY-MM-DD")


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]

T = TypeVar("T")


class _Out(BaseModel):
    model_config = ConfigDict(extra="ignore")


# --- shared pieces ----------------------------------------------------------------------------


class Page(_Out, Generic[T]):
    total: int = Field(description="How many items match, over all pages.")
    limit: int
    offset: int
    items: list[T]


class EntityRef(_Out):
    id: str
    name: str
    type: str | None = None


class DocumentRef(_Out):
    id: str
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None


class Evidence(_Out):
    """A sentence stating a fact, with its character offsets in the document's text."""

    doc_id: str
    sentence: str | None = None
    start: int | None = None
    end: int | None = None
    document: DocumentRef | None = None


class EventSummary(_Out):
    id: str
    kind: str | None = None
    name: str | None = None
    description: str | None = None
    date: dt.date | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    date_text: str | None = None
    date_precision: str | None = None
    status: str | None = None
    location: str | None = None
    label: str = Field(description="The event in words, e.g. 'the workshop on the 18th'.")


Role = Literal["host", "attendee", "speaker"]


# --- entities ---------------------------------------------------------------------------------


class EntityHit(EntityRef):
    aliases: list[str] = Field(default_factory=list)
    score: float | None = Field(default=None, description="Full-text relevance (higher is better).")


class Affiliation(_Out):
    """A standing tie: REPRESENTS, PART_OF or OPERATES, seen from the profiled entity."""

    type: Literal["REPRESENTS", "PART_OF", "OPERATES"]
    direction: Literal["out", "in"] = Field(
        description="out: the profiled entity is the subject (represents, is part of, operates)."
    )
    other: EntityRef
    title: str | None = None
    current: bool | None = None
    text: str
    evidence: list[Evidence] = Field(default_factory=list)


class DirectRelation(_Out):
    type: Literal["BRIEFED", "REQUESTED", "AGREED_WITH"]
    direction: Literal["out", "in"]
    other: EntityRef
    detail: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)


# A profile's event may be one the entity took part in, or, for a named event (a summit that
# is also an entity), a meeting held under its name: the entity is that meeting's name.
ProfileRole = Literal["host", "attendee", "speaker", "name"]


class EventRole(_Out):
    event: EventSummary
    role: ProfileRole = Field(
        description="The entity's role at the event; `name` for a named event (a summit that is"
        " also an entity): the meeting is held under the entity's name."
    )
    implied: bool = False
    evidence: list[Evidence] = Field(default_factory=list)


class QuoteOut(_Out):
    id: str
    text: str | None = None
    documents: list[str] = Field(default_factory=list)


class Mention(_Out):
    document: DocumentRef
    names: list[str] = Field(default_factory=list)


class ProfileCounts(_Out):
    events: int
    met: int = Field(description="Distinct entities met at held events.")
    documents: int
    affiliations: int
    quotes: int


class EntityProfile(EntityRef):
    aliases: list[str] = Field(default_factory=list)
    country: str | None = None
    first_seen: dt.datetime | dt.date | str | None = None
    updated_at: dt.datetime | dt.date | str | None = None
    affiliations: list[Affiliation]
    relations: list[DirectRelation]
    events: list[EventRole]
    quotes: list[QuoteOut]
    documents: list[Mention]
    counts: ProfileCounts


# --- meetings ---------------------------------------------------------------------------------


class MeetingWith(_Out):
    """One held event where the entity and a counterpart were both present."""

    event: EventSummary
    role: Role = Field(description="The profiled entity's role.")
    counterpart_role: Role
    evidence: list[Evidence]


class Counterpart(_Out):
    entity: EntityRef
    meetings: int
    first_date: dt.date | None = Field(description="Earliest known date (None when undated).")
    last_date: dt.date | None
    first_meeting: EventSummary
    last_meeting: EventSummary
    events: list[MeetingWith] = Field(
        description="The meetings, oldest first; at most `events_limit` (see `meetings`)."
    )


class MetResponse(_Out):
    entity: EntityRef
    total: int = Field(description="Counterparts over all pages.")
    limit: int
    offset: int
    counterparts: list[Counterpart]
    next_cursor: str | None = Field(
        default=None,
        description="Pass as `cursor` for the next page (none on the last page, or with a date"
        " range: page those by offset).",
    )
    undated_left_out: int = Field(
        default=0,
        description="With a date range: how many more meetings this answer would list with"
        " include_undated=true (held, undated, with a counterpart of `type`); 0 otherwise.",
    )


class SharedMeeting(_Out):
    event: EventSummary
    role_a: Role
    role_b: Role
    evidence: list[Evidence]


class WhoMetResponse(_Out):
    a: EntityRef
    b: EntityRef
    met: bool
    meetings: list[SharedMeeting]


class Participant(_Out):
    entity: EntityRef
    role: Role
    implied: bool = False
    evidence: list[Evidence] = Field(default_factory=list)


class MeetingOut(_Out):
    event: EventSummary
    participants: list[Participant]
    evidence: list[Evidence] = Field(description="Sentences reporting the event.")


class MeetingPage(Page[MeetingOut]):
    undated_left_out: int = Field(
        default=0,
        description="With a date range: how many more meetings this answer would list with"
        " include_undated=true (the undated ones the other filters keep); 0 otherwise.",
    )


# --- paths ------------------------------------------------------------------------------------


class PathStep(_Out):
    """One step between two entities: through an event, or a standing tie."""

    model_config = ConfigDict(extra="ignore", populate_by_name=True)

    from_: EntityRef = Field(alias="from")
    to: EntityRef
    via: Literal["event", "REPRESENTS", "PART_OF", "OPERATES"]
    event: EventSummary | None = None
    text: str
    evidence: list[Evidence]


class PathOut(_Out):
    hops: int = Field(description="Relationships on the path (an event step counts two).")
    text: str
    steps: list[PathStep]


class PathsResponse(_Out):
    model_config = ConfigDict(extra="ignore", populate_by_name=True)

    from_: EntityRef = Field(alias="from")
    to: EntityRef
    max_hops: int
    paths: list[PathOut]


# --- documents --------------------------------------------------------------------------------


class DocumentSummary(_Out):
    id: str
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    author: str | None = None
    url: str | None = None
    path: str | None = None
    content_hash: str | None = None
    extractor_version: str | None = None
    loaded_at: dt.datetime | str | None = None
    entities: int = 0
    events: int = 0


class RelationFact(_Out):
    type: str
    source: EntityRef
    target: EntityRef
    title: str | None = None
    detail: str | None = None
    current: bool | None = None
    evidence: list[Evidence]


class QuoteFact(_Out):
    id: str
    text: str | None = None
    speaker: EntityRef | None = None


class EntityMention(_Out):
    entity: EntityRef
    names: list[str] = Field(default_factory=list)


class DocumentFacts(_Out):
    entities: list[EntityMention]
    meetings: list[MeetingOut]
    relations: list[RelationFact]
    quotes: list[QuoteFact]


class DocumentDetail(DocumentSummary):
    text: str | None = None
    facts: DocumentFacts


# --- stats --------------------------------------------------------------------------------------


class Count(_Out):
    name: str
    count: int


class Stats(_Out):
    labels: list[Count]
    relationships: list[Count]
    nodes: int = Field(description="Distinct nodes (a node with two labels counts once).")
