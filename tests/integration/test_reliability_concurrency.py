"""Concurrency through the real API: parallel overlapping uploads, uploads racing removals.

The API runs under uvicorn on a real socket and eight clients hit it at once.
Whatever the interleaving, the graph must be the one a sequential load of the
documents left at the end gives (no duplicate entity or event), no fact may be
orphaned, and no caller may see an error a retry would have absorbed (a 5xx or
a 409): transient conflicts are retried inside the store.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from neo4j import Driver
from pydantic import SecretStr

from graph.database.db import Graph
from graph.database.schema import apply_schema
from graph.documents import read_bytes
from graph.extract import extract
from graph.settings import Settings
from graph.store.graph_store import GraphStore
from tests.support.reliability import ApiServer, article, invariant_violations, shape, wipe
from tests.support.store import rows

pytestmark = [pytest.mark.db, pytest.mark.slow, pytest.mark.long]

KEY = "concurrency-write-key-0123456789"
WORKERS = 8


@pytest.fixture(scope="module")
def api(neo4j_settings: Settings, graph: Graph) -> Iterator[ApiServer]:
    apply_schema(graph)
    with ApiServer(neo4j_settings.model_copy(update={"api_key": SecretStr(KEY)})) as server:
        yield server


def post(url: str, text: str) -> httpx.Response:
    with httpx.Client(base_url=url, timeout=300, headers={"X-API-Key": KEY}) as http:
        return http.post("/api/v1/documents", json={"text": text})


def delete(url: str, doc_id: str) -> httpx.Response:
    with httpx.Client(base_url=url, timeout=300, headers={"X-API-Key": KEY}) as http:
        return http.delete(f"/api/v1/documents/{doc_id}")


def doc_id_of(text: str) -> str:
    return read_bytes(text).id


def sequential_shape(driver: Driver, database: str, texts: list[str]) -> dict[str, object]:
    """The graph a one-by-one load of ``texts`` gives (the graph is wiped first)."""
    wipe(driver)
    store = GraphStore(Graph(driver, database))
    for text in texts:
        store.load(extract(read_bytes(text)))
    return shape(driver)


def test_eight_parallel_overlapping_uploads(
    api: ApiServer, driver: Driver, neo4j_settings: Settings
) -> None:
    texts = [article(i, day_fixes_parties=True) for i in range(16)]
    wipe(driver)
    # Every document is sent by three of the eight clients, each client in its own order.
    slices = [[texts[(w * 2 + k) % len(texts)] for k in range(6)] for w in range(WORKERS)]
    for w, part in enumerate(slices):
        random.Random(w).shuffle(part)

    def client(part: list[str]) -> list[httpx.Response]:
        return [post(api.url, text) for text in part]

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        answers = [r for part in pool.map(client, slices) for r in part]
    assert Counter(r.status_code for r in answers) == {200: WORKERS * 6}, [
        r.text for r in answers if r.status_code != 200
    ]
    statuses = Counter(r.json()["status"] for r in answers)
    assert statuses["added"] == len(texts)
    assert statuses["unchanged"] == WORKERS * 6 - len(texts)
    assert invariant_violations(driver) == {}
    parallel = shape(driver)

    assert sequential_shape(driver, neo4j_settings.neo4j_database, texts) == parallel


def test_uploads_racing_removals(api: ApiServer, driver: Driver, neo4j_settings: Settings) -> None:
    first = [article(i, day_fixes_parties=True) for i in range(100, 112)]
    second = [article(i, day_fixes_parties=True) for i in range(112, 124)]
    wipe(driver)
    for text in first:
        assert post(api.url, text).status_code == 200
    rng = random.Random(5)
    # Remove every first-round document while the second round (same bodies, people and
    # days) is uploaded and half of the first round is uploaded again.
    jobs = [("delete", doc_id_of(t)) for t in first] + [("post", t) for t in second]
    jobs += [("post", t) for t in first[::2]]
    rng.shuffle(jobs)

    def run(job: tuple[str, str]) -> tuple[str, httpx.Response]:
        kind, arg = job
        return kind, (post(api.url, arg) if kind == "post" else delete(api.url, arg))

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        answers = list(pool.map(run, jobs))
    for kind, response in answers:
        # 404 is the honest answer to removing a document already removed; nothing else fails.
        allowed = {200, 404} if kind == "delete" else {200}
        assert response.status_code in allowed, (kind, response.status_code, response.text)
    assert invariant_violations(driver) == {}

    present = set(shape(driver)["documents"])
    assert {doc_id_of(t) for t in second} <= present
    survivors = [t for t in first + second if doc_id_of(t) in present]
    assert len(survivors) == len(present)
    raced = shape(driver)
    assert sequential_shape(driver, neo4j_settings.neo4j_database, survivors) == raced


def events_by_id(driver: Driver) -> list[tuple[str, tuple[str, ...]]]:
    """Every event with its id and reports: ids too are a function of the reports."""
    return sorted(
        (r["id"], tuple(r["docs"]))
        for r in rows(driver, "MATCH (e:Event) RETURN e.id AS id, e.doc_ids AS docs")
    )


def test_event_resolution_does_not_depend_on_load_order(
    driver: Driver, neo4j_settings: Settings
) -> None:
    """The oracle the tests above rely on, for reports whose parties differ within a day."""
    texts = [article(i) for i in range(16)]
    in_order = sequential_shape(driver, neo4j_settings.neo4j_database, texts)
    events = events_by_id(driver)
    for seed in (1, 2, 3):
        shuffled = list(texts)
        random.Random(seed).shuffle(shuffled)
        assert sequential_shape(driver, neo4j_settings.neo4j_database, shuffled) == in_order
        assert events_by_id(driver) == events


def test_removals_leave_what_a_load_of_the_rest_gives(
    driver: Driver, neo4j_settings: Settings
) -> None:
    """Removing reports, some of them the only link between others of their day, splits
    events exactly as a clean load of the documents left would have grouped them."""
    texts = [article(i) for i in range(16)]
    database = neo4j_settings.neo4j_database
    for seed in (2, 3):
        rng = random.Random(seed)
        gone = rng.sample(texts, 8)
        kept = [t for t in texts if t not in gone]
        wipe(driver)
        store = GraphStore(Graph(driver, database))
        for text in rng.sample(texts, len(texts)):
            store.load(extract(read_bytes(text)))
        for text in gone:
            store.remove(doc_id_of(text))
        assert invariant_violations(driver) == {}
        after, events = shape(driver), events_by_id(driver)
        assert sequential_shape(driver, database, kept) == after
        assert events_by_id(driver) == events


def test_parallel_loads_and_removals_give_the_sequential_graph(
    driver: Driver, neo4j_settings: Settings
) -> None:
    """Eight loaders at once (reports whose parties differ within a day), then removals
    racing loads: the graph is the one a sequential load of the documents left gives."""
    database = neo4j_settings.neo4j_database
    texts = [article(i) for i in range(24)]
    extractions = {doc_id_of(t): extract(read_bytes(t)) for t in texts}
    first, second = list(extractions)[:16], list(extractions)[16:]
    wipe(driver)
    store = GraphStore(Graph(driver, database))
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        list(pool.map(lambda d: store.load(extractions[d]), first))
    assert invariant_violations(driver) == {}
    parallel, events = shape(driver), events_by_id(driver)
    assert sequential_shape(driver, database, [texts[i] for i in range(16)]) == parallel
    assert events_by_id(driver) == events

    jobs = [("remove", d) for d in first[::2]] + [("load", d) for d in second]
    random.Random(4).shuffle(jobs)

    def run(job: tuple[str, str]) -> None:
        kind, doc = job
        if kind == "load":
            store.load(extractions[doc])
        else:
            store.remove(doc)

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        list(pool.map(run, jobs))
    assert invariant_violations(driver) == {}
    raced, events = shape(driver), events_by_id(driver)
    left = [texts[i] for i, d in enumerate(extractions) if d not in set(first[::2])]
    assert sequential_shape(driver, database, left) == raced
    assert events_by_id(driver) == events
