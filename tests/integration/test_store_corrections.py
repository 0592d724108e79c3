"""Corrections by hand (rename, split an alias, mark a fact wrong) on a real Neo4j: each holds
when its documents are removed and loaded again, or loaded again by force."""

from __future__ import annotations

import datetime as dt

import pytest
from neo4j import Driver

from graph.corrections.service import Corrections
from graph.database.db import Graph
from graph.errors import NotFound, WhometError
from graph.model import Extraction
from graph.read.reads import Reads
from graph.store.graph_store import GraphStore
from tests.support.store import COM, ORG, PER, Doc, rows

pytestmark = pytest.mark.db

MAY18 = dt.date(2026, 5, 18)


@pytest.fixture
def fix(store: GraphStore, graph: Graph) -> Corrections:
    return Corrections(store.graph)


def view(driver: Driver) -> list[tuple[str, str, list[str], list[str]]]:
    """Each entity: id, name, aliases, and the documents that mention it."""
    query = (
        "MATCH (e:Entity) RETURN e.id AS id, e.name AS name, e.aliases AS aliases, "
        "COLLECT { MATCH (d:Document)-[:MENTIONS]->(e) RETURN d.id ORDER BY d.id } AS docs "
        "ORDER BY id"
    )
    return [(r["id"], r["name"], r["aliases"], r["docs"]) for r in rows(driver, query)]


def facts(driver: Driver) -> list[tuple[str, str, str, list[str]]]:
    query = (
        "MATCH (a:Entity)-[r:ATTENDED|HOSTED|REPRESENTS|SAID|BRIEFED]->(b) "
        "RETURN a.id AS a, type(r) AS t, coalesce(b.name, b.text, b.kind) AS b, r.doc_ids AS docs "
        "ORDER BY a, t, b"
    )
    return [(r["a"], r["t"], r["b"], r["docs"]) for r in rows(driver, query)]


def reload(store: GraphStore, docs: list[Extraction]) -> None:
    for d in docs:
        store.remove(d.document.id)
    for d in docs:
        store.load(d)


def baker_docs() -> list[Extraction]:
    t1 = "Sasha Baker met OpenAI on May 18."
    t2 = 'Sasha Baker of OpenAI said: "We agree."'
    d1 = Doc("r1", t1).entity("b", "Sasha Baker", PER).entity("o", "OpenAI", COM)
    d1.meeting("k", t1, None, ["b", "o"], day=MAY18)
    d2 = Doc("r2", t2).entity("b", "Sasha Baker", PER).entity("o", "OpenAI", COM)
    d2.affiliation("b", "o", None, t2).quote("b", "We agree.", t2)
    return [d1.build(), d2.build()]


def test_rename_holds_through_reload_and_force(
    store: GraphStore, fix: Corrections, driver: Driver, graph: Graph
) -> None:
    docs = baker_docs()
    for d in docs:
        store.load(d)
    out = fix.rename("per:sasha-baker", "Alexandra Baker")
    assert (out.kind, out.name, out.old_name) == ("rename", "Alexandra Baker", "Sasha Baker")
    after = view(driver)
    assert ("per:sasha-baker", "Alexandra Baker", ["Sasha Baker"], ["r1", "r2"]) in after
    assert Reads(graph).resolve("Alexandra Baker").id == "per:sasha-baker"
    assert Reads(graph).resolve("Sasha Baker").id == "per:sasha-baker"
    reload(store, docs)
    assert view(driver) == after
    store.load(docs[0], force=True)
    assert view(driver) == after
    with pytest.raises(NotFound):
        fix.rename("per:nobody", "X")
    with pytest.raises(WhometError):
        fix.rename("per:sasha-baker", "  ")


def nri_docs() -> list[Extraction]:
    t1 = "The Nordic Robotics Institute (NRI) opened a lab."
    t2 = "NRI met OpenAI on May 18."
    t3 = "The Nordic Robotics Institute briefed OpenAI."
    d1 = Doc("n1", t1).entity("n", "Nordic Robotics Institute", ORG, "NRI")
    d2 = Doc("n2", t2).entity("n", "NRI", ORG).entity("o", "OpenAI", COM)
    d2.meeting("k", t2, None, ["n", "o"], day=MAY18)
    d3 = Doc("n3", t3).entity("n", "Nordic Robotics Institute", ORG).entity("o", "OpenAI", COM)
    d3.relation("BRIEFED", "n", "o", t3)
    return [d1.build(), d2.build(), d3.build()]


def test_split_alias_moves_the_documents_that_use_only_it_and_holds(
    store: GraphStore, fix: Corrections, driver: Driver
) -> None:
    docs = nri_docs()
    for d in docs:
        store.load(d)
    [nri] = [e for e in view(driver) if e[1] == "Nordic Robotics Institute"]
    assert nri[2] == ["NRI"] and nri[3] == ["n1", "n2", "n3"]
    out = fix.split_alias(nri[0], "nri")
    assert out.moved_documents == ["n2"] and out.new_id and out.new_id != nri[0]
    after = view(driver)
    assert (nri[0], "Nordic Robotics Institute", [], ["n1", "n3"]) in after
    assert (out.new_id, "NRI", [], ["n2"]) in after
    moved = [f for f in facts(driver) if f[0] == out.new_id]
    assert moved == [(out.new_id, "ATTENDED", "meeting", ["n2"])]
    assert [f[1] for f in facts(driver) if f[0] == nri[0]] == ["BRIEFED"]
    after_facts = facts(driver)
    reload(store, docs)
    assert view(driver) == after and facts(driver) == after_facts
    for d in docs:
        store.load(d, force=True)
    assert view(driver) == after and facts(driver) == after_facts
    with pytest.raises(NotFound):
        fix.split_alias(nri[0], "Something Else")
    store.merge(nri[0], out.new_id)  # merging back forgets the split
    assert rows(driver, "MATCH (c:Correction {kind: 'split'}) RETURN c.id AS id") == []
    assert [e[3] for e in view(driver) if e[0] == nri[0]] == [["n1", "n2", "n3"]]


def test_a_fact_marked_wrong_leaves_every_answer_holds_and_comes_back(
    store: GraphStore, fix: Corrections, driver: Driver, graph: Graph
) -> None:
    docs = baker_docs()
    for d in docs:
        store.load(d)
    reads = Reads(graph)
    assert reads.who_met("Sasha Baker", "OpenAI").meetings
    [event] = rows(driver, "MATCH (e:Event) RETURN e.id AS id")
    before = facts(driver)
    profile = reads.profile("per:sasha-baker")
    assert profile.events and profile.affiliations and profile.quotes
    out = fix.mark_wrong("ATTENDED", "per:sasha-baker", event["id"])
    assert out.kind == "wrong" and out.doc_ids == ["r1"]
    fix.mark_wrong("REPRESENTS", "per:sasha-baker", "com:openai")
    [quote] = rows(driver, "MATCH (q:Quote) RETURN q.id AS id")
    fix.mark_wrong("SAID", "per:sasha-baker", quote["id"])

    def hidden() -> None:
        p = reads.profile("per:sasha-baker")
        assert not p.events and not p.affiliations and not p.quotes
        assert not reads.who_met("Sasha Baker", "OpenAI").meetings
        assert not reads.document("r2").facts.quotes
        assert not reads.document("r2").facts.relations
        assert [f for f in facts(driver) if f[0] == "per:sasha-baker"] == []

    hidden()
    reload(store, docs)
    hidden()
    store.load(docs[0], force=True)
    hidden()
    assert len(fix.all()) == 3
    [event] = rows(driver, "MATCH (e:Event) RETURN e.id AS id")
    fix.unmark("ATTENDED", "per:sasha-baker", event["id"])
    fix.unmark("REPRESENTS", "per:sasha-baker", "com:openai")
    fix.unmark("SAID", "per:sasha-baker", quote["id"])
    assert facts(driver) == before
    assert fix.all() == []
    with pytest.raises(NotFound):
        fix.unmark("SAID", "per:sasha-baker", quote["id"])
    with pytest.raises(NotFound):
        fix.mark_wrong("ATTENDED", "per:sasha-baker", "evt:none")
    with pytest.raises(WhometError):
        fix.mark_wrong("MENTIONS", "per:sasha-baker", "com:openai")
