"""graph.database.db against the real server: routing, database name, retries, error mapping."""

from __future__ import annotations

import pytest
from neo4j import ManagedTransaction
from neo4j.exceptions import ClientError, TransientError

from graph.database.db import Graph
from graph.errors import ConfigError, DatabaseUnavailable
from graph.settings import Settings
from tests.support.servers import free_port


def test_read_returns_plain_dicts(graph: Graph) -> None:
    graph.write_query("CREATE (:Probe {key: $key, n: $n})", {"key": "r1", "n": 7})
    rows = graph.read("MATCH (p:Probe {key: $key}) RETURN p.key AS key, p.n AS n", {"key": "r1"})
    assert rows == [{"key": "r1", "n": 7}]


def test_read_routing_reaches_the_server(graph: Graph) -> None:
    """A read is sent in read mode: the server itself refuses a write in it."""
    with pytest.raises(ClientError) as caught:
        graph.read("CREATE (:Probe {key: $key})", {"key": "must-not-exist"})
    assert "read" in str(caught.value).lower()
    assert graph.read("MATCH (p:Probe {key: 'must-not-exist'}) RETURN p") == []


def test_database_name_reaches_the_server(graph: Graph) -> None:
    other = Graph(graph.driver, "no-such-database", graph.uri)
    with pytest.raises(ClientError) as caught:
        other.read("RETURN 1 AS one")
    assert "no-such-database" in str(caught.value) or "not found" in str(caught.value).lower()
    with pytest.raises(ClientError):
        other.write_query("CREATE (:Probe)")


def test_write_retries_transient_errors(graph: Graph) -> None:
    attempts: list[int] = []

    def work(tx: ManagedTransaction, key: str) -> int:
        tx.run("MERGE (:Probe {key: $key})", key=key).consume()
        attempts.append(1)
        if len(attempts) == 1:
            raise TransientError("simulated lock timeout")
        return len(attempts)

    assert graph.write(work, "retry-me") == 2
    rows = graph.read("MATCH (p:Probe {key: $key}) RETURN count(p) AS c", {"key": "retry-me"})
    assert rows == [{"c": 1}]  # the failed attempt was rolled back


def test_write_is_all_or_nothing(graph: Graph) -> None:
    def work(tx: ManagedTransaction) -> None:
        tx.run("CREATE (:Probe {key: $key})", key="half-written").consume()
        raise ValueError("bad input after the first statement")

    with pytest.raises(ValueError):
        graph.write(work)
    assert graph.read("MATCH (p:Probe {key: 'half-written'}) RETURN p") == []


def test_unreachable_server_is_database_unavailable() -> None:
    settings = Settings(neo4j_uri=f"bolt://127.0.0.1:{free_port()}")
    with Graph.connect(settings, retry_time_s=0.5) as nowhere, pytest.raises(DatabaseUnavailable):
        nowhere.read("RETURN 1 AS one")


def test_wrong_password_is_config_error(neo4j_settings: Settings) -> None:
    # another user name: Neo4j locks a user after repeated failed logins, and the test
    # server's "neo4j" user serves the other worker's tests meanwhile
    wrong = neo4j_settings.model_copy(
        update={
            "neo4j_user": "whomet-wrong-login",
            "neo4j_password": neo4j_settings.neo4j_password.__class__("not-the-password"),
        }
    )
    with Graph.connect(wrong) as graph, pytest.raises(ConfigError, match="refused the login"):
        graph.verify()
