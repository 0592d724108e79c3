"""Sentence shapes of news copy and government readouts, round 13 (invented names): a
courtesy call written "called on X", a diplomat posted to an international body, a title
covering a policy area ("Director-General for X Affairs"), "Head of Mission", an unnamed
title whose holder is named after its body ("the chief executive of X, Y,"), two named
subjects exchanging views, and "the heads of A and B, X and Y"."""

from __future__ import annotations

from tests.unit._extract_helpers import affiliations, entities, meetings, names, run


def _cores(body: str) -> list[tuple[str, frozenset[str]]]:
    return meetings(run(body))


def test_called_on_a_person_is_a_courtesy_call() -> None:
    for body, pair in (
        (
            "Tomas Brek, Norway's ambassador to Peru, called on Minister Inga Solberg on Monday.",
            {"Tomas Brek", "Inga Solberg"},
        ),
        (
            "Mr. Rafael Ortiz, Minister for Trade of Peru, called on Ms. Inga Solberg, Prime "
            "Minister of Norway.",
            {"Rafael Ortiz", "Inga Solberg"},
        ),
        (
            "On June 2, Ambassador Tomas Brek called on Prime Minister Inga Solberg and "
            "handed over a letter.",
            {"Tomas Brek", "Inga Solberg"},
        ),
    ):
        assert _cores(body) == [("held", frozenset(pair))], body


def test_called_on_to_act_is_an_appeal_not_a_meeting() -> None:
    for body in (
        "Prime Minister Inga Solberg called on Tomas Brek to resign.",
        "Minister Inga Solberg called on Halden Robotics and Morrow Motors to halt exports.",
        "Minister Inga Solberg called on Peru for restraint on Monday.",
        "Minister Inga Solberg called on Monday for new talks with Halden Robotics.",
    ):
        assert _cores(body) == [], body


def test_a_diplomat_posted_to_a_body_serves_the_country_before_it() -> None:
    for body in (
        "Tomas Brek, Permanent Representative of Norway to the United Nations, met Inga "
        "Solberg on Monday.",
        "Inga Solberg met Tomas Brek, the Permanent Representative of Norway to the UN, in "
        "New York.",
        "Tomas Brek, Ambassador of Norway to the United Nations, met Inga Solberg on Monday.",
    ):
        x = run(body)
        assert ("Tomas Brek", "Norway", True) in affiliations(x), body
        assert not any(o == "United Nations" for _, o, _ in affiliations(x)), body
        assert meetings(x) == [("held", frozenset({"Tomas Brek", "Inga Solberg"}))], body


def test_permanent_starts_a_title() -> None:
    x = run("Tomas Brek, Permanent Representative of Norway, met Inga Solberg on Monday.")
    assert ("Tomas Brek", "Norway", True) in affiliations(x)


def test_a_title_for_a_policy_area_names_no_body() -> None:
    x = run(
        "Minister Inga Solberg met Tomas Brek, Director-General for South Asian Affairs of "
        "the Ministry of Foreign Affairs of Norway."
    )
    assert "South Asian Affairs" not in names(x)
    assert ("Tomas Brek", "Ministry of Foreign Affairs", True) in affiliations(x)
    assert "Tomas Brek" in meetings(x)[0][1] and "Inga Solberg" in meetings(x)[0][1]
    x = run("Rafael Ortiz, Director of Policy Planning at Halden Robotics, met Inga Solberg.")
    assert ("Rafael Ortiz", "Halden Robotics", True) in affiliations(x)


def test_head_of_mission_is_a_title_not_a_body() -> None:
    for body, body_name in (
        (
            "Tomas Brek, Deputy Head of Mission of the Norwegian Embassy, met Minister Inga "
            "Solberg.",
            "Norwegian Embassy",
        ),
        (
            "The Deputy Head of Mission of the Norwegian Embassy, Tomas Brek, met Minister "
            "Inga Solberg.",
            "Norwegian Embassy",
        ),
        (
            "Tomas Brek, Deputy Chief of Mission at the U.S. Embassy in Lima, met Minister "
            "Inga Solberg.",
            "U.S. Embassy",
        ),
    ):
        x = run(body)
        assert not any(n.startswith("Mission") for n in names(x)), body
        assert ("Tomas Brek", body_name, True) in affiliations(x), body
        assert {"Tomas Brek", "Inga Solberg"} <= meetings(x)[0][1], body


def test_the_holder_named_after_the_body_of_an_unnamed_title() -> None:
    for body, org in (
        ("The chief executive of Halden Robotics, Tomas Brek, met Minister Inga Solberg.", None),
        (
            "Minister Inga Solberg met the chief executive of Halden Robotics, Tomas Brek, "
            "on Monday.",
            None,
        ),
        (
            "The chairman of the Morrow Group, Tomas Brek, held talks with Inga Solberg on Monday.",
            "Morrow Group",
        ),
        ("The president of Peru, Rafael Ortiz, met Inga Solberg in Oslo.", "Peru"),
    ):
        x = run(body)
        person = "Rafael Ortiz" if "Rafael" in body else "Tomas Brek"
        org = org or "Halden Robotics"
        assert (person, "Person") in entities(x), body
        assert (person, org, True) in affiliations(x), body
        got = meetings(x)
        assert len(got) == 1 and {person, "Inga Solberg"} <= got[0][1], body


def test_the_heads_of_a_list_of_bodies_are_no_holder() -> None:
    x = run(
        "Minister Inga Solberg met the heads of Halden Robotics, Morrow Motors and Quell "
        "Data on Monday."
    )
    assert {o for _, o, _ in affiliations(x)} == set()
    assert {"Halden Robotics", "Morrow Motors", "Quell Data"} <= names(x)


def test_two_named_subjects_exchanging_views_hold_talks() -> None:
    for body in (
        "Minister Inga Solberg and Ambassador Tomas Brek exchanged opinions on fisheries.",
        "President Rafael Ortiz and Prime Minister Inga Solberg exchanged views on security "
        "on Monday.",
    ):
        got = _cores(body)
        assert len(got) == 1 and got[0][0] == "held", body
        assert len(got[0][1]) == 2, body
    assert _cores("Minister Inga Solberg and Ambassador Tomas Brek exchanged gifts.") == []
    assert _cores("Halden Robotics and Morrow Motors exchanged shares in a merger.") == []


def test_the_heads_of_two_bodies_then_two_names_pair_in_order() -> None:
    for body in (
        "Minister Inga Solberg met the heads of Halden Robotics and Morrow Motors, Tomas "
        "Brek and Rafael Ortiz, on Monday.",
        "Tomas Brek and Rafael Ortiz, the chief executives of Halden Robotics and Morrow "
        "Motors, met Minister Inga Solberg.",
    ):
        x = run(body)
        got = {(p, o) for p, o, _ in affiliations(x)}
        assert got == {("Tomas Brek", "Halden Robotics"), ("Rafael Ortiz", "Morrow Motors")}, body
        assert {"Tomas Brek", "Rafael Ortiz", "Inga Solberg"} <= meetings(x)[0][1], body


def test_ambassador_extraordinary_and_plenipotentiary_is_one_title() -> None:
    for body in (
        "On June 2, Mr. Rafael Ortiz, Minister for Foreign Affairs, received a courtesy call "
        "from H.E. Mr. Tomas Brek, Ambassador Extraordinary and Plenipotentiary of the Kingdom "
        "of Norway to Peru.",
        "Tomas Brek, Ambassador Extraordinary and Plenipotentiary of Norway, called on "
        "Minister Rafael Ortiz.",
    ):
        x = run(body)
        assert not {"Extraordinary", "Plenipotentiary"} & names(x), body
        assert ("Tomas Brek", "Norway", True) in affiliations(x), body
        assert {"Tomas Brek", "Rafael Ortiz"} <= meetings(x)[0][1], body
    assert _cores("The court held an extraordinary session on Monday.") == []


def test_a_numbered_list_of_documents_signed_by_two_people() -> None:
    x = run(
        "The Ministry of Fisheries (Minister Inga Solberg) announced the signing of (1) a "
        "memorandum on trade, (2) a letter of intent on ports, and (3) an arrangement on "
        "fisheries on June 2 by Minister Inga Solberg and Secretary Tomas Brek."
    )
    got = meetings(x)
    assert len(got) == 1 and got[0][0] == "held"
    assert {"Inga Solberg", "Tomas Brek"} <= got[0][1]


def test_a_spokesperson_reporting_is_no_apposition_of_the_name_before() -> None:
    x = run(
        "Halden Robotics chief executive Lars Holm met Peru's President Rafael Ortiz, a "
        "spokesperson for the company said."
    )
    assert ("Rafael Ortiz", "Halden Robotics", True) not in affiliations(x)
    assert ("Lars Holm", "Halden Robotics", True) in affiliations(x)
    assert ("Rafael Ortiz", "Peru", True) in affiliations(x)


def test_a_former_post_before_the_name_is_no_current_affiliation() -> None:
    for body in (
        "Former Halden Robotics chief executive Lars Holm met Minister Inga Solberg on Monday.",
        "Minister Inga Solberg met former Halden Robotics chief executive Lars Holm on Monday.",
    ):
        x = run(body)
        assert affiliations(x) == {("Lars Holm", "Halden Robotics", False)}, body
        assert meetings(x) == [("held", frozenset({"Lars Holm", "Inga Solberg"}))], body
    x = run("Halden Robotics chief executive Lars Holm met Minister Inga Solberg on Monday.")
    assert ("Lars Holm", "Halden Robotics", True) in affiliations(x)
    assert "Halden Robotics" in meetings(x)[0][1]
