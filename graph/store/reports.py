"""What a load, a removal or a merge did, as the store reports it to its callers."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class LoadDiff(BaseModel):
    """What a corrected version of a document changed, as readable lines."""

    facts_added: list[str] = Field(default_factory=list)
    facts_removed: list[str] = Field(default_factory=list)
    entities_added: list[str] = Field(default_factory=list)
    entities_removed: list[str] = Field(default_factory=list)
    events_added: list[str] = Field(default_factory=list)
    events_removed: list[str] = Field(default_factory=list)

    def is_empty(self) -> bool:
        return not any(
            (
                self.facts_added,
                self.facts_removed,
                self.entities_added,
                self.entities_removed,
                self.events_added,
                self.events_removed,
            )
        )


class LoadReport(BaseModel):
    """The outcome of loading or removing one document."""

    doc_id: str
    status: Literal["added", "unchanged", "replaced", "removed"]
    nodes_created: int = 0
    nodes_removed: int = 0
    relationships_created: int = 0
    relationships_removed: int = 0
    merged: list[str] = Field(default_factory=list)  # ids merged away because this doc linked them
    split: list[str] = Field(default_factory=list)  # ids split off because the link is gone
    diff: LoadDiff | None = None
    # Set when the document was written by one transaction with others (a group load): the id
    # of the group's first document, whose report carries the whole transaction's counts.
    group_of: str | None = None


class MergeReport(BaseModel):
    keep_id: str
    drop_id: str
    kind: Literal["entity", "event"]
    nodes_removed: int = 0
    relationships_created: int = 0
    relationships_removed: int = 0


class StoreStats(BaseModel):
    labels: dict[str, int]
    relationships: dict[str, int]
