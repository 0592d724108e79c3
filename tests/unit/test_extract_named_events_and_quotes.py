"""Names of events and bodies written inside longer phrases, quoted reports of meetings, and
the readings of officials and dates that go with them (invented sentences)."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.documents import make_document
from graph.extract.dates import find_dates, resolve
from graph.extract.text import layout
from tests.unit._extract_helpers import affiliations, meetings, names, run


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "Minister Ana Pell flew to Arvstad to attend the Veltria-Norvia-Osland Trade "
            "Ministers' Meeting on Friday.",
            "Veltria-Norvia-Osland Trade Ministers' Meeting",
        ),
        (
            "Minister Ana Pell spoke at the Nordic Harbor Union (NHU) Summit in Arvstad.",
            "Nordic Harbor Union (NHU) Summit",
        ),
        (
            "Minister Ana Pell chaired the Ministerial Meeting on Coastal Affairs on Friday.",
            "Ministerial Meeting on Coastal Affairs",
        ),
        (
            "Minister Ana Pell left for the NHU-related Port Ministers' Meetings in Arvstad.",
            "NHU-related Port Ministers' Meetings",
        ),
    ],
)
def test_an_event_name_with_qualifiers_is_one_entity(text: str, event: str) -> None:
    assert event in names(run(text))


def test_a_body_inside_an_event_name_is_kept() -> None:
    x = run("Minister Ana Pell spoke at the Nordic Harbor Union (NHU) Summit in Arvstad.")
    assert "Nordic Harbor Union" in names(x)


def test_an_event_name_cut_on_its_left_across_and_is_not_guessed() -> None:
    x = run(
        "Minister Ana Pell opened the Next Generation Ports and Coastal Shipping (PCS) "
        "Dialogue in Arvstad."
    )
    assert not any(n.startswith("Coastal Shipping (PCS)") for n in names(x))


def test_a_modifier_and_a_mission_name_state_their_organization() -> None:
    x = run(
        "Minister Ana Pell met the ambassador of the EU Delegation to Chile on Monday. "
        "She left for the ASEAN-related talks in Arvstad."
    )
    # gazetteer organizations take their full names
    assert {"European Union", "Association of Southeast Asian Nations"} <= names(x)
    assert any("EU Delegation to Chile" in sides for _, sides in meetings(x))


def test_a_plural_title_is_a_group_not_a_body() -> None:
    x = run(
        "Advisor Ana Pell met Advisor Tomas Berg in Arvstad on Friday, the third meeting "
        "between the two National Security Advisors."
    )
    assert "National Security Advisors" not in names(x)
    assert meetings(x) == [("held", frozenset({"Ana Pell", "Tomas Berg"}))]


def test_adjectives_before_alliance_name_a_relationship() -> None:
    x = run(
        "President Ana Pell and President Tomas Berg met in Arvstad on Friday and praised "
        "the Global Comprehensive Strategic Alliance between Veltria and Norvia."
    )
    assert "Global Comprehensive Strategic Alliance" not in names(x)


def test_a_country_abbreviation_ends_a_sentence_before_a_pronoun() -> None:
    lay = layout("Talks were held between Veltria and the U.S. He said they went well.")
    assert [s.text for s in lay.sentences] == [
        "Talks were held between Veltria and the U.S.",
        "He said they went well.",
    ]
    lay = layout("The U.S. President met him at 9 a.m. on Monday.")
    assert len(lay.sentences) == 1


def test_speech_clauses_broken_over_lines_stay_in_the_body() -> None:
    text = (
        "Title: Remarks\n\nThank you all for coming to this lunch today.\n\n"
        "I am sure you would agree that in this day and age, trade is security,\n\n"
        "for we are now living in a time when economies are intertwined;\n\n"
        "where countries are using economic tools to pursue their goals;\n\n"
        "and where statecraft is merging with economic statecraft.\n\n"
        "I met with Minister Tomas Berg of Norvia in Arvstad on Monday.\n"
    )
    doc = make_document(text)
    assert "I met with Minister Tomas Berg" in doc.text


@pytest.mark.parametrize(
    ("words", "month"),
    [("in June last year", (2018, 6)), ("in March next year", (2020, 3))],
)
def test_a_month_with_last_or_next_year(words: str, month: tuple[int, int]) -> None:
    (found,) = find_dates(f"The summit {words} was a success.")
    got = resolve(found, dt.date(2019, 6, 11), False, None)
    assert (got.year, got.month) == month


def test_a_past_date_right_after_the_event_noun_makes_it_held() -> None:
    x = run(
        "The two ministers will review the measures to follow up on the Chile-Peru "
        "summit in June last year.",
        date="2019-06-11",
    )
    assert ("held", frozenset({"Chile", "Peru"})) in meetings(x)


def test_a_meeting_told_inside_a_quotation_is_read() -> None:
    x = run(
        "Trade Secretary Ana Pell travelled abroad this week. "
        '"Secretary Pell visited Arvstad, where the secretary signed an agreement on port '
        'cooperation with Peru," said spokesman Tomas Berg.'
    )
    assert any(sides >= {"Ana Pell", "Peru"} for _, sides in meetings(x))


def test_plural_documents_signed_with_two_countries_are_two_signings() -> None:
    x = run(
        "Trade Secretary Ana Pell visited the region this week. Pell signed letters of "
        "intent on port cooperation with Chile and Peru."
    )
    assert sorted(sorted(sides) for _, sides in meetings(x)) == [
        ["Ana Pell", "Chile"],
        ["Ana Pell", "Peru"],
    ]


def test_an_unnamed_official_stands_for_the_body_they_work_in() -> None:
    x = run(
        "Tomas Berg, the undersecretary for ports, met with Norvia's secretary of state in "
        "the Ministry of Maritime Affairs."
    )
    (_, sides) = meetings(x)[0]
    assert {"Tomas Berg", "Ministry of Maritime Affairs"} <= sides


def test_a_cabinet_secretary_is_not_another_governments_ministry() -> None:
    x = run(
        "Ports Secretary Ana Pell spent the week abroad. Tomas Berg met Norvia's secretary "
        "of state in the Ministry of National Ports on Monday.",
    )
    assert not any(p == "Ana Pell" and "Ministry" in o for p, o, _ in affiliations(x))
