"""Removing a bogus entity by hand on a real Neo4j (issue 14): every read skips it, reloading
or re-extracting its documents keeps it removed, restoring brings back what was there, and
removing twice changes nothing more."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from neo4j import Driver

from graph.corrections.removal import Removals
from graph.corrections.service import Corrections
from graph.database.db import Graph
from graph.errors import NotFound
from graph.model import Extraction
from graph.read.paths import shortest_paths
from graph.read.reads import Reads
from graph.read.views import (
    node_ids,
    read_ego,
    read_events_between,
    read_meetings,
    read_whole_graph,
)
from graph.store.graph_store import GraphStore
from tests.support.store import COM, ORG, PER, Doc, dump, rows

pytestmark = pytest.mark.db

MAY18 = dt.date(2026, 5, 18)
BOGUS = "org:board"


def docs() -> list[Extraction]:
    """Baker met OpenAI with "The Board" (a bogus entity the extractor read) at the table, and
    is said to represent it; a second document only names OpenAI and Baker."""
    t1 = "Sasha Baker met OpenAI and The Board on May 18."
    t2 = 'Sasha Baker of The Board said: "We agree." OpenAI agreed.'
    d1 = Doc("r1", t1).entity("b", "Sasha Baker", PER).entity("o", "OpenAI", COM)
    d1.entity("x", "The Board", ORG)
    d1.meeting("k", t1, None, ["b", "o", "x"], day=MAY18)
    d2 = Doc("r2", t2).entity("b", "Sasha Baker", PER).entity("o", "OpenAI", COM)
    d2.entity("x", "The Board", ORG)
    d2.affiliation("b", "x", None, t2).quote("b", "We agree.", t2)
    return [d1.build(), d2.build()]


def reload(store: GraphStore, extractions: list[Extraction]) -> None:
    for d in extractions:
        store.remove(d.document.id)
    for d in extractions:
        store.load(d)


def answers(graph: Graph) -> dict[str, Any]:
    """What the reads say around the three entities (ids only, so two states compare)."""
    reads = Reads(graph)
    baker = reads.profile("per:sasha-baker")
    met = reads.met("per:sasha-baker", since=None, until=None, type_=None, limit=20, offset=0)
    ranged = reads.met("per:sasha-baker", since=MAY18, until=MAY18, type_=None, limit=20, offset=0)
    meetings = reads.meetings(
        entity=None, since=None, until=None, kind=None, status=None, limit=20, offset=0
    )
    detail = reads.document("r1")
    r2 = reads.document("r2")
    return {
        "search": sorted(h.id for h in reads.search("board", None, 20, 0).items),
        "list": sorted(h.id for h in reads.search(None, None, 50, 0).items),
        "affiliations": sorted(a.other.id for a in baker.affiliations),
        "met_count": baker.counts.met,
        "met": [c.entity.id for c in met.counterparts],
        "met_ranged": [c.entity.id for c in ranged.counterparts],
        "participants": [sorted(p.entity.id for p in m.participants) for m in meetings.items],
        "mentions": sorted(m.entity.id for m in detail.facts.entities),
        "doc_participants": sorted(
            p.entity.id for m in detail.facts.meetings for p in m.participants
        ),
        "relations": sorted(r.target.id for r in r2.facts.relations),
        "whole_graph": sorted(node_ids(read_whole_graph(graph).rows)),
        "meetings_view": sorted(node_ids(read_meetings(graph).rows)),
        # the ranked views: capped (one statement each) and uncapped
        "events_view": sorted(node_ids(read_events_between(graph, MAY18, MAY18).rows)),
        "events_capped": sorted(
            node_ids(read_events_between(graph, MAY18, MAY18, max_nodes=50).rows)
        ),
        "ego_capped": sorted(node_ids(read_ego(graph, "per:sasha-baker", 2, max_nodes=50).rows)),
        "who_met": len(reads.who_met("Sasha Baker", "OpenAI").meetings),
    }


def removed(driver: Driver) -> list[str]:
    return [r["id"] for r in rows(driver, "MATCH (e:Removed) RETURN e.id AS id ORDER BY id")]


def test_a_removed_entity_leaves_every_read_and_its_meetings_keep_the_others(
    store: GraphStore, graph: Graph, driver: Driver
) -> None:
    for d in docs():
        store.load(d)
    before = answers(graph)
    assert BOGUS in before["search"] and BOGUS in before["met"] and BOGUS in before["mentions"]
    assert all(BOGUS in before[k] for k in ("events_view", "events_capped", "ego_capped"))
    out = Removals(graph).remove(BOGUS)
    assert (out.id, out.removed, out.correction_id) == (BOGUS, True, f"remove:{BOGUS}")
    reads = Reads(graph)
    with pytest.raises(NotFound):
        reads.resolve("The Board")
    with pytest.raises(NotFound):
        reads.profile(BOGUS)
    with pytest.raises(NotFound):
        reads.who_met("Sasha Baker", "The Board")
    after = answers(graph)
    for key, value in after.items():
        if isinstance(value, list):
            flat = value if not value or isinstance(value[0], str) else sum(value, [])
            assert BOGUS not in flat, key
    # the meeting stays, with the participants that are not removed; so does Baker's quote
    assert after["participants"] == [
        [p for p in ids if p != BOGUS] for ids in before["participants"]
    ]
    assert after["met"] == [c for c in before["met"] if c != BOGUS]
    assert after["met_ranged"] == after["met"]
    assert after["met_count"] == before["met_count"] - 1
    assert after["who_met"] == before["who_met"] >= 1
    assert reads.profile("per:sasha-baker").quotes
    paths = shortest_paths(reads, "per:sasha-baker", "com:openai", 4, 5)
    steps = [(s.from_.id, s.to.id) for p in paths.paths for s in p.steps]
    assert steps and BOGUS not in sum(steps, ())
    # nothing is deleted: the node, its mentions and its facts are all still stored
    assert removed(driver) == [BOGUS]
    assert Removals(graph).find("the board").id == BOGUS
    kinds = [c.kind for c in Corrections(graph).all()]
    assert kinds == ["remove"]


def test_removal_holds_through_reload_and_force_and_restore_undoes_it(
    store: GraphStore, graph: Graph, driver: Driver
) -> None:
    extractions = docs()
    for d in extractions:
        store.load(d)
    before_answers, before_dump = answers(graph), dump(driver)
    fix = Removals(graph)
    fix.remove(BOGUS)
    fix.restore(BOGUS)
    assert dump(driver) == before_dump  # the label, the record, the MET summary: all as before
    fix.remove(BOGUS)
    hidden = answers(graph)
    assert hidden != before_answers
    reload(store, extractions)  # the node is deleted with its last document, then made again
    assert removed(driver) == [BOGUS]
    assert answers(graph) == hidden
    store.load(extractions[0], force=True)  # re-extraction writes the document again
    assert removed(driver) == [BOGUS] and answers(graph) == hidden
    back = fix.restore(BOGUS)
    assert (back.id, back.removed) == (BOGUS, False)
    assert removed(driver) == [] and Corrections(graph).all() == []
    assert answers(graph) == before_answers
    with pytest.raises(NotFound):
        fix.restore(BOGUS)  # not removed any more
    with pytest.raises(NotFound):
        fix.find(BOGUS)
    reload(store, extractions)
    assert removed(driver) == []


def test_removing_twice_is_idempotent(store: GraphStore, graph: Graph, driver: Driver) -> None:
    for d in docs():
        store.load(d)
    fix = Removals(graph)
    first = fix.remove(BOGUS)
    once = dump(driver, leave_out=frozenset({"at"}))
    second = fix.remove(BOGUS)
    assert second == first
    assert dump(driver, leave_out=frozenset({"at"})) == once
    assert removed(driver) == [BOGUS]
    assert [c.id for c in Corrections(graph).all()] == [f"remove:{BOGUS}"]
    # a removed entity is still found to remove (not 404) by the removal's own look-up
    assert fix.target("The Board").id == BOGUS
    with pytest.raises(NotFound):
        fix.remove("org:nobody")


def test_a_manual_merge_of_a_removed_entity_forgets_the_removal(
    store: GraphStore, graph: Graph, driver: Driver
) -> None:
    for d in docs():
        store.load(d)
    Removals(graph).remove(BOGUS)
    store.merge("com:openai", BOGUS)
    assert removed(driver) == [] and Corrections(graph).all() == []
    assert "The Board" in Reads(graph).profile("com:openai").aliases


def test_a_removal_follows_its_body_loaded_again_under_another_id(
    store: GraphStore, graph: Graph, driver: Driver
) -> None:
    """Its documents removed, the entity comes back from a document that names it only by its
    acronym (another id): a resolution key the removed node had names it, so it stays removed."""
    t1 = "The Nordic Robotics Institute (NRI) met OpenAI on May 18."
    d1 = Doc("n1", t1).entity("n", "Nordic Robotics Institute", ORG, "NRI")
    d1.entity("o", "OpenAI", COM).meeting("k", t1, None, ["n", "o"], day=MAY18)
    store.load(d1.build())
    [first] = rows(driver, "MATCH (e:Organization) RETURN e.id AS id")
    Removals(graph).remove(first["id"])
    store.remove("n1")
    t2 = "NRI met OpenAI on May 18."
    d2 = Doc("n2", t2).entity("n", "NRI", ORG).entity("o", "OpenAI", COM)
    d2.meeting("k", t2, None, ["n", "o"], day=MAY18)
    store.load(d2.build())
    [again] = rows(driver, "MATCH (e:Organization) RETURN e.id AS id")
    assert again["id"] != first["id"]
    assert removed(driver) == [again["id"]]
    assert [c.entity_id for c in Corrections(graph).all()] == [again["id"]]
    assert (
        Reads(graph)
        .met("com:openai", since=None, until=None, type_=None, limit=5, offset=0)
        .counterparts
        == []
    )
    Removals(graph).restore(again["id"])
    assert removed(driver) == [] and Corrections(graph).all() == []
