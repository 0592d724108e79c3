"""The API's own bodies: requests, errors, health and the results of writes. The answers of
reads are in :mod:`graph.read.models`."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from graph.read.models import EntityRef
from graph.store.reports import LoadReport


class _Out(BaseModel):
    model_config = ConfigDict(extra="ignore")


class ErrorBody(_Out):
    code: str = Field(description="A stable machine-readable word, e.g. not_found, ambiguous.")
    message: str
    candidates: list[EntityRef] | None = Field(
        default=None, description="For code `ambiguous`: the entities the name could mean."
    )
    details: list[dict[str, Any]] | None = Field(
        default=None, description="For code `invalid_request`: each problem and where it is."
    )


class ErrorResponse(_Out):
    error: ErrorBody


class Health(_Out):
    status: Literal["ok"] = "ok"
    version: str


class Ready(_Out):
    status: Literal["ready"] = "ready"
    database: str


class DocumentMetaIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str | None = Field(default=None, max_length=1000)
    published: dt.date | None = None
    source: str | None = Field(default=None, max_length=1000)
    author: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=4000)


class DocumentIn(BaseModel):
    """A document sent as JSON: its text (plain text or HTML) and what is known about it."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "text": "The Vestby Town Council held talks with Kelda Shipping on August 3.",
                    "meta": {"title": "Council meets shippers", "published": "2026-08-05"},
                }
            ]
        },
    )

    text: str = Field(min_length=1, description="The article: plain text or an HTML page.")
    id: str | None = Field(
        default=None,
        max_length=200,
        pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$",
        description="Keep this id (a corrected version replaces the old); default: a content hash.",
    )
    meta: DocumentMetaIn = Field(default_factory=DocumentMetaIn)


class LoadResult(_Out):
    id: str
    status: str = Field(description="added, replaced (a corrected version), or unchanged.")
    report: LoadReport = Field(description="What the store added, removed or changed.")


class RemoveResult(_Out):
    id: str
    status: str = Field(description="removed")
    report: LoadReport


class CypherIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "query": "MATCH (e:Entity)-[:HOSTED]->(ev:Event {status: 'held'})"
                    "<-[:ATTENDED]-(o:Entity) RETURN e.name, ev.kind, o.name LIMIT $n",
                    "parameters": {"n": 10},
                }
            ]
        },
    )

    query: str = Field(min_length=1, max_length=20_000, description="Read-only Cypher.")
    parameters: dict[str, Any] = Field(default_factory=dict)
    max_rows: int | None = Field(
        default=None, ge=1, description="Stop after this many rows (capped by the server)."
    )


class CypherOut(_Out):
    columns: list[str]
    rows: list[dict[str, Any]]
    row_count: int
    truncated: bool = Field(description="True when more rows existed than were fetched.")


ErrorBody.model_rebuild()
ErrorResponse.model_rebuild()
