"""Name resolution by the `entity_lookup` index: kept by the store, filled in for old graphs,
and read by an index seek (no scan of every entity)."""

from __future__ import annotations

from typing import Any

import pytest
from neo4j import Driver

from graph.database.cypher import query
from graph.database.db import Graph
from graph.database.schema import apply_schema
from graph.read.lucene import exact_query
from graph.read.reads import Reads
from graph.settings import Settings
from graph.store.graph_store import GraphStore
from graph.store.resolve import lookup_names, normalize_name
from tests.support.store import GOV, ORG, PER, Doc

pytestmark = pytest.mark.db


def _load(store: GraphStore) -> None:
    d = Doc("doc-lookup", "The Ministry of Oddities (MOO) met Ada Quillfeather of Brasswork Guild.")
    d.entity("m", "Ministry of Oddities", GOV, "MOO").entity("a", "Ada Quillfeather", PER)
    d.entity("g", "Brasswork Guild", ORG)
    d.meeting(
        "x",
        "The Ministry of Oddities (MOO) met Ada Quillfeather of Brasswork Guild.",
        "m",
        ["a", "g"],
    )
    store.load(d.build())


def _entities(graph: Graph) -> list[dict[str, Any]]:
    return graph.read(
        "MATCH (e:Entity) RETURN e.id AS id, e.name AS name, e.aliases AS aliases, "
        "e.norm_names AS norms, e.lookup AS lookup ORDER BY id"
    )


def _plan_operators(plan: Any) -> list[str]:
    return [
        plan["operatorType"],
        *(op for c in plan.get("children", []) for op in _plan_operators(c)),
    ]


def test_store_keeps_lookup_of_every_entity(store: GraphStore, graph: Graph) -> None:
    _load(store)
    found = _entities(graph)
    assert found
    for e in found:
        assert e["lookup"] == lookup_names(e["name"], e["aliases"], e["norms"])


def test_names_resolve_by_index_seek(
    store: GraphStore, graph: Graph, driver: Driver, neo4j_settings: Settings
) -> None:
    _load(store)
    reads = Reads(graph)
    for e in _entities(graph):
        for ref in [e["name"].upper(), *e["aliases"]]:
            assert reads.resolve(ref).id == e["id"]
    text = "ministry of oddities"
    params = {"lower": text, "norm": normalize_name(text), "exact": exact_query([text])}
    with driver.session(database=neo4j_settings.neo4j_database) as s:
        plan = s.run("PROFILE " + query("api/entity_by_name"), params).consume().profile
    ops = _plan_operators(plan)
    assert not [op for op in ops if "Scan" in op and "ProcedureCall" not in op], ops


def test_schema_apply_fills_lookup_of_an_old_graph(store: GraphStore, graph: Graph) -> None:
    graph.write_query(
        "CREATE (:Entity {id: 'org:old', name: 'Old Lantern Society', aliases: ['OLS'], "
        "norm_names: ['old lantern society', 'ols']})"
    )
    apply_schema(graph)
    old = [e for e in _entities(graph) if e["id"] == "org:old"]
    assert old and old[0]["lookup"] == lookup_names(
        old[0]["name"], old[0]["aliases"], old[0]["norms"]
    )
    assert Reads(graph).resolve("ols").id == "org:old"
    assert Reads(graph).resolve("OLD LANTERN SOCIETY").id == "org:old"


def test_quotes_and_operators_in_a_name_are_plain_text(store: GraphStore, graph: Graph) -> None:
    _load(store)
    for ref in ['Ada "Quill" OR *', "a\\b AND (x)", "NOT"]:
        rows = graph.read(
            query("api/entity_by_name"),
            {
                "lower": ref.lower(),
                "norm": normalize_name(ref),
                "exact": exact_query([ref.lower()]),
            },
        )
        assert rows == []
