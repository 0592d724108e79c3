"""Liveness of the process and readiness of the database behind it."""

from __future__ import annotations

from fastapi import APIRouter, Request

from api.deps import ReadsDep, SettingsDep
from api.errors import ERROR_RESPONSES
from api.models import Health, Ready
from graph.errors import DatabaseUnavailable, WhometError

router = APIRouter(tags=["health"], responses=ERROR_RESPONSES)

VERSION = "0.1.0"


@router.get("/health", response_model=Health, summary="The process is up")
def health() -> Health:
    return Health(version=VERSION)


@router.get("/ready", response_model=Ready, summary="Neo4j answers (503 when it does not)")
def ready(request: Request, reads: ReadsDep, settings: SettingsDep) -> Ready:
    try:
        reads.graph.verify()  # one connection attempt: a probe must answer fast
        reads.ping()
        if not request.app.state.schema_ready:
            request.app.state.apply_schema()
    except WhometError as exc:
        raise DatabaseUnavailable(f"not ready: {exc}") from exc
    return Ready(database=settings.neo4j_database)
