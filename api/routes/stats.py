"""Counts by label and relationship type."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import ReadsDep
from api.errors import ERROR_RESPONSES
from graph.read.models import Stats

router = APIRouter(tags=["stats"], responses=ERROR_RESPONSES)


@router.get("/stats", response_model=Stats, summary="Node counts by label, relationships by type")
def stats(reads: ReadsDep) -> Stats:
    return reads.stats()
