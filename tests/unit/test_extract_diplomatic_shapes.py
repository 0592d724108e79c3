"""Shapes of diplomatic and business news copy (invented sentences): who talked to whom at
a meeting, rosters of 'those attending', a body led by a named person, bilaterals."""

from __future__ import annotations

from tests.unit._extract_helpers import entities, held, meetings, names, run


def test_talking_to_someone_in_a_meeting_is_a_meeting_with_the_main_subject() -> None:
    got = held(
        "Talking to Resident Representative of the World Bank Ola Brekke in a meeting held "
        "separately, Dara Halm stressed the partnership."
    )
    assert len(got) == 1 and {"Ola Brekke", "Dara Halm"} <= got[0]


def test_the_foreign_minister_after_talking_to_is_the_minister_named_before() -> None:
    got = held(
        "Foreign Minister Dara Halm received several envoys on Thursday. Meanwhile, talking to "
        "Ambassador Ola Brekke during the meeting, the foreign minister stressed dialogue."
    )
    assert {"Dara Halm", "Ola Brekke"} in [p & {"Dara Halm", "Ola Brekke"} for p in got]


def test_talking_to_reporters_after_a_meeting_states_no_meeting() -> None:
    assert held("Talking to reporters after the meeting, Dara Halm said Ola Brekke had left.") == []


def test_those_attending_the_meeting_join_the_meeting_told_before() -> None:
    got = meetings(
        run(
            "President Lena Dorsk met foreign executives in Ardel on Wednesday. Ola Brekke, "
            "president of the Baltic Trade Council, and Ian Roe are among those attending the "
            "meeting, the agency reported."
        )
    )
    assert len(got) == 1
    assert {"Lena Dorsk", "Ola Brekke", "Ian Roe"} <= got[0][1]


def test_among_those_who_spoke_is_no_attendance() -> None:
    got = meetings(run("Ola Brekke and Ian Roe are among those who criticized the port plan."))
    assert got == []


def test_a_body_led_by_a_named_person_brings_that_person() -> None:
    got = held(
        "The Veltrian Chamber, led by its vice chair, Mr. Ola Brekke, had a private meeting "
        "with the Mayor of Ardel, Mr. Ian Roe."
    )
    assert len(got) == 1 and {"Veltrian Chamber", "Ola Brekke", "Ian Roe"} <= got[0]
    got = held("Norvik Shipping, led by chief executive Ola Brekke, met Dara Halm on Monday.")
    assert got == [frozenset({"Norvik Shipping", "Ola Brekke", "Dara Halm"})]


def test_bilaterals_with_several_parties_are_one_meeting_with_each() -> None:
    got = held("Prime Minister Dara Halm held bilaterals with Norway, Spain and Turkey on Monday.")
    assert sorted(sorted(p) for p in got) == [
        ["Dara Halm", "Norway"],
        ["Dara Halm", "Spain"],
        ["Dara Halm", "Turkey"],
    ]
    got = held("Dara Halm held bilateral meetings with Ola Brekke and Ian Roe on Monday.")
    assert len(got) == 2
    got = held("Dara Halm held a bilateral meeting with Ola Brekke and Ian Roe on Monday.")
    assert got == [frozenset({"Dara Halm", "Ola Brekke", "Ian Roe"})]


def test_bilateral_as_an_adjective_is_no_event() -> None:
    assert held("Dara Halm and Ola Brekke reviewed bilateral ties last year.") == []


def test_spoke_to_a_person_is_talks_and_to_a_body_an_address() -> None:
    got = held("President Dara Halm spoke to Prime Minister Ola Brekke on Monday about trade.")
    assert got == [frozenset({"Dara Halm", "Ola Brekke"})]
    assert held("Dara Halm spoke to the Veltrian Parliament on Monday.") == []
    assert held("Dara Halm spoke to reporters after the vote.") == []


def test_one_more_person_also_present_joins_the_meeting() -> None:
    got = held("Dara Halm met Ola Brekke on Wednesday. Ian Roe was also present.")
    assert got == [frozenset({"Dara Halm", "Ola Brekke", "Ian Roe"})]
    got = held(
        "Dara Halm met Ola Brekke on Wednesday. Present on the occasion were Ian Roe and "
        "Lena Dorsk."
    )
    assert got == [frozenset({"Dara Halm", "Ola Brekke", "Ian Roe", "Lena Dorsk"})]


def test_those_in_whose_presence_it_was_signed_were_there() -> None:
    got = held(
        "Ian Roe and Lena Dorsk signed the memorandum in the presence of Trade Minister Dara "
        "Halm and Ambassador Ola Brekke."
    )
    assert got == [frozenset({"Ian Roe", "Lena Dorsk", "Dara Halm", "Ola Brekke"})]
    got = held("Ian Roe and Lena Dorsk held talks in the presence of Trade Minister Dara Halm.")
    assert got == [frozenset({"Ian Roe", "Lena Dorsk", "Dara Halm"})]


def test_honorifics_and_two_word_titles_are_not_names() -> None:
    x = run(
        "A delegation led by Her Excellency Mrs Ola Brekke met Shri Ian Roe, Additional "
        "Secretary, on Monday. Later, Australian High Commissioner Lena Dorsk called on Ian Roe."
    )
    assert names(x) >= {"Ola Brekke", "Ian Roe", "Lena Dorsk"}
    assert not names(x) & {"Excellency", "Additional Secretary", "Australian High"}


def test_the_prime_minister_is_the_prime_minister_named_before() -> None:
    got = held(
        "Prime Minister Dara Halm flew to Ardel on Monday. A delegation from Norvik Shipping "
        "led by Ola Brekke met the Prime Minister in Ardel."
    )
    assert got == [frozenset({"Norvik Shipping", "Ola Brekke", "Dara Halm"})]
    # a foreign minister is not "the Prime Minister"
    got = held(
        "Foreign Minister Dara Halm flew to Ardel on Monday. A delegation led by Ola Brekke "
        "met the Prime Minister in Ardel."
    )
    assert all("Dara Halm" not in p for p in got)


def test_a_national_prime_minister_must_serve_that_nation() -> None:
    text = "Prime Minister Dara Halm{of} flew to Ardel. The Indian Prime Minister met Ola Brekke."
    assert held(text.format(of=" of India")) == [frozenset({"Dara Halm", "Ola Brekke"})]
    assert held(text.format(of="")) == []


def test_a_roster_of_long_titles_after_attended_by() -> None:
    got = held(
        "Ian Roe called on Prime Minister Dara Halm on Tuesday. The meeting was also attended "
        "by Adviser to PM for Commerce Ola Brekke and Energy Task Force head Lena Dorsk."
    )
    assert len(got) == 1 and {"Ian Roe", "Dara Halm", "Ola Brekke", "Lena Dorsk"} <= got[0]


def test_present_in_any_word_order_joins_but_not_ahead_or_denied() -> None:
    met = "Ian Roe met Dara Halm at the office on Monday. "
    for after in (
        "Also present in the meeting were Ola Brekke and Lena Dorsk.",
        "Also present during the meetings were Ola Brekke and Lena Dorsk.",
    ):
        assert held(met + after) == [
            frozenset({"Ian Roe", "Dara Halm", "Ola Brekke", "Lena Dorsk"})
        ]
    assert held(met + "Ola Brekke will be present at the next round.") == [
        frozenset({"Ian Roe", "Dara Halm"})
    ]
    assert held(met + "Ola Brekke was not present.") == [frozenset({"Ian Roe", "Dara Halm"})]


def test_receiving_a_call_or_visit_from_someone_is_meeting_them() -> None:
    assert held("Dara Halm received a courtesy call from Ola Brekke on Monday.") == [
        frozenset({"Dara Halm", "Ola Brekke"})
    ]
    assert held("Dara Halm received a visit from Ola Brekke on Monday.") == [
        frozenset({"Dara Halm", "Ola Brekke"})
    ]
    assert held("Dara Halm received an invitation to the summit from Ola Brekke.") == []


def test_malay_honorifics_are_not_names() -> None:
    x = run("Prime Minister Datuk Seri Dara Halm met Ola Brekke on Monday.")
    assert "Datuk Seri" not in names(x) and "Dara Halm" in names(x)


def test_a_wire_credit_after_a_dateline_with_its_country_is_no_party() -> None:
    x = run(
        "ARDEL, England (Norvik Press) \u2014 Trade Minister Dara Halm on Saturday met with "
        "Ola Brekke of Norvik Shipping."
    )
    assert meetings(x) == [("held", frozenset({"Dara Halm", "Ola Brekke", "Norvik Shipping"}))]


def test_thanks_for_hosting_upcoming_talks_is_no_held_meeting() -> None:
    assert (
        held(
            "Ola Brekke thanked Dara Halm for hosting the upcoming Norvik-Veltria Ministerial "
            "Consultations in Ardel."
        )
        == []
    )


def test_the_owner_of_an_aides_title_was_not_at_the_meeting() -> None:
    got = meetings(
        run(
            "President Dara Halm's top economic adviser Lena Dorsk met with Norvik Shipping "
            "Chief Executive Ola Brekke on Wednesday."
        )
    )
    assert len(got) == 1 and "Dara Halm" not in got[0][1]
    assert {"Lena Dorsk", "Ola Brekke"} <= got[0][1]


def test_a_person_with_an_aide_stays_a_person() -> None:
    x = run("Maria Lopez's chief of staff met Ola Brekke on Monday.")
    assert ("Maria Lopez", "Person") in entities(x)


def test_an_envoy_for_a_country_does_not_stand_for_it() -> None:
    got = meetings(
        run("Unification Minister Dara Halm met with the U.S. envoy for North Korea on Monday.")
    )
    assert got == [("held", frozenset({"Dara Halm", "United States"}))]


def test_two_leaders_who_spoke_on_a_day_of_their_own_held_their_own_talks() -> None:
    got = held(
        "President Dara Halm received Prime Minister Ola Brekke on Monday.\n\n"
        "President Dara Halm and President Ian Roe spoke today regarding the port."
    )
    assert got == [frozenset({"Dara Halm", "Ola Brekke"}), frozenset({"Dara Halm", "Ian Roe"})]
    assert held("Dara Halm and Ian Roe spoke to reporters on Monday.") == []
    assert held("Dara Halm and Ian Roe spoke out against the plan on Monday.") == []


def test_who_attended_the_meeting_after_a_signing_told_since_attended_the_meeting() -> None:
    got = held(
        "President Dara Halm met Norvik Shipping chief executive Ola Brekke in Ardel on "
        "Wednesday. Earlier the same day, Norvik Shipping had signed letters of intent with "
        "Baltic Lines and Vexo Motors. Vexo Motors Chairman Ian Roe, who attended the meeting, "
        "praised the deal. Lena Dorsk, who was also present, agreed."
    )
    assert {"Dara Halm", "Ola Brekke", "Ian Roe", "Lena Dorsk"} <= got[0]
    assert all("Ian Roe" not in p for p in got[1:])


def test_who_attended_the_signing_ceremony_attended_the_signing() -> None:
    got = held(
        "Norvik Shipping signed a memorandum with Baltic Lines on Monday. Ian Roe, who "
        "attended the signing ceremony, praised it."
    )
    assert got == [frozenset({"Norvik Shipping", "Baltic Lines", "Ian Roe"})]


def test_officials_from_named_bodies_after_with_stand_for_the_bodies() -> None:
    got = held(
        "Dara Halm met with officials from Norvik Shipping, Baltic Lines and Vexo Motors on Monday."
    )
    assert got == [frozenset({"Dara Halm", "Norvik Shipping", "Baltic Lines", "Vexo Motors"})]
    assert held("Dara Halm spoke with reporters from Norvik News on Monday.") == []


def test_a_member_of_parliament_title_is_not_part_of_the_name() -> None:
    x = run(
        "Vice Minister Dara Halm met a delegation of the European Parliament led by MEP Ola Brekke."
    )
    assert "Ola Brekke" in names(x)


def test_the_two_who_met_someone_are_the_two_people_of_the_meeting_told() -> None:
    got = held(
        "Dara Halm and Ola Brekke met with executives on Monday. The two met Ian Roe, "
        "president and chief operating officer, and other leaders."
    )
    assert frozenset({"Dara Halm", "Ola Brekke", "Ian Roe"}) in got
    # three people named: "the two" is not known
    got = held("Dara Halm met Ola Brekke and Lena Dorsk on Monday. The two met Ian Roe later.")
    assert all("Ian Roe" not in p for p in got)


def test_executives_with_named_bodies_stand_for_them() -> None:
    got = held(
        "Dara Halm also met with executives with the Norvik Trade Organization and Vexo Motors "
        "on Monday."
    )
    assert got == [frozenset({"Dara Halm", "Norvik Trade Organization", "Vexo Motors"})]
    assert held("Dara Halm met officials with the aim of settling the dispute.") == []


def test_someone_thanked_for_an_introduction_was_at_the_event() -> None:
    opening = "Dara Halm spoke at the luncheon with the Norvik Chamber of Commerce. "
    for thanks in (
        "Let me also thank Ambassador Ola Brekke for the kind introduction.",
        "Thank you, Ambassador Ola Brekke, for your kind introduction.",
    ):
        got = held(opening + thanks)
        assert len(got) == 1 and "Ola Brekke" in got[0]
    got = held("Dara Halm met Ian Roe on Monday. She thanked Ola Brekke for his support.")
    assert got == [frozenset({"Dara Halm", "Ian Roe"})]


def test_a_meeting_on_the_day_after_the_release_is_not_held() -> None:
    x = run(
        "Dara Halm met Ola Brekke on Friday. They agreed to keep working closely, including "
        "at the Norway-Sweden Ministers' Meeting on 14th.",
        date="2026-03-13",
    )
    got = [(m.status, str(m.date)) for m in x.meetings]
    assert got == [("held", "2026-03-13"), ("planned", "2026-03-14")]


def test_a_company_abbreviation_does_not_cut_the_sentence_for_the_parser() -> None:
    got = held("Ian Roe, Velk Motors Corp. CEO, met Dara Halm on Monday.")
    assert len(got) == 1 and {"Ian Roe", "Dara Halm"} <= got[0]


def test_a_meeting_of_a_person_with_another_was_held() -> None:
    got = held("A meeting of Dara Halm with Ola Brekke was held in Oslo on Monday.")
    assert got == [frozenset({"Dara Halm", "Ola Brekke"})]
    # "a meeting of" a body names the body that met, not a party to it
    assert held("Dara Halm attended a meeting of the board of Norvik Shipping on Monday.") == []


def test_giants_such_as_named_companies_are_those_companies() -> None:
    got = held("Dara Halm met technology giants such as Norvik Shipping and Vexo Motors on Monday.")
    assert got == [frozenset({"Dara Halm", "Norvik Shipping", "Vexo Motors"})]
    assert held("Dara Halm praised companies such as Norvik Shipping on Monday.") == []


def test_wire_datelines_without_a_space_or_with_a_bracketed_country_name_no_party() -> None:
    for line in (
        "OSLO (Norvik Wire) -Trade Minister Dara Halm met Ola Brekke of Vexo Motors on Monday.",
        "Oslo [Norway], March 12 (NWA): Trade Minister Dara Halm met Ola Brekke of Vexo Motors "
        "on Monday.",
    ):
        got = meetings(run(line))
        assert got == [("held", frozenset({"Dara Halm", "Ola Brekke", "Vexo Motors"}))], line


def test_they_after_two_people_named_together_are_those_two() -> None:
    arrived = "Dara Halm and Ola Brekke arrived in Oslo on Sunday. "
    assert held(arrived + "They met on Monday to discuss port fees.") == [
        frozenset({"Dara Halm", "Ola Brekke"})
    ]
    # "they" after a plural noun of its own sentence is that noun's people
    assert held(arrived + "Officials said they met Ian Roe on Monday.") == []
    # too far back
    assert held(arrived + "The weather was cold. Later they met on Tuesday.") == []


def test_a_dateline_ending_in_a_bracket_and_colon_does_not_swallow_the_sentence() -> None:
    got = meetings(
        run("Oslo [Norway], March 12 (NWA): Dara Halm and Ian Roe met with Ola Brekke on Monday.")
    )
    assert got == [("held", frozenset({"Dara Halm", "Ian Roe", "Ola Brekke"}))]


def test_the_president_is_the_president_the_text_names_most() -> None:
    got = held(
        "President Dara Halm received Prime Minister Ola Brekke on Monday. President Halm "
        "thanked Brekke for the visit.\n\n"
        "President Dara Halm and President Ian Roe spoke today regarding the port.\n\n"
        "The president spoke to Prime Minister Lena Dorsk today to discuss trade."
    )
    assert frozenset({"Dara Halm", "Lena Dorsk"}) in got
    assert frozenset({"Ian Roe", "Lena Dorsk"}) not in got
    # one holder named: that one, however often
    got = held("President Ian Roe arrived on Monday. The president met Lena Dorsk on Tuesday.")
    assert got == [frozenset({"Ian Roe", "Lena Dorsk"})]
