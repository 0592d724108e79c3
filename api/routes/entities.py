"""Entities: search, profile, and whom an entity met."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, Response

from api.answer import json_answer
from api.deps import ReadsDep
from api.errors import ERROR_RESPONSES
from api.models import ErrorResponse
from graph.model import EntityType
from graph.read.models import EntityHit, EntityProfile, IsoDate, MetResponse, Page
from graph.read.reads import BadCursor

router = APIRouter(prefix="/entities", tags=["entities"], responses=ERROR_RESPONSES)

Ref = Annotated[
    str,
    Path(
        min_length=1,
        max_length=300,
        description="An entity id, name or alias, any case (e.g. `MSIT`).",
        examples=["MSIT"],
    ),
]
LOOKUP_ERRORS: dict[int | str, dict[str, object]] = {
    404: {"model": ErrorResponse, "description": "No entity by that id, name or alias"},
    409: {"model": ErrorResponse, "description": "The name fits several entities (candidates)"},
}


@router.get("", response_model=Page[EntityHit], summary="Search entities by name or alias")
def search_entities(
    reads: ReadsDep,
    q: Annotated[
        str | None,
        Query(max_length=300, description="Words of a name or alias; omit to list all."),
    ] = None,
    type: Annotated[EntityType | None, Query(description="Only this entity type.")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> Page[EntityHit]:
    return reads.search(q, type.value if type else None, limit, offset)


@router.get(
    "/{ref}",
    response_model=EntityProfile,
    responses=LOOKUP_ERRORS,
    summary="Profile: aliases, affiliations, events and roles, documents",
)
def entity_profile(ref: Ref, reads: ReadsDep) -> EntityProfile:
    return reads.profile(ref)


@router.get(
    "/{ref}/met",
    response_model=MetResponse,
    responses={
        **LOOKUP_ERRORS,
        400: {"model": ErrorResponse, "description": "A cursor this API did not give"},
    },
    summary="Whom this entity met, with events, dates, roles and evidence",
)
def entity_met(
    ref: Ref,
    reads: ReadsDep,
    since: Annotated[IsoDate | None, Query(description="Meetings on or after this date.")] = None,
    until: Annotated[IsoDate | None, Query(description="Meetings on or before this date.")] = None,
    type: Annotated[EntityType | None, Query(description="Only counterparts of this type.")] = None,
    limit: Annotated[
        int,
        Query(
            ge=1,
            le=200,
            description="Counterparts per page; `total` counts them all, `next_cursor` pages on.",
        ),
    ] = 20,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
    events_limit: Annotated[
        int,
        Query(
            ge=1,
            le=500,
            description="Most meetings listed per counterpart (its `meetings` counts them all).",
        ),
    ] = 5,
    cursor: Annotated[
        str | None,
        Query(
            max_length=1000,
            description="`next_cursor` of the previous page: the page after it (no date range).",
        ),
    ] = None,
    include_undated: Annotated[
        bool,
        Query(description="With since/until, keep meetings that have no date (else counted)."),
    ] = False,
) -> Response:
    try:
        answer = reads.met(
            ref,
            since=since,
            until=until,
            type_=type.value if type else None,
            limit=limit,
            offset=offset,
            events_limit=events_limit,
            cursor=cursor,
            include_undated=include_undated,
        )
    except BadCursor as exc:
        raise HTTPException(status_code=400, detail=str(exc)) from exc
    return json_answer(answer)
