"""Affiliations: who works where, with role and whether it is current."""

from __future__ import annotations

from tests.unit._extract_helpers import affiliations, meetings, names, roles, run


def test_apposition_with_possessive_org() -> None:
    x = run("Elena Brask, Tolvane Systems' head of public policy, met regulators on Friday.")
    assert affiliations(x) == {("Elena Brask", "Tolvane Systems", True)}
    assert roles(x)[("Elena Brask", "Tolvane Systems")] == "head of public policy"


def test_apposition_role_of_org_and_unit_of_org() -> None:
    x = run(
        '"It works," said Lee Dong-wook, head of the Rail Agency\'s Signal Safety Bureau. '
        "Mara Holt, an analyst at Brenholm Securities, agreed."
    )
    assert affiliations(x) == {
        ("Lee Dong-wook", "Rail Agency", True),
        ("Lee Dong-wook", "Signal Safety Bureau", True),
        ("Mara Holt", "Brenholm Securities", True),
    }
    assert roles(x)[("Mara Holt", "Brenholm Securities")] == "analyst"


def test_title_and_org_written_before_the_name() -> None:
    x = run(
        "The Grid Stability Commission (GSC) met on Monday. GSC Chairman Ivo Marek spoke first, "
        "and Ostrel Energy chief executive Nadia Pohl answered questions."
    )
    assert affiliations(x) == {
        ("Ivo Marek", "Grid Stability Commission", True),
        ("Nadia Pohl", "Ostrel Energy", True),
    }
    assert roles(x)[("Ivo Marek", "Grid Stability Commission")] == "Chairman"


def test_possessive_person_and_representation() -> None:
    x = run(
        "Halvar Cloud's Jens Aalto attended. Meridian Bank was represented by its chief risk "
        "officer, Priya Nair, while Solvik Telecom sent Ko Eun-bi."
    )
    assert affiliations(x) == {
        ("Jens Aalto", "Halvar Cloud", True),
        ("Priya Nair", "Meridian Bank", True),
        ("Ko Eun-bi", "Solvik Telecom", True),
    }
    assert roles(x)[("Priya Nair", "Meridian Bank")] == "chief risk officer"


def test_former_and_current_affiliations() -> None:
    x = run(
        "Varro Dynamics said it had appointed Ines Calder, until last month a senior official at "
        "the Data Protection Office, as its chief privacy officer. Earlier, Tom Reyes, formerly "
        "head of the office's audit unit, joined consultancy Pellam Advisory as a partner. "
        '"We know the rules," said Reyes, who left the Data Protection Office in 2024.'
    )
    assert affiliations(x) == {
        ("Ines Calder", "Varro Dynamics", True),
        ("Ines Calder", "Data Protection Office", False),
        ("Tom Reyes", "Data Protection Office", False),
        ("Tom Reyes", "Pellam Advisory", True),
    }


def test_no_affiliation_for_unnamed_spokespeople() -> None:
    x = run("A spokesperson for Ardent Motors said the company would comment later.")
    assert affiliations(x) == set()


def test_led_by_and_org_as_modifier_of_a_former_job() -> None:
    x = run(
        "Pallas Korea will be led by Noh Ji-min, a former Microsoft Japan executive, the company "
        "said."
    )
    assert affiliations(x) == {
        ("Noh Ji-min", "Pallas Korea", True),
        ("Noh Ji-min", "Microsoft Japan", False),
    }


def test_country_and_area_before_secretary_is_the_country_unless_the_department_is_named() -> None:
    x = run(
        "U.S. Treasury Secretary Ada Wrenfield met Bram Ostrow, chief of Pell Mining, on Monday."
    )
    assert ("Ada Wrenfield", "United States", True) in affiliations(x)
    assert "U.S. Treasury" not in names(x)
    x = run(
        "U.S. Commerce Secretary Ada Wrenfield met Bram Ostrow, chief of Pell Mining, on Monday, "
        "the Department of Commerce said."
    )
    assert ("Ada Wrenfield", "Commerce Department", True) in affiliations(x)
    assert "U.S. Commerce" not in names(x)


def test_demonym_and_one_word_before_a_corporate_title_is_the_company() -> None:
    x = run(
        "Qatari Petrolix President and CEO Omar Haddane met Orsa Bank Chairman and CEO "
        "Ida Raskov in Doha on Monday."
    )
    got = affiliations(x)
    assert ("Omar Haddane", "Qatari Petrolix", True) in got
    assert ("Ida Raskov", "Orsa Bank", True) in got
    assert roles(x)[("Omar Haddane", "Qatari Petrolix")] == "President and CEO"


def test_demonym_before_a_ministers_title_is_the_country() -> None:
    x = run("Japanese Foreign Minister Ada Wrenfield met Bram Ostrow on Monday.")
    assert ("Ada Wrenfield", "Japan", True) in affiliations(x)


def test_state_offices_link_a_leader_to_the_country_named_with_it() -> None:
    x = run(
        "Prime Minister Ada Wrenfield of Norway met Bram Ostrow, Qatar's energy minister, "
        "on Monday. Chief executive Ilse Varga of Brask Foundry joined them."
    )
    got = affiliations(x)
    assert ("Ada Wrenfield", "Norway", True) in got
    assert ("Bram Ostrow", "Qatar", True) in got
    assert roles(x)[("Bram Ostrow", "Qatar")] == "energy minister"


def test_a_country_without_a_state_office_is_no_affiliation() -> None:
    x = run("Lena Dorsk met Hamad Tarsi, Qatar's richest investor, on Monday.")
    assert not any(org == "Qatar" for _, org, _ in affiliations(x))


def test_a_countrys_portfolio_minister_is_affiliated_to_the_country() -> None:
    x = run(
        "Norway's Trade Minister Ida Raskov met Bram Ostrow in Oslo on Wednesday, the "
        "Ministry of Trade and Fisheries said."
    )
    assert ("Ida Raskov", "Norway", True) in affiliations(x)


def test_ministers_on_a_countrys_side_hold_office_for_it() -> None:
    x = run(
        "Mayor Lena Dorsk received Energy Minister Omar Haddane on Monday. On the Qatari side, "
        "Trade Minister Ida Raskov and Petrolix Chairman Piet Orlov attended."
    )
    got = affiliations(x)
    assert ("Ida Raskov", "Qatar", True) in got
    assert ("Piet Orlov", "Petrolix", True) in got
    assert ("Piet Orlov", "Qatar", True) not in got
    assert {"Ida Raskov", "Piet Orlov", "Omar Haddane"} <= meetings(x)[0][1]


def test_compound_role_with_an_acronym_in_an_apposition() -> None:
    x = run("Lena Dorsk met Ida Raskov, president and CEO of Quenbry Works, on Monday.")
    assert ("Ida Raskov", "Quenbry Works", True) in affiliations(x)
