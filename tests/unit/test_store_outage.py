"""An outage seen through the store or the corrections names the server: both use the
caller's Graph as it is (an unwrapped driver once made the message read "Neo4j at  is not
reachable")."""

from __future__ import annotations

import pytest

from graph.corrections.service import Corrections
from graph.database.db import Graph
from graph.database.launcher import free_port
from graph.errors import DatabaseUnavailable
from graph.settings import Settings
from graph.store.graph_store import GraphStore


@pytest.fixture
def dead_graph() -> Graph:
    """A Graph on a port nothing listens on, with a short retry budget."""
    uri = f"bolt://127.0.0.1:{free_port()}"
    return Graph.connect(Settings(neo4j_uri=uri), retry_time_s=0.5)


def test_a_write_during_an_outage_names_the_uri(dead_graph: Graph) -> None:
    with dead_graph, pytest.raises(DatabaseUnavailable) as raised:
        GraphStore(dead_graph).remove("some-document")
    assert dead_graph.uri in str(raised.value)
    assert "Neo4j at  " not in str(raised.value)


def test_a_read_during_an_outage_names_the_uri(dead_graph: Graph) -> None:
    with dead_graph, pytest.raises(DatabaseUnavailable) as raised:
        GraphStore(dead_graph).stats()
    assert dead_graph.uri in str(raised.value)


def test_a_correction_during_an_outage_names_the_uri(dead_graph: Graph) -> None:
    with dead_graph, pytest.raises(DatabaseUnavailable) as raised:
        Corrections(dead_graph).rename("some-entity", "A New Name")
    assert dead_graph.uri in str(raised.value)
    assert "Neo4j at  " not in str(raised.value)
