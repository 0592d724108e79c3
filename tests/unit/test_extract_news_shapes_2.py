"""Sentence shapes of news copy and government releases, round 12 (invented names): a
hyphenated East Asian given name in the subject, "the first meeting" told several sentences
later, a country written before a title in apposition ("X, Swedish Trade Minister,"),
"of the Republic of X" after a titled name, a name hung on its title's "of" phrase, and a
known organization after "Secretary General of the"."""

from __future__ import annotations

from tests.unit._extract_helpers import affiliations, meetings, names, run


def _cores(body: str) -> list[tuple[str, frozenset[str]]]:
    return meetings(run(body))


def test_a_hyphenated_given_name_keeps_the_clause_verb_a_verb() -> None:
    for body in (
        "Minister Baek Su-min held talks with Swedish Foreign Minister Lars Holm in Seoul on "
        "May 3.",
        "Vice Minister Kwon Ji-ho held a meeting with Ambassador Lars Holm on Friday.",
        "Deputy Minister CHOI Da-yun had talks with Foreign Minister Lars Holm on Friday.",
    ):
        got = _cores(body)
        assert len(got) == 1 and got[0][0] == "held", body
        assert "Lars Holm" in got[0][1] and len(got[0][1]) == 2, body


def test_a_hyphenated_given_name_is_written_as_in_the_text() -> None:
    x = run("Minister Baek Su-min met Foreign Minister Lars Holm of Sweden on Monday.")
    assert meetings(x) == [("held", frozenset({"Baek Su-min", "Lars Holm"}))]
    assert ("Lars Holm", "Sweden", True) in affiliations(x)


def test_a_hyphenated_word_after_a_capitalized_word_is_no_name() -> None:
    got = _cores("A High-level delegation from Vexo Chips met Minister Lars Holm on Monday.")
    assert all("High-level" not in core for _, core in got)


def test_the_first_meeting_told_later_is_the_first_one() -> None:
    x = run(
        "On Monday, director Han Do-yeon met executives from Arum Cloud and Nuri Data. "
        "A day later, her deputy, Seo Min-ji, briefed Dasol Mobile on the campaign. "
        '"It was useful," Seo said. The agency said more briefings would follow. '
        "Among those at the first meeting was Oh Tae-rim, a director at Arum Cloud."
    )
    got = meetings(x)
    assert len(got) == 2
    assert "Oh Tae-rim" in got[0][1]
    assert "Oh Tae-rim" not in got[1][1]


def test_a_country_before_a_title_in_apposition_is_whom_the_person_serves() -> None:
    for body, country in (
        ("Minister Lena Dorsk met Lars Holm, Swedish Trade Minister, in Oslo.", "Sweden"),
        ("Minister Lena Dorsk met Lars Holm, the Swedish Minister for Trade, in Oslo.", "Sweden"),
        (
            "Minister Lena Dorsk met with Ada Crane, U.S. Deputy Secretary of State, on Monday.",
            "United States",
        ),
        ("Minister Lena Dorsk met Paulo Reis, Mexican Secretary of Economy, on Monday.", "Mexico"),
    ):
        x = run(body)
        person = next(iter(meetings(x)[0][1] - {"Lena Dorsk"}))
        assert (person, country, True) in affiliations(x), body
        assert country in names(x), body


def test_a_country_adjective_before_a_company_name_is_no_title() -> None:
    x = run("Minister Lena Dorsk met executives of Swedish Steel Works on Monday.")
    assert not any(c == "Sweden" for _, c, _ in affiliations(x))


def test_the_formal_name_of_a_country_after_a_titled_name() -> None:
    for body in (
        "Secretary Ada Crane met Defense Minister Lars Holm of the Republic of Estonia.",
        "Secretary Ada Crane welcomed Minister of National Defense Lars Holm of the Republic "
        "of Estonia to the Pentagon.",
        "Mr. Kenji Sato held a meeting with Lars Holm, Minister for Foreign Affairs of the "
        "Kingdom of Sweden.",
    ):
        x = run(body)
        assert len(meetings(x)) == 1, body
        country = "Estonia" if "Estonia" in body else "Sweden"
        assert ("Lars Holm", country, True) in affiliations(x), body


def test_a_name_hung_on_its_titles_of_phrase_still_holds_the_title() -> None:
    x = run("Secretary Ada Crane met Minister of National Defense Lars Holm of Estonia.")
    assert ("Lars Holm", "Estonia", True) in affiliations(x)


def test_a_known_organization_after_a_title_is_no_part_of_it() -> None:
    x = run(
        "Minister Lena Dorsk met Ada Crane, Secretary General of the Association of Southeast "
        "Asian Nations, on Monday."
    )
    assert ("Ada Crane", "Association of Southeast Asian Nations", True) in affiliations(x)
    assert not any(n.startswith("Secretary General") for n in names(x))


def test_a_title_with_its_area_then_of_a_country_serves_that_country() -> None:
    for body in (
        "Mr. Kenji Sato had a talk with Mr. Lars Holm, Foreign Minister of Estonia.",
        "Mr. Kenji Sato met Lars Holm, Minister of Defense of Estonia.",
        "Mr. Kenji Sato met Lars Holm, Minister of Economy and Finance of Estonia.",
        "Mr. Kenji Sato met Lars Holm, Health Minister of the Republic of Estonia.",
        "Minister Lena Dorsk met Lars Holm, the Estonian Ambassador to Korea, on Monday.",
    ):
        x = run(body)
        assert ("Lars Holm", "Estonia", True) in affiliations(x), body
        assert not any("Defense of" in n or "Finance of" in n for n in names(x)), body


def test_an_area_of_a_body_that_is_no_country_stays_out() -> None:
    x = run("Mr. Kenji Sato met Lars Holm, Minister of Trade of Vexo Chips.")
    assert not any(c == "Estonia" for _, c, _ in affiliations(x))
    assert "Trade of Vexo Chips" not in names(x)


def test_a_delegation_from_a_body_led_by_a_named_leader() -> None:
    got = _cores(
        "Deputy Prime Minister Kim Do-hyun met with a delegation from the Estonian parliament "
        "led by Speaker Lars Holm on May 3."
    )
    assert got == [("held", frozenset({"Kim Do-hyun", "Lars Holm"}))]


def test_the_speaker_of_a_parliament_presides_over_it() -> None:
    x = run("Minister Lena Dorsk met Lars Holm, Speaker of the National Assembly, on Monday.")
    assert ("Lars Holm", "National Assembly", True) in affiliations(x)


def test_a_speaker_at_an_event_belongs_to_no_body() -> None:
    x = run("Ada Crane, a speaker at the Nordic Council, met Minister Lena Dorsk on Monday.")
    assert not any(p == "Ada Crane" for p, _, _ in affiliations(x))


def test_a_known_name_written_with_a_hyphen_and_and_is_one_name() -> None:
    x = run(
        "Mr. Kenji Sato met Ada Crane, Secretary-General of the Organisation for Economic "
        "Co-operation and Development, on Monday."
    )
    assert ("Ada Crane", "OECD", True) in affiliations(x)
    assert not any(n.startswith("Organisation for") for n in names(x))


def test_an_unknown_name_with_a_hyphen_is_cut_as_before() -> None:
    x = run("Minister Lena Dorsk met Vexo Chips and Nordic Co-op Bank on Monday.")
    assert "Vexo Chips" in names(x)


def test_telephoned_is_a_phone_call_with_the_one_called() -> None:
    x = run("Prime Minister Ilse Varga telephoned Chancellor Karl Aune on Monday.")
    assert meetings(x) == [("held", frozenset({"Ilse Varga", "Karl Aune"}))]
    assert x.meetings[0].kind == "phone call"


def test_telephoning_a_place_or_the_news_is_no_call() -> None:
    assert _cores("Ilse Varga telephoned Oslo from the plane on Monday.") == []


def test_a_company_named_with_a_head_word_in_capitals_is_no_person() -> None:
    x = run("Velora AI was represented by its chief technology officer, Lee Da-som, at the talks.")
    assert ("Velora AI", "Company") in {(e.name, e.type.value) for e in x.entities}
    assert ("Lee Da-som", "Velora AI", True) in affiliations(x)


def test_a_surname_in_capitals_still_makes_a_person() -> None:
    x = run("Mr. KANO Hiroto met Lars Holm on Monday.")
    assert ("Kano Hiroto", "Person") in {(e.name, e.type.value) for e in x.entities} or (
        "KANO Hiroto",
        "Person",
    ) in {(e.name, e.type.value) for e in x.entities}


def test_exchanging_views_with_someone_states_talks() -> None:
    got = _cores("Minister Alma Reyes exchanged views with Lars Holm, Foreign Minister of Estonia.")
    assert got == [("held", frozenset({"Alma Reyes", "Lars Holm"}))]


def test_exchanging_views_in_a_meeting_told_is_that_meeting() -> None:
    got = _cores(
        "Minister Alma Reyes met Foreign Minister Lars Holm on Monday. Minister Reyes exchanged "
        "views with Minister Holm on the regional situation."
    )
    assert got == [("held", frozenset({"Alma Reyes", "Lars Holm"}))]


def test_former_opening_a_sentence_is_no_part_of_a_company_name() -> None:
    x = run("Former Vexo Chips executive Lars Holm met Minister Alma Reyes on Monday.")
    assert "Vexo Chips" in names(x)
    assert not any(n.startswith("Former") for n in names(x))


def test_an_ambassador_of_a_country_to_another_before_the_name() -> None:
    for body in (
        "Minister Alma Reyes met Ambassador of Estonia to Korea Lars Holm on Monday.",
        "Minister Alma Reyes met the Ambassador of Estonia to the Republic of Korea Lars Holm "
        "on Monday.",
        "Minister Alma Reyes met Lars Holm, Ambassador of Estonia to Korea, on Monday.",
    ):
        x = run(body)
        assert meetings(x) == [("held", frozenset({"Alma Reyes", "Lars Holm"}))], body
        assert ("Lars Holm", "Estonia", True) in affiliations(x), body
        assert not any(" to " in n for n in names(x)), body


def test_a_known_name_with_of_after_a_plain_word_is_one_name() -> None:
    x = run(
        "Minister Lena Dorsk met Ada Crane, a member of the U.S. House of Representatives, "
        "on Monday."
    )
    assert ("Ada Crane", "U.S. House of Representatives", True) in affiliations(x)
