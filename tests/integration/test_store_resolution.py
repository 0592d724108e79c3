"""Resolution across documents on a real Neo4j: bodies sharing an acronym, people sharing a surname.

Hand-built extractions of short invented texts, so the store is judged apart from the extractor.
"""

from __future__ import annotations

import pytest
from neo4j import Driver

from graph.model import Extraction
from graph.store.graph_store import GraphStore
from tests.support.store import ORG, PER, Doc, dump, rows

pytestmark = pytest.mark.db


def _bodies(driver: Driver) -> list[tuple[str, list[str], list[str]]]:
    """(name, aliases, documents) of every organization, sorted."""
    found = rows(
        driver,
        "MATCH (e:Entity) WHERE NOT e:Person RETURN e.name AS name, e.aliases AS aliases, "
        "COLLECT { MATCH (d:Document)-[:MENTIONS]->(e) RETURN d.id ORDER BY d.id } AS docs",
    )
    return sorted((r["name"], r["aliases"], r["docs"]) for r in found)


def _people(driver: Driver) -> list[tuple[str, list[str]]]:
    found = rows(
        driver,
        "MATCH (p:Person) RETURN p.name AS name, "
        "COLLECT { MATCH (d:Document)-[:MENTIONS]->(p) RETURN d.id ORDER BY d.id } AS docs",
    )
    return sorted((r["name"], r["docs"]) for r in found)


# --- one acronym, two bodies -----------------------------------------------------------------


def robotics(country: str | None = None) -> Extraction:
    text = "The Nordic Robotics Institute (NRI) opened a lab. NRI hired forty engineers."
    return (
        Doc("nri-robotics", text)
        .entity("r", "Nordic Robotics Institute", ORG, "NRI", country=country)
        .build()
    )


def rail(country: str | None = None) -> Extraction:
    text = "The Nordhavn Rail Inspectorate (NRI) closed a line. NRI cited worn tracks."
    return (
        Doc("nri-rail", text)
        .entity("i", "Nordhavn Rail Inspectorate", ORG, "NRI", country=country)
        .build()
    )


def bare() -> Extraction:
    text = "NRI declined to comment."
    return Doc("nri-bare", text).entity("n", "NRI", ORG).build()


@pytest.mark.parametrize(
    ("countries"), [(None, None), ("Norway", "Denmark")], ids=["no-country", "two-countries"]
)
def test_two_bodies_sharing_an_acronym_stay_apart(
    store: GraphStore, driver: Driver, countries: tuple[str | None, str | None]
) -> None:
    store.load(robotics(countries[0]))
    report = store.load(rail(countries[1]))
    assert report.merged == []
    assert _bodies(driver) == [
        ("Nordhavn Rail Inspectorate", ["NRI"], ["nri-rail"]),
        ("Nordic Robotics Institute", ["NRI"], ["nri-robotics"]),
    ]


def test_a_bare_acronym_matching_two_bodies_joins_neither(
    store: GraphStore, driver: Driver
) -> None:
    store.load(robotics())
    store.load(rail())
    store.load(bare())
    assert _bodies(driver) == [
        ("NRI", [], ["nri-bare"]),
        ("Nordhavn Rail Inspectorate", ["NRI"], ["nri-rail"]),
        ("Nordic Robotics Institute", ["NRI"], ["nri-robotics"]),
    ]


def test_a_bare_acronym_joins_the_one_body_that_bears_it(store: GraphStore, driver: Driver) -> None:
    store.load(robotics())
    store.load(bare())
    assert _bodies(driver) == [
        ("Nordic Robotics Institute", ["NRI"], ["nri-bare", "nri-robotics"]),
    ]


def test_one_document_naming_both_bodies_and_the_bare_acronym(
    store: GraphStore, driver: Driver
) -> None:
    text = (
        "The Nordic Robotics Institute (NRI) and the Nordhavn Rail Inspectorate (NRI) "
        "signed a pact. NRI said more would follow."
    )
    d = Doc("nri-both", text)
    d.entity("r", "Nordic Robotics Institute", ORG, "NRI")
    d.entity("i", "Nordhavn Rail Inspectorate", ORG, "NRI")
    d.entity("n", "NRI", ORG)
    d.relation("AGREED_WITH", "r", "i", text.split(". ")[0] + ".")
    store.load(d.build())
    assert [b[0] for b in _bodies(driver)] == [
        "NRI",
        "Nordhavn Rail Inspectorate",
        "Nordic Robotics Institute",
    ]


def test_sharing_an_acronym_survives_reload_and_removal(store: GraphStore, driver: Driver) -> None:
    store.load(robotics())
    after_one = dump(driver)
    store.load(rail())
    store.load(bare())
    both = dump(driver)
    assert store.load(rail(), force=True).status == "replaced"
    assert dump(driver) == both
    store.remove("nri-bare")
    store.remove("nri-rail")
    assert dump(driver) == after_one


# --- people sharing a surname ----------------------------------------------------------------


def test_two_people_sharing_a_surname_in_one_document(store: GraphStore, driver: Driver) -> None:
    text = "Lena Dahl met Erik Dahl in Oslo. Dahl, the elder, spoke first; Dahl listened."
    d = Doc("dahl-both", text)
    d.entity("l", "Lena Dahl", PER, "Dahl").entity("e", "Erik Dahl", PER, "Dahl")
    d.meeting("m", "Lena Dahl met Erik Dahl in Oslo.", "l", ["e"])
    store.load(d.build())
    assert _people(driver) == [("Erik Dahl", ["dahl-both"]), ("Lena Dahl", ["dahl-both"])]
    met = rows(driver, "MATCH (p:Person)-[:HOSTED|ATTENDED]->(ev:Event) RETURN p.name AS n")
    assert sorted(r["n"] for r in met) == ["Erik Dahl", "Lena Dahl"]


def test_two_people_sharing_a_surname_in_two_documents(store: GraphStore, driver: Driver) -> None:
    t1 = "Lena Dahl opened the port. Dahl thanked the crews."
    t2 = "Erik Dahl closed the mine. Dahl blamed prices."
    store.load(Doc("dahl-1", t1).entity("p", "Lena Dahl", PER, "Dahl").build())
    store.load(Doc("dahl-2", t2).entity("p", "Erik Dahl", PER, "Dahl").build())
    assert _people(driver) == [("Erik Dahl", ["dahl-2"]), ("Lena Dahl", ["dahl-1"])]


def test_a_bare_surname_joins_no_one(store: GraphStore, driver: Driver) -> None:
    t1 = "Lena Dahl opened the port. Dahl thanked the crews."
    t3 = "Dahl declined to comment."
    store.load(Doc("dahl-1", t1).entity("p", "Lena Dahl", PER, "Dahl").build())
    store.load(Doc("dahl-3", t3).entity("p", "Dahl", PER).build())
    assert _people(driver) == [("Dahl", ["dahl-3"]), ("Lena Dahl", ["dahl-1"])]


def test_one_person_spelled_two_ways_in_two_documents(store: GraphStore, driver: Driver) -> None:
    t1 = "Choi Woo-hyuk chaired the panel. Choi praised the plan."
    t2 = "Choi Woohyuk left the panel early. Choi gave no reason."
    store.load(Doc("choi-1", t1).entity("p", "Choi Woo-hyuk", PER, "Choi").build())
    store.load(Doc("choi-2", t2).entity("p", "Choi Woohyuk", PER, "Choi").build())
    people = _people(driver)
    assert len(people) == 1
    assert people[0][1] == ["choi-1", "choi-2"]
    aliases = rows(driver, "MATCH (p:Person) RETURN p.aliases AS a")[0]["a"]
    assert {people[0][0], *aliases} == {"Choi Woo-hyuk", "Choi Woohyuk", "Choi"}


def test_a_bare_acronym_read_first_keeps_the_body_it_was_given(
    store: GraphStore, driver: Driver
) -> None:
    # Documented limit: "NRI" read while one body bore the acronym stays with it; a second
    # body with the same acronym arriving later is kept apart from both.
    store.load(bare())
    store.load(robotics())
    store.load(rail())
    assert _bodies(driver) == [
        ("Nordhavn Rail Inspectorate", ["NRI"], ["nri-rail"]),
        ("Nordic Robotics Institute", ["NRI"], ["nri-bare", "nri-robotics"]),
    ]
    before = dump(driver)
    store.load(rail(), force=True)
    store.load(robotics(), force=True)
    assert dump(driver) == before
