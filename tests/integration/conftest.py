"""Session fixtures for tests against a real Neo4j 5.26.

Which server: WHOMET_TEST_NEO4J_URI (+ _USER, _PASSWORD) when set; else a
``neo4j:5.26-community`` container when a Docker engine answers; else the
local launcher on free ports in a throwaway folder (jars shared, fetched once). Under
pytest-xdist (``make test``) each worker is a session of its own: its own server.
The graph is wiped before each test module (schema kept); a server the session
started is stopped at its end.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from neo4j import Driver

from graph.database.db import Graph, open_driver
from graph.database.launcher import LocalNeo4j
from graph.database.schema import apply_schema
from graph.settings import Settings, get_settings
from graph.store.graph_store import GraphStore
from tests.support import servers
from tests.support.browser import CHROMIUM, CHROMIUM_ARGS
from tests.support.documents import DOCS, SEEDS, load_documents
from tests.support.met import met_problems

WIPE = "MATCH (n) DETACH DELETE n"


@pytest.fixture(scope="session")
def neo4j_settings() -> Iterator[Settings]:
    """Settings pointing at the test server (started here if needed, stopped at the end)."""
    existing = servers.env_settings()
    if existing is not None:
        yield existing
        return
    if servers.docker_answers():
        from testcontainers.community.neo4j import Neo4jContainer

        with Neo4jContainer(servers.DOCKER_IMAGE, password=servers.TEST_PASSWORD) as container:
            yield Settings(
                neo4j_uri=container.get_connection_url(),
                neo4j_user="neo4j",
                neo4j_password=servers.TEST_PASSWORD,
            )
        return
    home = servers.scratch_home("session-")
    server = LocalNeo4j(
        servers.local_settings(home), lib=servers.SHARED_LIB, extra_conf=servers.TEST_CONF
    )
    try:
        with servers.jars_lock():
            server.ensure_jars()
        server.start()
        yield server.settings
    finally:
        server.stop()
    shutil.rmtree(home, ignore_errors=True)  # kept (with its pid file) if stop failed


@pytest.fixture(scope="session")
def driver(neo4j_settings: Settings) -> Iterator[Driver]:
    with open_driver(neo4j_settings) as drv:
        drv.verify_connectivity()
        yield drv


@pytest.fixture(scope="session")
def graph(driver: Driver, neo4j_settings: Settings) -> Graph:
    return Graph(driver, neo4j_settings.neo4j_database, neo4j_settings.neo4j_uri)


@pytest.fixture(scope="module", autouse=True)
def _wipe_graph(driver: Driver, neo4j_settings: Settings) -> None:
    """Each test module starts from an empty graph; constraints and indexes stay."""
    with driver.session(database=neo4j_settings.neo4j_database) as session:
        session.run(WIPE).consume()


# --- shared by several modules ----------------------------------------------------------


@pytest.fixture(scope="module")
def schema(graph: Graph) -> None:
    """Constraints and indexes, applied once per module (idempotent)."""
    apply_schema(graph)


@pytest.fixture
def store(driver: Driver, neo4j_settings: Settings, schema: None) -> Iterator[GraphStore]:
    """A store on an empty graph (wiped before each test), schema applied."""
    with driver.session(database=neo4j_settings.neo4j_database) as session:
        session.run("MATCH (n) DETACH DELETE n").consume()
    yield GraphStore(Graph(driver, neo4j_settings.neo4j_database, neo4j_settings.neo4j_uri))


@pytest.fixture(autouse=True)
def _met_summary_holds(request: pytest.FixtureRequest) -> Iterator[None]:
    """After every store test: the MET summary the store kept equals a recount from the facts
    (whatever the test did: loads, reloads, removals, merges, splits, corrections)."""
    yield
    module = request.node.module.__name__.rsplit(".", 1)[-1]
    if not module.startswith("test_store") or "store" not in request.fixturenames:
        return
    driver = request.getfixturevalue("driver")
    settings = request.getfixturevalue("neo4j_settings")
    assert met_problems(driver, settings.neo4j_database) == []


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch, neo4j_settings: Settings) -> Iterator[None]:
    """The CLI's settings (read from the environment) point at the test server."""
    monkeypatch.setenv("WHOMET_NEO4J_URI", neo4j_settings.neo4j_uri)
    monkeypatch.setenv("WHOMET_NEO4J_USER", neo4j_settings.neo4j_user)
    monkeypatch.setenv("WHOMET_NEO4J_PASSWORD", neo4j_settings.neo4j_password.get_secret_value())
    monkeypatch.setenv("WHOMET_NEO4J_DATABASE", neo4j_settings.neo4j_database)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture
def empty_cli_env(cli_env: None, driver: Driver, neo4j_settings: Settings) -> None:
    """:func:`cli_env` on an empty graph (wiped before the test; constraints and indexes stay)."""
    driver.execute_query(WIPE, database_=neo4j_settings.neo4j_database)


@pytest.fixture(scope="module")
def seeded(graph: Graph) -> None:
    """The repository's seed articles, loaded once per module by the project's loader."""
    assert SEEDS, "the repository's seeds/ folder holds no article"
    load_documents(graph, SEEDS)


@pytest.fixture(scope="module")
def doc_ids(graph: Graph) -> dict[str, str]:
    """The seed and tests/fixtures/api/, loaded once per module: file name -> document id."""
    return load_documents(graph, DOCS)


# --- the browser tests: headless Chromium, and a context that refuses other hosts ---------


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    """A browser context in which any request to a host other than 127.0.0.1 is refused."""
    ctx = browser.new_context(viewport={"width": 1200, "height": 760})
    ctx.outside = []

    def guard(route: Any) -> None:
        url = route.request.url
        if url.startswith(("data:", "blob:", "about:")) or urlsplit(url).hostname == "127.0.0.1":
            route.continue_()
        else:
            ctx.outside.append(url)
            route.abort()

    ctx.route("**/*", guard)
    try:
        yield ctx
    finally:
        ctx.close()
