"""cypher/schema.cypher applies cleanly, twice, and its constraints really constrain."""

from __future__ import annotations

import pytest
from neo4j.exceptions import ConstraintError

from graph.database.cypher import query, statements
from graph.database.db import Graph
from graph.database.schema import apply_schema

UNIQUE_KEYS = {
    ("Entity", "id"),
    ("Event", "id"),
    ("Document", "id"),
    ("Quote", "id"),
    ("MergeRecord", "from_id"),
    ("Correction", "id"),
}


@pytest.fixture(scope="module", autouse=True)
def _schema(graph: Graph) -> None:
    apply_schema(graph)


def test_schema_applies_twice_without_change(graph: Graph) -> None:
    before = graph.read(query("server/indexes"))
    assert apply_schema(graph) == len(statements("schema"))
    assert graph.read(query("server/indexes")) == before


def test_unique_constraints_present(graph: Graph) -> None:
    rows = graph.read(query("server/constraints"))
    present = {
        (row["labelsOrTypes"][0], row["properties"][0])
        for row in rows
        if row["type"] == "UNIQUENESS" and len(row["properties"]) == 1
    }
    assert present >= UNIQUE_KEYS


def test_indexes_online(graph: Graph) -> None:
    rows = {row["name"]: row for row in graph.read(query("server/indexes"))}
    assert rows["entity_names"]["type"] == "FULLTEXT"
    assert rows["entity_names"]["properties"] == ["name", "aliases"]
    assert rows["event_date"]["type"] == "RANGE"
    assert rows["event_date"]["properties"] == ["date"]
    assert rows["event_date_precision"]["type"] == "RANGE"
    assert rows["event_date_precision"]["properties"] == ["date_precision"]
    assert all(row["state"] == "ONLINE" for row in rows.values())


def test_duplicate_entity_id_refused(graph: Graph) -> None:
    create = "CREATE (:Entity {id: $id, name: $name})"
    graph.write_query(create, {"id": "per:dup-test", "name": "First"})
    with pytest.raises(ConstraintError):
        graph.write_query(create, {"id": "per:dup-test", "name": "Second"})
    rows = graph.read("MATCH (e:Entity {id: $id}) RETURN e.name AS name", {"id": "per:dup-test"})
    assert rows == [{"name": "First"}]


def test_duplicate_merge_record_refused(graph: Graph) -> None:
    create = "CREATE (:MergeRecord {from_id: $from_id, into_id: $into_id})"
    graph.write_query(create, {"from_id": "per:a", "into_id": "per:b"})
    with pytest.raises(ConstraintError):
        graph.write_query(create, {"from_id": "per:a", "into_id": "per:c"})


def test_fulltext_index_finds_aliases_in_a_list(graph: Graph) -> None:
    graph.write_query(
        "CREATE (:Entity {id: $id, name: $name, aliases: $aliases})",
        {"id": "org:ft-test", "name": "Quillon Research Council", "aliases": ["QRC", "Quillon"]},
    )
    graph.read(query("server/await_indexes"), {"timeout_s": 30})
    hits = graph.read(
        "CALL db.index.fulltext.queryNodes('entity_names', $q) YIELD node RETURN node.id AS id",
        {"q": "QRC"},
    )
    assert hits == [{"id": "org:ft-test"}]
