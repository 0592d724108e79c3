"""open_driver refuses URIs that are not Bolt before any connection is tried."""

from __future__ import annotations

import pytest

from graph.database.db import Graph
from graph.errors import ConfigError
from graph.settings import Settings


@pytest.mark.parametrize("uri", ["http://127.0.0.1:7474", "127.0.0.1:7687", "bolt+x://h:1"])
def test_non_bolt_uri_is_config_error(uri: str) -> None:
    with pytest.raises(ConfigError, match="WHOMET_NEO4J_URI"):
        Graph.connect(Settings(neo4j_uri=uri))


def test_bolt_uri_accepted_without_connecting() -> None:
    graph = Graph.connect(Settings(neo4j_uri="neo4j://127.0.0.1:1"))
    assert graph.database == "neo4j"
    graph.close()
