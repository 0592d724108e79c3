"""Sentence shapes of wire news and government readouts, round 11 (invented names): a
country's title in the possessive, counterparts listed after a comma with their titles,
"the Honorable", "Ambassador to Korea X", "co-chaired", whom a speaker told during a meeting,
"the two leaders ..., A and B said", abbreviated ranks, "joined by ... at the talks",
"Secretary of <area> for <sub-area> X" and "the delegation was headed by X"."""

from __future__ import annotations

from tests.unit._extract_helpers import affiliations, meetings, names, optional, run


def _cores(body: str) -> list[tuple[str, frozenset[str]]]:
    return meetings(run(body))


def test_a_countrys_minister_serves_it_and_the_country_is_only_a_title() -> None:
    for body in (
        "Japan's Foreign Minister Kenji Sato met Chancellor Karl Aune on Monday.",
        "Japan's foreign minister, Kenji Sato, met Chancellor Karl Aune on Monday.",
        "Chancellor Karl Aune met Japan's foreign minister, Kenji Sato, on Monday.",
    ):
        x = run(body)
        assert meetings(x) == [("held", frozenset({"Kenji Sato", "Karl Aune"}))], body
        assert optional(x, 0) == {"Japan"}, body
        assert ("Kenji Sato", "Japan", True) in affiliations(x), body


def test_a_countrys_unnamed_minister_still_stands_for_it() -> None:
    got = _cores("Chancellor Karl Aune met Japan's foreign minister on Monday.")
    assert got == [("held", frozenset({"Karl Aune", "Japan"}))]


def test_counterparts_listed_after_a_comma_with_their_titles_all_take_part() -> None:
    x = run(
        "National Security Advisor Ivo Marsh spoke by phone today with his counterparts, "
        "National Security Advisor Lars Holm of Sweden and National Security Advisor Paulo "
        "Reis of Brazil."
    )
    assert meetings(x) == [("held", frozenset({"Ivo Marsh", "Lars Holm", "Paulo Reis"}))]
    assert optional(x, 0) == {"Sweden", "Brazil"}
    assert {("Lars Holm", "Sweden", True), ("Paulo Reis", "Brazil", True)} <= affiliations(x)


def test_one_counterpart_after_a_comma_with_a_title_is_the_other_side() -> None:
    got = _cores(
        "Trade Minister Rolf Dane spoke with his counterpart, Deputy Trade Minister Ole Brun, "
        "on Monday."
    )
    assert got == [("held", frozenset({"Rolf Dane", "Ole Brun"}))]


def test_the_honorable_is_no_part_of_the_name() -> None:
    x = run(
        "On March 2, Vice-Minister Ren Okada held a telephone conference with the Honorable "
        "Ada Crane, Deputy Secretary of State of the United States."
    )
    assert meetings(x) == [("held", frozenset({"Ren Okada", "Ada Crane"}))]
    assert "Honorable Ada Crane" not in names(x)


def test_an_ambassador_to_a_country_named_before_the_name_holds_the_title() -> None:
    for body, country in (
        (
            "Minister Park Min-ho met with U.S. Ambassador to Korea Ada Crane on March 2.",
            "United States",
        ),
        (
            "Minister Park Min-ho met with Brazil's Ambassador to Korea Paulo Reis on March 2.",
            "Brazil",
        ),
        (
            "Minister Park Min-ho met with Brazilian Ambassador to Korea Paulo Reis on March 2.",
            "Brazil",
        ),
    ):
        x = run(body)
        assert len(x.meetings) == 1, body
        core = meetings(x)[0][1]
        assert "Park Min-ho" in core and len(core) == 2 and country not in core, body
        person = next(iter(core - {"Park Min-ho"}))
        assert (person, country, True) in affiliations(x), body
        assert optional(x, 0) == {country}, body


def test_a_firm_sold_to_a_company_named_after_a_country_keeps_its_name() -> None:
    x = run("Trade Minister Rolf Dane said Vexo Chips sold the plant to Korea Zinc Holdings.")
    assert any(n.startswith("Korea Zinc") for n in names(x))
    assert "South Korea" not in names(x)


def test_co_chaired_is_one_verb_and_its_subjects_held_the_event() -> None:
    for body in (
        "Secretary Ada Crane and Minister Jonas Ek co-chaired the second Veltria-Nordland "
        "Economic Dialogue in Washington on March 2.",
        "Secretary Ada Crane and Minister Jonas Ek co-hosted a forum in Oslo on Monday.",
        "The dialogue was co-chaired by Secretary Ada Crane and Minister Jonas Ek on Monday.",
    ):
        assert _cores(body) == [("held", frozenset({"Ada Crane", "Jonas Ek"}))], body


def test_a_co_verb_of_no_meeting_states_none() -> None:
    assert _cores("Secretary Ada Crane co-chaired the budget committee for years.") == []


def test_whom_a_speaker_told_during_a_meeting_was_at_it() -> None:
    for body in (
        "Prime Minister Ilse Varga told President Tomas Hale during a meeting in Oslo that "
        "the sanctions would stay.",
        "Prime Minister Ilse Varga assured President Tomas Hale at the talks that the "
        "sanctions would stay.",
    ):
        assert _cores(body) == [("held", frozenset({"Ilse Varga", "Tomas Hale"}))], body


def test_telling_the_press_or_telling_after_a_meeting_adds_no_one() -> None:
    assert (
        _cores(
            "Prime Minister Ilse Varga told reporters during a meeting in Oslo that it went well."
        )
        == []
    )
    got = _cores(
        "Prime Minister Ilse Varga told President Tomas Hale after a meeting with Chancellor "
        "Karl Aune that the sanctions would stay."
    )
    assert got == [("held", frozenset({"Ilse Varga", "Karl Aune"}))]


def test_the_two_leaders_are_the_people_who_report_their_meeting() -> None:
    for body, who in (
        (
            "The two leaders met in Geneva on Monday, President Tomas Hale and Chancellor "
            "Karl Aune said in a joint statement.",
            {"Tomas Hale", "Karl Aune"},
        ),
        (
            "The two ministers held talks in Oslo, Trade Minister Rolf Dane and Foreign "
            "Minister Ole Brun said.",
            {"Rolf Dane", "Ole Brun"},
        ),
    ):
        assert _cores(body) == [("held", frozenset(who))], body


def test_one_reporter_or_a_body_does_not_name_the_two_leaders() -> None:
    assert _cores("The two leaders met in Geneva, a spokesman for Chancellor Karl Aune said.") == []
    assert _cores("The two sides met in Geneva on Monday, the ministry said.") == []


def test_an_office_and_an_abbreviated_rank_before_a_name_are_a_title() -> None:
    for body in (
        "Deputy Secretary Nora Vale met with Chief of Naval Operations Adm. Eirik Dahl on Monday.",
        "Deputy Secretary Nora Vale met with Chairman of the Joint Chiefs of Staff Gen. Eirik "
        "Dahl on Monday.",
        "Deputy Secretary Nora Vale met with Lt. Gen. Eirik Dahl on Monday.",
    ):
        x = run(body)
        assert meetings(x) == [("held", frozenset({"Nora Vale", "Eirik Dahl"}))], body
        assert names(x) == {"Nora Vale", "Eirik Dahl"}, body


def test_joined_by_at_the_talks_names_both_sides() -> None:
    planned = run(
        "Secretary Ada Crane will be joined by Minister Jonas Ek at the talks in Geneva on Friday."
    )
    assert meetings(planned) == [("planned", frozenset({"Ada Crane", "Jonas Ek"}))]
    held = _cores("Secretary Ada Crane was joined by Minister Jonas Ek at the talks in Geneva.")
    assert held == [("held", frozenset({"Ada Crane", "Jonas Ek"}))]


def test_a_secretary_of_an_area_for_a_sub_area_serves_the_department_of_the_area() -> None:
    for body, who in (
        (
            'The Commerce Department acted on Monday. "We will act," said Assistant Secretary '
            "of Commerce for Export Administration Mara Lind.",
            "Mara Lind",
        ),
        (
            'The U.S. Commerce Department acted on Monday. "We will act," said Under Secretary '
            "of Commerce for Industry and Security Alan Brisk.",
            "Alan Brisk",
        ),
    ):
        x = run(body)
        orgs = {org for person, org, _ in affiliations(x) if person == who}
        assert len(orgs) == 1 and "Commerce Department" in next(iter(orgs)), body


def test_a_secretary_of_state_for_an_area_serves_the_department_for_it() -> None:
    x = run(
        "The Department for Ports and Shipping said on Monday that Secretary of State for Ports "
        "and Shipping Mara Lind met Trade Minister Rolf Dane."
    )
    assert ("Mara Lind", "Department for Ports and Shipping", True) in affiliations(x)


def test_who_headed_a_delegation_took_part_in_the_meeting_being_told() -> None:
    got = _cores(
        "Veltria and Nordland held the third meeting of the working group in Oslo on March 2. "
        "The Veltrian delegation was led by Director-General Park Min-ho, and the Nordland "
        "delegation was headed by Deputy Assistant Secretary Ada Crane."
    )
    assert len(got) == 1 and {"Park Min-ho", "Ada Crane"} <= got[0][1]
    got = _cores(
        "Brazil and Japan held talks in Tokyo on March 2. Deputy Minister Ada Crane headed the "
        "Brazilian delegation."
    )
    assert len(got) == 1 and "Ada Crane" in got[0][1]


def test_heading_an_agency_is_no_part_in_the_meeting() -> None:
    got = _cores("Brazil and Japan held talks in Tokyo on March 2. Ada Crane heads the agency.")
    assert got == [("held", frozenset({"Brazil", "Japan"}))]
