"""A list of people met, each with the body they come from: the parser hangs the later names
on the earlier one's body or on the verb; every name listed is a party (invented sentences)."""

from __future__ import annotations

from tests.unit._extract_helpers import held


def test_each_person_of_a_body_in_a_list_is_met() -> None:
    got = held("Lena Dorsk met Ian Roe of Velk Mining and Ola Brekke of Ostmark Steel.")
    assert got == [
        frozenset({"Lena Dorsk", "Ian Roe", "Velk Mining", "Ola Brekke", "Ostmark Steel"})
    ]


def test_a_name_after_an_apposition_is_still_listed() -> None:
    got = held(
        "Lena Dorsk met Ian Roe, chief executive of Velk Mining, and Ola Brekke of Ostmark Steel."
    )
    assert len(got) == 1 and {"Ian Roe", "Ola Brekke", "Lena Dorsk"} <= got[0]


def test_separately_makes_one_meeting_with_each() -> None:
    got = held(
        "Lena Dorsk met separately with Ian Roe of Velk Mining and Ola Brekke of Ostmark Steel."
    )
    assert frozenset({"Lena Dorsk", "Ian Roe", "Velk Mining"}) in got
    assert frozenset({"Lena Dorsk", "Ola Brekke", "Ostmark Steel"}) in got
    assert not any({"Ian Roe", "Ola Brekke"} <= m for m in got)


def test_a_clause_after_the_meeting_adds_no_one() -> None:
    for text in (
        "Lena Dorsk met Ian Roe on Monday and Ola Brekke said fees would fall.",
        "Lena Dorsk met Ian Roe, and Ostmark Steel shares rose 3 percent.",
    ):
        assert held(text) == [frozenset({"Lena Dorsk", "Ian Roe"})], text
