"""Sentence shapes of wire news, round 9 (invented names): remote meetings by another word,
"including" lists hung on the verb or on a named body, appositive lists, "their meeting",
joining someone for talks."""

from __future__ import annotations

from graph.model import REMOTE_KINDS
from tests.unit._extract_helpers import affiliations, meetings, run


def _cores(body: str) -> list[tuple[str, frozenset[str]]]:
    return meetings(run(body))


def test_a_videoconference_is_a_remote_meeting() -> None:
    x = run("Prime Minister Dara Halm held a videoconference with President Tom Hale on Monday.")
    assert meetings(x) == [("held", frozenset({"Dara Halm", "Tom Hale"}))]
    assert x.meetings[0].kind in REMOTE_KINDS


def test_including_on_the_verb_names_the_unnamed_object() -> None:
    x = run(
        "Trade Minister Rolf Dane met a delegation from Velk Motors on Monday, including its "
        "chief executive Ian Roe."
    )
    assert len(x.meetings) == 1
    assert {"Rolf Dane", "Ian Roe"} <= meetings(x)[0][1]
    assert ("Ian Roe", "Velk Motors", True) in affiliations(x)


def test_including_under_a_named_body_adds_its_member() -> None:
    x = run(
        "Foreign Minister Ole Brun met representatives of the Ostland Chamber of Commerce, "
        "including its president Ola Brekke, on Tuesday."
    )
    assert len(x.meetings) == 1
    assert {"Ole Brun", "Ola Brekke"} <= meetings(x)[0][1]


def test_a_named_list_keeps_the_venue_out() -> None:
    got = _cores(
        "President Tom Hale met several business leaders at the White House, including Velk "
        "Motors chief executive Ian Roe and Vexo Chips chief Lena Wirth."
    )
    assert len(got) == 1
    assert {"Tom Hale", "Ian Roe", "Lena Wirth"} <= got[0][1]
    assert "White House" not in got[0][1]


def test_a_list_of_names_with_appositive_titles() -> None:
    got = _cores(
        "Tom Hale, the US president, and Karl Aune, the German chancellor, met on the "
        "sidelines of the summit."
    )
    assert got == [("held", frozenset({"Tom Hale", "Karl Aune"}))]


def test_their_meeting_is_the_meeting_of_the_subjects() -> None:
    got = _cores(
        "Chancellor Karl Aune and President Tom Hale shook hands at the start of their "
        "meeting in Rome."
    )
    assert got == [("held", frozenset({"Karl Aune", "Tom Hale"}))]


def test_their_of_one_speaker_names_nobody() -> None:
    assert _cores("Minister Rolf Dane said their meeting had been useful.") == []


def test_joined_someone_for_talks_with_a_third() -> None:
    got = _cores(
        "Defence Minister Ola Brekke joined Prime Minister Dara Halm for talks with President "
        "Tom Hale on Friday."
    )
    assert got == [("held", frozenset({"Ola Brekke", "Dara Halm", "Tom Hale"}))]
