"""Readings that hang on the event noun or the document signed: status from the noun's own
words, the other side of a signing on the document."""

from __future__ import annotations

import pytest

from tests.unit._extract_helpers import run


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The ministers will review the Korea-Russia summit held in June last year.", "held"),
        ("The ministers will review the outcome of last year's Korea-Russia summit.", "held"),
        ("The ministers will discuss the follow-up to the previous Korea-Russia summit.", "held"),
        ("The Korea-Russia summit to be held in June will be the first.", "planned"),
        ("The Korea-Russia summit scheduled for June will discuss trade.", "planned"),
        ("Leaders will attend the Korea-Russia summit in Oslo next week.", "planned"),
    ],
)
def test_status_read_from_the_noun_first(text: str, status: str) -> None:
    assert [m.status for m in run(text).meetings] == [status]


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("Minister Lena Varga signed an agreement with Qatar on Monday.", {"Lena Varga", "Qatar"}),
        (
            "Minister Lena Varga signed letters of intent on port cooperation with Qatar.",
            {"Lena Varga", "Qatar"},
        ),
    ],
)
def test_the_other_side_of_a_signing_may_hang_on_the_document(text: str, sides: set[str]) -> None:
    x = run(text)
    assert [m.kind for m in x.meetings] == ["signing"]
    assert {x.entity(p.entity).name for p in x.meetings[0].participants} == sides
