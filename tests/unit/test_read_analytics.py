"""Analytics on hand-made who-met graphs: the broker ranks first, groups and components split."""

from __future__ import annotations

import networkx as nx

from graph.read.analytics import analyse, centrality, communities, components, overview


def two_groups_and_a_broker() -> nx.Graph:
    """Two cliques of four that only meet through ``broker``, plus an isolated pair."""
    g = nx.Graph()
    for group in ("a", "b"):
        members = [f"{group}{i}" for i in range(4)]
        for i, x in enumerate(members):
            for y in members[i + 1 :]:
                g.add_edge(x, y, weight=2, events=[{"id": f"ev-{group}"}])
        g.add_edge("broker", members[0], weight=1, events=[{"id": f"ev-broker-{group}"}])
    g.add_edge("p", "q", weight=1, events=[{"id": "ev-pq"}])
    for n in g:
        g.nodes[n].update(name=n.upper(), category="Person")
    return g


def test_broker_has_the_highest_betweenness() -> None:
    ranked = centrality(two_groups_and_a_broker())
    assert ranked[0].id == "broker"
    assert ranked[0].betweenness > 0
    assert ranked[0].degree == 2
    by_id = {r.id: r for r in ranked}
    assert by_id["a1"].betweenness == 0
    assert by_id["a0"].meetings == 2 * 3 + 1  # weighted degree


def test_communities_follow_the_cliques() -> None:
    groups = communities(two_groups_and_a_broker())
    member_sets = [{m.id for m in grp.members} for grp in groups]
    for clique in ({"a1", "a2", "a3"}, {"b1", "b2", "b3"}):
        assert any(clique <= s for s in member_sets)
    assert {"p", "q"} in member_sets
    assert not any({"a1", "b1"} <= s for s in member_sets)
    assert communities(two_groups_and_a_broker()) == groups  # fixed seed: same answer


def test_components_and_overview() -> None:
    g = two_groups_and_a_broker()
    comps = components(g)
    assert [c.size for c in comps] == [9, 2]
    info = overview(g)
    assert (info.nodes, info.edges, info.components, info.largest_component) == (11, 15, 2, 9)
    assert info.meetings == 5


def test_empty_graph() -> None:
    result = analyse(nx.Graph())
    assert result.centrality == [] and result.communities == [] and result.components == []
    assert result.overview.nodes == 0


def test_top_limits_the_ranking() -> None:
    assert len(analyse(two_groups_and_a_broker(), top=3).centrality) == 3
