"""Loading seeds/ through the real reader and extractor gives the seed article's graph."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from neo4j import Driver

from graph.database.db import Graph
from graph.database.schema import apply_schema
from graph.ingest.loader import LoadSummary, load_paths
from graph.settings import REPO_ROOT, Settings
from graph.store.graph_store import GraphStore
from tests.support.store import dump, rows

pytestmark = pytest.mark.db

SEEDS = REPO_ROOT / "seeds"
AGENCIES = {
    "Ministry of Foreign Affairs",
    "National Intelligence Service",
    "Financial Services Commission",
    "National AI Strategy Committee",
    "AI Safety Institute",
    "Korea Internet & Security Agency",
    "Financial Security Institute",
}


@pytest.fixture(scope="module")
def seeded(
    driver: Driver, neo4j_settings: Settings, graph: Graph
) -> Iterator[tuple[GraphStore, LoadSummary]]:
    apply_schema(graph)
    driver.execute_query("MATCH (n) DETACH DELETE n", database_=neo4j_settings.neo4j_database)
    store = GraphStore(Graph(driver, neo4j_settings.neo4j_database, neo4j_settings.neo4j_uri))
    summary = load_paths([SEEDS], store, progress=False)
    yield store, summary


def _ministry(driver: Driver) -> dict[str, Any]:
    found = rows(
        driver,
        "MATCH (e:GovernmentBody) WHERE 'msit' IN e.norm_names RETURN e.id AS id, e.name AS name",
    )
    assert len(found) == 1, found
    return found[0]


def _event_on(driver: Driver, day: int) -> dict[str, Any]:
    found = rows(
        driver,
        "MATCH (ev:Event {day: $day, status: 'held'}) RETURN ev.id AS id, ev.kind AS kind, "
        "COLLECT { MATCH (h:Entity)-[:HOSTED]->(ev) RETURN h.name } AS hosts, "
        "COLLECT { MATCH (a:Entity)-[r:ATTENDED]->(ev) WHERE NOT r.implied RETURN a.name } "
        "AS attendees",
        day=day,
    )
    assert len(found) == 1, found
    return found[0]


def test_seed_loads_once(seeded: tuple[GraphStore, LoadSummary]) -> None:
    _, summary = seeded
    assert summary.failures == []
    assert summary.by_status() == {"added": 1}


def test_ministry_hosted_the_workshop_of_the_18th(
    seeded: tuple[GraphStore, LoadSummary], driver: Driver
) -> None:
    ministry = _ministry(driver)
    assert ministry["name"] == "Ministry of Science and ICT"
    workshop = _event_on(driver, 18)
    assert workshop["kind"] == "workshop"
    assert workshop["hosts"] == ["Ministry of Science and ICT"]
    assert set(workshop["attendees"]) == {"OpenAI", "Sasha Baker", *AGENCIES}


def test_meeting_of_the_11th_with_anthropic(
    seeded: tuple[GraphStore, LoadSummary], driver: Driver
) -> None:
    meeting = _event_on(driver, 11)
    assert meeting["hosts"] == ["Ministry of Science and ICT"]
    assert "Anthropic" in meeting["attendees"]
    assert "OpenAI" not in meeting["attendees"]


def test_affiliations(seeded: tuple[GraphStore, LoadSummary], driver: Driver) -> None:
    baker = rows(
        driver,
        "MATCH (:Person {name: 'Sasha Baker'})-[r:REPRESENTS]->(o:Entity) "
        "RETURN o.name AS org, r.title AS title",
    )
    assert baker == [{"org": "OpenAI", "title": "head of national security policy"}]
    choi = rows(
        driver,
        "MATCH (:Person {name: 'Choi Woo-hyuk'})-[r:REPRESENTS]->(b:Entity)-[:PART_OF]->(m) "
        "RETURN b.name AS bureau, r.title AS title, m.name AS parent",
    )
    assert {
        "bureau": "Information Protection and Network Policy Bureau",
        "title": "head",
        "parent": "Ministry of Science and ICT",
    } in choi


def test_quotes(seeded: tuple[GraphStore, LoadSummary], driver: Driver) -> None:
    said = rows(driver, "MATCH (s:Person)-[:SAID]->(q:Quote) RETURN s.name AS who, q.text AS q")
    assert any(
        s["who"] == "Sasha Baker" and s["q"].startswith("Close public-private cooperation")
        for s in said
    )
    assert any(
        s["who"] == "Choi Woo-hyuk" and s["q"].startswith("There was a shared understanding")
        for s in said
    )


def test_evidence_offsets_point_into_the_stored_text(
    seeded: tuple[GraphStore, LoadSummary], driver: Driver
) -> None:
    (doc,) = rows(driver, "MATCH (d:Document) RETURN d.id AS id, d.text AS text")
    facts = rows(driver, "MATCH ()-[r]->() WHERE r.doc_ids IS NOT NULL RETURN properties(r) AS r")
    assert facts
    for f in facts:
        r = f["r"]
        for sentence, start, end in zip(r["sentences"], r["starts"], r["ends"], strict=True):
            assert doc["text"][start:end] == sentence


def test_no_node_from_the_closing_ads_and_photo_credits(
    seeded: tuple[GraphStore, LoadSummary], driver: Driver
) -> None:
    """Every entity is named in the stored article body, and that body stops before the
    page's closing product blurbs; header lines (photo credits) are not in it either."""
    (doc,) = rows(driver, "MATCH (d:Document) RETURN d.text AS text")
    body = doc["text"]
    raw = next(p for p in SEEDS.iterdir() if p.suffix == ".txt").read_text(encoding="utf-8")
    last_line = body.strip().splitlines()[-1]
    tail = raw[raw.index(last_line) + len(last_line) :]
    head = raw[: raw.index(body.strip().splitlines()[0])]
    assert tail.strip() and head.strip()  # the page has chrome before and after the body
    entities = rows(driver, "MATCH (e:Entity) RETURN e.name AS name, e.aliases AS aliases")
    named_outside_body = [
        e["name"] for e in entities if not any(n in body for n in [e["name"], *e["aliases"]])
    ]
    assert named_outside_body == []
    header_lines = {ln.strip() for ln in head.splitlines() if ln.strip()}
    assert not any(ln in body for ln in header_lines if len(ln) > 12)


def test_loading_the_seed_again_changes_nothing(
    seeded: tuple[GraphStore, LoadSummary], driver: Driver
) -> None:
    store, _ = seeded
    before = dump(driver)
    again = load_paths([SEEDS], store, progress=False)
    assert again.by_status() == {"unchanged": 1}
    forced = load_paths([SEEDS], store, progress=False, force=True)
    assert forced.by_status() == {"replaced": 1}
    assert dump(driver) == before


def test_removing_the_seed_leaves_an_empty_graph(
    seeded: tuple[GraphStore, LoadSummary], driver: Driver
) -> None:
    """Runs last: loading the seed onto an empty graph and removing it restores emptiness."""
    store, summary = seeded
    (doc_id,) = [r.doc_id for r in summary.reports]
    report = store.remove(doc_id)
    assert report.nodes_removed > 0
    assert dump(driver) == ([], [])
