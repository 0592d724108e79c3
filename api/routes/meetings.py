"""Meetings: did two entities meet, and the events with their participants."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response

from api.answer import json_answer
from api.deps import ReadsDep
from api.errors import ERROR_RESPONSES
from api.models import ErrorResponse
from graph.read.models import IsoDate, MeetingPage, WhoMetResponse

router = APIRouter(tags=["meetings"], responses=ERROR_RESPONSES)

LOOKUP_ERRORS: dict[int | str, dict[str, object]] = {
    404: {"model": ErrorResponse, "description": "No entity by that id, name or alias"},
    409: {"model": ErrorResponse, "description": "A name fits several entities (candidates)"},
}
Name = Annotated[
    str,
    Query(
        min_length=1,
        max_length=300,
        description="Id, name or alias.",
        openapi_examples={"ministry": {"value": "MSIT"}, "company": {"value": "OpenAI"}},
    ),
]


@router.get(
    "/who-met",
    response_model=WhoMetResponse,
    responses=LOOKUP_ERRORS,
    summary="Did A meet B: the held events both took part in, with evidence",
)
def who_met(a: Name, b: Name, reads: ReadsDep) -> Response:
    return json_answer(reads.who_met(a, b))


@router.get(
    "/meetings",
    response_model=MeetingPage,
    responses=LOOKUP_ERRORS,
    summary="Events with participants and roles, newest first",
)
def meetings(
    reads: ReadsDep,
    entity: Annotated[
        str | None, Query(min_length=1, max_length=300, description="Only events it took part in.")
    ] = None,
    since: Annotated[IsoDate | None, Query()] = None,
    until: Annotated[IsoDate | None, Query()] = None,
    kind: Annotated[
        str | None, Query(max_length=100, description="workshop, talks, meeting...")
    ] = None,
    status: Annotated[Literal["held", "planned", "cancelled"] | None, Query()] = None,
    include_undated: Annotated[
        bool,
        Query(description="With since/until, keep meetings that have no date (else counted)."),
    ] = False,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> MeetingPage:
    return reads.meetings(
        entity=entity,
        since=since,
        until=until,
        kind=kind,
        status=status,
        include_undated=include_undated,
        limit=limit,
        offset=offset,
    )
