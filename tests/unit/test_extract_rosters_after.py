"""Who else was there, told in the sentence after the meeting (invented sentences)."""

from __future__ import annotations

import pytest

from tests.unit._extract_helpers import meetings, run

MET = "Lena Dorsk met Ian Roe of Velk Mining on Monday. "


@pytest.mark.parametrize(
    "after",
    [
        "Attending the meeting were Ola Brekke and Dara Halm.",
        "Also present were Ola Brekke and Dara Halm.",
        "Ola Brekke and Dara Halm were also in attendance.",
        "Ola Brekke and Dara Halm were also present.",
    ],
)
def test_a_roster_after_the_meeting_joins_it(after: str) -> None:
    got = meetings(run(MET + after))
    assert len(got) == 1
    assert {"Lena Dorsk", "Ian Roe", "Ola Brekke", "Dara Halm"} <= got[0][1]


def test_joining_a_company_is_a_job_not_a_meeting() -> None:
    got = meetings(run(MET + "Ola Brekke joined Velk Mining in 2020."))
    assert len(got) == 1 and "Ola Brekke" not in got[0][1]


def test_they_included_names_the_people_a_meeting_left_unnamed() -> None:
    got = meetings(
        run(
            "Lena Dorsk met executives of five companies on Monday. They included Velk Mining, "
            "Ostmark Steel and Brannock Motors."
        )
    )
    assert got == [
        ("held", frozenset({"Lena Dorsk", "Velk Mining", "Ostmark Steel", "Brannock Motors"}))
    ]


def test_they_included_after_a_meeting_of_named_people_adds_no_one() -> None:
    got = meetings(run(MET + "They included Ostmark Steel in the plan."))
    assert got == [("held", frozenset({"Lena Dorsk", "Ian Roe", "Velk Mining"}))]


def test_led_by_before_the_group_names_who_took_part() -> None:
    got = meetings(
        run(
            "Lena Dorsk hosted a roundtable on Monday. Led by Ian Roe and Ola Brekke, the group "
            "reviewed port fees."
        )
    )
    assert got == [("held", frozenset({"Lena Dorsk", "Ian Roe", "Ola Brekke"}))]


def test_led_by_before_a_company_is_no_roster() -> None:
    got = meetings(run(MET + "Led by Ola Brekke, the company grew fast."))
    assert got == [("held", frozenset({"Lena Dorsk", "Ian Roe", "Velk Mining"}))]
