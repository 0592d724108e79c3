"""A chain of countries inside a body's name: "the Norway-Peru Business Council".

A chain of countries before an event noun names the event's sides ("the Norway-Peru
summit"); inside the name of a body (a council, chamber, committee, society) it is part of
that name. The body is an entity, its officer serves it, and neither country is affiliated.
"""

from __future__ import annotations

import pytest

from tests.unit._extract_helpers import affiliations, entities, names, run

BODIES = [
    (
        "Tomas Brek, president of the Norway-Peru Business Council, met Ana Holm on Monday.",
        "Norway-Peru Business Council",
    ),
    (
        "Tomas Brek, president of the National Committee on Norway-Peru Relations, met Ana Holm.",
        "National Committee on Norway-Peru Relations",
    ),
    (
        "Ana Holm met Tomas Brek, chairman of the Chile-Peru Chamber of Commerce, in Lima.",
        "Chile-Peru Chamber of Commerce",
    ),
]


@pytest.mark.parametrize(("sentence", "body"), BODIES)
def test_a_chain_inside_a_bodys_name_is_the_body(sentence: str, body: str) -> None:
    x = run(sentence)
    assert body in names(x)
    assert ("Tomas Brek", body, True) in affiliations(x)
    assert not {org for person, org, _ in affiliations(x)} & {"Norway", "Peru", "Chile"}


def test_a_chain_before_an_event_still_names_its_sides() -> None:
    x = run("The Norway-Peru summit was held in Lima on Monday.")
    assert {("Norway", "Country"), ("Peru", "Country")} <= entities(x)


def test_a_chain_before_a_relationship_or_a_programme_still_names_the_countries() -> None:
    x = run(
        "Ana Holm said the Norway-Peru Strategic Partnership and the Norway-Peru Framework grew."
    )
    assert {("Norway", "Country"), ("Peru", "Country")} <= entities(x)
