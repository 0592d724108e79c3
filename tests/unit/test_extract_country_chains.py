"""A chain of countries before an event noun ("the Korea-Japan summit") names its sides."""

from __future__ import annotations

import pytest

from tests.unit._extract_helpers import entities, run


def _sides(text: str) -> list[set[tuple[str, bool]]]:
    x = run(text)
    return [{(x.entity(p.entity).name, p.optional) for p in m.participants} for m in x.meetings]


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        ("The Korea-Japan summit was held in Tokyo on Monday.", {"South Korea", "Japan"}),
        ("Officials prepared for the US-China talks in Geneva.", {"United States", "China"}),
        (
            "It marks 30 years since the first ROK-U.S.-Japan trilateral summit.",
            {"South Korea", "United States", "Japan"},
        ),
    ],
)
def test_the_countries_of_a_chain_are_the_parties(text: str, countries: set[str]) -> None:
    assert _sides(text) == [{(c, False) for c in countries}]


def test_beside_named_people_the_countries_are_optional_sides() -> None:
    sides = _sides(
        "President Lena Varga and Prime Minister Oskar Lind held the Korea-Japan summit "
        "in Tokyo on Monday."
    )
    assert sides == [
        {("Lena Varga", False), ("Oskar Lind", False), ("South Korea", True), ("Japan", True)}
    ]


def test_a_summit_with_sides_not_met_so_far_is_another_meeting() -> None:
    x = run(
        "Minister Lena Varga met Ambassador Oskar Lind of the United States on Monday. "
        "Varga noted that the year marks 30 years since the first ROK-U.S.-Japan summit."
    )
    assert len(x.meetings) == 2


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "The Seoul-based firm met Coca-Cola and Rolls-Royce executives on Monday.",
            {("Coca-Cola", "Company"), ("Rolls-Royce", "Company")},
        ),
        (
            "Mercedes-Benz held talks with the Guinea-Bissau delegation on Monday.",
            {("Guinea-Bissau", "Country")},
        ),
    ],
)
def test_hyphenated_names_that_are_not_country_chains(
    text: str, kept: set[tuple[str, str]]
) -> None:
    found = entities(run(text))
    assert kept <= found
    assert not {n for n, t in found if t == "Country"} & {"Guinea", "South Korea", "Japan"}
