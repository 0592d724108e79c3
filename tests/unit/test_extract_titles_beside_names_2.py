"""Titles beside names that gave a wrong or no affiliation (invented sentences).

- "Governor Lena Ortiz met executives of Velk Motors": a bare body title ("Governor",
  "Chair", "CEO") in a sentence naming one body is that body's, unless the body is named
  after the official past a word of meeting: then it is whom they met.
- "Mike Pence ... A Pence spokeswoman said": a surname written again before a spokesperson
  or a lowercase title is the person named earlier, not an organization (the whole person
  was typed one).
- "Peruvian Foreign Minister (FM) Lena Ortiz": the title's short form in brackets stands
  between the title and the name; it is no organization "Foreign Minister".
"""

from __future__ import annotations

import pytest

from tests.unit._extract_helpers import affiliations, entities, names, roles, run


@pytest.mark.parametrize(
    "sentence",
    [
        "Governor Lena Ortiz met executives of Velk Motors on Monday.",
        "Governor Lena Ortiz visited Velk Motors on Monday.",
        "Chair Lena Ortiz held talks with Velk Motors in Oslo.",
    ],
)
def test_a_body_met_is_not_the_officials_own(sentence: str) -> None:
    assert ("Lena Ortiz", "Velk Motors") not in roles(run(sentence))


def test_a_bare_title_in_a_sentence_naming_its_body_still_serves_it() -> None:
    x = run("The Norvik Central Bank held rates steady, and Governor Lena Ortiz said prices rose.")
    assert ("Lena Ortiz", "Norvik Central Bank", True) in affiliations(x)


@pytest.mark.parametrize(
    "text",
    [
        "Mike Pence met Velk Motors executives. A Pence spokeswoman said the talks went well.",
        "Mike Pence met Velk Motors executives. Pence spokeswoman Ana Holm said they went well.",
    ],
)
def test_a_persons_surname_before_a_spokesperson_stays_a_person(text: str) -> None:
    x = run(text)
    assert ("Mike Pence", "Person") in entities(x)
    assert not any(org == "Mike Pence" for _, org, _ in affiliations(x))


@pytest.mark.parametrize(
    ("sentence", "org"),
    [
        ("Peruvian Foreign Minister (FM) Lena Ortiz held talks with Tomas Brek.", "Peru"),
        ("Velk Motors Chief Executive Officer (CEO) Lena Ortiz met Tomas Brek.", "Velk Motors"),
    ],
)
def test_a_titles_short_form_before_the_name(sentence: str, org: str) -> None:
    x = run(sentence)
    assert ("Lena Ortiz", org, True) in affiliations(x)
    assert not {"Foreign Minister", "Chief Executive Officer", "FM", "CEO"} & names(x)


def test_a_high_representative_is_a_title_not_a_body() -> None:
    """'High Representative of the European Union (EU) X': "High" begins the title, so the
    acronym defines the union, not a body "High Representative of the European Union" that
    the name listed before was wrongly affiliated to."""
    x = run(
        "He met Minister of Foreign Affairs of Chile Lena Ortiz, Second Minister of Foreign"
        " Affairs of Peru Tomas Brek and High Representative of the European Union (EU)"
        " Ana Holm in Lima."
    )
    assert not any(n.startswith("High") for n in names(x))
    assert {("Lena Ortiz", "Chile", True), ("Tomas Brek", "Peru", True)} <= affiliations(x)
    assert not any(p == "Lena Ortiz" and o != "Chile" for p, o, _ in affiliations(x))


def test_an_acronym_owning_a_department_is_no_country() -> None:
    """'the NDP's Foreign Affairs Department': a possessive owning a government body made an
    unknown word a country; an acronym is a party's or a firm's (countries written as
    acronyms are known). A word is still read so ("Ostmark's Foreign Affairs Department")."""
    x = run("Vijay Rao, the NDP's Foreign Affairs Department head, met Lena Ortiz.")
    assert ("NDP", "Country") not in entities(x)
    assert not any(org == "NDP" for _, org, _ in affiliations(x))
    y = run("Ostmark's Foreign Affairs Department said Lena Ortiz met Tomas Brek.")
    assert ("Ostmark", "Country") in entities(y)
