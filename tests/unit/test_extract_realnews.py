"""Shapes of real wire and newspaper copy: titles around names, portfolios, signings."""

from __future__ import annotations

from tests.unit._extract_helpers import V2_GAP, affiliations, aliases, meetings, names, run


def test_and_inside_a_body_name_before_a_titled_person() -> None:
    x = run(
        "Harbor Chamber of Commerce and Industry Chairman Oda Renn met Velk Mining officials "
        "on Tuesday."
    )
    assert "Harbor Chamber of Commerce and Industry" in names(x)
    assert ("Oda Renn", "Harbor Chamber of Commerce and Industry", True) in affiliations(x)


def test_institutional_words_keep_a_name_whole() -> None:
    x = run(
        "Officials from the Securities and Exchange Board of Ostmark and the Ministry of "
        "Communications and Information Technology attended the talks with Velk Mining."
    )
    assert {
        "Securities and Exchange Board of Ostmark",
        "Ministry of Communications and Information Technology",
    } <= names(x)


def test_loose_acronym_joins_a_name_split_at_and() -> None:
    x = run(
        "Officials from the Tarn Mine Rehabilitation and Mineral Resources Corp. (TAMIR) met "
        "Velk Mining executives on Monday. TAMIR manages the stockpile."
    )
    assert "Tarn Mine Rehabilitation" not in names(x)
    assert any(n.startswith("Tarn Mine Rehabilitation and Mineral Resources") for n in names(x))


@V2_GAP
def test_minister_of_area_names_the_ministry_and_keeps_the_name() -> None:
    x = run(
        "The deal was signed by Velk Mining CEO Ian Roe and Ostmark Minister of Ports and "
        "Housing Dara bin Hamid Al-Sayer on Tuesday."
    )
    assert "Dara bin Hamid Al-Sayer" in names(x)
    assert not any(n.startswith("Housing") for n in names(x))
    assert ("Dara bin Hamid Al-Sayer", "Ministry of Ports and Housing", True) in affiliations(x)


def test_demonym_before_a_portfolio_title_names_the_country() -> None:
    x = run(
        "Trade Minister Lena Dorsk met Norwegian Trade Minister Ola Brekke in Oslo on Monday, "
        "the Ministry of Trade and Industry said."
    )
    got = affiliations(x)
    assert ("Ola Brekke", "Norway", True) in got
    assert ("Ola Brekke", "Ministry of Trade and Industry", True) not in got
    assert ("Lena Dorsk", "Ministry of Trade and Industry", True) in got


def test_party_general_secretary_names_the_party() -> None:
    x = run("Workers Party of Arvland General Secretary Tam Linh received Ian Roe on Monday.")
    assert ("Tam Linh", "Workers Party of Arvland", True) in affiliations(x)


def test_chief_technology_officer_is_one_title() -> None:
    x = run("Velk Mining Chief Technology Officer Park Ji-su met Ian Roe on Monday.")
    assert ("Park Ji-su", "Velk Mining", True) in affiliations(x)
    assert not any("Technology" in n for n in names(x))


def test_company_name_starting_with_a_title_word() -> None:
    x = run("General Velk Motors President Mark Toller met Ian Roe of Velk Mining on Monday.")
    assert ("Mark Toller", "General Velk Motors", True) in affiliations(x)


def test_passive_signing_joins_the_signing_of_the_sentence_before() -> None:
    x = run(
        "Velk Mining said Wednesday it has signed a memorandum of understanding with the "
        "Ostmark Ministry of Ports. The agreement was signed in Arvstad on Tuesday by Velk "
        "Mining CEO Ian Roe and Minister of Ports Dara Halm.",
        date="2026-03-12",
    )
    held = [m for m in x.meetings if m.status == "held"]
    assert len(held) == 1
    got = {x.entity(p.entity).name for p in held[0].participants}
    assert {"Velk Mining", "Ian Roe", "Dara Halm"} <= got
    assert str(held[0].date) == "2026-03-10"


def test_in_the_presence_of_and_delegation_included() -> None:
    x = run(
        "President Tam Linh received a business delegation led by Ian Roe in Arvstad on "
        "Tuesday. The delegation included Velk Mining Chairman Ola Brekke and Ostmark Steel "
        "CEO Dara Halm."
    )
    assert x.meetings[0].status == "held"
    got = {x.entity(p.entity).name for p in x.meetings[0].participants if not p.optional}
    assert {"Tam Linh", "Ian Roe", "Ola Brekke", "Dara Halm"} <= got


def test_also_expected_to_and_had_been_due_to_are_not_held() -> None:
    x = run(
        "Ian Roe is also expected to meet President Tam Linh. Ola Brekke had been due to hold "
        "talks with Dara Halm."
    )
    assert all(m.status != "held" for m in x.meetings)


def test_signed_the_agreement_extends_the_signing_ceremony() -> None:
    x = run(
        "Velk Mining and Ostmark Steel held a signing ceremony in Arvstad on Monday. Velk "
        "Mining CEO Ian Roe and Ostmark Steel Vice President Dara Halm signed the agreement."
    )
    assert len(x.meetings) == 1
    got = {x.entity(p.entity).name for p in x.meetings[0].participants}
    assert {"Velk Mining", "Ostmark Steel", "Ian Roe", "Dara Halm"} <= got


def test_gazetteer_keeps_a_group_apart_from_its_flagship() -> None:
    x = run("Hyundai Motor Group Executive Chair Chung Eui-sun met Kia Corp. executives.")
    assert ("Chung Eui-sun", "Hyundai Motor Group", True) in affiliations(x)


def test_wire_dateline_agency_and_reporting_credits() -> None:
    x = run(
        "ARVSTAD, May 3 (Reuters) - Velk Mining CEO Ian Roe met Ostmark Steel executives on "
        "Tuesday.\n\n(Reporting by Ana Cruz and Li Wei; Editing by Tom Hale)"
    )
    assert {"Reuters", "Ana Cruz", "Li Wei", "Tom Hale"} <= names(x)
    got = affiliations(x)
    assert {("Ana Cruz", "Reuters", True), ("Li Wei", "Reuters", True)} <= got
    assert not any(p == "Tom Hale" for p, _, _ in got)  # editors are not reporters


def test_press_release_about_section_is_boilerplate() -> None:
    x = run(
        "Velk Mining said today it met Ostmark Steel executives in Arvstad on Monday.\n\n"
        "About Velk Mining\nVelk Mining is a unit of Brannock Holdings, the largest miner.\n\n"
        "Media Contact\nIan Roe, press@example.com"
    )
    assert "Brannock Holdings" not in names(x)
    assert "Ian Roe" not in names(x)


def test_korean_surname_alone_refers_back() -> None:
    x = run(
        "Central Bank Governor Rhee Sung-ho held talks with Ian Roe on Wednesday. Rhee also "
        "met with Velk Mining Chairman Ola Brekke on Thursday."
    )
    second = {x.entity(p.entity).name for p in x.meetings[1].participants}
    assert {"Rhee Sung-ho", "Ola Brekke"} <= second


def test_one_demonym_for_two_coordinated_ministers() -> None:
    x = run(
        "Norwegian Foreign Minister Ola Brekke and Defense Minister Ian Roe held talks with "
        "Dara Halm on Monday."
    )
    assert {("Ola Brekke", "Norway", True), ("Ian Roe", "Norway", True)} <= affiliations(x)


def test_bare_title_after_visiting_the_headquarters() -> None:
    x = run(
        "Ian Roe visited the headquarters of Velk Mining in Arvstad on Monday, where he held "
        "talks with CEO Dara Halm."
    )
    assert ("Dara Halm", "Velk Mining", True) in affiliations(x)


def test_a_second_post_does_not_join_the_meeting() -> None:
    x = run(
        "Velk Group Chairman Ian Roe, who also chairs the Arvland Chamber of Commerce, met "
        "Ostmark Steel CEO Dara Halm on Monday."
    )
    assert ("Ian Roe", "Arvland Chamber of Commerce", True) in affiliations(x)
    core = {x.entity(p.entity).name for p in x.meetings[0].participants if not p.optional}
    assert "Velk Group" in core
    assert "Arvland Chamber of Commerce" not in core


def test_three_word_korean_name_is_referred_to_by_its_surname() -> None:
    x = run(
        "President Yoon Suk Yeol held talks with Ian Roe on Monday. Yoon and Roe later met "
        "Velk Mining Chairman Ola Brekke."
    )
    assert "Yoon" in {a for e in x.entities if e.name == "Yoon Suk Yeol" for a in e.aliases}


def test_ambassador_to_a_country_works_for_the_demonym() -> None:
    x = run("Ian Roe met Norwegian Ambassador to Sweden Ola Brekke in Arvstad on Monday.")
    assert "Ola Brekke" in names(x)
    got = affiliations(x)
    assert ("Ola Brekke", "Norway", True) in got
    assert ("Ola Brekke", "Sweden", True) not in got


def test_secretary_of_state_and_an_adviser_are_two_people() -> None:
    x = run(
        "Ian Roe was joined by Secretary of State Ola Brekke and National Security Adviser "
        "Dara Halm at the talks with Velk Mining on Monday."
    )
    assert {"Ola Brekke", "Dara Halm"} <= names(x)
    assert "National Security" not in names(x)


def test_acronym_keeps_in_inside_a_name() -> None:
    x = run(
        "Velk Mining executives met officials of the Committee on Harbor Investment in the "
        "United Provinces (CHIUP) on Tuesday."
    )
    assert "Committee on Harbor Investment in the United Provinces" in names(x)


def test_topic_after_to_discuss_is_not_a_participant() -> None:
    x = run(
        "Velk Mining executives met Ostmark Steel officials on Tuesday to discuss its planned "
        "takeover of Brannock Holdings."
    )
    core = {x.entity(p.entity).name for p in x.meetings[0].participants if not p.optional}
    assert {"Velk Mining", "Ostmark Steel"} <= core
    assert "Brannock Holdings" not in core


def test_participle_held_on_a_day_dates_the_ceremony_before() -> None:
    x = run(
        "Velk Mining said today it has signed a contract with Ostmark Steel. The signing "
        "ceremony, held in Arvstad on Monday, was attended by Minister Ian Roe.",
        date="2026-03-13",
    )
    assert len(x.meetings) == 1
    assert str(x.meetings[0].date) == "2026-03-09"
    assert "Ian Roe" in {x.entity(p.entity).name for p in x.meetings[0].participants}


def test_summit_hosted_after_a_sideline_meeting_is_another_gathering() -> None:
    x = run(
        "President Ian Roe met President Ola Brekke on the sidelines of the Harbor Summit in "
        "Arvstad on Saturday. President Dara Halm hosted the summit, which brought together "
        "leaders of 21 economies."
    )
    first = {x.entity(p.entity).name for p in x.meetings[0].participants}
    assert "Dara Halm" not in first
    assert x.meetings[0].kind != "summit"


def test_byline_under_the_story_names_a_person() -> None:
    x = run(
        "Velk Mining CEO Ian Roe met Ostmark Steel executives in Arvstad on Monday.\n\n"
        "By Park Ji-su (jspark@example.com)\n\nSubscribe\nGet the latest news in your inbox\n"
        "Most read stories today"
    )
    assert "Park Ji-su" in names(x)
    assert not any("Subscribe" in n or "Most" in n for n in names(x))


def test_hyphenated_modifier_before_talks() -> None:
    x = run("Velk Mining and Ostmark Steel held working-level talks in Arvstad on Thursday.")
    assert x.meetings and x.meetings[0].status == "held"


def test_attended_by_after_at_an_event() -> None:
    x = run(
        "Velk Mining and Ostmark Steel announced a joint venture at an event in Arvstad on "
        "Monday attended by Velk Mining CEO Ian Roe and Ostmark Steel CEO Dara Halm."
    )
    got = {x.entity(p.entity).name for p in x.meetings[0].participants}
    assert {"Ian Roe", "Dara Halm", "Velk Mining", "Ostmark Steel"} <= got


def test_holding_rates_is_not_a_meeting() -> None:
    x = run("The Central Bank of Ostmark held interest rates steady on Wednesday, Ian Roe said.")
    assert x.meetings == []


def test_a_building_named_for_its_body_is_the_venue() -> None:
    x = run(
        "Party leader Ian Roe and Ola Brekke held their first meeting at the National Assembly "
        "on Sunday."
    )
    got = {x.entity(p.entity).name for p in x.meetings[0].participants}
    assert "National Assembly" not in got


def test_lowercase_title_after_a_body_name() -> None:
    x = run("Brannock founder Ola Brekke joined the meeting with Ian Roe later on Monday.")
    assert ("Ola Brekke", "Brannock", True) in affiliations(x)


def test_bare_title_in_a_sentence_naming_one_body() -> None:
    x = run(
        "The Ministry of Ports said Thursday that First Vice Minister Ian Roe held a meeting "
        "with executives of Velk Mining and Ostmark Steel on the 14th."
    )
    assert ("Ian Roe", "Ministry of Ports", True) in affiliations(x)
    y = run("The Central Bank of Ostmark held rates steady, and Governor Ola Brekke said so.")
    assert ("Ola Brekke", "Central Bank of Ostmark", True) in affiliations(y)


@V2_GAP
def test_delegation_was_led_by() -> None:
    x = run(
        "Ostmark and Arvland held talks in Arvstad on Thursday. The Ostmark delegation was led "
        "by Ian Roe, director general at the Ministry of Ports."
    )
    got = {x.entity(p.entity).name for p in x.meetings[0].participants}
    assert "Ian Roe" in got


def test_shared_surname_goes_to_the_story_subject() -> None:
    x = run(
        "Velk Group Chairman Shin Dong-ho visited Ostmark Steel on Thursday. Shin was joined "
        "by his son Shin Ji-ho. Later, Shin met with Ian Roe in Arvstad."
    )
    last = {x.entity(p.entity).name for p in x.meetings[-1].participants}
    assert "Shin Dong-ho" in last
    assert "Shin Ji-ho" not in last


def test_name_in_apposition_after_joint_venture_is_a_company() -> None:
    x = run("Velk Mining and Ostmark Steel set up a joint venture, Velk Ostmark Metals, on Monday.")
    assert ("Velk Ostmark Metals", "Company") in {(e.name, e.type.value) for e in x.entities}


def test_the_two_countries_are_those_of_the_sentence_before() -> None:
    x = run(
        "Norway and Sweden signed a fisheries accord on Monday. The two countries also held "
        "talks on Tuesday on Arctic shipping."
    )
    last = {x.entity(p.entity).name for p in x.meetings[-1].participants}
    assert {"Norway", "Sweden"} <= last


def test_court_appearance_is_not_a_meeting() -> None:
    x = run("Velk Mining founder Ian Roe appeared before the Arvstad District Court on Monday.")
    assert x.meetings == []


def test_demonym_minister_goes_to_that_countrys_named_ministry() -> None:
    x = run(
        "Norwegian Defense Minister Ola Brekke held talks with Ian Roe on Tuesday. A planned "
        "trip was canceled, the Norwegian Defense Ministry said."
    )
    assert ("Ola Brekke", "Norwegian Defense Ministry", True) in affiliations(x)


def test_rear_admiral_and_filipino_middle_name() -> None:
    x = run(
        "The ministers were briefed by Rear Admiral Jose Ma. Reyes Santos, the navy's chief "
        "of staff, in Manila on Monday."
    )
    people = {e.name for e in x.entities if e.type.value == "Person"}
    assert "Jose Ma. Reyes Santos" in people
    assert "Rear" not in names(x)


def test_surname_with_particle_refers_back() -> None:
    x = run("Ian Roe met Navy Secretary Carlos Del Toro on Monday. Del Toro also visited Arvstad.")
    people = [e for e in x.entities if e.type.value == "Person"]
    assert "Del Toro" not in {e.name for e in people}
    assert "Del Toro" in aliases(x, "Carlos Del Toro")


def test_talks_between_two_people_is_a_meeting() -> None:
    x = run(
        "An earlier round of talks between Ian Roe and Trade Minister Ola Brekke ended on "
        "March 2 without an agreement."
    )
    assert {"Ian Roe", "Ola Brekke"} <= {
        x.entity(p.entity).name for m in x.meetings for p in m.participants
    }


def test_its_title_with_a_comma() -> None:
    x = run("Ian Roe visited the Velk Mining plant and met with its president, Dara Halm.")
    assert ("Dara Halm", "Velk Mining", True) in affiliations(x)


def test_well_known_products_are_programs() -> None:
    x = run("OpenAI will bring ChatGPT to KakaoTalk, Ian Roe said on Monday.")
    got = {(e.name, e.type.value) for e in x.entities}
    assert {("ChatGPT", "Program"), ("KakaoTalk", "Program")} <= got


def test_acronym_between_body_and_title() -> None:
    x = run("Velk Gas Corp. (VGC) CEO Ian Roe met Ola Brekke in Arvstad on Monday.")
    assert ("Ian Roe", "Velk Gas Corp", True) in affiliations(x)


def test_whom_a_participant_told_is_not_at_the_meeting() -> None:
    x = run(
        "Ian Roe met Ola Brekke in Arvstad on Monday. Dara Halm, who accompanied Roe on the "
        "trip, told Brannock Radio that a deal was close."
    )
    got = {x.entity(p.entity).name for m in x.meetings for p in m.participants}
    assert "Brannock Radio" not in got


def test_demonym_before_a_common_acronym() -> None:
    x = run("Norwegian EV maker Velk Motors was not part of the talks, Ian Roe said.")
    assert "Norwegian EV" not in names(x)
    assert "Norway" in names(x)


def test_body_after_president_of_in_apposition() -> None:
    x = run("Ian Roe met Dara Halm, president of Brannock Airplanes, in Arvstad on Monday.")
    assert ("Dara Halm", "Brannock Airplanes", True) in affiliations(x)


def test_greeted_by_on_another_day_is_its_own_meeting() -> None:
    x = run(
        "Velk Mining Chairman Ian Roe hosted a dinner for Ola Brekke in Arvstad on Wednesday. "
        "Brekke was greeted by Governor Dara Halm on his arrival at the airport on Tuesday.",
        date="2026-03-13",
    )
    first = {x.entity(p.entity).name for p in x.meetings[0].participants}
    assert "Dara Halm" not in first
    assert any(
        {"Ola Brekke", "Dara Halm"} <= {x.entity(p.entity).name for p in m.participants}
        for m in x.meetings[1:]
    )


def test_prefecture_before_governor_is_a_place() -> None:
    x = run("Ian Roe met Aichi Governor Dara Halm in Nagoya on Tuesday.")
    assert "Aichi" not in names(x)


def test_initials_before_a_surname_do_not_end_the_sentence() -> None:
    x = run("Ian Roe met with Velk Mining Chairman C.C. Wei in Arvstad on Wednesday.")
    assert ("C.C. Wei", "Velk Mining", True) in affiliations(x)


def test_ad_marker_and_short_related_box_inside_a_story() -> None:
    x = run(
        "Velk Mining CEO Ian Roe met Ostmark Steel CEO Ola Brekke in Arvstad on Wednesday.\n\n"
        "ADVERTISEMENT\n\n"
        "The two companies signed a memorandum of understanding in April to develop new "
        "alloys together, and Roe was accompanied by Dara Halm, head of Velk Mining's "
        "research division.\n\n"
        "Related Article\nVelk Mining posts record profit\n\n"
        "Brannock Holdings CEO Tom Hale, who was also in Arvstad for a trade show last week, "
        "did not join the meeting, according to people familiar with the matter.\n\n"
        "BY PARK JI-SU [jspark@example.com]"
    )
    assert {"Dara Halm", "Tom Hale", "Park Ji-su"} <= names(x)
    assert "Velk Mining posts record profit" not in names(x)


def test_listed_head_of_government_holds_office_for_a_named_country() -> None:
    x = run(
        "Prime Minister Shigeru Ishiba met Ian Roe in Tokyo on Monday. Japan will host the "
        "next round."
    )
    assert ("Shigeru Ishiba", "Japan", True) in affiliations(x)
    y = run("Prime Minister Shigeru Ishiba met Ian Roe in Tokyo on Monday.")
    assert not any(o == "Japan" for _, o, _ in affiliations(y))  # Japan is not named


def test_then_president_is_a_former_office() -> None:
    x = run("During a visit to Korea in 2023, Ian Roe met then-President Yoon Suk Yeol.")
    assert ("Yoon Suk Yeol", "South Korea", False) in affiliations(x)


def test_meeting_on_the_sidelines_of_the_summit_is_new() -> None:
    x = run(
        "Ostmark and Arvland agreed on Wednesday to deepen cooperation at a summit attended by "
        "President Ian Roe and Prime Minister Ola Brekke. Roe also met Velk Mining Chairman "
        "Dara Halm on the sidelines of the summit."
    )
    second = [
        {x.entity(p.entity).name for p in m.participants}
        for m in x.meetings
        if "Dara Halm" in {x.entity(p.entity).name for p in m.participants}
    ]
    assert second and "Ola Brekke" not in second[0]


def test_von_der_particles_in_a_surname() -> None:
    x = run(
        "Commission President Anna von der Brenn met Ian Roe on Monday. Von der Brenn said "
        "the talks went well."
    )
    people = {e.name for e in x.entities if e.type.value == "Person"}
    assert "Anna von der Brenn" in people
    assert "Von der Brenn" not in people


def test_great_hall_is_a_place() -> None:
    x = run("Xi Jinping met Ian Roe at the Great Hall of the People in Beijing on Tuesday.")
    assert not any("Great Hall" in n for n in names(x))


def test_separate_talks_make_one_meeting_per_party() -> None:
    x = run(
        "Defense Minister Ian Roe held separate talks with Norwegian Defense Minister Ola "
        "Brekke and Swedish Defense Minister Dara Halm in Arvstad on Tuesday."
    )
    got = [
        frozenset(x.entity(p.entity).name for p in m.participants if not p.optional)
        for m in x.meetings
    ]
    assert frozenset({"Ian Roe", "Ola Brekke"}) in got
    assert frozenset({"Ian Roe", "Dara Halm"}) in got
    assert not any({"Ola Brekke", "Dara Halm"} <= m for m in got)


def test_acting_minister_links_to_the_named_ministry() -> None:
    x = run(
        "Acting Defense Minister Ian Roe met Ola Brekke on Tuesday, the Ministry of National "
        "Defense said."
    )
    assert ("Ian Roe", "Ministry of National Defense", True) in affiliations(x)


def test_additional_reporting_credit() -> None:
    x = run(
        "ARVSTAD, May 3 (Reuters) - Ian Roe met Ola Brekke on Tuesday.\n\n"
        "Reporting by Ana Cruz; Additional reporting by Li Wei; Editing by Tom Hale"
    )
    assert {("Ana Cruz", "Reuters", True), ("Li Wei", "Reuters", True)} <= affiliations(x)


def test_launched_venture_is_not_a_participant() -> None:
    x = run(
        "Velk Mining and Ostmark Steel announced a joint venture, Velk Ostmark Metals, at an "
        "event in Arvstad on Monday attended by Ian Roe."
    )
    got = {x.entity(p.entity).name for m in x.meetings for p in m.participants}
    assert "Velk Ostmark Metals" not in got
    assert {"Velk Mining", "Ostmark Steel"} <= got


def test_forum_organized_by_a_body() -> None:
    x = run(
        "Velk Mining executives met Ostmark Steel officials at a forum in Arvstad on Thursday. "
        "The forum, organized by the Arvland Mining Association, was attended by Ian Roe."
    )
    got = {x.entity(p.entity).name for p in x.meetings[0].participants}
    assert {"Arvland Mining Association", "Ian Roe"} <= got


def test_lowercase_particle_surname_after_a_title() -> None:
    x = run(
        "Ian Roe met Dutch Ambassador Peter van der Berg on Monday. Ambassador van der Berg "
        "said the talks went well."
    )
    people = {e.name for e in x.entities if e.type.value == "Person"}
    assert "van der Berg" not in people
    assert "Peter van der Berg" in people


def test_phone_call_after_the_meeting_is_its_own() -> None:
    x = run(
        "President Ian Roe hosted Prime Minister Ola Brekke in Arvstad on Friday. Brekke, who "
        "flew in with Foreign Minister Tom Hale, also spoke by phone with Velk Mining Chairman "
        "Dara Halm after the meeting about the company's bid for Ostmark Steel. Vice President "
        "Ana Cruz joined the talks in the palace."
    )
    by_kind = {m.kind: {x.entity(p.entity).name for p in m.participants} for m in x.meetings}
    assert "phone call" in by_kind
    call = by_kind["phone call"]
    assert {"Ola Brekke", "Dara Halm"} <= call
    assert not call & {"Ian Roe", "Tom Hale", "Ostmark Steel", "Ana Cruz"}
    assert "Ana Cruz" in {x.entity(p.entity).name for p in x.meetings[0].participants}


def test_minister_of_area_uses_the_short_ministry_name_in_the_text() -> None:
    x = run(
        "Minister of Harbors Affairs Ian Roe met Ola Brekke on Monday, the Harbors Ministry said."
    )
    assert ("Ian Roe", "Harbors Ministry", True) in affiliations(x)
    assert "Ministry of Harbors Affairs" not in names(x)


def test_president_met_at_a_company_headquarters() -> None:
    x = run(
        "Ian Roe visited the headquarters of Velk Mining in Arvstad, where he met President "
        "Dara Halm."
    )
    assert ("Dara Halm", "Velk Mining", True) in affiliations(x)


def test_meeting_with_unnamed_bank_heads_named_next() -> None:
    x = run(
        "Central Bank Governor Ian Roe said on Monday that rates could fall, speaking after a "
        "meeting with the heads of eight commercial banks in Arvstad. The meeting was attended "
        "by the chief executives of Velk Bank and Ostmark Bank, among others."
    )
    got = {x.entity(p.entity).name for p in x.meetings[0].participants}
    assert {"Ian Roe", "Velk Bank", "Ostmark Bank"} <= got


def test_two_letter_initials_as_a_first_name_after_a_title() -> None:
    x = run("Vice President JD Vance joined the talks with Ian Roe on Friday.")
    assert "JD Vance" in {e.name for e in x.entities if e.type.value == "Person"}


@V2_GAP
def test_respectively_makes_one_meeting_per_party() -> None:
    x = run(
        "Velk Group Chairman Ian Roe met Ostmark Steel CEO Ola Brekke and Minister of Ports "
        "Dara Halm in Arvstad on Tuesday, respectively."
    )
    got = [frozenset(x.entity(p.entity).name for p in m.participants) for m in x.meetings]
    assert not any({"Ola Brekke", "Dara Halm"} <= m for m in got)
    assert any({"Ian Roe", "Dara Halm"} <= m for m in got)


def test_known_company_starting_with_a_demonym_is_kept_whole() -> None:
    x = run("Saudi Aramco CEO Amin Nasser met Ian Roe in Riyadh on Tuesday.")
    assert ("Amin Nasser", "Saudi Aramco", True) in affiliations(x)
    assert "Saudi Arabia" not in names(x)


def test_possessive_role_apposition_names_a_body() -> None:
    x = run("Brannock's chief executive, Ahn Ik-jin, said the company would grow.")
    assert ("Ahn Ik-jin", "Brannock", True) in affiliations(x)


def test_month_name_as_a_given_name_after_a_title() -> None:
    x = run("Velk Mining CEO Ian Roe met Brannock founder June Paik in Arvstad on Tuesday.")
    assert "June Paik" in {e.name for e in x.entities if e.type.value == "Person"}


def test_name_before_joint_venture_is_a_company() -> None:
    x = run("Ian Roe met Ola Brekke to discuss expanding their Velk Cells joint venture.")
    assert ("Velk Cells", "Company") in {(e.name, e.type.value) for e in x.entities}


def test_the_navy_refers_back_to_the_named_navy() -> None:
    x = run(
        "The ministers visited an Ostmark Navy base, where they were briefed by Rear Admiral "
        "Ian Roe, the navy's chief of staff."
    )
    assert ("Ian Roe", "Ostmark Navy", True) in affiliations(x)


@V2_GAP
def test_met_with_visiting_is_a_meeting_not_a_visit() -> None:
    x = run(
        "President Ian Roe met with visiting Norwegian Prime Minister Ola Brekke in Arvstad on "
        "Tuesday. Premier Dara Halm held talks with Brekke on Monday. Foreign Minister Tom Hale "
        "attended the meeting."
    )
    first = {x.entity(p.entity).name for p in x.meetings[0].participants}
    assert x.meetings[0].kind == "meeting"
    assert "Tom Hale" in first


def test_role_with_a_capitalized_area_before_at_the_ministry() -> None:
    x = run(
        "Ian Roe met Ola Brekke in Arvstad on Monday, the Ministry of Ports said. Roe was "
        "accompanied by Dara Halm, director general for Northeast Asian affairs at the ministry."
    )
    assert ("Dara Halm", "Ministry of Ports", True) in affiliations(x)


def test_touring_a_companys_plant_is_a_visit() -> None:
    x = run(
        "Velk Mining CEO Ian Roe met Ostmark Steel CEO Ola Brekke on Wednesday. Roe also "
        "toured Brannock Motors' assembly line, accompanied by its president, Dara Halm."
    )
    last = {x.entity(p.entity).name for p in x.meetings[-1].participants}
    assert {"Ian Roe", "Brannock Motors"} <= last
    assert "Ola Brekke" not in last


def test_investment_minister_is_a_portfolio_not_a_body() -> None:
    x = run("Investment Minister Ian Roe attended the meeting with Velk Mining on Monday.")
    assert "Investment" not in names(x)


def test_held_with_modifiers_before_the_meeting_noun() -> None:
    for phrase in (
        "held the so-called two-plus-two talks with",
        "held the so-called 2+2 talks with",
        "held their first bilateral summit with",
        "held a closed-door, hour-long meeting with",
    ):
        x = run(f"Foreign Minister Oda Renn {phrase} Foreign Minister Ana Pell on Thursday.")
        assert meetings(x) == [("held", frozenset({"Oda Renn", "Ana Pell"}))], phrase


def test_talks_expected_after_a_held_meeting_are_planned() -> None:
    x = run(
        "Foreign Minister Oda Renn met Foreign Minister Ana Pell on Monday. The ministry is "
        "expected to lead the delegation in the working-level talks with Velk Mining Corp."
    )
    assert meetings(x)[0] == ("held", frozenset({"Oda Renn", "Ana Pell"}))
    assert all(status == "planned" for status, _ in meetings(x)[1:])


def test_agreed_to_launch_consultations_is_planned() -> None:
    x = run(
        "The Ministry of Harbors and Velk Mining Corp. agreed to launch working-level "
        "consultations as early as next week."
    )
    assert meetings(x) == [("planned", frozenset({"Ministry of Harbors", "Velk Mining Corp"}))]


def test_a_ministry_named_by_title_and_in_full_is_one_entity() -> None:
    x = run(
        "Minister of Trade, Industry and Energy Oda Renn met Velk Mining CEO Eve Sand on "
        "Monday. The Ministry of Trade, Industry and Energy said the talks went well."
    )
    got = [e.name for e in x.entities]
    assert got.count("Ministry of Trade, Industry and Energy") == 1
    assert ("Oda Renn", "Ministry of Trade, Industry and Energy", True) in affiliations(x)


def test_trade_representative_goes_to_the_named_office_not_a_foreign_ministry() -> None:
    body = (
        "U.S. Trade Representative Ada Wren met Trade Minister Oda Renn on Monday, the "
        "Ministry of Trade, Industry and Energy said."
    )
    x = run(body)
    assert ("Ada Wren", "Ministry of Trade, Industry and Energy", True) not in affiliations(x)
    assert ("Ada Wren", "United States", True) in affiliations(x)
    x = run(body + " The Office of the U.S. Trade Representative said the talks went well.")
    assert ("Ada Wren", "Office of the U.S. Trade Representative", True) in affiliations(x)


def test_signatory_list_joins_the_ceremony_of_the_sentence_before() -> None:
    x = run(
        "The letters of intent were signed at a ceremony in Harwick on Thursday attended by "
        "Foreign Minister Oda Renn and Trade Minister Ana Pell. The agreements were signed by "
        "Jane Roe, Vice Chairman and CEO of Acme Corp; John Doe, President and CEO of Beta "
        "Systems; and Kim Min-ji, Vice Chairman of Gamma Heavy Industries."
    )
    assert "Vice Chairman and CEO of Acme Corp" not in names(x)
    got = affiliations(x)
    assert {
        ("Jane Roe", "Acme Corp", True),
        ("John Doe", "Beta Systems", True),
        ("Kim Min-ji", "Gamma Heavy Industries", True),
    } <= got
    assert len(x.meetings) == 1
    assert meetings(x)[0][1] >= {
        "Oda Renn",
        "Ana Pell",
        "Jane Roe",
        "John Doe",
        "Kim Min-ji",
        "Acme Corp",
        "Beta Systems",
        "Gamma Heavy Industries",
    }
    assert x.meetings[0].date is not None


def test_name_comma_titles_of_org_is_an_affiliation() -> None:
    x = run(
        "Jane Roe, Vice Chairman and CEO of Acme Corp, met Foreign Minister Oda Renn on Monday."
    )
    assert ("Jane Roe", "Acme Corp", True) in affiliations(x)
    assert "Vice Chairman and CEO of Acme Corp" not in names(x)


def test_a_bare_title_is_never_an_entity() -> None:
    for body in (
        "Oda Renn, who met Prime Minister on Monday, said the talks went well.",
        "Foreign Minister Oda Renn met Prime Minister in Harwick. The Prime Minister said.",
        "Foreign Minister Oda Renn will meet the Japanese Prime Minister on Monday.",
    ):
        x = run(body)
        assert not {"Prime Minister", "Japanese Prime Minister"} & names(x), body
        assert all("Prime Minister" not in p for _, ps in meetings(x) for p in ps), body


def test_minister_of_two_areas_names_no_body_and_keeps_the_surname() -> None:
    for body in (
        "Canadian Energy and Natural Resources Minister Ian Holt met Velk Mining CEO Eve Sand "
        "on Friday. Holt said the talks went well.",
        "Eve Sand met with Ian Holt, Canada's Minister of Energy and Natural Resources, on "
        "Friday. Holt said the talks went well.",
        "Canada's Minister of Energy and Natural Resources, Ian Holt, met Velk Mining CEO Eve "
        "Sand on Friday. Holt said the talks went well.",
    ):
        x = run(body)
        assert not {"Natural Resources", "Canadian Energy", "Holt"} & names(x), body
        assert "Ian Holt" in names(x), body
    x = run(
        "Eve Sand met with Ian Holt, Canada's Minister of Energy and Natural Resources, on Friday."
    )
    assert ("Ian Holt", "Canada", True) in affiliations(x)
    x = run(
        "Canada's Minister of Energy and Natural Resources, Ian Holt, met Velk Mining CEO Eve "
        "Sand on Friday."
    )
    assert ("Ian Holt", "Canada", True) in affiliations(x)


@V2_GAP
def test_the_trade_office_refers_back_and_its_expected_talks_are_planned() -> None:
    x = run(
        "Trade Minister Oda Renn met officials of the Office of the U.S. Trade Representative "
        "on Monday. The trade office is expected to lead the delegation in the working-level "
        "talks with the Ministry of Harbors, officials said."
    )
    assert ("Oda Renn", "Office of the U.S. Trade Representative", True) not in affiliations(x)
    got = meetings(x)
    assert got[0][0] == "held"
    assert (
        "planned",
        frozenset({"Office of the U.S. Trade Representative", "Ministry of Harbors"}),
    ) in got[1:]
