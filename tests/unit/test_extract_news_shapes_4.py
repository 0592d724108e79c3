"""Round 14: shapes of government readouts and news copy (invented sentences, issue 11)."""

from __future__ import annotations

from tests.unit._extract_helpers import meetings, run


def _held(text: str) -> list[frozenset[str]]:
    return [parties for status, parties in meetings(run(text)) if status == "held"]


def test_a_delegation_which_included_names_its_members() -> None:
    held = _held("Alma Reyes met a delegation which included Lars Holm and Jonas Ek on Monday.")
    assert held == [frozenset({"Alma Reyes", "Lars Holm", "Jonas Ek"})]


def test_a_group_that_included_names_its_members() -> None:
    held = _held("Alma Reyes hosted a group that included Lars Holm, Jonas Ek and Lena Dorsk.")
    assert held == [frozenset({"Alma Reyes", "Lars Holm", "Jonas Ek", "Lena Dorsk"})]


def test_a_group_clause_without_a_meeting_states_none() -> None:
    assert _held("Alma Reyes praised a group that included Lars Holm and Jonas Ek.") == []


def test_a_clause_of_another_noun_lists_no_members() -> None:
    held = _held("Alma Reyes met a delegation whose visit included Lars Holm's tour of the port.")
    assert held == []
