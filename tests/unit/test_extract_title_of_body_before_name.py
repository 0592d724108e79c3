"""A title "of" a named body before the name: "Director of the Norvik Institute Tomas Brek".

"Minister of Rural Affairs X" names an area (the ministry is found only when the text names
it), and every "<title> of <words> <name>" was read that way, so "Chairman of the Velk
Motors Board X" and "President of the Halden Development Bank X" lost the body. Words after
the "of" that hold a word heading organizations' names (and no policy area) name the body:
it is an entity and the person serves it.
"""

from __future__ import annotations

import pytest

from tests.unit._extract_helpers import affiliations, entities, names, run

BODIES = [
    ("Director of the Norvik Institute Tomas Brek met Ana Holm in Oslo.", "Norvik Institute"),
    ("Chairman of the Velk Motors Board Tomas Brek met Ana Holm.", "Velk Motors Board"),
    ("Chief Executive of Velk Motors Tomas Brek met Ana Holm on Monday.", "Velk Motors"),
    (
        "President of the Halden Development Bank Tomas Brek met Ana Holm.",
        "Halden Development Bank",
    ),
]


@pytest.mark.parametrize(("sentence", "body"), BODIES)
def test_a_title_of_a_named_body_before_the_name(sentence: str, body: str) -> None:
    x = run(sentence)
    assert body in names(x)
    assert ("Tomas Brek", body, True) in affiliations(x)


@pytest.mark.parametrize(
    "sentence",
    [
        "Vice Minister of Rural Affairs Tomas Brek met Ana Holm in Oslo.",
        "Minister of Trade and Industry Tomas Brek met Ana Holm in Oslo.",
    ],
)
def test_a_title_of_an_area_still_names_no_body(sentence: str) -> None:
    x = run(sentence)
    assert names(x) == {"Tomas Brek", "Ana Holm"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The chief executive of Peruvian insurer Velk Group, Tomas Brek, met the minister.",
        "The chief executive of private equity firm Velk Group, Tomas Brek, met the minister.",
    ],
)
def test_a_described_body_then_its_unnamed_titles_holder(sentence: str) -> None:
    """'the chief executive of <descriptor> <body>, <name>,': the name holds the title (it
    was typed a company continuing a list of bodies)."""
    x = run(sentence)
    assert ("Tomas Brek", "Person") in entities(x)
    assert ("Tomas Brek", "Velk Group", True) in affiliations(x)
