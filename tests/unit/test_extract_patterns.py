"""Phrasings common in wire and press-release copy, each pinned by an invented story."""

from __future__ import annotations

import datetime as dt

from tests.unit._extract_helpers import V2_GAP, affiliations, meetings, names, roles, run


def test_dateline_agency_is_not_an_entity_or_participant() -> None:
    x = run(
        "HALDEN, March 11 (Tidewire) -- Port Minister Ola Brekk met executives of Fjell Cargo "
        "on Tuesday, the ministry said.",
        date="2026-03-12",
    )
    assert "Tidewire" not in " ".join(names(x))
    assert meetings(x) == [("held", frozenset({"Ola Brekk", "Fjell Cargo"}))]
    assert x.meetings[0].date == dt.date(2026, 3, 10)


@V2_GAP
def test_received_a_courtesy_call_and_its_ceo() -> None:
    x = run(
        "Minister of Energy and Mines Seo Dong-hwan received a courtesy call from Kestrel "
        "Turbines Vice President Ana Ruiz on Wednesday. Later, Seo visited the headquarters of "
        "Brovik Grid and met with its CEO Lukas Veit.",
        date="2026-03-13",
    )
    got = meetings(x)
    # the minister's ministry, implied by "Minister of Energy and Mines", comes along
    assert got[0] == (
        "held",
        frozenset(
            {"Seo Dong-hwan", "Ana Ruiz", "Kestrel Turbines", "Ministry of Energy and Mines"}
        ),
    )
    assert got[1] == (
        "held",
        frozenset({"Seo Dong-hwan", "Brovik Grid", "Lukas Veit", "Ministry of Energy and Mines"}),
    )
    assert x.meetings[0].kind == "courtesy call"
    assert {("Ana Ruiz", "Kestrel Turbines", True), ("Lukas Veit", "Brovik Grid", True)} <= (
        affiliations(x)
    )


def test_press_release_parenthetical_title_and_person_of_party() -> None:
    x = run(
        "The Ministry of Oceans (Minister Han Ye-jin) held a policy forum with Seabright "
        "Fisheries on the 4th. Rep. Tomas Berg of the Coastal Union Party also attended."
    )
    assert {
        ("Han Ye-jin", "Ministry of Oceans", True),
        ("Tomas Berg", "Coastal Union Party", True),
    } <= affiliations(x)
    assert roles(x)[("Han Ye-jin", "Ministry of Oceans")] == "Minister"
    assert {"Ministry of Oceans", "Seabright Fisheries", "Tomas Berg"} <= meetings(x)[0][1]


@V2_GAP
def test_signing_ceremony_passive_and_coordinated_titles() -> None:
    x = run(
        "Orlen Motors and Pavia Batteries signed a supply agreement on Monday. The deal was "
        "signed by Orlen Motors Vice Chair and President Ingrid Sol and Pavia Batteries chief "
        "executive Marco Fini at the ceremony.",
        date="2026-03-13",
    )
    assert meetings(x) == [
        (
            "held",
            frozenset({"Orlen Motors", "Pavia Batteries", "Ingrid Sol", "Marco Fini"}),
        )
    ]
    assert roles(x)[("Ingrid Sol", "Orlen Motors")] == "Vice Chair and President"


def test_came_a_day_after_dates_the_other_meeting_earlier() -> None:
    x = run(
        "Trade Minister Rolf Dane met Vexo Chips chief executive Lena Wirth on Thursday. The "
        "meeting came a day after Wirth met with Prime Minister Karl Aune.",
        date="2026-03-13",
    )
    assert [m.date for m in x.meetings] == [dt.date(2026, 3, 12), dt.date(2026, 3, 11)]
    assert meetings(x)[1] == ("held", frozenset({"Lena Wirth", "Karl Aune", "Vexo Chips"}))


def test_acronym_that_spells_a_name_with_and_keeps_it_whole() -> None:
    x = run(
        "Helm Robotics signed a memorandum with the Nordic Data and AI Authority (NDAIA) on the "
        "2nd. NDAIA said the pact covers testing."
    )
    assert "Nordic Data and AI Authority" in names(x)
    assert meetings(x)[0][1] == frozenset({"Helm Robotics", "Nordic Data and AI Authority"})


@V2_GAP
def test_pronoun_subject_and_the_two_officials() -> None:
    x = run(
        "Ilka Ferro chaired the opening session of the port forum. Later, she met executives of "
        "Harn Aviation on Tuesday.",
        date="2026-03-13",
    )
    assert meetings(x) == [("held", frozenset({"Ilka Ferro", "Harn Aviation"}))]
    x = run(
        "Ilka Ferro and Ole Brun, the minister of ports and fisheries, arrived in Oslo on "
        "Monday. The two officials held talks with Kiri Maro of the Ocean Freight Council on "
        "Wednesday. The Ministry of Ports and Fisheries said it would publish a summary.",
        date="2026-03-13",
    )
    assert meetings(x) == [
        (
            "held",
            frozenset(
                {
                    "Ilka Ferro",
                    "Ole Brun",
                    "Kiri Maro",
                    "Ocean Freight Council",
                    "Ministry of Ports and Fisheries",
                }
            ),
        )
    ]
    assert ("Ole Brun", "Ministry of Ports and Fisheries", True) in affiliations(x)


def test_negation_stays_in_its_clause() -> None:
    x = run(
        "Rana Idris, chief executive of Teal Cloud, met Orsa Bank chairman Piet Hals on Monday. "
        "Ansel Motors chairman Yuri Dahl did not attend the meeting but met Idris separately "
        "on Tuesday.",
        date="2026-03-13",
    )
    got = meetings(x)
    assert got[0] == ("held", frozenset({"Rana Idris", "Teal Cloud", "Piet Hals", "Orsa Bank"}))
    assert got[1] == ("held", frozenset({"Yuri Dahl", "Ansel Motors", "Rana Idris", "Teal Cloud"}))


def test_officials_of_a_country_and_countries_as_parties() -> None:
    x = run(
        "Estonian Foreign Minister Mart Laan and his Latvian counterpart Ilze Berga held talks "
        "in Tallinn on Monday and agreed to cooperate on energy and Russia. "
        "Estonia and Finland signed a cable protection agreement on Tuesday.",
        date="2026-03-13",
    )
    assert {("Mart Laan", "Estonia", True), ("Ilze Berga", "Latvia", True)} <= affiliations(x)
    first, second = x.meetings
    core = {x.entity(p.entity).name for p in first.participants if not p.optional}
    assert core == {"Mart Laan", "Ilze Berga"}
    assert "Russia" not in core
    assert meetings(x)[1] == ("held", frozenset({"Estonia", "Finland"}))


@V2_GAP
def test_hearing_and_questioning() -> None:
    x = run(
        "Data Protection Commission Chairman Odd Vik appeared before the Parliament's Digital "
        "Affairs Committee on Thursday. Rep. Siri Lund of the Green Party pressed Vik over the "
        "delays.",
        date="2026-03-13",
    )
    core = meetings(x)[0][1]
    assert {"Odd Vik", "Digital Affairs Committee", "Siri Lund"} <= core


@V2_GAP
def test_particle_names_titled_short_form_and_summons() -> None:
    x = run(
        "President Ana Vidal held a summit with Qatari Emir Sheikh Hamad bin Khalid Al Rami in "
        "Doha on Tuesday. Sheikh Hamad said the talks were warm. Finance Minister Tiago Sousa "
        "accompanied Vidal on the trip.\n\n"
        "The Banking Standards Office summoned risk officers from four lenders on Wednesday. "
        "Quarry Bank and Lumo Bank attended the meeting, the office said.",
        date="2026-03-13",
    )
    assert ("Hamad bin Khalid Al Rami", "Qatar", True) in affiliations(x)
    assert "Hamad" not in names(x)
    got = meetings(x)
    assert got[0] == (
        "held",
        frozenset({"Ana Vidal", "Hamad bin Khalid Al Rami", "Tiago Sousa"}),
    )
    assert got[1] == ("held", frozenset({"Banking Standards Office", "Quarry Bank", "Lumo Bank"}))
