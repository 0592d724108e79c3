"""The views read from a real Neo4j, filled through the real store with a hand-made extraction.

Expectations are derived from the extraction itself (who took part in what) or
from networkx on the whole view, never typed in.
"""

from __future__ import annotations

import datetime as dt
from itertools import combinations

import networkx as nx
import pytest
from neo4j import Driver

from graph.database.db import Graph
from graph.documents import make_document
from graph.model import (
    Affiliation,
    Entity,
    EntityType,
    Evidence,
    Extraction,
    Meeting,
    Participant,
    Relation,
)
from graph.read import views as views_read
from graph.settings import Settings
from graph.store.graph_store import GraphStore
from viz import views
from viz.render import to_network

pytestmark = pytest.mark.db

TITLE = "Examples weekly <b>brief</b>"
SENTENCES = [
    "The Ministry of Examples held a workshop with Acme on 18 March 2026.",
    "Anna Lee, Acme's policy head, spoke at the workshop.",
    "Globex officials may also have joined it.",
    "The ministry met Globex in April 2026.",
    "A summit with Initech is planned for 2027.",
    "The ministry asked Acme to share data.",
]
TEXT = " ".join(SENTENCES)


def ev(i: int) -> Evidence:
    start = TEXT.index(SENTENCES[i])
    return Evidence(sentence=SENTENCES[i], start=start, end=start + len(SENTENCES[i]))


def extraction() -> Extraction:
    doc = make_document(TEXT, metadata={"title": TITLE})
    entities = [
        Entity(
            key="min",
            name="Ministry of Examples",
            type=EntityType.GOVERNMENT_BODY,
            evidence=[ev(0)],
        ),
        Entity(key="acme", name="Acme", type=EntityType.COMPANY, evidence=[ev(0)]),
        Entity(key="anna", name="Anna Lee", type=EntityType.PERSON, evidence=[ev(1)]),
        Entity(key="globex", name="Globex", type=EntityType.COMPANY, evidence=[ev(2)]),
        Entity(key="initech", name="Initech", type=EntityType.COMPANY, evidence=[ev(4)]),
    ]
    meetings = [
        Meeting(
            key="w",
            kind="workshop",
            date=dt.date(2026, 3, 18),
            year=2026,
            month=3,
            day=18,
            date_text="on 18 March 2026",
            date_precision="day",
            evidence=ev(0),
            participants=[
                Participant(entity="min", role="host", evidence=ev(0)),
                Participant(entity="acme", evidence=ev(0)),
                Participant(entity="anna", role="speaker", evidence=ev(1)),
                Participant(entity="globex", optional=True, evidence=ev(2)),
            ],
        ),
        Meeting(
            key="april",
            kind="meeting",
            year=2026,
            month=4,
            date_text="in April 2026",
            date_precision="month",
            evidence=ev(3),
            participants=[
                Participant(entity="min", role="host", evidence=ev(3)),
                Participant(entity="globex", evidence=ev(3)),
            ],
        ),
        Meeting(
            key="summit",
            kind="summit",
            year=2027,
            date_text="in 2027",
            date_precision="year",
            status="planned",
            evidence=ev(4),
            participants=[
                Participant(entity="min", role="host", evidence=ev(4)),
                Participant(entity="initech", evidence=ev(4)),
            ],
        ),
    ]
    return Extraction(
        document=doc,
        entities=entities,
        meetings=meetings,
        affiliations=[Affiliation(person="anna", org="acme", role="policy head", evidence=ev(1))],
        relations=[
            Relation(
                type="REQUESTED", source="min", target="acme", detail="share data", evidence=ev(5)
            )
        ],
    )


@pytest.fixture(scope="module")
def loaded(driver: Driver, neo4j_settings: Settings) -> Extraction:
    ex = extraction()
    GraphStore(Graph(driver, neo4j_settings.neo4j_database, neo4j_settings.neo4j_uri)).load(ex)
    return ex


def ids_by_name(g: nx.Graph) -> dict[str, str]:
    return {str(a["name"]): str(n) for n, a in g.nodes(data=True) if a.get("kind") == "entity"}


def test_whole_view_holds_every_entity_and_meeting(graph: Graph, loaded: Extraction) -> None:
    g = views.whole_view(views_read.read_whole_graph(graph), max_nodes=None)
    assert set(ids_by_name(g)) == {e.name for e in loaded.entities}
    meetings = [n for n, a in g.nodes(data=True) if a["kind"] == "event"]
    assert len(meetings) == len(loaded.meetings)
    ids = ids_by_name(g)
    speaker = [
        a for _, target, a in g.out_edges(ids["Anna Lee"], data=True) if a["type"] == "ATTENDED"
    ]
    assert len(speaker) == 1
    assert speaker[0]["role"] == "speaker"
    assert speaker[0]["date"] == "2026-03-18"
    assert speaker[0]["evidence"][0]["sentence"] == SENTENCES[1]
    assert speaker[0]["evidence"][0]["title"] == TITLE
    assert g.has_edge(ids["Anna Lee"], ids["Acme"], "REPRESENTS")
    assert g.has_edge(ids["Ministry of Examples"], ids["Acme"], "REQUESTED")


def test_document_title_is_escaped_in_tooltips(graph: Graph, loaded: Extraction) -> None:
    g = views.whole_view(views_read.read_whole_graph(graph), max_nodes=None)
    titles = "".join(e["title"] for e in to_network(g).edges)
    assert "Examples weekly &lt;b&gt;brief&lt;/b&gt;" in titles
    assert "<b>brief" not in titles


def test_met_view_links_exactly_who_shared_a_held_meeting(graph: Graph, loaded: Extraction) -> None:
    met = views.met_view(views_read.read_meetings(graph), max_nodes=None)
    names = {e.key: e.name for e in loaded.entities}
    expected: dict[frozenset[str], int] = {}
    for m in loaded.meetings:
        if m.status != "held":
            continue
        present = sorted({names[p.entity] for p in m.participants if not p.optional})
        for a, b in combinations(present, 2):
            expected[frozenset({a, b})] = expected.get(frozenset({a, b}), 0) + 1
    got = {
        frozenset({met.nodes[u]["name"], met.nodes[v]["name"]}): a["weight"]
        for u, v, a in met.edges(data=True)
    }
    assert got == expected


def test_ego_view_matches_networkx_ego_graph(graph: Graph, loaded: Extraction) -> None:
    whole = views.whole_view(views_read.read_whole_graph(graph), max_nodes=None)
    anna = ids_by_name(whole)["Anna Lee"]
    for hops in (1, 2, 3):
        ego = views.ego_view(views_read.read_ego(graph, anna, hops), anna, hops, max_nodes=None)
        reference = nx.ego_graph(nx.Graph(whole.to_undirected()), anna, radius=hops)
        assert set(ego.nodes) == set(reference.nodes), hops
        assert ego.number_of_edges() == whole.subgraph(reference.nodes).number_of_edges()


def test_a_capped_ego_read_keeps_the_best_connected_within_its_budget(
    graph: Graph, loaded: Extraction
) -> None:
    whole = views.whole_view(views_read.read_whole_graph(graph), max_nodes=None)
    anna = ids_by_name(whole)["Anna Lee"]
    full = views_read.read_ego(graph, anna, 2)
    roomy = views_read.read_ego(graph, anna, 2, budget=10_000)
    assert views_read.node_ids(roomy.rows) == views_read.node_ids(full.rows)
    assert not roomy.capped and not full.capped

    undirected = nx.Graph(whole.to_undirected())
    neighbours = set(undirected.neighbors(anna))
    assert len(neighbours) >= 2, "the fixture's Anna Lee needs two neighbours"
    budget = 2  # the centre and its one best connected neighbour
    tight = views_read.read_ego(graph, anna, 2, budget=budget)
    read = views_read.node_ids(tight.rows)
    assert tight.capped
    assert anna in read and len(read) == budget
    (kept,) = read - {anna}
    assert undirected.degree(kept) == max(undirected.degree(n) for n in neighbours)
    note = views.ego_view(tight, anna, 2, max_nodes=None).graph["notes"]
    assert any("best connected" in line for line in note)


def test_events_of_a_range_include_month_and_year_precision(
    graph: Graph, loaded: Extraction
) -> None:
    def kinds(start: dt.date, end: dt.date) -> set[str]:
        g = views.events_view(views_read.read_events_between(graph, start, end), start, end, None)
        return {a["event_kind"] for _, a in g.nodes(data=True) if a["kind"] == "event"}

    assert kinds(dt.date(2026, 3, 1), dt.date(2026, 3, 31)) == {"workshop"}
    assert kinds(dt.date(2026, 4, 10), dt.date(2026, 4, 12)) == {"meeting"}  # April 2026 overlaps
    assert kinds(dt.date(2027, 6, 1), dt.date(2027, 6, 30)) == {"summit"}  # the year 2027
    assert kinds(dt.date(2025, 1, 1), dt.date(2025, 12, 31)) == set()
    g = views.events_view(
        views_read.read_events_between(graph, dt.date(2026, 3, 18), dt.date(2026, 3, 18)),
        dt.date(2026, 3, 18),
        dt.date(2026, 3, 18),
        None,
    )
    workshop = next(m for m in loaded.meetings if m.key == "w")
    assert {a["name"] for _, a in g.nodes(data=True) if a["kind"] == "entity"} == {
        e.name for e in loaded.entities if e.key in {p.entity for p in workshop.participants}
    }


def test_cap_applies_to_views_from_the_database(graph: Graph, loaded: Extraction) -> None:
    g = views.whole_view(views_read.read_whole_graph(graph), max_nodes=3)
    assert g.number_of_nodes() == 3
    assert "Ministry of Examples" in {a.get("name") for _, a in g.nodes(data=True)}
    assert g.graph["notes"] and "left out" in g.graph["notes"][-1]


def _participation(whole: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The events view of every meeting, from the whole view (read apart): the meetings and
    their hosts and attendees, linked as the events view links them."""
    links = [
        (u, v, k) for u, v, k, a in whole.edges(keys=True, data=True) if a["type"] in MEETING_LINKS
    ]
    return nx.MultiDiGraph(whole.edge_subgraph(links))


MEETING_LINKS = {"HOSTED", "ATTENDED"}


def _evidence(g: nx.MultiDiGraph) -> dict[tuple[str, str, str], list[dict[str, str]]]:
    return {(u, v, k): a["evidence"] for u, v, k, a in g.edges(keys=True, data=True)}


def test_a_capped_events_view_keeps_evidence_titles_and_counts_what_it_left_out(
    graph: Graph, loaded: Extraction
) -> None:
    """The events view is ranked and capped in the database: what it keeps is drawn as the
    uncapped view draws it (each link's evidence with its document's title), and what it
    leaves out is counted, nodes and links, as the page's note says."""
    start, end = dt.date(2026, 1, 1), dt.date(2027, 12, 31)
    whole = views.whole_view(views_read.read_whole_graph(graph), max_nodes=None)
    full = _participation(whole)
    assert len([n for n, a in full.nodes(data=True) if a["kind"] == "event"]) == len(
        loaded.meetings
    ), "every meeting of the fixture is in the range"
    uncapped = views.events_view(
        views_read.read_events_between(graph, start, end), start, end, None
    )
    assert set(uncapped.nodes) == set(full.nodes)
    assert _evidence(uncapped) == _evidence(full)
    assert {ev.get("title") for evs in _evidence(full).values() for ev in evs} == {TITLE}
    degree = dict(full.degree())  # links in the view, as the ranking counts them
    for cap in range(1, full.number_of_nodes()):
        read = views_read.read_events_between(graph, start, end, max_nodes=cap)
        g = views.events_view(read, start, end, cap)
        kept, left = set(g.nodes), set(full.nodes) - set(g.nodes)
        assert len(kept) == cap
        assert min(degree[n] for n in kept) >= max(degree[n] for n in left), cap
        assert _evidence(g) == _evidence(full.subgraph(kept)), cap
        assert g.graph["left_out_nodes"] == len(left)
        assert g.graph["left_out_edges"] == full.number_of_edges() - g.number_of_edges()
        assert any(f"left out {len(left):,} nodes" in n for n in g.graph["notes"]), cap
        assert g.graph["undated_left_out"] == uncapped.graph["undated_left_out"]


def test_a_capped_ego_read_is_the_ego_view_capped(graph: Graph, loaded: Extraction) -> None:
    """The ego view ranked and capped in the database keeps the centre and the best connected
    of its neighbourhood, with their links and evidence as read in full, and counts the rest."""
    whole = views.whole_view(views_read.read_whole_graph(graph), max_nodes=None)
    anna = ids_by_name(whole)["Anna Lee"]
    full = views.ego_view(views_read.read_ego(graph, anna, 2), anna, 2, max_nodes=None)
    degree = dict(full.degree())  # links in the view, as the ranking counts them
    for cap in range(1, full.number_of_nodes()):
        read = views_read.read_ego(graph, anna, 2, views_read.ego_budget(cap), max_nodes=cap)
        g = views.ego_view(read, anna, 2, cap)
        kept, left = set(g.nodes), set(full.nodes) - set(g.nodes)
        assert anna in kept and len(kept) == cap
        others = kept - {anna}
        if others and left:
            assert min(degree[n] for n in others) >= max(degree[n] for n in left), cap
        assert _evidence(g) == _evidence(full.subgraph(kept)), cap
        assert g.graph["left_out_nodes"] == len(left)
        assert g.graph["left_out_edges"] == full.number_of_edges() - g.number_of_edges()


def test_loading_again_leaves_the_views_unchanged(
    graph: Graph, driver: Driver, neo4j_settings: Settings, loaded: Extraction
) -> None:
    before = views.whole_view(views_read.read_whole_graph(graph), max_nodes=None)
    GraphStore(Graph(driver, neo4j_settings.neo4j_database, neo4j_settings.neo4j_uri)).load(
        loaded, force=True
    )
    after = views.whole_view(views_read.read_whole_graph(graph), max_nodes=None)
    assert set(after.edges(keys=True)) == set(before.edges(keys=True))
    assert dict(after.nodes(data=True)) == dict(before.nodes(data=True))


def test_bad_range_and_hops_are_refused(graph: Graph) -> None:
    from graph.errors import WhometError

    with pytest.raises(WhometError):
        views_read.read_events_between(graph, dt.date(2026, 2, 1), dt.date(2026, 1, 1))
    with pytest.raises(WhometError):
        views_read.read_ego(graph, "per:anyone", 0)


def test_the_events_view_counts_the_undated_meetings_it_leaves_out(
    graph: Graph, store: GraphStore, loaded: Extraction
) -> None:
    """Issue 14: a date range once dropped undated meetings without a word. The page now says
    how many meetings have no date to place (run last: it adds a document, then removes it)."""
    start, end = dt.date(2026, 1, 1), dt.date(2027, 12, 31)

    def notes() -> list[str]:
        read = views_read.read_events_between(graph, start, end)
        return [str(n) for n in views.events_view(read, start, end, None).graph["notes"]]

    before = views_read.read_events_between(graph, start, end).undated_left_out
    sentence = "Acme and Initech held talks."
    undated = Extraction(
        document=make_document(sentence, metadata={"title": "Undated talks"}),
        entities=[
            Entity(key="acme", name="Acme", type=EntityType.COMPANY, evidence=[_at(sentence)]),
            Entity(key="ini", name="Initech", type=EntityType.COMPANY, evidence=[_at(sentence)]),
        ],
        meetings=[
            Meeting(
                key="talks",
                kind="talks",
                evidence=_at(sentence),
                participants=[
                    Participant(entity="acme", evidence=_at(sentence)),
                    Participant(entity="ini", evidence=_at(sentence)),
                ],
            )
        ],
    )
    report = store.load(undated)
    try:
        assert views_read.read_events_between(graph, start, end).undated_left_out == before + 1
        capped = views_read.read_events_between(graph, start, end, max_nodes=1)
        assert capped.undated_left_out == before + 1
        assert any(f"{before + 1:,} meeting" in n and "no date" in n for n in notes()), notes()
    finally:
        store.remove(report.doc_id)
    if before == 0:
        assert not any("no date" in n for n in notes()), notes()


def _at(sentence: str) -> Evidence:
    return Evidence(sentence=sentence, start=0, end=len(sentence))
