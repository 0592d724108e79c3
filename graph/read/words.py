"""Say graph facts in words: an event's label, an affiliation, one step of a path.

Pure functions over the property maps the queries return, so the wording is
tested without a database and stays the same on every route.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, Literal

Role = Literal["host", "attendee", "speaker"]

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def ordinal(n: int) -> str:
    """1 -> '1st', 12 -> '12th', 22 -> '22nd'."""
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def date_words(event: Mapping[str, Any]) -> str | None:
    """The event's date as precisely as it is known, e.g. '2026-04-18', 'April 2026', 'the 18th'."""
    date = event.get("date")
    if isinstance(date, dt.date):
        return date.isoformat()
    if isinstance(date, str) and date:
        return date
    year, month, day = event.get("year"), event.get("month"), event.get("day")
    if year and month and day:
        return f"{year:04d}-{month:02d}-{day:02d}"
    if year and month and 1 <= month <= 12:
        return f"{_MONTHS[month - 1]} {year}"
    if year:
        return str(year)
    if day and month and 1 <= month <= 12:
        return f"{_MONTHS[month - 1]} {ordinal(day)}"
    if day:
        return f"the {ordinal(day)}"
    text = event.get("date_text")
    return str(text) if text else None


def event_label(event: Mapping[str, Any]) -> str:
    """'the workshop of the 18th', 'the AI Summit of 2026-02-10', 'the meeting (date unknown)'."""
    what = event.get("name") or event.get("kind") or "meeting"
    when = date_words(event)
    return f"the {what} of {when}" if when else f"the {what} (date unknown)"


def affiliation_text(rel_type: str, subject: str, obj: str, props: Mapping[str, Any]) -> str:
    """'Sasha Baker represents OpenAI as head of national security policy'."""
    if rel_type == "REPRESENTS":
        verb = "represented" if props.get("current") is False else "represents"
        title = props.get("title")
        return f"{subject} {verb} {obj}" + (f" as {title}" if title else "")
    if rel_type == "PART_OF":
        return f"{subject} is part of {obj}"
    if rel_type == "OPERATES":
        return f"{subject} operates {obj}"
    return f"{subject} {rel_type.lower().replace('_', ' ')} {obj}"


def _verb(role: str) -> str:
    return {"host": "hosted", "speaker": "spoke at"}.get(role, "attended")


def event_step_text(
    first: str, first_role: str, second: str, second_role: str, event: Mapping[str, Any]
) -> str:
    """'OpenAI attended the workshop of the 18th hosted by Ministry of Science and ICT'."""
    label = event_label(event)
    if first_role == "host" and second_role == "host":
        return f"{first} and {second} co-hosted {label}"
    if second_role == "host":
        return f"{first} {_verb(first_role)} {label} hosted by {second}"
    if first_role == "host":
        verb = "with" if second_role != "speaker" else "with speaker"
        return f"{first} hosted {label} {verb} {second}"
    if first_role == second_role == "attendee":
        return f"{first} and {second} both attended {label}"
    return f"{first} {_verb(first_role)} {label}, where {second} {_verb(second_role)}"


def role_of(rel_type: str, props: Mapping[str, Any]) -> Role:
    """A participation relationship's role word: HOSTED is 'host', ATTENDED carries its own."""
    if rel_type == "HOSTED":
        return "host"
    return "speaker" if props.get("role") == "speaker" else "attendee"
