"""Sentence shapes of wire news, round 8 (invented names): counterparts, nationality titles,
lists the parser misreads, the press as an audience, sideline settings, datelines."""

from __future__ import annotations

import datetime as dt

from tests.unit._extract_helpers import affiliations, meetings, names, run


def _cores(body: str, date: str = "2026-03-13") -> list[tuple[str, frozenset[str]]]:
    return meetings(run(body, date=date))


def test_counterpart_named_without_a_comma() -> None:
    got = _cores("Foreign Minister Ilka Ferro met her Polish counterpart Ole Brun on Tuesday.")
    assert got == [("held", frozenset({"Ilka Ferro", "Ole Brun"}))]  # Poland: optional


def test_the_nationality_leader_is_the_person_serving_that_country() -> None:
    got = _cores(
        "Velk Motors chief executive Ian Roe met Indian Prime Minister Dara Halm on Wednesday. "
        "The meeting came a day after the Indian leader met Ostmark Steel CEO Ola Brekke."
    )
    assert ("held", frozenset({"Dara Halm", "Ola Brekke", "Ostmark Steel"})) in got


def test_came_a_day_after_dates_the_earlier_meeting() -> None:
    x = run(
        "Trade Minister Rolf Dane met Vexo Chips chief executive Lena Wirth on Thursday. The "
        "meeting came a day after Wirth met with Prime Minister Karl Aune.",
        date="2026-03-13",
    )
    assert [m.date for m in x.meetings] == [dt.date(2026, 3, 12), dt.date(2026, 3, 11)]
    assert "Lena Wirth" in {x.entity(p.entity).name for p in x.meetings[0].participants}


def test_among_the_executives_who_attended() -> None:
    got = _cores(
        "Velk Group CEO Ian Roe, Ostmark Steel's Ola Brekke and Harn Aviation's Dara Halm "
        "were among the executives who attended the meeting with Vice President Tom Hale."
    )
    assert len(got) == 1
    assert {"Ian Roe", "Ola Brekke", "Dara Halm", "Tom Hale"} <= got[0][1]


def test_briefing_reporters_is_no_meeting() -> None:
    got = _cores(
        "Chancellor Ilka Ferro received President Ole Brun at the chancellery on Monday. "
        "A senior Foreign Ministry official briefed reporters on the talks."
    )
    assert got == [("held", frozenset({"Ilka Ferro", "Ole Brun"}))]


def test_a_summit_told_far_later_with_new_parties_is_another_gathering() -> None:
    x = run(
        "Trade Minister Rolf Dane met Vexo Chips chief executive Lena Wirth on Monday. Dane "
        "said the talks were useful. He will return next month. Officials expect a decision "
        "soon. The summit was hosted by President Ian Roe and attended by Prime Minister "
        "Dara Halm."
    )
    first = {x.entity(p.entity).name for p in x.meetings[0].participants}
    assert "Ian Roe" not in first and "Dara Halm" not in first


def test_during_the_meeting_they_agreed_is_held() -> None:
    x = run(
        "Velk Motors chairman Ian Roe met Ostmark Steel CEO Ola Brekke on Tuesday. During the "
        "meeting, Roe and Brekke agreed to expand cooperation."
    )
    assert [m.status for m in x.meetings] == ["held"]


def test_a_dateline_never_dates_the_meeting() -> None:
    x = run(
        "ARVSTAD, May 3 (Wire) - Trade Minister Rolf Dane met Vexo Chips chief executive "
        "Lena Wirth on Thursday.",
        date="2026-03-13",
    )
    assert x.meetings[0].date == dt.date(2026, 3, 12)


def test_a_one_word_name_listed_with_a_company() -> None:
    x = run("Trade Minister Rolf Dane met executives of Harn Aviation and Quenbry on Monday.")
    assert "Quenbry" in names(x)
    assert meetings(x) == [("held", frozenset({"Rolf Dane", "Harn Aviation", "Quenbry"}))]


def test_discussed_with_names_the_other_side() -> None:
    got = _cores("Foreign Minister Ilka Ferro discussed the war with Ole Brun of Ostmark Steel.")
    assert got == [("held", frozenset({"Ilka Ferro", "Ole Brun", "Ostmark Steel"}))]
    assert _cores("Foreign Minister Ilka Ferro discussed the war with reporters.") == []


def test_a_country_closing_the_title_is_whom_the_person_serves() -> None:
    x = run("Ilka Ferro met with Minister of Foreign Affairs of Japan Ole BRUN on Monday.")
    assert ("Ole BRUN", "Japan", True) in affiliations(x)
    assert all("Foreign Affairs" not in n for n in names(x))


def test_name_before_a_surname_particle_is_its_short_form() -> None:
    got = _cores(
        "President Ana Lia Rolo da Costa arrived in Arvstad on Thursday. Rolo met "
        "Prime Minister Ian Roe on Friday."
    )
    assert ("held", frozenset({"Ana Lia Rolo da Costa", "Ian Roe"})) in got


def test_majority_leader_names_the_chamber() -> None:
    x = run("Senate Majority Leader Ian Roe met Prime Minister Ola Brekke on Monday.")
    assert "Senate" in names(x)
    assert "Senate Majority" not in names(x)


def test_spoke_with_is_a_conversation_but_not_with_reporters() -> None:
    got = _cores("Chancellor Ilka Ferro spoke with President Ole Brun on Sunday.")
    assert got == [("held", frozenset({"Ilka Ferro", "Ole Brun"}))]
    assert _cores("Chancellor Ilka Ferro spoke with reporters on Sunday.") == []


def test_the_ceos_of_companies_name_the_companies() -> None:
    x = run(
        "The CEOs of Velk Bank, Harn Aviation and Ostmark Steel met with Treasury Secretary "
        "Ian Roe on Monday."
    )
    assert not any(n.startswith("CEOs") for n in names(x))
    assert meetings(x) == [
        ("held", frozenset({"Velk Bank", "Harn Aviation", "Ostmark Steel", "Ian Roe"}))
    ]


def test_an_interview_with_a_news_outlet_is_no_meeting() -> None:
    assert _cores("Prime Minister Ian Roe spoke with the Arvstad Times on Monday.") == []
    assert _cores("Minister Ola Brekke discussed the outlook with Harn Television.") == []
    assert _cores("Minister Ola Brekke spoke with Dara Halm in an interview on Monday.") == []


def test_met_separately_makes_one_meeting_with_each() -> None:
    got = _cores(
        "Defense Secretary Ian Roe met separately with Japanese Defense Minister Ola Brekke and "
        "South Korean Defense Minister Dara Halm."
    )
    assert ("held", frozenset({"Ian Roe", "Ola Brekke"})) in got
    assert ("held", frozenset({"Ian Roe", "Dara Halm"})) in got
    assert len(got) == 2


def test_hosting_the_leaders_of_countries() -> None:
    got = _cores(
        "Vice President Ian Roe hosted the leaders of Japan and the Philippines at the White "
        "House on Thursday."
    )
    assert got == [("held", frozenset({"Ian Roe", "Japan", "Philippines"}))]
