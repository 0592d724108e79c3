"""Read-only Cypher over HTTP, for questions the fixed routes do not answer."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import GraphDep, SettingsDep
from api.errors import ERROR_RESPONSES
from api.free_cypher import WorkerLimits, run_read_only
from api.models import CypherIn, CypherOut, ErrorResponse

router = APIRouter(tags=["cypher"], responses=ERROR_RESPONSES)


@router.post(
    "/cypher",
    response_model=CypherOut,
    responses={400: {"model": ErrorResponse, "description": "Refused, invalid or timed out"}},
    summary="Run read-only Cypher with parameters (writes and admin commands are refused)",
)
def cypher(body: CypherIn, graph: GraphDep, settings: SettingsDep) -> CypherOut:
    cap = min(body.max_rows or settings.cypher_max_rows, settings.cypher_max_rows)
    return run_read_only(
        graph,
        body.query,
        body.parameters,
        max_rows=cap,
        timeout_s=settings.cypher_timeout_s,
        auth=(settings.neo4j_user, settings.neo4j_password.get_secret_value()),
        limits=WorkerLimits(settings.cypher_timeout_s, max_bytes=settings.cypher_max_bytes),
    )
