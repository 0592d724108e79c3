"""A meeting noun whose own words place it in the past is held, whatever verb governs it."""

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
