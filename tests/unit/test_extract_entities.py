"""Mentions and entities: names found by shape and context, linked short forms."""

from __future__ import annotations

from tests.unit._extract_helpers import affiliations, aliases, entities, names, run


def test_acronym_defined_in_parentheses_is_an_alias() -> None:
    x = run(
        "The Office of Water Safety (OWS) met the Dravik Pump Works on Monday. "
        "OWS said the plant would be inspected again in May."
    )
    assert ("Office of Water Safety", "GovernmentBody") in entities(x)
    assert aliases(x, "Office of Water Safety") == {"OWS"}
    assert "OWS" not in names(x)


def test_surnames_used_alone_are_aliases_in_both_name_orders() -> None:
    x = run(
        "Marta Quinn, director of the Lantern Institute, met Baek Min-jae of the Selvo Group. "
        '"We found common ground," Quinn said. Baek declined to comment.'
    )
    assert {("Marta Quinn", "Person"), ("Baek Min-jae", "Person")} <= entities(x)
    assert aliases(x, "Marta Quinn") == {"Quinn"}
    assert aliases(x, "Baek Min-jae") == {"Baek"}


def test_title_before_name_splits_person_title_and_body() -> None:
    x = run(
        "The Ministry of Rail Transport said Rail Transport Minister Lars Oden would visit the "
        "depot. Deputy Minister of Rail Transport Cho Hye-rin joined him."
    )
    assert {("Lars Oden", "Person"), ("Cho Hye-rin", "Person")} <= entities(x)
    assert ("Ministry of Rail Transport", "GovernmentBody") in entities(x)
    assert "Rail Transport" not in names(x)


def test_unknown_company_found_from_descriptor_and_prefix_alias() -> None:
    x = run(
        "Payments startup Zentro signed a deal with Corvane Robotics. "
        "Corvane said the deal covers three factories."
    )
    assert {("Zentro", "Company"), ("Corvane Robotics", "Company")} <= entities(x)
    assert aliases(x, "Corvane Robotics") == {"Corvane"}


def test_lists_split_into_organizations_but_of_names_stay_whole() -> None:
    x = run(
        "Officials from Delta Mutual Bank, Norvik Power and the Ministry of Science and "
        "Technology attended the session."
    )
    assert {"Delta Mutual Bank", "Norvik Power", "Ministry of Science and Technology"} <= names(x)
    assert "Norvik Power and the Ministry" not in " ".join(names(x))


def test_places_and_sentence_starts_are_not_entities() -> None:
    x = run(
        "LISBON \u2014 Oslo-based Fjordline Capital opened an office in Lisbon. "
        "Analysts said the move was expected. Earlier this year, Fjordline Capital hired staff."
    )
    assert names(x) == {"Fjordline Capital"}


def test_countries_from_gazetteer_demonyms_and_jurisdiction_patterns() -> None:
    x = run(
        "Japanese officials met Arvania's Ministry of Health on Friday. Arvania has long sought "
        "closer ties, and the Arvanian government welcomed the visit. Microsoft sent observers."
    )
    got = entities(x)
    assert {("Japan", "Country"), ("Arvania", "Country"), ("Microsoft", "Company")} <= got
    assert ("Ministry of Health", "GovernmentBody") in got


def test_possessive_owner_and_person_are_separate_entities() -> None:
    x = run("Kelmar Labs' Sofia Ek and the Orland Institute's Tomas Vik presented results.")
    assert {
        ("Kelmar Labs", "Company"),
        ("Sofia Ek", "Person"),
        ("Orland Institute", "Organization"),
        ("Tomas Vik", "Person"),
    } <= entities(x)


def test_programs_and_events_are_typed() -> None:
    x = run(
        "The agency's new scheme, Clean Harbor Pledge, was presented at the Nordic Ports Summit. "
        "The Port Safety Agency runs the Coastal Drone Program."
    )
    got = entities(x)
    assert {("Clean Harbor Pledge", "Program"), ("Nordic Ports Summit", "Event")} <= got
    assert ("Coastal Drone Program", "Program") in got


def test_every_entity_has_evidence_pointing_into_the_text() -> None:
    x = run("The Tarvo Water Board met Lindahl Pumps on Tuesday in a closed session.")
    text = x.document.text
    for e in x.entities:
        assert e.evidence
        for ev in e.evidence:
            assert text[ev.start : ev.end] == ev.sentence


def test_short_ministry_name_is_an_alias_of_the_full_name() -> None:
    x = run(
        "The Ministry of Oceans and Fisheries met Norsk Krill on Monday. The Oceans Ministry "
        "said the talks went well. The Foreign Ministry was not involved."
    )
    assert aliases(x, "Ministry of Oceans and Fisheries") == {"Oceans Ministry"}
    assert "Foreign Ministry" in names(x)


def test_names_with_arabic_patronymics_are_people() -> None:
    x = run(
        "Lena Dorsk met Tariq bin Faisal Al Mansour, chairman of Dunmore Fund, on Monday. "
        "She also met Ahmad bin Yusuf."
    )
    got = entities(x)
    assert {("Tariq bin Faisal Al Mansour", "Person"), ("Ahmad bin Yusuf", "Person")} <= got
    assert ("Tariq bin Faisal Al Mansour", "Dunmore Fund", True) in affiliations(x)


def test_a_year_closes_a_program_or_event_name() -> None:
    x = run(
        "Mayor Ilse Varga met Energy Minister Piet Orlov on Monday to discuss Coastal Vision "
        "2040 and the Tarsa Expo 2031. In March 2025 the city had set its goals."
    )
    got = entities(x)
    assert {("Coastal Vision 2040", "Program"), ("Tarsa Expo 2031", "Event")} <= got
    assert not any("March" in n for n in names(x))


def test_a_titles_own_office_is_one_body_with_either_apostrophe() -> None:
    for apostrophe in ("'", "\u2019"):
        office = f"Prime Minister{apostrophe}s Secretariat"
        x = run(f"Officials from the {office} met with the Fair Trade Commission on Monday.")
        assert (office, "GovernmentBody") in entities(x)
        assert "Secretariat" not in names(x)
        pairs = x.to_eval()["meetings"]
        assert len(pairs) == 1
        assert set(pairs[0]["participants"]) == {office, "Fair Trade Commission"}


def test_a_possessive_before_a_name_is_not_a_title_of_the_name() -> None:
    x = run("Minister Reva Dunn's office confirmed the talks with the Harbor Council.")
    assert ("Reva Dunn", "Person") in entities(x)
    assert not any(n.endswith("office") for n in names(x))


def test_a_body_posted_abroad_keeps_its_post_in_its_name() -> None:
    x = run("Minister Lena Varga met the ambassador of the EU Delegation to Norway on Monday.")
    assert ("EU Delegation to Norway", "GovernmentBody") in entities(x)
    assert "Norway" not in names(x)
    pairs = x.to_eval()["meetings"]
    assert [set(p["participants"]) for p in pairs] == [{"Lena Varga", "EU Delegation to Norway"}]


def test_a_name_a_companys_possessive_owns_is_a_person() -> None:
    x = run("Apple CEO Tim Cook and Brindle's Sunil Rao met President Tom Reyes on Monday.")
    assert ("Sunil Rao", "Person") in entities(x)
    assert ("Sunil Rao", "Brindle") in {(p, o) for p, o, _ in affiliations(x)}
