"""Shapes of diplomatic and business news copy (invented sentences): who talked to whom at
a meeting, rosters of 'those attending', a body led by a named person, bilaterals."""

from __future__ import annotations

from tests.unit._extract_helpers import held, meetings, names, run


def test_talking_to_someone_in_a_meeting_is_a_meeting_with_the_main_subject() -> None:
    got = held(
        "Talking to Resident Representative of the World Bank Ola Brekke in a meeting held "
        "separately, Dara Halm stressed the partnership."
    )
    assert len(got) == 1 and {"Ola Brekke", "Dara Halm"} <= got[0]


def test_the_foreign_minister_after_talking_to_is_the_minister_named_before() -> None:
    got = held(
        "Foreign Minister Dara Halm received several envoys on Thursday. Meanwhile, talking to "
        "Ambassador Ola Brekke during the meeting, the foreign minister stressed dialogue."
    )
    assert {"Dara Halm", "Ola Brekke"} in [p & {"Dara Halm", "Ola Brekke"} for p in got]


def test_talking_to_reporters_after_a_meeting_states_no_meeting() -> None:
    assert held("Talking to reporters after the meeting, Dara Halm said Ola Brekke had left.") == []


def test_those_attending_the_meeting_join_the_meeting_told_before() -> None:
    got = meetings(
        run(
            "President Lena Dorsk met foreign executives in Ardel on Wednesday. Ola Brekke, "
            "president of the Baltic Trade Council, and Ian Roe are among those attending the "
            "meeting, the agency reported."
        )
    )
    assert len(got) == 1
    assert {"Lena Dorsk", "Ola Brekke", "Ian Roe"} <= got[0][1]


def test_among_those_who_spoke_is_no_attendance() -> None:
    got = meetings(run("Ola Brekke and Ian Roe are among those who criticized the port plan."))
    assert got == []


def test_a_body_led_by_a_named_person_brings_that_person() -> None:
    got = held(
        "The Veltrian Chamber, led by its vice chair, Mr. Ola Brekke, had a private meeting "
        "with the Mayor of Ardel, Mr. Ian Roe."
    )
    assert len(got) == 1 and {"Veltrian Chamber", "Ola Brekke", "Ian Roe"} <= got[0]
    got = held("Norvik Shipping, led by chief executive Ola Brekke, met Dara Halm on Monday.")
    assert got == [frozenset({"Norvik Shipping", "Ola Brekke", "Dara Halm"})]


def test_bilaterals_with_several_parties_are_one_meeting_with_each() -> None:
    got = held("Prime Minister Dara Halm held bilaterals with Norway, Spain and Turkey on Monday.")
    assert sorted(sorted(p) for p in got) == [
        ["Dara Halm", "Norway"],
        ["Dara Halm", "Spain"],
        ["Dara Halm", "Turkey"],
    ]
    got = held("Dara Halm held bilateral meetings with Ola Brekke and Ian Roe on Monday.")
    assert len(got) == 2
    got = held("Dara Halm held a bilateral meeting with Ola Brekke and Ian Roe on Monday.")
    assert got == [frozenset({"Dara Halm", "Ola Brekke", "Ian Roe"})]


def test_bilateral_as_an_adjective_is_no_event() -> None:
    assert held("Dara Halm and Ola Brekke reviewed bilateral ties last year.") == []


def test_spoke_to_a_person_is_talks_and_to_a_body_an_address() -> None:
    got = held("President Dara Halm spoke to Prime Minister Ola Brekke on Monday about trade.")
    assert got == [frozenset({"Dara Halm", "Ola Brekke"})]
    assert held("Dara Halm spoke to the Veltrian Parliament on Monday.") == []
    assert held("Dara Halm spoke to reporters after the vote.") == []


def test_one_more_person_also_present_joins_the_meeting() -> None:
    got = held("Dara Halm met Ola Brekke on Wednesday. Ian Roe was also present.")
    assert got == [frozenset({"Dara Halm", "Ola Brekke", "Ian Roe"})]
    got = held(
        "Dara Halm met Ola Brekke on Wednesday. Present on the occasion were Ian Roe and "
        "Lena Dorsk."
    )
    assert got == [frozenset({"Dara Halm", "Ola Brekke", "Ian Roe", "Lena Dorsk"})]


def test_those_in_whose_presence_it_was_signed_were_there() -> None:
    got = held(
        "Ian Roe and Lena Dorsk signed the memorandum in the presence of Trade Minister Dara "
        "Halm and Ambassador Ola Brekke."
    )
    assert got == [frozenset({"Ian Roe", "Lena Dorsk", "Dara Halm", "Ola Brekke"})]
    got = held("Ian Roe and Lena Dorsk held talks in the presence of Trade Minister Dara Halm.")
    assert got == [frozenset({"Ian Roe", "Lena Dorsk", "Dara Halm"})]


def test_honorifics_and_two_word_titles_are_not_names() -> None:
    x = run(
        "A delegation led by Her Excellency Mrs Ola Brekke met Shri Ian Roe, Additional "
        "Secretary, on Monday. Later, Australian High Commissioner Lena Dorsk called on Ian Roe."
    )
    assert names(x) >= {"Ola Brekke", "Ian Roe", "Lena Dorsk"}
    assert not names(x) & {"Excellency", "Additional Secretary", "Australian High"}
