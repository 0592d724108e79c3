"""Assemble the FastAPI app: one driver per process, opened and closed by the lifespan.

``create_app(settings)`` builds a fresh app (tests give their own settings);
``whomet serve`` runs it with uvicorn. Every route lives under ``/api/v1``;
the graph views (``api.routes.graph_views``) are also mounted at the root.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI
from fastapi.middleware.cors import CORSMiddleware

from api import docs_pages, errors, explorer
from api.body_limit import BodySizeLimit
from api.plan_warming import CountRequests, InFlight, PlanWarming
from api.routes import (
    API_PREFIX,
    analytics,
    corrections,
    cypher,
    documents,
    entities,
    graph_views,
    health,
    meetings,
    paths,
    stats,
)
from api.routes.health import VERSION
from graph.database.db import Graph
from graph.database.schema import apply_schema
from graph.errors import DatabaseUnavailable, WhometError
from graph.read.reads import Reads
from graph.settings import Settings, get_settings

log = logging.getLogger("whomet.api")

_ROUTERS: tuple[APIRouter, ...] = (
    health.router,
    entities.router,
    meetings.router,
    paths.router,
    documents.router,
    cypher.router,
    stats.router,
    corrections.router,
)
# Routers that carry their own prefixes (the graph views answer at the root and under /api/v1).
_OWN_PREFIX_ROUTERS: tuple[APIRouter, ...] = (graph_views.router, analytics.router)

DESCRIPTION = """\
Who met whom, read from news: entities and their profiles, the meetings they took
part in (with the sentence that says so), shortest connections between two
entities, the documents behind every fact, and read-only Cypher.

Two entities **met** when both hosted, or were stated to attend, the same event
that was held. Writes (`POST`/`DELETE /documents`) need the `X-API-Key` header.
"""


API_RETRY_TIME_S = 3.0


def warm_up(graph: Graph) -> None:
    """One cheap read before the first request, so a Neo4j just (re)started meets it with a
    cold cache rather than a user's read with a short timeout. A failure is only logged: a
    read that still runs out of time answers 503 ``database_busy`` with ``Retry-After``."""
    try:
        counts = Reads(graph).warm_up()
    except WhometError as exc:
        log.warning("warm-up read failed (%s); serving anyway", exc)
        return
    log.info("warm-up read: %s", counts)


def create_app(settings: Settings | None = None) -> FastAPI:
    """The whomet API for ``settings`` (the process's settings when omitted)."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # The server warns about property keys no node has yet (optional fields such as
        # `published`); on a young graph that is every other query, so keep only errors.
        logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)
        # A request should not wait out a long retry window while Neo4j is down: a
        # short one still absorbs a leader switch or a dropped connection, then 503.
        graph = Graph.connect(settings, retry_time_s=API_RETRY_TIME_S)
        app.state.graph = graph
        app.state.schema_ready = False
        warming = PlanWarming(graph, settings, in_flight)
        app.state.plan_warming = warming

        def schema() -> None:
            graph.verify()  # fail fast (no retries) when the server is down
            apply_schema(graph)
            app.state.schema_ready = True

        def ensure_schema() -> None:  # /ready's retry once Neo4j answers again
            schema()
            warming.start()  # in the background; once

        app.state.apply_schema = ensure_schema
        try:
            schema()
        except DatabaseUnavailable as exc:
            # Serve anyway: /ready says 503 and retries the schema once Neo4j answers.
            log.warning("Neo4j is not reachable at start (%s); /ready will report it", exc)
        else:
            warm_up(graph)
            warming.start()
        try:
            yield
        finally:
            warming.stop()
            graph.close()

    app = FastAPI(
        title="whomet",
        version=VERSION,
        summary="Who met whom: a knowledge graph read from news.",
        description=DESCRIPTION,
        lifespan=lifespan,
        openapi_url="/openapi.json",
        docs_url=None,  # served offline by api.docs_pages
        redoc_url=None,
    )
    app.state.settings = settings
    in_flight = InFlight()  # plan warming waits while requests are answered
    app.state.in_flight = in_flight
    errors.install(app)
    docs_pages.install(app)
    explorer.install(app)
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_upload_bytes)
    app.add_middleware(CountRequests, in_flight=in_flight)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["Content-Type", "X-API-Key"],
        )
    for router in _ROUTERS:
        app.include_router(router, prefix=API_PREFIX)
    for router in _OWN_PREFIX_ROUTERS:
        app.include_router(router)
    return app
