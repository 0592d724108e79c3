"""The who-met-whom projection, checked by hand and against networkx's bipartite projection."""

from __future__ import annotations

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.view_rows import ACME, GLOBEX, MINISTRY, meeting, rel, row, small_world
from viz.build import graph_from_rows
from viz.project import met_projection


def test_pairs_that_shared_a_held_meeting_are_linked() -> None:
    met = met_projection(graph_from_rows(small_world()))
    pairs = {frozenset(e) for e in met.edges}
    assert pairs == {
        frozenset({"gov:ministry", "com:acme"}),
        frozenset({"gov:ministry", "per:anna-lee"}),
        frozenset({"com:acme", "per:anna-lee"}),
        frozenset({"gov:ministry", "com:globex"}),
    }
    assert all(met.nodes[n]["kind"] == "entity" for n in met)  # meetings are not nodes


def test_weight_counts_meetings_and_edge_lists_them_by_date() -> None:
    later = meeting("ev:z", kind="signing", date="2026-04-02")
    rows = [
        *small_world(),
        row(MINISTRY, rel("HOSTED", "A signing."), later),
        row(ACME, rel("ATTENDED", "Acme signed.", implied=False), later),
    ]
    met = met_projection(graph_from_rows(rows))
    edge = met.edges["gov:ministry", "com:acme"]
    assert edge["weight"] == 2
    assert [e["id"] for e in edge["events"]] == ["ev:w", "ev:z"]
    assert [e["when"] for e in edge["events"]] == ["2026-03-18", "2026-04-02"]


def test_implied_presence_and_unheld_meetings_do_not_count() -> None:
    planned = meeting("ev:p", status="planned", date="2026-09-01")
    rows = [
        *small_world(),
        row(GLOBEX, rel("ATTENDED", "Globex may have been there.", implied=True), meeting("ev:w")),
        row(MINISTRY, rel("HOSTED", "Talks are planned."), planned),
        row(ACME, rel("ATTENDED", "Acme will attend.", implied=False), planned),
    ]
    met = met_projection(graph_from_rows(rows))
    assert not met.has_edge("com:globex", "com:acme")  # only implied at the workshop
    assert met.edges["gov:ministry", "com:acme"]["weight"] == 1  # the planned talks add nothing


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 9), st.integers(0, 5)),  # (entity, meeting) participations
        min_size=1,
        max_size=40,
    )
)
def test_projection_matches_networkx_bipartite_projection(
    participations: list[tuple[int, int]],
) -> None:
    rows = [
        row(
            {"id": f"e{ent}", "name": f"E{ent}", "labels": ["Entity", "Organization"]},
            rel("ATTENDED", "was there", implied=False),
            meeting(f"m{ev}"),
        )
        for ent, ev in participations
    ]
    ours = met_projection(graph_from_rows(rows))
    bipartite = nx.Graph()
    bipartite.add_nodes_from({f"e{ent}" for ent, _ in participations}, bipartite=0)
    bipartite.add_edges_from((f"e{ent}", f"m{ev}") for ent, ev in participations)
    reference = nx.bipartite.weighted_projected_graph(
        bipartite, {f"e{ent}" for ent, _ in participations}
    )
    assert set(ours.nodes) == set(reference.nodes)
    assert {frozenset(e) for e in ours.edges} == {frozenset(e) for e in reference.edges}
    for a, b, data in reference.edges(data=True):
        assert ours.edges[a, b]["weight"] == data["weight"]
