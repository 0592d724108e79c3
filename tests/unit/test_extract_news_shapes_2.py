"""Sentence shapes of news copy and government releases, round 12 (invented names): a
hyphenated East Asian given name in the subject, "the first meeting" told several sentences
later, ..."""

from __future__ import annotations

from tests.unit._extract_helpers import affiliations, meetings, run


def _cores(body: str) -> list[tuple[str, frozenset[str]]]:
    return meetings(run(body))


def test_a_hyphenated_given_name_keeps_the_clause_verb_a_verb() -> None:
    for body in (
        "Minister Baek Su-min held talks with Swedish Foreign Minister Lars Holm in Seoul on "
        "May 3.",
        "Vice Minister Kwon Ji-ho held a meeting with Ambassador Lars Holm on Friday.",
        "Deputy Minister CHOI Da-yun had talks with Foreign Minister Lars Holm on Friday.",
    ):
        got = _cores(body)
        assert len(got) == 1 and got[0][0] == "held", body
        assert "Lars Holm" in got[0][1] and len(got[0][1]) == 2, body


def test_a_hyphenated_given_name_is_written_as_in_the_text() -> None:
    x = run("Minister Baek Su-min met Foreign Minister Lars Holm of Sweden on Monday.")
    assert meetings(x) == [("held", frozenset({"Baek Su-min", "Lars Holm"}))]
    assert ("Lars Holm", "Sweden", True) in affiliations(x)


def test_a_hyphenated_word_after_a_capitalized_word_is_no_name() -> None:
    got = _cores("A High-level delegation from Vexo Chips met Minister Lars Holm on Monday.")
    assert all("High-level" not in core for _, core in got)


def test_the_first_meeting_told_later_is_the_first_one() -> None:
    x = run(
        "On Monday, director Han Do-yeon met executives from Arum Cloud and Nuri Data. "
        "A day later, her deputy, Seo Min-ji, briefed Dasol Mobile on the campaign. "
        '"It was useful," Seo said. The agency said more briefings would follow. '
        "Among those at the first meeting was Oh Tae-rim, a director at Arum Cloud."
    )
    got = meetings(x)
    assert len(got) == 2
    assert "Oh Tae-rim" in got[0][1]
    assert "Oh Tae-rim" not in got[1][1]
