"""Posted titles written before a name: "<title> to <country or body> <Name>".

"Ambassador-designate to Peru Jane Roe", "Permanent Representative to the United Nations
Ola Brekke": the name is a person (never glued to the title or the post, never an
organization), the post is its own country or body, and the person takes part in the
meeting. A posted title with no name after it names no one.
"""

from __future__ import annotations

import pytest

from tests.unit._extract_helpers import affiliations, entities, meetings, names, roles, run

POSTED = [
    ("Alma Reyes met Ambassador-designate to Peru Jane Roe in Lima.", "Jane Roe", "Peru"),
    ("Alma Reyes met Ambassador to Japan Ola Brekke on Monday.", "Ola Brekke", "Japan"),
    (
        "Permanent Representative to the United Nations Ola Brekke met Alma Reyes.",
        "Ola Brekke",
        "United Nations",
    ),
    ("Alma Reyes met with Envoy-designate to the European Union Jane Roe.", "Jane Roe", None),
    ("Ambassador to the Holy See Jane Roe met Alma Reyes on Friday.", "Jane Roe", None),
]


@pytest.mark.parametrize(("sentence", "person", "post"), POSTED)
def test_posted_title_keeps_the_person(sentence: str, person: str, post: str | None) -> None:
    x = run(sentence)
    assert (person, "Person") in entities(x)
    glued = [n for n in names(x) if person in n and n != person]
    assert glued == []
    if post is not None:
        assert post in names(x)
    assert ("held", frozenset({"Alma Reyes", person})) in meetings(x)


@pytest.mark.parametrize(
    "sentence",
    [
        "The Ambassador-designate to Peru met reporters in Lima.",
        "Staff of the Embassy to Japan met in Tokyo on Monday.",
        "Alma Reyes thanked the Ambassador to Japan for the visit.",
    ],
)
def test_posted_title_without_a_name_names_no_person(sentence: str) -> None:
    x = run(sentence)
    people = {n for n, t in entities(x) if t == "Person"} - {"Alma Reyes"}
    assert people == set()
    assert all(len(p) < 2 for _, p in meetings(x))


def test_designate_suffix_does_not_make_a_compound_modifier_a_title() -> None:
    x = run("Alma Reyes met Seoul-based analyst Jane Roe and Vice-President-designate Ola Brekke.")
    kinds = dict(entities(x))
    assert kinds.get("Jane Roe") == "Person"
    assert kinds.get("Ola Brekke") == "Person"


@pytest.mark.parametrize(
    "sentence",
    [
        "Ambassador to Japan Rahm Kim met Trade Minister Sela Varn on Monday.",
        "Alma Reyes met Ambassador to Japan Rahm Kim on Monday.",
        "Envoy to Chile Tove Park said the talks went well.",
    ],
)
def test_the_model_does_not_cut_a_posted_persons_given_name(sentence: str) -> None:
    # the statistical NER reads some of these names as the surname alone
    x = run(sentence)
    full = "Tove Park" if "Tove" in sentence else "Rahm Kim"
    assert (full, "Person") in entities(x)
    assert full.split()[-1] not in names(x)


@pytest.mark.parametrize(
    ("sentence", "person", "post"),
    [
        ("Ambassador to Japan Rahm Kim met Minister Sela Varn on Monday.", "Rahm Kim", "Japan"),
        ("Ambassador to Japan Ola Brekke said the talks went well.", "Ola Brekke", "Japan"),
    ],
)
def test_the_post_is_not_the_country_an_ambassador_serves(
    sentence: str, person: str, post: str
) -> None:
    # eval/real convention (r19): an ambassador serves the sending country, never the post
    x = run(sentence)
    assert (person, post) not in roles(x)


def test_the_sending_country_before_a_posted_title_is_kept() -> None:
    x = run("U.S. Ambassador to Japan Rahm Kim met Alma Reyes on Monday.")
    assert ("Rahm Kim", "United States") in roles(x)
    assert ("Rahm Kim", "Japan") not in roles(x)


def test_a_joined_posted_title_of_a_country_to_a_post_before_the_name() -> None:
    """'Ambassador Extraordinary and Plenipotentiary of Norway to Peru Tomas Brek': the joined
    title is posted as 'Ambassador' is; the name is found and serves the country after 'of'."""
    x = run(
        "Lena Ortiz received Ambassador Extraordinary and Plenipotentiary of Norway to Peru"
        " Tomas Brek on Monday."
    )
    assert ("Tomas Brek", "Person") in entities(x)
    assert ("Tomas Brek", "Norway", True) in affiliations(x)
    assert ("Tomas Brek", "Peru", True) not in affiliations(x)
