"""Sites visited stand for their owner; a clause beside an event noun took part in it; a
meeting with unnamed people waits for the roster that names them (invented sentences)."""

from __future__ import annotations

from tests.unit._extract_helpers import held, meetings, run


def test_a_toured_site_is_a_visit_to_its_owner() -> None:
    for text in (
        "Lena Dorsk toured Brannock Motors' engine plant on Tuesday.",
        "Lena Dorsk visited the headquarters of Brannock Motors on Tuesday.",
        "Lena Dorsk toured the Brannock Motors factory on Tuesday.",
    ):
        assert held(text) == [frozenset({"Lena Dorsk", "Brannock Motors"})], text


def test_whoever_showed_the_visitor_round_was_there() -> None:
    got = held("Lena Dorsk toured the Brannock Motors plant with Ola Brekke on Tuesday.")
    assert got == [frozenset({"Lena Dorsk", "Brannock Motors", "Ola Brekke"})]


def test_a_site_with_no_owner_named_is_no_meeting() -> None:
    assert held("Lena Dorsk toured the new engine plant on Tuesday.") == []


def test_a_visit_after_a_meeting_does_not_join_it() -> None:
    got = held(
        "Ian Roe met Ola Brekke of Ostmark Steel on Monday. Roe also toured Brannock Motors' "
        "plant, accompanied by its president, Dara Halm."
    )
    assert len(got) == 2
    assert "Dara Halm" not in got[0]
    assert {"Ian Roe", "Brannock Motors", "Dara Halm"} <= got[1]


def test_a_participle_after_talks_has_the_main_clause_subject() -> None:
    for text in (
        "Governor Ian Roe said rates could fall, speaking after a meeting with Ola Brekke.",
        "Governor Ian Roe, speaking after talks with Ola Brekke, said rates could fall.",
        "Following talks with Ola Brekke, Governor Ian Roe told reporters rates could fall.",
    ):
        assert held(text) == [frozenset({"Ian Roe", "Ola Brekke"})], text


def test_after_the_meeting_alone_says_nothing_of_the_speaker() -> None:
    assert held("Following the meeting, Governor Ian Roe said rates could fall.") == []


def test_unnamed_people_met_are_named_by_the_roster_after() -> None:
    got = held(
        "Ian Roe met the heads of eight banks on Monday. The meeting was attended by the "
        "chief executives of Velk Bank and Ostmark Bank."
    )
    assert got == [frozenset({"Ian Roe", "Velk Bank", "Ostmark Bank"})]


def test_unnamed_people_met_and_no_roster_make_no_meeting() -> None:
    got = held(
        "Ian Roe met business leaders in Arvstad on Monday. Ola Brekke of Velk Bank said the "
        "economy would grow."
    )
    assert got == []


def test_talks_wrapped_up_or_concluded_wereheld() -> None:
    for text in (
        "Ian Roe and Ola Brekke wrapped up two days of talks in Arvstad on Tuesday.",
        "Ian Roe and Ola Brekke concluded their talks in Arvstad on Tuesday.",
        "Ian Roe and Ola Brekke held two days of talks in Arvstad on Tuesday.",
    ):
        assert held(text) == [frozenset({"Ian Roe", "Ola Brekke"})], text


def test_talks_to_be_concluded_are_planned() -> None:
    got = meetings(run("Ian Roe and Ola Brekke will conclude their talks in Arvstad next week."))
    assert got == [("planned", frozenset({"Ian Roe", "Ola Brekke"}))]


def test_met_with_visiting_names_whom_was_met() -> None:
    for text in (
        "President Ian Roe met with visiting Prime Minister Ola Brekke in Arvstad on Tuesday.",
        "President Ian Roe held talks with visiting Prime Minister Ola Brekke on Tuesday.",
    ):
        x = run(text)
        assert len(x.meetings) == 1, text
        assert x.meetings[0].kind != "visit", text
        assert held(text) == [frozenset({"Ian Roe", "Ola Brekke"})], text
