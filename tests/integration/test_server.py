"""The test server is a real Neo4j 5.26 Community that answers over Bolt."""

from __future__ import annotations

import re

from graph.database.cypher import query
from graph.database.db import Graph


def test_bolt_round_trip(graph: Graph) -> None:
    rows = graph.read("RETURN $text AS text, $number + 1 AS next", {"text": "héllo", "number": 41})
    assert rows == [{"text": "héllo", "next": 42}]


def test_components_report_5_26_community(graph: Graph) -> None:
    rows = graph.read(query("server/components"))
    kernel = [row for row in rows if row["name"] == "Neo4j Kernel"]
    assert len(kernel) == 1
    assert re.fullmatch(r"5\.26\.\d+", kernel[0]["version"]), kernel[0]
    assert kernel[0]["edition"] == "community"


def test_written_node_is_read_back(graph: Graph) -> None:
    graph.write_query("CREATE (:Probe {key: $key, tags: $tags})", {"key": "k1", "tags": ["a", "b"]})
    rows = graph.read("MATCH (p:Probe {key: $key}) RETURN p.tags AS tags", {"key": "k1"})
    assert rows == [{"tags": ["a", "b"]}]
