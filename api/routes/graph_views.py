"""The interactive graph pages and their exports: ``/graph``, ``/graph/entity/{ref}``,
``/graph/met``, ``/graph/events``, at the root and again under ``/api/v1``.

``?format=graphml|json|csv`` returns the same view as data instead of a page.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated
from urllib.parse import quote, urlencode

import networkx as nx
from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.responses import HTMLResponse

from api.deps import GraphDep, ReadsDep, SettingsDep
from api.errors import ERROR_RESPONSES, ApiError, as_json_errors
from api.explorer.pages import lookup_failure
from api.models import ErrorResponse
from api.routes import API_PREFIX
from graph.errors import Ambiguous, NotFound
from graph.read import views as views_read
from viz import views
from viz.export import MEDIA_TYPES, ExportFormat, export
from viz.render import render_html

# The page inlines everything it needs; the header repeats the page's own policy.
PAGE_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
        "img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}

_VIEW_RESPONSES: dict[int | str, dict[str, object]] = {
    200: {
        "description": "The page (default), or the view as GraphML, node-link JSON or CSV.",
        "content": {
            "text/html": {},
            "application/graphml+xml": {},
            "application/json": {},
            "text/csv": {},
        },
    },
    # Errors are JSON like everywhere else in the API, not the page's text/html.
    **as_json_errors(ERROR_RESPONSES),
}

Format = Annotated[
    ExportFormat,
    Query(
        description="`html` (the interactive page), `graphml` (Gephi), `json` (node-link), `csv`."
    ),
]
MAX_NODES = 10_000
MaxNodes = Annotated[
    int | None,
    Query(
        ge=1, le=MAX_NODES, description="Node cap for this view (default: WHOMET_VIZ_MAX_NODES)."
    ),
]


def _more_href(g: nx.Graph, request: Request) -> str | None:
    """This page with twice the nodes shown (at most all, at most the cap's bound), when the
    cap left some out: a path without host, so it serves at the root and under ``/api/v1``."""
    shown, left = g.number_of_nodes(), int(g.graph.get("left_out_nodes") or 0)
    more = min(2 * shown, shown + left, MAX_NODES)
    if left <= 0 or more <= shown:
        return None
    return _same_page(request, max_nodes=more)


def _same_page(request: Request, **changes: object) -> str:
    """This page's path (no host, as sent) with some query parameters changed."""
    raw = request.scope.get("raw_path")  # as sent: a name's %2F or %23 stays encoded
    path = raw.decode("latin-1") if raw else quote(request.url.path)
    return f"{path}?{urlencode({**request.query_params, **changes})}"


def _undated_href(g: nx.Graph, request: Request) -> str | None:
    """This range page with the undated meetings kept, when the range left some out."""
    if not g.graph.get("undated_left_out"):
        return None
    return _same_page(request, include_undated="true")


def _wants_page(request: Request, fmt: ExportFormat) -> bool:
    """A browser that asked for the page at the root: it gets the explorer's chooser or
    closest names instead of JSON. ``/api/v1`` and every other client keep JSON errors."""
    return (
        fmt is ExportFormat.HTML
        and not request.url.path.startswith(f"{API_PREFIX}/")
        and "text/html" in request.headers.get("accept", "")
    )


def _respond(g: nx.Graph, fmt: ExportFormat, name: str, request: Request) -> Response:
    if fmt is ExportFormat.HTML:
        page = render_html(
            g, more_href=_more_href(g, request), undated_href=_undated_href(g, request)
        )
        return HTMLResponse(page, headers=PAGE_HEADERS)
    headers = {
        "Content-Disposition": f'attachment; filename="whomet-{name}.{fmt.value}"',
        "X-Content-Type-Options": "nosniff",
    }
    return Response(export(g, fmt), media_type=MEDIA_TYPES[fmt], headers=headers)


def _cap(settings_cap: int, requested: int | None) -> int:
    return requested if requested is not None else settings_cap


views_router = APIRouter(prefix="/graph", tags=["graph views"], responses=_VIEW_RESPONSES)


@views_router.get("", response_class=HTMLResponse, summary="The whole graph")
def whole_graph(
    request: Request,
    graph: GraphDep,
    settings: SettingsDep,
    format: Format = ExportFormat.HTML,
    max_nodes: MaxNodes = None,
) -> Response:
    g = views.whole_view(
        views_read.read_whole_graph(graph), _cap(settings.viz_max_nodes, max_nodes)
    )
    return _respond(g, format, "graph", request)


@views_router.get(
    "/entity/{ref}",
    response_class=HTMLResponse,
    summary="The ego network of one entity",
    responses=as_json_errors(
        {
            404: {
                "model": ErrorResponse,
                "description": "No entity by that id, name or alias (a browser at the root gets "
                "a page of the closest names instead)",
            },
            409: {
                "model": ErrorResponse,
                "description": "The name fits several entities (a browser at the root gets a "
                "page to choose from instead)",
            },
        }
    ),
)
def ego_graph(
    ref: Annotated[
        str, Path(min_length=1, max_length=300, description="Entity id, name or alias.")
    ],
    request: Request,
    graph: GraphDep,
    reads: ReadsDep,
    settings: SettingsDep,
    hops: Annotated[
        int,
        Query(
            ge=1,
            le=views_read.MAX_HOPS,
            description="How far to walk; a meeting is one hop, who else was there is two.",
        ),
    ] = 2,
    format: Format = ExportFormat.HTML,
    max_nodes: MaxNodes = None,
) -> Response:
    try:
        entity = reads.resolve(ref)
    except (NotFound, Ambiguous) as exc:
        if not _wants_page(request, format):
            raise
        return lookup_failure(request, exc, ref, link="/graph/entity/")
    cap = _cap(settings.viz_max_nodes, max_nodes)
    read = views_read.read_ego(graph, entity.id, hops, views_read.ego_budget(cap), max_nodes=cap)
    g = views.ego_view(read, entity.id, hops, cap)
    return _respond(g, format, f"entity-{entity.id.replace(':', '-')}", request)


@views_router.get("/met", response_class=HTMLResponse, summary="Who met whom")
def met_graph(
    request: Request,
    graph: GraphDep,
    settings: SettingsDep,
    format: Format = ExportFormat.HTML,
    max_nodes: MaxNodes = None,
) -> Response:
    g = views.met_view(views_read.read_meetings(graph), _cap(settings.viz_max_nodes, max_nodes))
    return _respond(g, format, "met", request)


@views_router.get(
    "/events",
    response_class=HTMLResponse,
    summary="Meetings of a date range; says how many undated ones it left out",
)
def events_graph(
    request: Request,
    graph: GraphDep,
    settings: SettingsDep,
    start: Annotated[dt.date, Query(description="First day (YYYY-MM-DD).")],
    end: Annotated[dt.date, Query(description="Last day (YYYY-MM-DD).")],
    format: Format = ExportFormat.HTML,
    max_nodes: MaxNodes = None,
    include_undated: Annotated[
        bool,
        Query(
            description="Also draw the meetings that have no date (else only counted: the"
            " graph's `undated_left_out`, exactly the meetings this adds, and a note on the"
            " page)."
        ),
    ] = False,
) -> Response:
    if end < start:
        raise ApiError(422, "invalid_range", f"the range ends ({end}) before it starts ({start})")
    cap = _cap(settings.viz_max_nodes, max_nodes)
    read = views_read.read_events_between(
        graph, start, end, include_undated=include_undated, max_nodes=cap
    )
    g = views.events_view(read, start, end, cap)
    return _respond(g, format, f"events-{start}-{end}", request)


# Mounted at the root (short links to open in a browser) and under /api/v1 with the rest.
router = APIRouter()
router.include_router(views_router)
router.include_router(views_router, prefix=API_PREFIX)
