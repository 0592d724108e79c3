"""Network analytics on the who-met-whom projection: who is central, who brokers, which groups.

Degree says how many distinct counterparts an entity met; betweenness says how
often it lies on the shortest path between two others, i.e. how much contact
between them runs through it. Communities use Louvain with a fixed seed so the
same graph always gives the same groups.
"""

from __future__ import annotations

from typing import Any

import networkx as nx
from pydantic import BaseModel, ConfigDict

COMMUNITY_SEED = 42


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Member(_Out):
    id: str
    name: str
    type: str


class Centrality(Member):
    degree: int  # distinct entities met
    meetings: int  # sum of edge weights: shared meetings counted per counterpart
    degree_centrality: float
    betweenness: float


class Group(_Out):
    index: int
    size: int
    members: list[Member]


class Overview(_Out):
    nodes: int
    edges: int
    meetings: int  # distinct meetings behind the edges
    density: float
    components: int
    largest_component: int


class Analytics(_Out):
    overview: Overview
    centrality: list[Centrality]
    communities: list[Group]
    components: list[Group]


def _member(g: nx.Graph, node: Any) -> Member:
    attrs = g.nodes[node]
    return Member(
        id=str(node),
        name=str(attrs.get("name") or attrs.get("label") or node),
        type=str(attrs.get("category") or attrs.get("type") or ""),
    )


def _groups(g: nx.Graph, sets: list[set[Any]]) -> list[Group]:
    """Largest first, ties by first member id; members ordered by name."""
    ordered = sorted(sets, key=lambda s: (-len(s), min(str(n) for n in s)))
    return [
        Group(
            index=i,
            size=len(nodes),
            members=sorted((_member(g, n) for n in nodes), key=lambda m: (m.name, m.id)),
        )
        for i, nodes in enumerate(ordered)
    ]


def centrality(g: nx.Graph) -> list[Centrality]:
    """Every node's degree and betweenness, brokers first."""
    if g.number_of_nodes() == 0:
        return []
    degree_c = nx.degree_centrality(g)
    between = nx.betweenness_centrality(g, normalized=True)
    weighted = dict(g.degree(weight="weight"))
    rows = [
        Centrality(
            **_member(g, n).model_dump(),
            degree=int(g.degree(n)),
            meetings=int(weighted[n]),
            degree_centrality=round(degree_c[n], 6),
            betweenness=round(between[n], 6),
        )
        for n in g.nodes
    ]
    return sorted(rows, key=lambda r: (-r.betweenness, -r.degree, r.name, r.id))


def communities(g: nx.Graph) -> list[Group]:
    """Louvain communities (modularity on meeting counts); isolated entities are their own."""
    if g.number_of_nodes() == 0:
        return []
    found = nx.community.louvain_communities(g, weight="weight", seed=COMMUNITY_SEED)
    return _groups(g, [set(c) for c in found])


def components(g: nx.Graph) -> list[Group]:
    """Connected components: groups with no meeting path between them."""
    return _groups(g, [set(c) for c in nx.connected_components(g)])


def overview(g: nx.Graph) -> Overview:
    comps = [len(c) for c in nx.connected_components(g)]
    meetings = {e["id"] for _, _, a in g.edges(data=True) for e in a.get("events", [])}
    return Overview(
        nodes=g.number_of_nodes(),
        edges=g.number_of_edges(),
        meetings=len(meetings),
        density=round(nx.density(g), 6) if g.number_of_nodes() > 1 else 0.0,
        components=len(comps),
        largest_component=max(comps, default=0),
    )


def analyse(g: nx.Graph, top: int | None = None) -> Analytics:
    """All analytics of a who-met graph; ``top`` limits the centrality list."""
    ranked = centrality(g)
    return Analytics(
        overview=overview(g),
        centrality=ranked[:top] if top else ranked,
        communities=communities(g),
        components=components(g),
    )
