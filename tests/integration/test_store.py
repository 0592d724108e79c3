"""The graph store on a real Neo4j, fed hand-built extractions (independent of the extractor)."""

from __future__ import annotations

import datetime as dt

import pytest
from neo4j import Driver

from graph.errors import NotFound
from graph.settings import Settings
from graph.store.graph_store import GraphStore
from graph.store.plan import InvalidExtraction
from tests.support.store import (
    COM,
    GOV,
    MAY18,
    ORG,
    PER,
    Doc,
    doc_a,
    doc_b,
    dump,
    entity_ids,
    rows,
)

pytestmark = pytest.mark.db

MAY11 = dt.date(2026, 5, 11)
TIMESTAMPS = ("loaded_at", "first_seen", "updated_at")


def test_two_forms_of_one_ministry_make_one_node_with_both_sources(
    store: GraphStore, driver: Driver
) -> None:
    assert store.load(doc_a()).status == "added"
    assert store.load(doc_b()).status == "added"
    ministries = rows(
        driver,
        "MATCH (e:GovernmentBody) WHERE 'msit' IN e.norm_names "
        "RETURN e.id AS id, e.name AS name, e.aliases AS aliases, "
        "COLLECT { MATCH (d:Document)-[:MENTIONS]->(e) RETURN d.id } AS docs",
    )
    assert len(ministries) == 1
    assert ministries[0]["name"] == "Ministry of Science and ICT"
    assert ministries[0]["aliases"] == ["MSIT"]
    assert sorted(ministries[0]["docs"]) == ["doc-a", "doc-b"]
    hosted = rows(
        driver,
        "MATCH (:GovernmentBody {id: $id})-[r:HOSTED]->(ev:Event) "
        "RETURN properties(r) AS r, ev.id AS ev",
        id=ministries[0]["id"],
    )
    assert len(hosted) == 1, "the two outlets' reports of the 18th are one event"
    rel = hosted[0]["r"]
    assert rel["doc_ids"] == ["doc-a", "doc-b"]
    texts = {"doc-a": doc_a().document.text, "doc-b": doc_b().document.text}
    for doc_id, sentence, start, end in zip(
        rel["doc_ids"], rel["sentences"], rel["starts"], rel["ends"], strict=True
    ):
        assert texts[doc_id][start:end] == sentence
    attendees = rows(
        driver,
        "MATCH (p:Entity)-[r:ATTENDED]->(:Event {id: $ev}) "
        "RETURN p.name AS name, r.doc_ids AS docs",
        ev=hosted[0]["ev"],
    )
    assert {(a["name"], tuple(a["docs"])) for a in attendees} == {
        ("OpenAI", ("doc-a", "doc-b")),
        ("Sasha Baker", ("doc-a",)),
        ("National Intelligence Service", ("doc-b",)),
    }


def test_every_fact_points_at_its_sentence(store: GraphStore, driver: Driver) -> None:
    store.load(doc_a())
    store.load(doc_b())
    texts = {"doc-a": doc_a().document.text, "doc-b": doc_b().document.text}
    facts = rows(driver, "MATCH ()-[r]->() WHERE r.doc_ids IS NOT NULL RETURN properties(r) AS r")
    assert len(facts) >= 6
    for f in facts:
        r = f["r"]
        assert len(r["doc_ids"]) == len(r["sentences"]) == len(r["starts"]) == len(r["ends"])
        assert r["doc_ids"] == sorted(r["doc_ids"])
        for doc_id, sentence, start, end in zip(
            r["doc_ids"], r["sentences"], r["starts"], r["ends"], strict=True
        ):
            assert texts[doc_id][start:end] == sentence


def test_loading_twice_changes_nothing(store: GraphStore, driver: Driver) -> None:
    store.load(doc_a())
    store.load(doc_b())
    before = dump(driver)
    again = store.load(doc_a())
    assert again.status == "unchanged"
    assert again.nodes_created == again.relationships_created == 0
    assert dump(driver) == before
    # The full write path, forced, must not touch a single property either.
    forced = store.load(doc_b(), force=True)
    assert forced.status == "replaced"
    assert forced.diff is not None and forced.diff.is_empty()
    assert dump(driver) == before


def test_load_then_remove_restores_the_graph(store: GraphStore, driver: Driver) -> None:
    empty = dump(driver)
    store.load(doc_a())
    after_a = dump(driver)
    report = store.load(doc_b())
    assert report.nodes_created > 0
    removed = store.remove("doc-b")
    assert removed.status == "removed"
    assert dump(driver) == after_a
    store.remove("doc-a")
    assert dump(driver) == empty


def test_remove_keeps_what_other_documents_support(store: GraphStore, driver: Driver) -> None:
    store.load(doc_a())
    store.load(doc_b())
    store.remove("doc-a")
    names = {r["name"] for r in rows(driver, "MATCH (e:Entity) RETURN e.name AS name")}
    assert names == {"MSIT", "OpenAI", "National Intelligence Service"}
    assert rows(driver, "MATCH (q:Quote) RETURN q") == []
    hosted = rows(driver, "MATCH ()-[r:HOSTED]->() RETURN r.doc_ids AS docs")
    assert hosted == [{"docs": ["doc-b"]}]
    with pytest.raises(NotFound):
        store.remove("doc-a")


def test_corrected_version_replaces_old_facts_and_reports_the_difference(
    store: GraphStore, driver: Driver
) -> None:
    store.load(doc_a())
    store.load(doc_b())
    text = (
        "The Ministry of Science and ICT (MSIT) hosted a workshop with OpenAI on May 18. "
        "Sasha Baker, OpenAI's head of global affairs, spoke at the workshop."
    )
    d = Doc("doc-a", text)
    d.entity("m", "Ministry of Science and ICT", GOV, "MSIT", country="KR")
    d.entity("o", "OpenAI", COM).entity("b", "Sasha Baker", PER)
    d.meeting(
        "w",
        "The Ministry of Science and ICT (MSIT) hosted a workshop with OpenAI on May 18.",
        "m",
        ["o", "b"],
        day=MAY18,
        kind="workshop",
    )
    d.affiliation(
        "b",
        "o",
        "head of global affairs",
        "Sasha Baker, OpenAI's head of global affairs, spoke at the workshop.",
    )
    corrected = d.build()
    report = store.load(corrected)
    assert report.status == "replaced"
    assert report.diff is not None
    assert any("head of global affairs" in f for f in report.diff.facts_added)
    assert any("head of national security policy" in f for f in report.diff.facts_removed)
    assert any("SAID" in f for f in report.diff.facts_removed)
    assert report.nodes_removed >= 1  # the quote
    titles = rows(driver, "MATCH (:Person)-[r:REPRESENTS]->() RETURN r.title AS t, r.titles AS ts")
    assert titles == [{"t": "head of global affairs", "ts": ["head of global affairs"]}]
    # Replacing in place gives the graph that loading the corrected version in the first
    # one's place gives (same order, so nodes get the same ids).
    replaced = _without_timestamps(dump(driver))
    store.remove("doc-a")
    store.remove("doc-b")
    store.load(corrected)
    store.load(doc_b())
    assert _without_timestamps(dump(driver)) == replaced


def test_same_name_in_different_countries_stays_apart(store: GraphStore, driver: Driver) -> None:
    text_kr = "Korea's Ministry of Foreign Affairs (MOFA) briefed the NIS."
    kr = Doc("kr", text_kr)
    kr.entity("f", "Ministry of Foreign Affairs", GOV, "MOFA", country="South Korea")
    kr.entity("n", "NIS", GOV, country="KR")
    kr.relation("BRIEFED", "f", "n", text_kr)
    text_jp = "Japan's Ministry of Foreign Affairs (MOFA) said the NIS of Norway was not involved."
    jp = Doc("jp", text_jp)
    jp.entity("f", "Ministry of Foreign Affairs", GOV, "MOFA", country="Japan")
    jp.entity("n", "NIS", ORG, country="Norway")
    jp.relation("BRIEFED", "f", "n", text_jp)
    store.load(kr.build())
    store.load(jp.build())
    bodies = rows(
        driver, "MATCH (e:Entity) RETURN e.name AS name, e.country AS country ORDER BY country"
    )
    assert sorted((b["name"], b["country"]) for b in bodies) == [
        ("Ministry of Foreign Affairs", "Japan"),
        ("Ministry of Foreign Affairs", "South Korea"),
        ("NIS", "KR"),
        ("NIS", "Norway"),
    ]


def test_people_match_across_spellings(store: GraphStore, driver: Driver) -> None:
    t1 = "Choi Woo-hyuk, head of the bureau, spoke."
    t2 = "CHOI Woohyuk said the ministry would continue."
    d1 = Doc("p1", t1).entity("c", "Choi Woo-hyuk", PER)
    d2 = Doc("p2", t2).entity("c", "CHOI Woohyuk", PER)
    store.load(d1.build())
    store.load(d2.build())
    people = rows(driver, "MATCH (p:Person) RETURN p.name AS name, p.aliases AS aliases")
    assert people == [{"name": "CHOI Woohyuk", "aliases": ["Choi Woo-hyuk"]}] or people == [
        {"name": "Choi Woo-hyuk", "aliases": ["CHOI Woohyuk"]}
    ]


def test_people_sharing_a_surname_stay_apart(store: GraphStore, driver: Driver) -> None:
    t1 = "Kim Ji-sung met OpenAI. Kim said it went well."
    t2 = "Kim Min-jun met Anthropic. Kim said little."
    store.load(Doc("k1", t1).entity("p", "Kim Ji-sung", PER, "Kim").build())
    store.load(Doc("k2", t2).entity("p", "Kim Min-jun", PER, "Kim").build())
    people = rows(driver, "MATCH (p:Person) RETURN p.name AS name ORDER BY name")
    assert [p["name"] for p in people] == ["Kim Ji-sung", "Kim Min-jun"]


def test_meetings_on_other_dates_or_undated_stay_apart(store: GraphStore, driver: Driver) -> None:
    t1 = "MSIT met OpenAI and Anthropic on May 11. MSIT met OpenAI and Anthropic again on May 18."
    d1 = Doc("e1", t1)
    d1.entity("m", "MSIT", GOV).entity("o", "OpenAI", COM).entity("a", "Anthropic", COM)
    d1.meeting("one", "MSIT met OpenAI and Anthropic on May 11.", "m", ["o", "a"], day=MAY11)
    d1.meeting("two", "MSIT met OpenAI and Anthropic again on May 18.", "m", ["o", "a"], day=MAY18)
    t2 = "MSIT met OpenAI and Anthropic recently."
    d2 = Doc("e2", t2).entity("m", "MSIT", GOV).entity("o", "OpenAI", COM)
    d2.entity("a", "Anthropic", COM).meeting("u", t2, "m", ["o", "a"])
    t3 = "MSIT met OpenAI and Anthropic at some point."
    d3 = Doc("e3", t3).entity("m", "MSIT", GOV).entity("o", "OpenAI", COM)
    d3.entity("a", "Anthropic", COM).meeting("u", t3, "m", ["o", "a"])
    for d in (d1, d2, d3):
        store.load(d.build())
    events = rows(driver, "MATCH (ev:Event) RETURN ev.date AS date, ev.doc_ids AS docs")
    assert len(events) == 4
    assert sorted(str(e["date"]) for e in events if e["date"]) == ["2026-05-11", "2026-05-18"]
    assert sorted(e["docs"] for e in events if not e["date"]) == [["e2"], ["e3"]]


def test_a_document_linking_two_records_merges_them_and_its_removal_splits_them(
    store: GraphStore, driver: Driver
) -> None:
    t1 = "The Ministry of Science and ICT announced a plan."
    t2 = "MSIT briefed OpenAI."
    t3 = "The Ministry of Science and ICT (MSIT) briefed OpenAI again."
    d1 = Doc("s1", t1).entity("m", "Ministry of Science and ICT", GOV)
    d2 = Doc("s2", t2).entity("m", "MSIT", GOV).entity("o", "OpenAI", COM)
    d2.relation("BRIEFED", "m", "o", t2)
    d3 = Doc("s3", t3).entity("m", "Ministry of Science and ICT", GOV, "MSIT")
    d3.entity("o", "OpenAI", COM).relation("BRIEFED", "m", "o", t3)
    store.load(d1.build())
    store.load(d2.build())
    assert len(entity_ids(driver)) == 3
    before = dump(driver)
    report = store.load(d3.build())
    assert len(report.merged) == 1
    assert len(entity_ids(driver)) == 2
    briefed = rows(driver, "MATCH (a)-[r:BRIEFED]->(b) RETURN a.name AS a, r.doc_ids AS docs")
    assert briefed == [{"a": "Ministry of Science and ICT", "docs": ["s2", "s3"]}]
    removed = store.remove("s3")
    assert len(removed.split) == 1
    assert dump(driver) == before


def test_a_report_linking_two_others_of_one_day_is_undone_by_its_removal(
    store: GraphStore, driver: Driver
) -> None:
    tx_ = "MSIT met OpenAI on May 18."
    ty = "MSIT, OpenAI, Anthropic and the NIS met on May 18."
    tz = "Anthropic met the NIS on May 18."
    x = Doc("x", tx_).entity("m", "MSIT", GOV).entity("o", "OpenAI", COM)
    x.meeting("k", tx_, "m", ["o"], day=MAY18)
    y = Doc("y", ty).entity("m", "MSIT", GOV).entity("o", "OpenAI", COM)
    y.entity("a", "Anthropic", COM).entity("n", "NIS", GOV)
    y.meeting("k", ty, "m", ["o", "a", "n"], day=MAY18)
    z = Doc("z", tz).entity("a", "Anthropic", COM).entity("n", "NIS", GOV)
    z.meeting("k", tz, "n", ["a"], day=MAY18)
    store.load(x.build())
    store.load(z.build())
    assert len(rows(driver, "MATCH (e:Event) RETURN e")) == 2
    before = _without_timestamps(dump(driver))  # z is loaded again below: new loaded_at
    store.remove("z")
    store.load(y.build())
    store.load(z.build())
    events = rows(driver, "MATCH (e:Event) RETURN e.doc_ids AS docs")
    assert events == [{"docs": ["x", "y", "z"]}], "y's report links x's and z's"
    removed = store.remove("y")
    assert len(removed.split) == 1
    assert _without_timestamps(dump(driver)) == before


def test_merging_two_entities_regroups_the_reports_of_their_meetings(
    store: GraphStore, driver: Driver, neo4j_settings: Settings
) -> None:
    t1 = "MSIT met OpenAI on May 18."
    t2 = "The Ministry of Science and ICT met OpenAI on May 18."
    t3 = "The Ministry of Science and ICT (MSIT) issued a statement."
    d1 = Doc("r1", t1).entity("m", "MSIT", GOV).entity("o", "OpenAI", COM)
    d1.meeting("k", t1, "m", ["o"], day=MAY18)
    d2 = Doc("r2", t2).entity("m", "Ministry of Science and ICT", GOV)
    d2.entity("o", "OpenAI", COM).meeting("k", t2, "m", ["o"], day=MAY18)
    d3 = Doc("r3", t3).entity("m", "Ministry of Science and ICT", GOV, "MSIT")
    store.load(d1.build())
    store.load(d2.build())
    query = "MATCH (e:Event) RETURN e.id AS id, e.doc_ids AS docs ORDER BY id"
    apart = rows(driver, query)
    assert sorted(e["docs"] for e in apart) == [["r1"], ["r2"]]
    hosts = "MATCH (e:Entity)-[:HOSTED]->(ev:Event) RETURN e.name AS name, ev.id AS ev ORDER BY ev"
    hosted = rows(driver, hosts)
    report = store.load(d3.build())
    events = rows(driver, query)
    assert [e["docs"] for e in events] == [["r1", "r2"]], "one host now: one meeting"
    assert len(report.merged) == 2  # the two ministries, and the two events
    removed = store.remove("r3")
    assert len(removed.split) == 2
    # Split again, with the same event ids (entity ids may differ: see the graph model doc).
    assert rows(driver, query) == apart
    assert rows(driver, hosts) == hosted
    # The same documents in another order: the same event, with the same id.
    with driver.session(database=neo4j_settings.neo4j_database) as session:
        session.run("MATCH (n) DETACH DELETE n").consume()
    for d in (d3, d2, d1):
        store.load(d.build())
    assert rows(driver, query) == events


def test_manual_merge_of_dated_events_keeps_their_reports_and_matching_ones(
    store: GraphStore, driver: Driver
) -> None:
    ta = "MSIT met OpenAI and Anthropic on May 18."
    tb = "The NIS met KISA and Naver on May 18."
    tc = "The NIS, KISA and Naver met on May 18."
    a = Doc("ma", ta).entity("m", "MSIT", GOV).entity("o", "OpenAI", COM)
    a.entity("n", "Anthropic", COM).meeting("k", ta, "m", ["o", "n"], day=MAY18)
    b = Doc("mb", tb).entity("n", "NIS", GOV).entity("k", "KISA", GOV)
    b.entity("v", "Naver", COM).meeting("k", tb, "n", ["k", "v"], day=MAY18)
    c = Doc("mc", tc).entity("n", "NIS", GOV).entity("k", "KISA", GOV)
    c.entity("v", "Naver", COM).meeting("k", tc, "n", ["k", "v"], day=MAY18)
    store.load(a.build())
    store.load(b.build())
    ids = sorted(r["id"] for r in rows(driver, "MATCH (e:Event) RETURN e.id AS id"))
    assert len(ids) == 2
    store.merge(ids[1], ids[0])  # keep the larger id: the merge, not the rule, names it
    query = "MATCH (e:Event) RETURN e.id AS id, e.doc_ids AS docs"
    assert rows(driver, query) == [{"id": ids[1], "docs": ["ma", "mb"]}]
    store.load(c.build())
    assert rows(driver, query) == [{"id": ids[1], "docs": ["ma", "mb", "mc"]}]
    store.remove("ma")
    assert rows(driver, query) == [{"id": ids[1], "docs": ["mb", "mc"]}]
    store.load(a.build())
    store.load(b.build(), force=True)
    assert rows(driver, query) == [{"id": ids[1], "docs": ["ma", "mb", "mc"]}]


def test_manual_merge_is_recorded_and_survives_reloading(store: GraphStore, driver: Driver) -> None:
    t1 = "Sasha Baker met MSIT."
    t2 = "S. Baker of OpenAI spoke."
    d1 = Doc("m1", t1).entity("b", "Sasha Baker", PER).entity("m", "MSIT", GOV)
    d2 = Doc("m2", t2).entity("b", "S. Baker", PER).entity("o", "OpenAI", COM)
    d2.affiliation("b", "o", None, t2)
    store.load(d1.build())
    store.load(d2.build())
    people = sorted(r["id"] for r in rows(driver, "MATCH (p:Person) RETURN p.id AS id"))
    assert people == ["per:s-baker", "per:sasha-baker"]
    merged = store.merge("per:sasha-baker", "per:s-baker")
    assert merged.kind == "entity"
    after_merge = _person_view(driver)
    assert after_merge == [("per:sasha-baker", ["S. Baker"], ["OpenAI"])]
    assert rows(driver, "MATCH (r:MergeRecord) RETURN r.from_id AS f, r.into_id AS i") == [
        {"f": "per:s-baker", "i": "per:sasha-baker"}
    ]
    store.remove("m2")
    store.load(d2.build())
    assert _person_view(driver) == after_merge
    store.load(d1.build(), force=True)
    store.remove("m1")
    store.load(d1.build())
    assert _person_view(driver) == after_merge


def test_manual_merge_of_events(store: GraphStore, driver: Driver) -> None:
    t1 = "MSIT met OpenAI on Tuesday."
    t2 = "OpenAI met the ministry, MSIT, this week."
    d1 = Doc("v1", t1).entity("m", "MSIT", GOV).entity("o", "OpenAI", COM)
    d1.meeting("a", t1, "m", ["o"])
    d2 = Doc("v2", t2).entity("m", "MSIT", GOV).entity("o", "OpenAI", COM)
    d2.meeting("a", t2, "m", ["o"])
    store.load(d1.build())
    store.load(d2.build())
    ids = sorted(r["id"] for r in rows(driver, "MATCH (e:Event) RETURN e.id AS id"))
    assert len(ids) == 2
    store.merge(ids[0], ids[1])
    events = rows(driver, "MATCH (e:Event) RETURN e.id AS id, e.doc_ids AS docs")
    assert events == [{"id": ids[0], "docs": ["v1", "v2"]}]
    store.load(d2.build(), force=True)
    assert rows(driver, "MATCH (e:Event) RETURN e.id AS id, e.doc_ids AS docs") == events


def test_bad_extraction_is_refused_and_nothing_is_written(
    store: GraphStore, driver: Driver
) -> None:
    text = "MSIT met OpenAI."
    d = Doc("bad", text).entity("m", "MSIT", GOV)
    d.meeting("x", text, "m", ["nobody"])
    with pytest.raises(InvalidExtraction, match="unknown entity 'nobody'"):
        store.load(d.build())
    assert dump(driver) == ([], [])


def test_stats_count_labels_and_types(store: GraphStore) -> None:
    store.load(doc_a())
    stats = store.stats()
    assert stats.labels["Document"] == 1
    assert stats.labels["Entity"] == 3
    assert stats.labels["Event"] == 1
    assert stats.relationships["HOSTED"] == 1
    assert stats.relationships["ATTENDED"] == 2
    assert stats.labels.get("WriteLock", 0) == 0


def _person_view(driver: Driver) -> list[tuple[str, list[str], list[str]]]:
    return [
        (r["id"], r["aliases"], r["orgs"])
        for r in rows(
            driver,
            "MATCH (p:Person) RETURN p.id AS id, p.aliases AS aliases, "
            "COLLECT { MATCH (p)-[:REPRESENTS]->(o) RETURN o.name } AS orgs ORDER BY id",
        )
    ]


def _without_timestamps(d: tuple[list[str], list[str]]) -> tuple[set[str], set[str]]:
    import json

    def strip(s: str) -> str:
        obj = json.loads(s)
        for k in TIMESTAMPS:
            obj["props"].pop(k, None)
        return json.dumps(obj, sort_keys=True)

    return {strip(n) for n in d[0]}, {strip(r) for r in d[1]}
