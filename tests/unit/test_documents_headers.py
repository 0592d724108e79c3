"""A document's own header (statement title, speech header in capitals) is kept for the
extractor: it names the speaker, whom the text below calls "I" or never names. Invented texts."""

from __future__ import annotations

from graph.documents import make_document
from graph.documents.headers import speech_header, statement_title
from graph.extract import extract
from tests.unit._extract_helpers import affiliations, names

_SPEECH = """URL: https://www.mofa.go.kr/eng/speech/1
Date: 2025-03-04

H.E. PARK SEO-YEON

MINISTER OF TRADE

DINNER WITH

THE VELTRIA BUSINESS COUNCIL

MARCH 3, 2025 (MON) 19:00

OSLO

Good evening.

Thank you for having me tonight, and thank you to Korea's partners in Veltria for this dinner.
"""

_STATEMENT = """URL: https://www.whitehouse.gov/briefing-room/statements/1
Date: 2025-03-04

Statement from NSC Spokesperson Dara Quill on the Trip of Secretary Ovan Lede to Peru
Secretary Ovan Lede arrived in Lima today for talks on port security with the United States.
"""


def test_a_statement_title_stays_as_the_first_sentence() -> None:
    doc = make_document(_STATEMENT)
    assert doc.text.startswith("Statement from NSC Spokesperson Dara Quill on the Trip")
    assert doc.meta.title is not None and doc.meta.title.startswith("Statement from")
    x = extract(doc)
    assert {"Dara Quill", "NSC"} <= names(x)
    assert ("Dara Quill", "NSC", True) in affiliations(x)


def test_a_speech_header_in_capitals_names_the_speaker_and_the_hosts() -> None:
    doc = make_document(_SPEECH)
    head = doc.text.split("\n", 1)[0]
    assert head == (
        "H.E. Minister of Trade Park Seo-yeon spoke at the dinner with the Veltria Business "
        "Council."
    )
    x = extract(doc)
    assert {"Park Seo-yeon", "Veltria Business Council"} <= names(x)
    # a gathering the speaker was at, with its hosts or guests: a meeting
    assert [("held", frozenset({"Park Seo-yeon", "Veltria Business Council"}))] == [
        (m.status, frozenset(x.entity(p.entity).name for p in m.participants if not p.optional))
        for m in x.meetings
    ]
    assert ("Park Seo-yeon", "South Korea", True) in affiliations(x)
    assert "Oslo" not in names(x)  # the place line after the date is left out


def test_a_headline_that_names_no_speaker_is_not_kept() -> None:
    assert statement_title("Minister Park meets Veltria business leaders in Oslo") is None
    assert statement_title("Remarks") is None
    doc = make_document(
        "Ports reopen after storm\nThe ports of Oslo reopened on Monday after a week.\n"
    )
    assert not doc.text.startswith("Ports reopen")


def test_capitals_without_a_speaker_are_no_speech_header() -> None:
    assert speech_header(["WORLD NEWS", "POLITICS", "ASIA PACIFIC"]) is None
    assert speech_header(["H.E. PARK SEO-YEON"]) is None  # one line: a title, not a header
    assert speech_header(["Good evening.", "H.E. PARK SEO-YEON", "MINISTER OF TRADE"]) is None


def test_a_header_without_an_occasion_is_the_speaker_alone() -> None:
    head = speech_header(["THE HONORABLE DARA QUILL", "SECRETARY OF COMMERCE", "JUNE 2, 2025"])
    assert head == "The Honorable Secretary of Commerce Dara Quill."


def test_an_occasion_that_is_no_gathering_keeps_its_words() -> None:
    head = speech_header(
        ["H.E. PARK SEO-YEON", "MINISTER OF TRADE", "KEYNOTE SPEECH AT THE OSLO PORT FORUM"]
    )
    assert head == "H.E. Minister of Trade Park Seo-yeon: Keynote Speech at the Oslo Port Forum."
