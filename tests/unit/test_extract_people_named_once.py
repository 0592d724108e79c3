"""People the text names once, with no title: a census given name makes the name a person's,
and a comma that ends a phrase does not list the next name with the one before it."""

from __future__ import annotations

from tests.unit._extract_helpers import entities, run


def test_a_census_given_name_makes_a_speaker_a_person() -> None:
    for text in (
        "Dolores Prieto said on Monday that port fees could fall.",
        "Ernest Valka told reporters the accord would hold.",
    ):
        got = entities(run(text))
        assert len(got) == 1 and next(iter(got))[1] == "Person", (text, got)


def test_a_comma_ending_a_phrase_does_not_list_the_next_name() -> None:
    got = entities(
        run("After talks with Norvik Shipping, Dolores Prieto told reporters fees would fall.")
    )
    assert ("Dolores Prieto", "Person") in got
    assert ("Norvik Shipping", "Company") in got


def test_a_list_after_a_comma_still_shares_its_type() -> None:
    got = entities(
        run("Officials of Korvath Metals, Ilsen Mining and Dasol Mobile attended the talks.")
    )
    assert {("Korvath Metals", "Company"), ("Ilsen Mining", "Company")} <= got
