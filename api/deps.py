"""Dependencies the routes declare: the process's graph, its settings, the write key."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request, Security
from fastapi.security import APIKeyHeader

from api.errors import ApiError
from graph.database.db import Graph
from graph.read.reads import Reads
from graph.settings import Settings

API_KEY_HEADER = "X-API-Key"

_api_key = APIKeyHeader(
    name=API_KEY_HEADER,
    auto_error=False,
    description="Needed for POST and DELETE /documents (the server's WHOMET_API_KEY).",
)


# The dependencies that only hand over what the app holds are coroutines: FastAPI runs a plain
# function dependency in its thread pool, a hand-off per dependency and request (two on every
# read route, before the route's own); a coroutine that does no I/O runs on the event loop.


async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_graph(request: Request) -> Graph:
    """The one Graph (one driver) opened by the app's lifespan."""
    graph: Graph = request.app.state.graph
    return graph


SettingsDep = Annotated[Settings, Depends(get_settings)]
GraphDep = Annotated[Graph, Depends(get_graph)]


async def get_reads(graph: GraphDep) -> Reads:
    return Reads(graph)


ReadsDep = Annotated[Reads, Depends(get_reads)]


def require_write_key(
    settings: SettingsDep, key: Annotated[str | None, Security(_api_key)] = None
) -> None:
    """Writes are off without a configured key; with one, the header must match it."""
    if settings.api_key is None:
        raise ApiError(
            403,
            "writes_disabled",
            "writes are turned off on this server: start it with WHOMET_API_KEY set to enable "
            "POST and DELETE /documents",
        )
    expected = settings.api_key.get_secret_value().encode("utf-8")
    if key is None or not hmac.compare_digest(key.encode("utf-8"), expected):
        raise ApiError(
            401,
            "unauthorized",
            f"this write needs the server's API key in the {API_KEY_HEADER} header",
        )


WriteAccess = Annotated[None, Depends(require_write_key)]
