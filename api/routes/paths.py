"""Shortest connections between two entities, explained step by step."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from api.answer import json_answer
from api.deps import ReadsDep
from api.errors import ERROR_RESPONSES
from api.models import ErrorResponse
from graph.read.models import PathsResponse
from graph.read.paths import MAX_HOPS, MAX_PATHS, shortest_paths

router = APIRouter(tags=["paths"], responses=ERROR_RESPONSES)


@router.get(
    "/paths",
    response_model=PathsResponse,
    response_model_by_alias=True,
    responses={
        404: {"model": ErrorResponse, "description": "No entity by that id, name or alias"},
        409: {"model": ErrorResponse, "description": "A name fits several entities"},
    },
    summary="Shortest connections through events and affiliations",
)
def paths(
    reads: ReadsDep,
    from_: Annotated[str, Query(alias="from", min_length=1, max_length=300)],
    to: Annotated[str, Query(min_length=1, max_length=300)],
    max_hops: Annotated[
        int,
        Query(ge=1, le=MAX_HOPS, description="Most relationships on a path (an event step is 2)."),
    ] = MAX_HOPS,
    limit: Annotated[int, Query(ge=1, le=MAX_PATHS, description="Most paths returned.")] = 5,
) -> Response:
    return json_answer(shortest_paths(reads, from_, to, max_hops, limit))
