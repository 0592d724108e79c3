"""The explorer's own reads: one meeting, an entity's meetings with everyone there,
counts for a result list, and documents filtered by date. Shaped with the API's models."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, Field

from graph.errors import NotFound
from graph.read.models import DocumentSummary, EntityRef, MeetingOut
from graph.read.reads import Citations, Reads
from graph.read.serialize import to_native

ENTITY_MEETINGS_LIMIT = 300


class HitCounts(BaseModel):
    events: int = 0
    documents: int = 0


class DocumentPage(BaseModel):
    total: int
    limit: int
    offset: int
    undated_left_out: int = 0
    items: list[DocumentSummary] = Field(default_factory=list)


class ExplorerReads:
    """Questions only the pages ask; the rest goes through :class:`graph.read.reads.Reads`."""

    def __init__(self, reads: Reads) -> None:
        self.reads = reads

    def _read(self, name: str, **params: Any) -> list[dict[str, Any]]:
        return self.reads._read(f"explorer/{name}", **params)

    def meeting(self, event_id: str) -> MeetingOut:
        rows = self._read("meeting", id=event_id)
        if not rows:
            raise NotFound(f"no meeting {event_id!r}")
        cite = Citations()
        meeting = self.reads.meeting_of(rows[0]["item"], cite)
        cite.resolve(self.reads.graph)
        return meeting

    def meeting_names(self, event_id: str) -> list[EntityRef]:
        """The named-event entities the meeting is held under (a summit that is also an
        entity): its page links them, so the two read as one happening."""
        return [EntityRef.model_validate(r) for r in self._read("meeting_names", id=event_id)]

    def entity_meetings(self, entity_id: str) -> list[MeetingOut]:
        """The meetings an entity took part in; for a named event, those held under its name."""
        rows = self._read("entity_meetings", id=entity_id, limit=ENTITY_MEETINGS_LIMIT)
        cite = Citations()
        meetings = [self.reads.meeting_of(r["item"], cite) for r in rows]
        cite.resolve(self.reads.graph)
        return meetings

    def latest_meetings(self, limit: int) -> list[MeetingOut]:
        rows = self._read("latest_meetings", limit=limit)
        cite = Citations()
        meetings = [self.reads.meeting_of(r["item"], cite) for r in rows]
        cite.resolve(self.reads.graph)
        return meetings

    def counts(self) -> dict[str, int]:
        """Entities, events and documents in the graph."""
        row = self._read("home_counts")[0]
        return {k: int(row[k]) for k in ("entities", "events", "documents")}

    def hit_counts(self, ids: list[str]) -> dict[str, HitCounts]:
        rows = self._read("hit_counts", ids=ids) if ids else []
        return {r["id"]: HitCounts(events=r["events"], documents=r["documents"]) for r in rows}

    def documents(
        self,
        *,
        since: dt.date | None,
        until: dt.date | None,
        include_undated: bool,
        source: str | None,
        entity_id: str | None,
        limit: int,
        offset: int,
    ) -> DocumentPage:
        row = self._read(
            "documents",
            since=since,
            until=until,
            include_undated=include_undated,
            source=source,
            entity_id=entity_id,
            limit=limit,
            offset=offset,
        )[0]
        items = [DocumentSummary.model_validate(to_native(d)) for d in row["items"]]
        return DocumentPage(
            total=row["total"],
            limit=limit,
            offset=offset,
            undated_left_out=row["undated_left_out"],
            items=items,
        )
