"""Time expressions resolved against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.extract.dates import find_dates, resolve
from tests.unit._extract_helpers import run

PUB = dt.date(2026, 3, 13)  # a Friday


def _one(text: str, pub: dt.date | None = PUB, future: bool = False, anchor: dt.date | None = None):  # type: ignore[no-untyped-def]
    found = find_dates(text)
    assert len(found) == 1, found
    return resolve(found[0], pub, future, anchor)


@pytest.mark.parametrize(
    ("text", "future", "expected"),
    [
        ("met on Tuesday", False, dt.date(2026, 3, 10)),
        ("will meet on Tuesday", True, dt.date(2026, 3, 17)),
        ("said on Friday", False, dt.date(2026, 3, 13)),
        ("met last Friday", False, dt.date(2026, 3, 6)),
        ("on the 9th", False, dt.date(2026, 3, 9)),
        ("on the 20th", False, dt.date(2026, 2, 20)),
        ("on the 20th", True, dt.date(2026, 3, 20)),
        ("met on 9th", False, dt.date(2026, 3, 9)),  # "on 26th", as some releases write it
        # a day just after the release is in its month: tomorrow, not a month ago
        ("the meeting on 14th", False, dt.date(2026, 3, 14)),
        ("the meeting on 15th", False, dt.date(2026, 3, 15)),
        ("the meeting on 16th", False, dt.date(2026, 2, 16)),
        ("will meet on 20th", True, dt.date(2026, 3, 20)),
        ("on March 2", False, dt.date(2026, 3, 2)),
        ("on Dec. 28", False, dt.date(2025, 12, 28)),
        ("on 4 January 2024", False, dt.date(2024, 1, 4)),
        ("on 2025-07-01", False, dt.date(2025, 7, 1)),
        ("yesterday", False, dt.date(2026, 3, 12)),
    ],
)
def test_day_precision(text: str, future: bool, expected: dt.date) -> None:
    got = _one(text, future=future)
    assert (got.date, got.precision) == (expected, "day")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("last week", (2026, 3)),
        ("next month", (2026, 4)),
        ("last month", (2026, 2)),
        ("in April", (2025, 4)),
    ],
)
def test_month_precision(text: str, expected: tuple[int, int]) -> None:
    got = _one(text)
    assert (got.date, got.year, got.month, got.precision) == (None, *expected, "month")


def test_week_across_two_months_is_year_only() -> None:
    got = _one("last week", pub=dt.date(2026, 4, 2))  # week of Mar 23-29 -> March
    assert (got.year, got.month) == (2026, 3)
    got = _one("last week", pub=dt.date(2026, 3, 4))  # week of Feb 23 - Mar 1 spans two months
    assert (got.year, got.month, got.precision) == (2026, None, "year")


def test_relative_to_previous_event() -> None:
    got = _one("A day later", anchor=dt.date(2026, 3, 9))
    assert got.date == dt.date(2026, 3, 10)
    got = _one("two days later", anchor=dt.date(2026, 3, 9))
    assert got.date == dt.date(2026, 3, 11)
    assert _one("a day later", anchor=None).date is None


def test_unknown_publication_date() -> None:
    assert _one("on Tuesday", pub=None).date is None
    got = _one("on the 18th", pub=None)
    assert (got.date, got.day, got.precision) == (None, 18, "day_of_month")
    got = _one("on May 5", pub=None)
    assert (got.date, got.month, got.day) == (None, 5, 5)


def test_vague_expressions_stay_unresolved() -> None:
    for text in ("in the autumn", "in the coming weeks"):
        got = _one(text)
        assert (got.date, got.year, got.precision, got.text) == (None, None, "unknown", text[0:])


def test_ordinals_that_are_not_dates() -> None:
    assert find_dates("the 50th anniversary of the treaty") == []
    assert find_dates("a 5th round of talks") == []
    assert find_dates("his 3rd visit") == []


def test_month_day_without_year_follows_the_tense() -> None:

    x = run("President Mara Kell met Prime Minister Jon Tal on June 3.", date="2025-05-20")
    assert x.meetings[0].status == "held"
    assert x.meetings[0].date == dt.date(2024, 6, 3)
    x = run("President Mara Kell will meet Prime Minister Jon Tal on May 3.", date="2025-05-20")
    assert x.meetings[0].status == "planned"
    assert x.meetings[0].date == dt.date(2026, 5, 3)
    x = run("President Mara Kell will meet Prime Minister Jon Tal on June 3.", date="2025-05-20")
    assert x.meetings[0].date == dt.date(2025, 6, 3)


def test_a_date_naming_another_thing_does_not_date_a_meeting() -> None:

    x = run(
        "Voters go to the polls in the June 3 presidential election. President Mara Kell "
        "will meet Prime Minister Jon Tal to discuss the vote.",
        date="2025-05-20",
    )
    assert x.meetings[0].status == "planned"
    assert x.meetings[0].date is None
    x = run(
        "President Mara Kell will meet Prime Minister Jon Tal after the June 3 election.",
        date="2025-05-20",
    )
    assert x.meetings[0].date is None
    x = run(
        "President Mara Kell met Prime Minister Jon Tal at the May 3 summit.", date="2025-05-20"
    )
    assert x.meetings[0].date == dt.date(2025, 5, 3)
