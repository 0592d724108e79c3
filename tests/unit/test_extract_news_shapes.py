"""Sentence shapes of wire copy: a meeting told inside another clause."""

from __future__ import annotations

import pytest

from tests.unit._extract_helpers import run


@pytest.mark.parametrize(
    ("text", "status", "sides"),
    [
        (
            "Chancellor Mara Olsen said after meeting President Tom Reyes that ties were strong.",
            "held",
            {"Mara Olsen", "Tom Reyes"},
        ),
        (
            "Prime Minister Ivo Brandt is due to meet President Lena Varga on Friday.",
            "planned",
            {"Ivo Brandt", "Lena Varga"},
        ),
        (
            "Minister Penny Lark told reporters after talks with Minister Wen Yi that ties held.",
            "held",
            {"Penny Lark", "Wen Yi"},
        ),
        (
            "Senator Ada Pike led a delegation that met President Tom Reyes in Arvstad.",
            "held",
            {"Ada Pike", "Tom Reyes"},
        ),
        (
            "A delegation headed by Senator Ada Pike met President Tom Reyes in Arvstad.",
            "held",
            {"Ada Pike", "Tom Reyes"},
        ),
    ],
)
def test_the_meeting_and_its_sides(text: str, status: str, sides: set[str]) -> None:
    x = run(text)
    assert [m.status for m in x.meetings] == [status]
    assert {x.entity(p.entity).name for p in x.meetings[0].participants} == sides


def test_after_the_meeting_says_nothing_of_the_speaker() -> None:
    x = run("After the meeting, spokesman Kirby Lane said the talks were useful.")
    assert x.meetings == []


@pytest.mark.parametrize(
    ("text", "kind", "status"),
    [
        ("Olaf Lind was received by President Tom Reyes at the palace.", "meeting", "held"),
        ("Olaf Lind had lunch with Lena Varga on Tuesday.", "luncheon", "held"),
        ("Olaf Lind is scheduled to hold talks with Lena Varga on Friday.", "talks", "planned"),
    ],
)
def test_passive_host_lunch_and_scheduled_talks(text: str, kind: str, status: str) -> None:
    x = run(text)
    assert [(m.kind, m.status) for m in x.meetings] == [(kind, status)]
    assert len(x.meetings[0].participants) == 2


def test_a_thing_received_is_no_meeting() -> None:
    assert run("Approval was received by Norvik Shipping on Monday.").meetings == []
