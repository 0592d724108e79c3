"""A one-word name owning a person's title: "Lena Ortiz, Vantoria's chief executive,".

A possessor that no head word ("Labs", "Corp") marks as an organization is still one when
the title it owns is held by a name beside it, in apposition after the name or before it:
the person, the organization and the affiliation with its title. A possessive with no name
holding the title ("Vantoria's growth", "the company's chief executive") adds nothing.
"""

from __future__ import annotations

import pytest

from tests.unit._extract_helpers import entities, names, roles, run

HELD = [
    ("Lena Ortiz, Vantoria's chief executive, met Paul Brenner in Oslo.", "Lena Ortiz", "Vantoria"),
    ("Vantoria's chief executive Lena Ortiz met Paul Brenner on Monday.", "Lena Ortiz", "Vantoria"),
    ("Paul Brenner met Kessing's director, Ilse Marr, on Monday.", "Ilse Marr", "Kessing"),
    ("Ilse Marr, Kessing's head of research, said the talks went well.", "Ilse Marr", "Kessing"),
]


@pytest.mark.parametrize(("sentence", "person", "org"), HELD)
def test_possessive_title_beside_a_name_gives_the_organization(
    sentence: str, person: str, org: str
) -> None:
    x = run(sentence)
    assert (person, "Person") in entities(x)
    assert org in names(x)
    assert (person, org) in roles(x)


@pytest.mark.parametrize(
    "sentence",
    [
        "Paul Brenner praised Vantoria's growth, saying the firm would hire.",
        "The board approved Vantoria's annual budget, Paul Brenner said.",
        "Lena Ortiz, the company's chief executive, met Paul Brenner on Tuesday.",
    ],
)
def test_a_possessive_without_a_title_holder_names_no_organization(sentence: str) -> None:
    x = run(sentence)
    assert "Vantoria" not in names(x)
    assert not any(org != "Paul Brenner" and person == "Lena Ortiz" for person, org in roles(x))


def test_a_country_owning_the_title_stays_a_country() -> None:
    x = run("Ann Lee, Norway's foreign minister, met Paul Brenner on Tuesday.")
    assert ("Norway", "Country") in entities(x)
    assert ("Ann Lee", "Norway") in roles(x)
