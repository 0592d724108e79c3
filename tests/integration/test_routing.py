"""Through a ``neo4j://`` routing URI (what a cluster or Aura needs) against the local server:
reads go as READ transactions, writes to the leader, and a client reads its own writes."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from neo4j import Neo4jDriver
from neo4j.exceptions import ClientError
from pydantic import SecretStr

from api.app import create_app
from graph.database.db import Graph
from graph.database.schema import apply_schema
from graph.documents import make_document
from graph.extract import extract
from graph.settings import Settings
from graph.store.graph_store import GraphStore

pytestmark = pytest.mark.db

KEY = "routing-test-key"
TEXT = (
    "Ilse Marek of the Vantor Ministry met Paulo Drest of Corvane Labs in Ostrel on "
    "May 6, 2026, to discuss grid security."
)


@pytest.fixture(scope="module")
def routed(neo4j_settings: Settings) -> Settings:
    scheme, sep, rest = neo4j_settings.neo4j_uri.partition("://")
    if scheme != "bolt":
        pytest.skip(f"the test server's URI is {scheme}://, not a bolt:// one to re-route")
    settings = neo4j_settings.model_copy(update={"neo4j_uri": f"neo4j{sep}{rest}"})
    _wait_for_login(settings)
    return settings


def _wait_for_login(settings: Settings, within_s: float = 180.0) -> None:
    """A new driver logs in afresh: wait out the server's lock after earlier tests' wrong
    passwords (Neo.ClientError.Security.AuthenticationRateLimit)."""
    deadline = time.monotonic() + within_s
    while True:
        try:
            with Graph.connect(settings) as g:
                g.verify()
            return
        except ClientError as exc:
            if "AuthenticationRateLimit" not in (exc.code or "") or time.monotonic() > deadline:
                raise
            time.sleep(1.0)


@pytest.fixture()
def routed_graph(routed: Settings) -> Iterator[Graph]:
    with Graph.connect(routed) as g:
        g.verify()
        yield g


def test_a_neo4j_uri_gives_a_routing_driver(routed_graph: Graph) -> None:
    assert isinstance(routed_graph.driver, Neo4jDriver)
    assert routed_graph.read("RETURN 1 AS one") == [{"one": 1}]


def test_reads_go_as_read_transactions(routed_graph: Graph) -> None:
    """The routed member refuses a write sent as a read: reads really travel in READ mode."""
    with pytest.raises(ClientError) as caught:
        routed_graph.read("CREATE (:Probe {key: 'routed-read'})")
    assert "read" in str(caught.value).lower()
    with routed_graph.session(read=True) as s, pytest.raises(ClientError):
        s.run("CREATE (:Probe {key: 'routed-session'})").consume()
    assert routed_graph.read("MATCH (p:Probe) WHERE p.key STARTS WITH 'routed' RETURN p") == []


def test_a_write_hands_its_bookmark_to_the_next_read(routed_graph: Graph) -> None:
    apply_schema(routed_graph)
    bookmarks = routed_graph.driver.execute_query_bookmark_manager
    before = set(bookmarks.get_bookmarks())
    doc = make_document(TEXT, doc_id="routed-doc-1")
    report = GraphStore(routed_graph).load(extract(doc))
    assert report.status == "added"
    after = set(bookmarks.get_bookmarks())
    assert after and after != before  # the write's bookmark is what reads now wait for
    rows = routed_graph.read("MATCH (d:Document {id: $id}) RETURN d.id AS id", {"id": doc.id})
    assert rows == [{"id": doc.id}]


def test_the_api_reads_its_own_writes_through_a_neo4j_uri(routed: Settings) -> None:
    settings = routed.model_copy(update={"api_key": SecretStr(KEY)})
    with TestClient(create_app(settings)) as client:
        posted = client.post(
            "/api/v1/documents",
            json={"text": TEXT.replace("May 6", "May 7"), "id": "routed-doc-2"},
            headers={"X-API-Key": KEY},
        )
        assert posted.status_code in (200, 201), posted.text
        got = client.get("/api/v1/documents/routed-doc-2")
        assert got.status_code == 200, got.text
        assert got.json()["id"] == "routed-doc-2"
        assert client.get("/api/v1/entities", params={"q": "Ilse Marek"}).status_code == 200
        # /cypher runs in a child process with its own driver: it gets this process's
        # bookmarks, so it too reads the document just written.
        assert settings.neo4j_uri.startswith("neo4j://")
        read = client.post(
            "/api/v1/cypher",
            json={
                "query": "MATCH (d:Document {id: $id}) RETURN d.id AS id",
                "parameters": {"id": "routed-doc-2"},
            },
        )
        assert read.status_code == 200, read.text
        assert read.json()["rows"] == [{"id": "routed-doc-2"}]
