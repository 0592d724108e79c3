"""Meeting verbs and occasions from wire copy, each pinned by an invented story."""

from __future__ import annotations

from tests.unit._extract_helpers import V2_GAP, meetings, run


def test_received_a_person_is_a_meeting_hosted_by_the_subject() -> None:
    x = run(
        "Mayor Ilse Varga received Energy Minister Piet Orlov at the Amber Hall on Monday, "
        "where they talked."
    )
    assert meetings(x) == [("held", frozenset({"Ilse Varga", "Piet Orlov"}))]


def test_passive_signing_names_its_signers() -> None:
    x = run("The accord was signed in Tarnow on Monday by Ilse Varga and Piet Orlov.")
    assert meetings(x) == [("held", frozenset({"Ilse Varga", "Piet Orlov"}))]


def test_separate_talks_with_one_party_is_a_new_meeting() -> None:
    x = run(
        "Ilse Varga met Piet Orlov on Monday. Varga also held separate talks with Brask "
        "Foundry executives on Tuesday."
    )
    got = meetings(x)
    assert got[0] == ("held", frozenset({"Ilse Varga", "Piet Orlov"}))
    assert got[1] == ("held", frozenset({"Ilse Varga", "Brask Foundry"}))
    assert x.meetings[0].date != x.meetings[1].date


def test_separate_talks_with_officials_of_one_body_is_a_new_meeting() -> None:
    x = run(
        "Ilse Varga met Piet Orlov on Monday. Varga also held separate talks with officials "
        "of the Harbor Works Agency on Tuesday."
    )
    assert meetings(x)[1] == ("held", frozenset({"Ilse Varga", "Harbor Works Agency"}))


def test_organizations_on_whose_sidelines_talks_happen_are_not_parties() -> None:
    x = run(
        "Ilse Varga held talks with Piet Orlov on the sidelines of the Coral Lending Fund and "
        "Dunmere Bank Group annual meetings in Lima on Monday."
    )
    assert meetings(x) == [("held", frozenset({"Ilse Varga", "Piet Orlov"}))]


@V2_GAP
def test_a_lawmakers_party_is_not_a_party_to_the_meeting() -> None:
    x = run(
        "Port Authority Chairman Ivo Marek appeared before the Assembly's Transport Committee "
        "on Monday. Rep. Ola Vinter of the Green Harbor Party pressed Marek over the fees."
    )
    assert "Green Harbor Party" not in meetings(x)[0][1]
    assert {"Ivo Marek", "Ola Vinter"} <= meetings(x)[0][1]


def test_a_party_member_meeting_someone_leaves_the_party_out() -> None:
    x = run("Rep. Ola Vinter of the Green Harbor Party met Finance Minister Ivo Marek on Monday.")
    assert meetings(x) == [("held", frozenset({"Ola Vinter", "Ivo Marek"}))]


def test_an_unknown_name_before_executives_is_an_organization_met() -> None:
    x = run("Ilse Varga met Piet Orlov in Oslo on Monday. She also met Quenbry executives.")
    assert meetings(x)[1] == ("held", frozenset({"Ilse Varga", "Quenbry"}))


def test_memorandum_of_understanding_signed_by_two_officials() -> None:
    x = run(
        "The memorandum of understanding was signed in Doha on Monday by Energy Minister "
        "Ilse Varga and Quenbry CEO Piet Orlov."
    )
    assert meetings(x) == [("held", frozenset({"Ilse Varga", "Piet Orlov", "Quenbry"}))]


def test_receiving_a_delegation_is_a_meeting_with_its_leader() -> None:
    x = run("Mayor Ilse Varga received a delegation led by Quenbry President Piet Orlov on Monday.")
    assert meetings(x) == [("held", frozenset({"Ilse Varga", "Piet Orlov", "Quenbry"}))]
