"""Network analytics of the who-met-whom graph: centrality, brokers, communities, components.

Computed with networkx on the whole projection (never capped: the numbers
describe the data, not a drawing), once per graph version (``graph.read.analytics_cache``).
"""

from __future__ import annotations

from typing import Annotated

import networkx as nx
from fastapi import APIRouter, Query

from api.deps import GraphDep
from api.errors import ERROR_RESPONSES
from graph.read import analytics
from graph.read import views as views_read
from graph.read.analytics import Analytics, Centrality, Group, Overview
from graph.read.analytics_cache import CACHE
from viz.views import met_view

router = APIRouter(prefix="/api/v1/analytics", tags=["analytics"], responses=ERROR_RESPONSES)

Top = Annotated[int, Query(ge=1, le=10_000, description="How many entities to list.")]


def _met(graph: GraphDep) -> nx.Graph:
    return met_view(views_read.read_meetings(graph), max_nodes=None)


@router.get("", response_model=Analytics, summary="All analytics of the who-met graph")
def all_analytics(graph: GraphDep, top: Top = 50) -> Analytics:
    return CACHE.get(graph, ("all", top), lambda: analytics.analyse(_met(graph), top=top))


@router.get("/overview", response_model=Overview, summary="Size, density and components")
def overview(graph: GraphDep) -> Overview:
    return CACHE.get(graph, "overview", lambda: analytics.overview(_met(graph)))


@router.get(
    "/centrality",
    response_model=list[Centrality],
    summary="Degree and betweenness centrality (who brokers contacts), brokers first",
)
def centrality(graph: GraphDep, top: Top = 50) -> list[Centrality]:
    ranked = CACHE.get(graph, "centrality", lambda: analytics.centrality(_met(graph)))
    return ranked[:top]


@router.get("/communities", response_model=list[Group], summary="Communities (Louvain)")
def communities(graph: GraphDep) -> list[Group]:
    return CACHE.get(graph, "communities", lambda: analytics.communities(_met(graph)))


@router.get("/components", response_model=list[Group], summary="Connected components")
def components(graph: GraphDep) -> list[Group]:
    return CACHE.get(graph, "components", lambda: analytics.components(_met(graph)))
