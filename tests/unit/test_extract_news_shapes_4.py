"""Round 14: shapes of government readouts and news copy (invented sentences, issue 11)."""

from __future__ import annotations

from tests.unit._extract_helpers import affiliations, meetings, names, run


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


def test_a_bureau_named_for_two_regions_is_one_body() -> None:
    x = run("Lars Holm, Director of the Bureau of East Asian and Pacific Affairs, met Alma Reyes.")
    assert "Bureau of East Asian and Pacific Affairs" in names(x)
    assert not names(x) & {"Pacific Affairs", "East Asian"}
    assert ("Lars Holm", "Bureau of East Asian and Pacific Affairs", True) in affiliations(x)


def test_a_bureau_named_for_regions_before_its_head_is_not_cut() -> None:
    x = run("Lars Holm, Director-General of the Asian and Oceanian Affairs Bureau, met Alma Reyes.")
    assert "Asian and Oceanian Affairs Bureau" in names(x)
    assert ("Lars Holm", "Asian and Oceanian Affairs Bureau", True) in affiliations(x)


def test_a_title_for_regions_is_no_person() -> None:
    x = run(
        "Assistant Secretary of State for East Asian and Pacific Affairs Lars Holm met Alma Reyes."
    )
    assert names(x) == {"Lars Holm", "Alma Reyes"}


def test_regions_joined_by_and_without_an_office_stay_apart() -> None:
    # no policy-area or head word after the second region: two places, no body
    x = run("Alma Reyes met leaders of East Asia and Pacific Island states on Monday.")
    assert not any("and" in n.split() for n in names(x))


def test_a_person_named_like_a_region_keeps_the_title_list() -> None:
    x = run("Secretary of State Ann West and Adviser Bo Kim met Alma Reyes on Monday.")
    assert {"Ann West", "Bo Kim"} <= names(x)
