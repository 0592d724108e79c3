"""The MET summary (graph/store/summaries.py) stays exact: after loads, reloads, removals,
manual merges, alias splits and facts marked wrong it equals a recount from the facts
(``tests/support/met.py``; every test_store* module checks the same after each test)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from neo4j import Driver

from graph.corrections.service import Corrections
from graph.database.db import Graph
from graph.model import Extraction
from graph.read.models import MetResponse
from graph.read.reads import BadCursor, Reads
from graph.store.graph_store import GraphStore
from graph.store.summaries import backfill
from tests.support.met import met_problems
from tests.support.store import COM, GOV, ORG, PER, Doc, rows

pytestmark = pytest.mark.db

MAY18, MAY19, JUN2 = dt.date(2026, 5, 18), dt.date(2026, 5, 19), dt.date(2026, 6, 2)


def docs() -> list[Extraction]:
    """Meetings of a few bodies over three days; two outlets report the May 18 meeting."""
    t1 = "Sasha Baker met OpenAI and the Ministry of Science and ICT on May 18."
    t2 = "OpenAI met Sasha Baker and MSIT on May 18."
    t3 = "Sasha Baker hosted the Nordic Robotics Institute (NRI) on May 19."
    t4 = "NRI met OpenAI on June 2."
    t5 = "OpenAI briefed Sasha Baker on June 2; the Ministry of Science and ICT attended."
    d1 = Doc("m1", t1).entity("b", "Sasha Baker", PER).entity("o", "OpenAI", COM)
    d1.entity("g", "Ministry of Science and ICT", GOV, "MSIT")
    d1.meeting("k", t1, "b", ["b", "o", "g"], day=MAY18)
    d2 = Doc("m2", t2).entity("o", "OpenAI", COM).entity("b", "Sasha Baker", PER)
    d2.entity("g", "MSIT", GOV)
    d2.meeting("k", t2, "o", ["o", "b", "g"], day=MAY18)
    d3 = Doc("m3", t3).entity("b", "Sasha Baker", PER)
    d3.entity("n", "Nordic Robotics Institute", ORG, "NRI")
    d3.meeting("k", t3, "b", ["b", "n"], day=MAY19)
    d4 = Doc("m4", t4).entity("n", "NRI", ORG).entity("o", "OpenAI", COM)
    d4.meeting("k", t4, None, ["n", "o"], day=JUN2)
    d5 = Doc("m5", t5).entity("o", "OpenAI", COM).entity("b", "Sasha Baker", PER)
    d5.entity("g", "Ministry of Science and ICT", GOV)
    d5.meeting("k", t5, "o", ["o", "b", "g"], day=JUN2)
    return [d.build() for d in (d1, d2, d3, d4, d5)]


def met(driver: Driver) -> list[tuple[str, str, int]]:
    query = "MATCH (a)-[m:MET]->(b) RETURN a.id AS a, b.id AS b, m.count AS n ORDER BY a, b"
    return [(r["a"], r["b"], r["n"]) for r in rows(driver, query)]


def test_load_reload_and_remove_keep_the_summary_exact(store: GraphStore, driver: Driver) -> None:
    ds = docs()
    for d in ds:
        store.load(d)
        assert met_problems(driver) == []
    loaded = met(driver)
    assert ("com:openai", "per:sasha-baker", 2) in loaded
    for d in ds:
        assert store.load(d).status == "unchanged"
    store.load(ds[1], force=True)
    assert met(driver) == loaded and met_problems(driver) == []
    for d in (ds[0], ds[4], ds[2]):
        store.remove(d.document.id)
        assert met_problems(driver) == []
    for d in reversed(ds):
        store.load(d)
        assert met_problems(driver) == []
    assert met(driver) == loaded
    for d in ds:
        store.remove(d.document.id)
    assert met(driver) == [] and met_problems(driver) == []


def test_merges_splits_and_wrong_facts_keep_the_summary_exact(
    store: GraphStore, driver: Driver, graph: Graph
) -> None:
    fix = Corrections(store.graph)
    ds = docs()
    for d in ds:
        store.load(d)
    nri = [r["id"] for r in rows(driver, "MATCH (e:Organization) RETURN e.id AS id")]
    assert len(nri) == 1
    split = fix.split_alias(nri[0], "NRI")
    assert met_problems(driver) == []
    assert split.new_id is not None
    store.merge(nri[0], split.new_id)
    assert met_problems(driver) == []
    [event] = rows(
        driver,
        "MATCH (:Entity {id: 'per:sasha-baker'})-[:HOSTED|ATTENDED]->(ev:Event {date: $day}) "
        "RETURN ev.id AS id",
        day=JUN2,
    )
    fix.mark_wrong("ATTENDED", "per:sasha-baker", event["id"])
    assert met_problems(driver) == []
    before = Reads(graph).who_met("per:sasha-baker", "com:openai").meetings
    assert before and JUN2 not in [m.event.date for m in before]
    for d in ds:  # the wrong fact stays out when its document is loaded again
        store.load(d, force=True)
        assert met_problems(driver) == []
    fix.unmark("ATTENDED", "per:sasha-baker", event["id"])
    assert met_problems(driver) == []
    assert ("com:openai", "per:sasha-baker", 2) in met(driver)


def test_backfill_builds_what_the_store_keeps(
    store: GraphStore, driver: Driver, graph: Graph
) -> None:
    for d in docs():
        store.load(d)
    kept = met(driver)
    with driver.session() as session:
        session.run("MATCH ()-[m:MET]->() DELETE m").consume()
        session.run("MATCH (t:MetTally) DELETE t").consume()
    assert backfill(graph) is True
    assert met(driver) == kept and met_problems(driver) == []
    assert backfill(graph) is False  # built once: the marker says so


def test_met_pages_by_cursor_like_by_offset(store: GraphStore, graph: Graph) -> None:
    for d in docs():
        store.load(d)
    reads = Reads(graph)

    def met(**kw: object) -> MetResponse:
        args: dict[str, Any] = {"since": None, "until": None, "type_": None, "offset": 0}
        return reads.met("OpenAI", **(args | kw))

    whole = met(limit=50)
    assert whole.total == len(whole.counterparts) >= 3 and whole.next_cursor is None
    seen, cursor = [], None
    while True:
        page = met(limit=1, cursor=cursor)
        seen += [c.model_dump() for c in page.counterparts]
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    assert seen == [c.model_dump() for c in whole.counterparts]
    ranged = met(limit=50, since=MAY18, until=JUN2)  # a date range reads the meetings

    def same_order(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Two rows of one meeting (a side that both hosted and attended it) come in no
        particular order from the date-ranged statement."""
        for row in rows:
            row["events"].sort(key=lambda m: (m["event"]["id"], m["role"], m["counterpart_role"]))
        return rows

    assert same_order([c.model_dump() for c in ranged.counterparts]) == same_order(seen)
    with pytest.raises(BadCursor):
        met(limit=1, cursor="not-a-cursor")
