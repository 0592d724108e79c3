"""Press-conference transcripts label each question "Outlet, Surname:" or "Reporter (Outlet,
Surname):" (eval/real/README.md: reporters identified as "Paper, Surname" are affiliated to
the paper, with no role). The surname is a person, never a company listed with the outlet."""

from __future__ import annotations

from tests.unit._extract_helpers import entities, meetings, roles, run

TRANSCRIPT = (
    "Press Conference by the Press Secretary\n\n"
    "Press Secretary Tove Lind: Good afternoon.\n\n"
    "Harbor Times, Kessler: I would like to ask about the talks with Norway.\n\n"
    "Press Secretary Lind: The talks went well.\n\n"
    "Reporter (Coastal Daily, Marrow): A question on the summit, please.\n\n"
    "Press Secretary Lind: We will announce it later.\n"
)


def test_the_questioner_is_a_person_of_the_outlet() -> None:
    x = run(TRANSCRIPT)
    kinds = dict(entities(x))
    assert kinds.get("Kessler") == "Person"
    assert kinds.get("Marrow") == "Person"
    got = roles(x)
    assert got.get(("Kessler", "Harbor Times"), "missing") is None
    assert got.get(("Marrow", "Coastal Daily"), "missing") is None
    assert meetings(x) == []


def test_a_list_of_companies_before_a_colon_is_no_question_line() -> None:
    x = run("The partners were named on Monday: Vexo Chips, Ostmark Steel and Brannock Holdings.")
    kinds = dict(entities(x))
    assert kinds.get("Ostmark Steel") != "Person"
    assert not any(t == "Person" for _, t in entities(x))


def test_a_comma_name_colon_inside_a_sentence_is_no_question_line() -> None:
    x = run("Minister Ana Holm met the heads of Vexo Chips, Ostmark Steel: both firms agreed.")
    assert ("Ostmark Steel", "Person") not in entities(x)
