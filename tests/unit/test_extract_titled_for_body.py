"""'<Title> of <area> <Name> for the <Body>': the 'for' phrase after the name is the holder's
body, not part of the title ("Secretary of State Tara Vine for the Department of Culture,
Media and Sport"), while "Assistant Secretary of Commerce for Export Administration X" is
still one title."""

from __future__ import annotations

import pytest

from tests.unit._extract_helpers import entities, meetings, names, roles, run

BODY = [
    (
        "Secretary of State Tara Vine for the Department of Culture, Media and Sport met "
        "Minister Ana Holm.",
        "Department of Culture, Media and Sport",
    ),
    (
        "Minister Ana Holm met Secretary of State Tara Vine for the Department for Rural Growth "
        "on Monday.",
        "Department for Rural Growth",
    ),
]


@pytest.mark.parametrize(("sentence", "body"), BODY)
def test_the_body_after_a_titled_name_is_its_own_entity(sentence: str, body: str) -> None:
    x = run(sentence)
    assert ("Tara Vine", "Person") in entities(x)
    assert body in names(x)
    assert ("Tara Vine", body) in roles(x)
    assert any({"Tara Vine", "Ana Holm"} <= parties for _, parties in meetings(x))


def test_an_area_before_the_name_stays_in_the_title() -> None:
    x = run("Assistant Secretary of Commerce for Export Administration Tara Vine met Ana Holm.")
    assert ("Tara Vine", "Person") in entities(x)
    assert not any("Export" in n for n in names(x))


@pytest.mark.parametrize(
    "sentence",
    [
        "Minister Ana Holm thanked Tara Vine for the Harbor Forum on Monday.",
        "Minister Ana Holm praised Secretary Tara Vine for the Ministry of Culture's support.",
    ],
)
def test_for_after_an_untitled_name_or_before_a_possessive_is_no_affiliation(
    sentence: str,
) -> None:
    x = run(sentence)
    assert not any(person == "Tara Vine" for person, _ in roles(x))
