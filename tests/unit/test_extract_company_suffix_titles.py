"""A company's title written after its name, and a legal abbreviation before a possessive.

- "Tomas Brek, Norvik Shipping CEO, said": in apposition, the company's name and the title
  held there (no name after them) were read as one company "Norvik Shipping CEO"; the title
  is cut off and the person serves the company with that title.
- "Velk Motors Co.'s Tomas Brek": the abbreviation's full stop stood between the company and
  its possessive, so the possessive was not read ("Velk Motors' Tomas Brek" was).
- "Velk Motors Corp." is a company, as "Velk Motors Corp" is: the full stop is no head.
"""

from __future__ import annotations

import pytest

from tests.unit._extract_helpers import entities, names, roles, run

APPOSED = [
    ("Tomas Brek, Norvik Shipping CEO, said the talks went well.", "Norvik Shipping", "CEO"),
    ("Tomas Brek, Velk Motors Corp. CEO, said the plant would open.", "Velk Motors Corp.", "CEO"),
    ("Ana Holm met Tomas Brek, Halden Robotics Chairman, in Oslo.", "Halden Robotics", "Chairman"),
]


@pytest.mark.parametrize(("sentence", "company", "role"), APPOSED)
def test_a_title_after_a_company_in_apposition(sentence: str, company: str, role: str) -> None:
    x = run(sentence)
    assert (company, "Company") in entities(x)
    assert roles(x)[("Tomas Brek", company)] == role
    assert not any(n.endswith((" CEO", " Chairman")) for n in names(x))


@pytest.mark.parametrize(
    "sentence",
    [
        "Tomas Brek, Chief Cabinet Secretary, met Ana Holm in Oslo.",
        "Tomas Brek, Party Chairman, met Ana Holm in Oslo.",
    ],
)
def test_a_title_alone_in_apposition_names_no_body(sentence: str) -> None:
    x = run(sentence)
    assert not {"Cabinet", "Party", "Chief Cabinet"} & names(x)
    assert not any(person == "Tomas Brek" for person, _ in roles(x))


@pytest.mark.parametrize(
    "sentence",
    [
        "Velk Motors Co.'s Tomas Brek met the minister on Monday.",
        "Velk Motors Inc.'s chief executive Tomas Brek met the minister on Monday.",
    ],
)
def test_a_possessive_after_a_legal_abbreviation(sentence: str) -> None:
    x = run(sentence)
    company = next(n for n in names(x) if n.startswith("Velk Motors"))
    assert ("Tomas Brek", company) in roles(x)
