"""Round 18 of issue 11: shapes of news copy, each written as an invented sentence.

Every cause here was found by running the extractor on unseen news excerpts and reading the
output by hand; the sentences and names are made up (docs/nlp-model.md, "Round 18").
"""

from __future__ import annotations

import pytest

from tests.unit._extract_helpers import affiliations, entities, held, names, roles, run

# --- a two-letter initial ("Ch. Batbold"), one letter of Cyrillic written in Latin


@pytest.mark.parametrize(
    ("sentence", "person"),
    [
        ("Acting Governor Ch. Brekke met Dara Halm on Monday.", "Ch. Brekke"),
        ("Minister of Finance Ts. Brekke received Dara Halm in Oslo.", "Ts. Brekke"),
        ("Deputy Governor Kh. Brekke met Dara Halm on Monday.", "Kh. Brekke"),
    ],
)
def test_a_two_letter_initial_is_part_of_the_name(sentence: str, person: str) -> None:
    x = run(sentence)
    assert (person, "Person") in entities(x)
    assert not ({"Ch", "Ts", "Kh"} & names(x))
    assert frozenset({person, "Dara Halm"}) in held(sentence)


def test_a_two_letter_name_that_ends_a_sentence_still_ends_it() -> None:
    # "Yu" ends many names: its full stop closes the sentence
    text = "Dara Halm met Director Lin Yu. Ola Brekke met Tomas Varg on Friday."
    assert held(text) == [
        frozenset({"Dara Halm", "Lin Yu"}),
        frozenset({"Ola Brekke", "Tomas Varg"}),
    ]


def test_a_digraph_before_a_sentence_starter_ends_the_sentence() -> None:
    x = run("Dara Halm wrote the letter in Ch. The minister met Ola Brekke on Friday.")
    assert "Ch. The" not in names(x)


# --- a country's formal name with a head word the common-word list does not hold


@pytest.mark.parametrize(
    ("sentence", "country"),
    [
        ("Ola Brekke met envoys of the Islamic Emirate of Norway in Doha.", "Norway"),
        ("Ola Brekke met envoys of the Hashemite Kingdom of Peru on Monday.", "Peru"),
        ("Ola Brekke met envoys of the Grand Duchy of Norway on Monday.", "Norway"),
    ],
)
def test_a_formal_state_name_is_its_country(sentence: str, country: str) -> None:
    x = run(sentence)
    assert (country, "Country") in entities(x)
    assert not any(n.startswith(("Islamic", "Hashemite", "Grand")) for n in names(x))
    assert frozenset({"Ola Brekke", country}) in held(sentence)


def test_the_officer_of_a_formal_state_serves_its_country() -> None:
    x = run("Ola Brekke met the foreign minister of the Islamic Emirate of Peru, Dara Halm.")
    assert ("Dara Halm", "Peru", True) in affiliations(x)
    assert ("Dara Halm", "Person") in entities(x)


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        # a head that takes no modifier: the words before it name a body of its own
        ("Ola Brekke met officials of the Football Federation of Norway.", "Football Federation"),
        ("Ola Brekke met leaders of the Velk Commonwealth of Peru.", None),
    ],
)
def test_a_body_named_like_a_state_is_no_country(sentence: str, body: str | None) -> None:
    x = run(sentence)
    if body is not None:
        assert any(n.startswith(body) for n in names(x))
    assert not any(m == frozenset({"Ola Brekke", "Norway"}) for m in held(sentence))
    assert not any(m == frozenset({"Ola Brekke", "Peru"}) for m in held(sentence))


# --- "A delegation of X called on Y": the parser hangs the verb on the subject as a modifier


@pytest.mark.parametrize(
    "sentence",
    [
        "A delegation of Norvik Motors called on Trade Minister Dara Halm on Friday.",
        "A delegation of Norvik Shipping called on Trade Minister Dara Halm on Friday.",
    ],
)
def test_a_delegation_that_called_on_a_minister_met_them(sentence: str) -> None:
    got = held(sentence)
    assert len(got) == 1
    assert {"Dara Halm"} < got[0]
    assert any(n.startswith("Norvik") for n in got[0])


@pytest.mark.parametrize(
    "sentence",
    [
        # a report calls on someone to act: no meeting
        "A report of Norvik Shipping called on Trade Minister Dara Halm to act.",
        # a participle still describes the group
        "A delegation of Norvik Shipping led by Ola Brekke arrived in Lima on Friday.",
    ],
)
def test_a_noun_with_a_modifier_states_no_meeting(sentence: str) -> None:
    assert held(sentence) == []


# --- "the President of Peru" after "Peru's President X": X, not the country


@pytest.mark.parametrize(
    "opening",
    [
        "Trade Minister Dara Halm met with Peru's President Ola Brekke on Saturday.",
        "Trade Minister Dara Halm met with President Ola Brekke of Peru on Saturday.",
    ],
)
def test_the_title_of_a_country_stands_for_its_holder_named_before(opening: str) -> None:
    text = opening + " Later, the President of Peru met with Prime Minister Tomas Varg."
    assert held(text) == [
        frozenset({"Dara Halm", "Ola Brekke"}),
        frozenset({"Ola Brekke", "Tomas Varg"}),
    ]


@pytest.mark.parametrize(
    "opening",
    [
        # another country's president, another title of the same country, no one named
        "Trade Minister Dara Halm met with Peru's President Ola Brekke on Saturday.",
        "Trade Minister Dara Halm met with Peru's Foreign Minister Ola Brekke on Saturday.",
        "Trade Minister Dara Halm visited Lima on Saturday.",
    ],
)
def test_no_holder_named_before_leaves_the_country(opening: str) -> None:
    country = "Norway" if "President" in opening else "Peru"
    text = opening + f" Later, the President of {country} met with Prime Minister Tomas Varg."
    assert held(text)[-1] == frozenset({country, "Tomas Varg"})


# --- "<title> of <country> <three-word name>": the model's narrower span dropped the first name


@pytest.mark.parametrize(
    ("sentence", "person"),
    [
        (
            "Prime Minister Ola Brekke met President of Peru Dara Tomas Halm on Monday.",
            "Dara Tomas Halm",
        ),
        (
            "Ola Brekke met with the King of Norway Salman Tomas Berg on Monday.",
            "Salman Tomas Berg",
        ),
    ],
)
def test_a_three_word_name_after_a_title_of_a_country_is_whole(sentence: str, person: str) -> None:
    x = run(sentence)
    assert (person, "Person") in entities(x)
    assert not any(n == " ".join(person.split()[1:]) for n in names(x))


def test_a_policy_word_before_a_name_is_still_cut() -> None:
    x = run("Prime Minister Ola Brekke met Digital Policy Minister Tomas Halm on Monday.")
    assert ("Tomas Halm", "Person") in entities(x)
    assert not any("Policy" in n for n in names(x))


# --- "had a brief interaction with X": the noun of "interacted with"


def test_an_interaction_with_a_person_is_talks() -> None:
    text = "Prime Minister Ola Brekke had a brief interaction with President Dara Halm on Monday."
    assert held(text) == [frozenset({"Ola Brekke", "Dara Halm"})]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ola Brekke had an interaction with students at Vantoria University on Monday.",
        "Ola Brekke held an interaction with reporters on Monday.",
        "The interaction between trade and security worries Dara Halm.",
    ],
)
def test_an_interaction_with_no_party_is_no_meeting(sentence: str) -> None:
    assert held(sentence) == []


# --- "held no talks with X", "No meeting took place": a meeting noun under "no"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Ola Brekke met Tomas Varg on Monday but held no talks with Dara Halm.",
            [frozenset({"Ola Brekke", "Tomas Varg"})],
        ),
        ("Ola Brekke had no meeting with Dara Halm during the visit.", []),
        ("No meeting between Ola Brekke and Dara Halm took place.", []),
    ],
)
def test_no_meeting_is_no_meeting(sentence: str, expected: list[frozenset[str]]) -> None:
    assert held(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # "no" on another noun of the sentence
        "Ola Brekke said there was no doubt that his meeting with Dara Halm on Monday went well.",
        "Ola Brekke held talks with Dara Halm and said no agreement was reached.",
    ],
)
def test_no_on_another_noun_keeps_the_meeting(sentence: str) -> None:
    assert held(sentence) == [frozenset({"Ola Brekke", "Dara Halm"})]


# --- "Chairman of Norvik Shipping X": a head that is also a policy area, after a proper name


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        ("Chairman of Norvik Shipping Ola Brekke met President Dara Halm.", "Norvik Shipping"),
        ("Director of Velk Shipping Ola Brekke met Dara Halm on Monday.", "Velk Shipping"),
    ],
)
def test_a_body_named_with_an_area_word_after_a_title(sentence: str, body: str) -> None:
    x = run(sentence)
    assert ("Ola Brekke", body, True) in affiliations(x)
    assert frozenset({"Ola Brekke", "Dara Halm", body}) in held(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Minister of Ports and Shipping Ola Brekke met Dara Halm on Monday.",
        "Director General of Maritime Shipping Ola Brekke met Dara Halm on Monday.",
    ],
)
def test_an_area_of_a_title_names_no_body(sentence: str) -> None:
    x = run(sentence)
    assert affiliations(x) == set()
    assert ("Ola Brekke", "Person") in entities(x)
    assert not any("Shipping" in n for n in names(x))


# --- "The Norvik Shipping CEO met X": a body's name, then the title of its unnamed officer


@pytest.mark.parametrize(
    "sentence",
    [
        "The Norvik Shipping CEO called on Prime Minister Dara Halm on Thursday.",
        "Ola Brekke met the Norvik Shipping Chairman on Thursday.",
    ],
)
def test_the_title_after_a_body_is_no_part_of_its_name(sentence: str) -> None:
    x = run(sentence)
    assert ("Norvik Shipping", "Company") in entities(x)
    assert not any(n.endswith(("CEO", "Chairman")) for n in names(x))
    assert any("Norvik Shipping" in m for m in held(sentence))


def test_a_named_officer_after_the_body_and_title_keeps_both() -> None:
    x = run("The Norvik Shipping CEO Ola Brekke met Dara Halm on Thursday.")
    assert ("Ola Brekke", "Norvik Shipping", True) in affiliations(x)


def test_a_bare_title_after_the_is_no_body() -> None:
    x = run("The Prime Minister met Dara Halm on Thursday.")
    assert names(x) == {"Dara Halm"}


# --- "X, the chief executive of Norway's largest shipping company, Norvik Shipping,"


@pytest.mark.parametrize(
    ("sentence", "body", "role"),
    [
        (
            "Ola Brekke, the chief executive of Norway's largest shipping company, Norvik "
            "Shipping, called on Prime Minister Dara Halm on Tuesday.",
            "Norvik Shipping",
            "chief executive",
        ),
        (
            "Ola Brekke, chairman of Peru's biggest lender, Velk Bank, met Dara Halm on Tuesday.",
            "Velk Bank",
            "chairman",
        ),
    ],
)
def test_the_company_named_after_its_description_is_the_officers(
    sentence: str, body: str, role: str
) -> None:
    x = run(sentence)
    assert roles(x).get(("Ola Brekke", body)) == role
    assert not any(org in ("Norway", "Peru") for _, org, _ in affiliations(x))
    assert frozenset({"Ola Brekke", "Dara Halm", body}) in held(sentence)


def test_a_relation_that_is_no_role_names_no_company() -> None:
    x = run(
        "Ola Brekke, a friend of Norway's largest shipping company, Norvik Shipping, met Dara Halm."
    )
    assert not any(org == "Norvik Shipping" for _, org, _ in affiliations(x))


# --- "Peru's trade ministry held talks with X": an unnamed body owned by a country


@pytest.mark.parametrize(
    ("sentence", "other"),
    [
        ("Peru's trade ministry held talks with Norvik Shipping on Monday.", "Norvik Shipping"),
        ("Norway's science ministry hosted a forum with Dara Halm on Monday.", "Dara Halm"),
    ],
)
def test_an_unnamed_body_of_a_country_stands_for_it(sentence: str, other: str) -> None:
    country = sentence.split("'")[0]
    assert held(sentence) == [frozenset({country, other})]


@pytest.mark.parametrize(
    "sentence",
    [
        # a nationality adjective makes no party, as for "Peruvian officials"
        "The Peruvian trade ministry held talks with Norvik Shipping on Monday.",
        # a body with no owner stands for no one
        "The ministry held talks with Norvik Shipping on Monday.",
    ],
)
def test_an_unowned_body_is_no_party(sentence: str) -> None:
    assert held(sentence) == []


# --- "X's meeting on Thursday was with Y": the copula's "with" names the other side


@pytest.mark.parametrize(
    "sentence",
    [
        "Ola Brekke's meeting on Thursday was with President Dara Halm.",
        "Ola Brekke's meeting was in Oslo with Dara Halm.",
    ],
)
def test_a_meeting_that_was_with_someone(sentence: str) -> None:
    assert held(sentence) == [frozenset({"Ola Brekke", "Dara Halm"})]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ola Brekke's meeting was not with Dara Halm.",
        "Ola Brekke's meeting was with reporters.",
        "Ola Brekke's speech was well received by Dara Halm.",
    ],
)
def test_a_copula_that_names_no_other_side(sentence: str) -> None:
    assert held(sentence) == []
