"""Group loads (``GraphStore.load_many``) give the graph one-at-a-time loads give."""

from __future__ import annotations

import datetime as dt
import json
import random

import pytest
from neo4j import Driver, ManagedTransaction

from graph.errors import WhometError
from graph.model import EntityType, Extraction
from graph.store.batching import claims, groups
from graph.store.graph_store import GraphStore
from graph.store.plan import plan
from graph.store.reports import LoadReport
from graph.store.tallies import PROPS as TALLY_PROPS
from graph.store.tallies import Tally
from graph.store.transaction import Work, refresh_entities
from tests.support.store import COM, GOV, PER, Doc, dump

pytestmark = [pytest.mark.db, pytest.mark.slow]

# Forms a document may use (name and aliases) and type. Several bodies share an acronym
# (TRC), a few are busy (named by many documents), most are named by a few.
BODIES: list[tuple[list[tuple[str, ...]], EntityType]] = [
    ([("Transport Regulatory Commission", "TRC"), ("TRC",)], GOV),
    ([("Trade Regulatory Commission", "TRC"), ("Trade Regulatory Commission",)], GOV),
    ([("Ministry of Science and ICT", "MSIT"), ("MSIT",)], GOV),
    ([("National Intelligence Service", "NIS")], GOV),
]
BODIES += [([(f"Company {c}",)], COM) for c in "ABCDEFGHIJKLMNOPQRSTUVWX"]
PEOPLE = [f"{first} {last}" for first in ("Anna", "Ben", "Clara") for last in ("Kim", "Lee")]
DAYS = [dt.date(2026, 5, 1) + dt.timedelta(days=k) for k in range(10)]
TIMES = {"loaded_at", "first_seen", "updated_at"}


def corpus(n: int, seed: int) -> list[Extraction]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        picked = rng.sample(range(len(BODIES)), k=rng.randint(2, 4))
        forms = {f"b{k}": rng.choice(BODIES[k][0]) for k in picked}
        names = [f[0] for f in forms.values()]
        day = rng.choice([*DAYS, None])
        first = f"The {names[0]} met {', '.join(names[1:])} on Monday."
        person = rng.choice(PEOPLE)
        said = f'"We agreed on rules {i % 3}," said {person}.'
        text = f"{first} {said}"
        doc = Doc(f"d{i:03d}", text)
        for key, form in forms.items():
            doc.entity(key, form[0], BODIES[int(key[1:])][1], *form[1:])
        doc.entity("p", person, PER)
        keys = list(forms)
        doc.meeting("m", first, keys[0], keys[1:], day=day)
        doc.affiliation("p", keys[0], "director", first)
        doc.quote("p", f"We agreed on rules {i % 3}.", said)
        if len(keys) > 2:
            doc.relation("BRIEFED", keys[1], keys[2], first)
        out.append(doc.build())
    return out


def _graph(driver: Driver) -> tuple[set[str], set[str]]:
    """The whole graph without load times (which differ between two loads)."""
    nodes, rels = dump(driver)

    def strip(line: str) -> str:
        item = json.loads(line)
        item["props"] = {k: v for k, v in item["props"].items() if k not in TIMES}
        return json.dumps(item, sort_keys=True)

    return {strip(n) for n in nodes}, {strip(r) for r in rels}


def _wipe(driver: Driver) -> None:
    driver.execute_query("MATCH (n) DETACH DELETE n")


def test_groups_never_hold_two_conflicting_plans_and_keep_their_order() -> None:
    plans = [plan(e) for e in corpus(60, seed=1)]
    found = groups(plans)
    assert sorted(i for g in found for i in g) == list(range(len(plans)))
    at = {i: n for n, g in enumerate(found) for i in g}
    marks = [claims(p) for p in plans]
    for i in range(len(plans)):
        for j in range(i + 1, len(plans)):
            if marks[i].writes & marks[j].reads or marks[i].reads & marks[j].writes:
                assert at[i] < at[j], (i, j)
    assert max(len(g) for g in found) > 1  # the corpus does let some documents share


def test_load_many_gives_the_graph_of_one_at_a_time(store: GraphStore, driver: Driver) -> None:
    docs = corpus(60, seed=3)
    for d in docs:
        assert store.load(d).status == "added"
    one_by_one = _graph(driver)

    _wipe(driver)
    reports = store.load_many(docs)
    assert all(isinstance(r, LoadReport) and r.status == "added" for r in reports)
    assert any(isinstance(r, LoadReport) and r.group_of for r in reports)
    assert _graph(driver) == one_by_one
    assert not driver.execute_query("MATCH (l:WriteLock) RETURN l").records

    # Again: nothing changes.
    again = store.load_many(docs)
    assert {r.status for r in again if isinstance(r, LoadReport)} == {"unchanged"}
    assert _graph(driver) == one_by_one


def test_removing_after_a_group_load_is_exact(store: GraphStore, driver: Driver) -> None:
    docs = corpus(40, seed=5)
    drop = docs[1::2]
    for d in docs:
        store.load(d)
    for d in drop:
        store.remove(d.document.id)
    one_by_one = _graph(driver)

    _wipe(driver)
    store.load_many(docs)
    for d in drop:
        store.remove(d.document.id)
    assert _graph(driver) == one_by_one


def test_a_batch_with_a_new_version_and_a_bad_extraction(store: GraphStore, driver: Driver) -> None:
    docs = corpus(12, seed=9)
    store.load_many(docs[:6])
    changed = Doc("d002", "The MSIT met Company A on Monday.")
    changed.entity("a", "MSIT", GOV).entity("b", "Company A", COM)
    changed.meeting("m", "The MSIT met Company A on Monday.", "a", ["b"], day=DAYS[0])
    bad = docs[7].model_copy(update={"entities": []})  # its facts name unknown entities
    batch = [*docs[6:], changed.build(), bad, docs[0]]
    reports = store.load_many(batch)
    assert isinstance(reports[-3], LoadReport) and reports[-3].status == "replaced"
    assert isinstance(reports[-2], WhometError)
    assert isinstance(reports[-1], LoadReport) and reports[-1].status == "unchanged"
    grouped = _graph(driver)

    _wipe(driver)
    for d in docs[:6]:
        store.load(d)
    for d in [*docs[6:], changed.build()]:
        store.load(d)
    assert _graph(driver) == grouped


# --- the name/type/country counts kept on entity nodes (graph/store/tallies.py) -----------


def _countries(docs: list[Extraction], seed: int) -> list[Extraction]:
    """The corpus with countries given (or not) at random, so the counts of countries, and
    of main names against aliases, differ between the documents naming one body."""
    rng = random.Random(seed)
    out = []
    for d in docs:
        ents = [
            e.model_copy(update={"country": rng.choice([None, None, "KR", "US"])})
            for e in d.entities
        ]
        out.append(d.model_copy(update={"entities": ents}))
    return out


def _recount(tx: ManagedTransaction, ids: list[str]) -> None:
    """Re-derive the given entities from every mention (the path removal takes)."""
    refresh_entities(Work(tx), ids)


def _counts_hold(driver: Driver) -> int:
    """Every entity's stored counts equal a count of its mentions; returns how many hold
    counts (a node without them is allowed: it is re-counted when a load touches it)."""
    rows = driver.execute_query(
        "MATCH (e:Entity) OPTIONAL MATCH ()-[m:MENTIONS]->(e) "
        "RETURN properties(e) AS props, count(m) AS n, collect(m.names) AS names, "
        "collect(m.name) AS mains, collect(m.type) AS types, collect(m.country) AS countries"
    ).records
    held = 0
    for r in rows:
        stored = Tally.of_props(r["props"])
        if stored is None:
            continue
        held += 1
        full = Tally.of_mentions(r["n"], r["names"], r["mains"], r["types"], r["countries"])
        assert stored.props() == full.props(), r["props"]["id"]
    return held


def test_counts_added_by_groups_equal_a_full_recount(store: GraphStore, driver: Driver) -> None:
    """Group loads add to the stored counts; removals, new versions and one-at-a-time loads
    re-count. After a mix of them the counts, and the name, type and country derived from
    them, are what a re-count of every mention gives."""
    docs = _countries(corpus(60, seed=11), seed=11)
    assert all(isinstance(r, LoadReport) for r in store.load_many(docs[:30]))
    for d in docs[1:30:3]:
        store.remove(d.document.id)
    store.load_many(docs[30:50])
    for d in docs[50:55]:
        store.load(d)
    # New versions of a few (names without aliases, other countries): the one-document
    # path, which re-counts.
    for d in docs[3:30:6]:
        ents = [e.model_copy(update={"aliases": [], "country": "FR"}) for e in d.entities]
        doc = d.document.model_copy(update={"content_hash": d.document.content_hash + "-v2"})
        (report,) = store.load_many([d.model_copy(update={"entities": ents, "document": doc})])
        assert isinstance(report, LoadReport) and report.status == "replaced", report
    store.load_many(docs[55:] + docs[1:30:3])  # the removed ones come back in groups
    for d in docs[40:50:2]:
        store.remove(d.document.id)

    ids = [r["id"] for r in driver.execute_query("MATCH (e:Entity) RETURN e.id AS id").records]
    assert _counts_hold(driver) == len(ids) > 20
    incremental = _graph(driver)
    store.graph.write(_recount, ids)  # writes only what differs from a full re-count
    assert _graph(driver) == incremental


def test_nodes_without_counts_are_recounted_by_a_group_load(
    store: GraphStore, driver: Driver
) -> None:
    """A graph written before the counts existed: a group load that touches such a node
    re-counts its mentions (and stores the counts); the graph is the one a load of every
    document by this version gives."""
    docs = _countries(corpus(50, seed=13), seed=13)
    store.load_many(docs)
    reference = _graph(driver)

    _wipe(driver)
    store.load_many(docs[:30])
    props = ", ".join(f"e.{p}" for p in sorted(TALLY_PROPS))
    driver.execute_query(f"MATCH (e:Entity) REMOVE {props}")  # as the previous version left it
    assert _counts_hold(driver) == 0
    store.load_many(docs[30:])
    touched = {
        r["id"]
        for r in driver.execute_query(
            "MATCH (d:Document)-[:MENTIONS]->(e:Entity) WHERE d.id IN $ids RETURN e.id AS id",
            ids=[d.document.id for d in docs[30:]],
        ).records
    }
    assert touched
    held = driver.execute_query(
        "MATCH (e:Entity) WHERE e.tally_mentions IS NOT NULL RETURN e.id AS id"
    ).records
    assert {r["id"] for r in held} == touched
    _counts_hold(driver)

    def without_counts(g: tuple[set[str], set[str]]) -> tuple[set[str], set[str]]:
        nodes = set()
        for line in g[0]:
            item = json.loads(line)
            item["props"] = {k: v for k, v in item["props"].items() if k not in TALLY_PROPS}
            nodes.add(json.dumps(item, sort_keys=True))
        return nodes, g[1]

    assert without_counts(_graph(driver)) == without_counts(reference)
    # Untouched nodes still lack counts; a re-count (any one-document write) stores them.
    ids = [r["id"] for r in driver.execute_query("MATCH (e:Entity) RETURN e.id AS id").records]
    store.graph.write(_recount, ids)
    assert _graph(driver) == reference


def _day_corpus() -> list[Extraction]:
    """Many meetings on one busy day: pairs that share no one, meetings that share one
    participant with an event (not the same meeting), and meetings that join two events
    into one (a new report sharing two participants with each)."""
    day = dt.date(2026, 6, 1)
    companies = [f"Company {c}" for c in "ABCDEFGHIJKLMNOP"]
    pairs = [(0, 1), (2, 3), (4, 5), (6, 7), (8, 9), (10, 11), (12, 13), (14, 15)]
    meetings: list[tuple[int, ...]] = [*pairs]
    meetings += [(1, 2), (3, 4), (0, 1, 2, 3), (5, 6), (4, 5, 6, 7), (8, 9, 10, 11), (13, 14)]
    meetings += [(12, 13, 14, 15), (0, 1), (9, 10)]
    out = []
    for i, parts in enumerate(meetings):
        names = [companies[k] for k in parts]
        text = f"The {names[0]} met {', '.join(names[1:])} on Monday."
        doc = Doc(f"busy{i:02d}", text)
        for k in parts:
            doc.entity(f"c{k}", companies[k], COM)
        keys = [f"c{k}" for k in parts]
        doc.meeting("m", text, keys[0], keys[1:], day=day)
        out.append(doc.build())
    return out


def test_group_loads_read_only_the_events_a_meeting_can_join(
    store: GraphStore, driver: Driver
) -> None:
    """A group reads the events of a busy day that hold two of a new meeting's participants
    (event_day_linked), not every report of the day: the events (and their merges) are
    still those of one-at-a-time loads, whatever the calls, and removal stays exact."""
    docs = _day_corpus()
    for d in docs:
        store.load(d)
    one_by_one = _graph(driver)
    events = driver.execute_query("MATCH (ev:Event) RETURN count(ev) AS n").records[0]["n"]
    assert 1 < events < len(docs)  # some meetings joined, some did not

    for cut in (1, 5, 8, 11):
        _wipe(driver)
        store.load_many(docs[:cut])
        store.load_many(docs[cut:])
        assert _graph(driver) == one_by_one, cut
        again = store.load_many(docs)
        assert {r.status for r in again if isinstance(r, LoadReport)} == {"unchanged"}
        assert _graph(driver) == one_by_one, cut

    # Removing the meetings that joined events, after group loads, equals never loading them.
    drop = [d.document.id for d in docs[8:11]]
    for doc_id in drop:
        store.remove(doc_id)
    after_group = _graph(driver)
    _wipe(driver)
    for d in docs:
        if d.document.id not in drop:
            store.load(d)
    assert after_group == _graph(driver)


@pytest.mark.long  # four loads of 80 documents: over a minute on two cores
def test_documents_naming_stored_bodies_share_groups_and_give_the_same_graph(
    store: GraphStore, driver: Driver
) -> None:
    """Once the busy bodies are stored, documents that name them in common share a group
    (graph/store/sharing.py) unless one of them adds a form, a type or a country to a body
    another reaches, creates a body another names, or writes a relationship another writes:
    whatever the calls, the graph is the one of one-at-a-time loads, and removal stays exact."""
    docs = _countries(corpus(80, seed=17), seed=17)
    for d in docs:
        store.load(d)
    one_by_one = _graph(driver)

    for cut in (8, 25):
        _wipe(driver)
        store.load_many(docs[:cut])
        reports = store.load_many(docs[cut:])
        assert all(isinstance(r, LoadReport) and r.status == "added" for r in reports)
        assert _graph(driver) == one_by_one, cut
        # Some group of the second call held two documents naming one stored body.
        groups_of: dict[str, list[str]] = {}
        for r in reports:
            assert isinstance(r, LoadReport)
            groups_of.setdefault(r.group_of or r.doc_id, []).append(r.doc_id)
        shared = driver.execute_query(
            "UNWIND $groups AS g MATCH (d:Document)-[:MENTIONS]->(e:Entity) WHERE d.id IN g "
            "WITH g, e, count(d) AS n WHERE n > 1 RETURN count(*) AS c",
            groups=[g for g in groups_of.values() if len(g) > 1],
        ).records[0]["c"]
        assert shared > 0, cut

    # Removing documents after group loads equals removing them after one-at-a-time loads.
    drop = [d.document.id for d in docs[30:60:3]]
    for doc_id in drop:
        store.remove(doc_id)
    after_groups = _graph(driver)
    _wipe(driver)
    for d in docs:
        store.load(d)
    for doc_id in drop:
        store.remove(doc_id)
    assert after_groups == _graph(driver)
