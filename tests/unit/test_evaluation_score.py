"""The project's scorer on small invented gold/prediction pairs, one rule of
``eval/dev/README.md`` ("Scoring") at a time."""

from __future__ import annotations

from typing import Any

import pytest

from graph.evaluation.score import (
    AnnotationError,
    DocScore,
    Tally,
    gold_annotation,
    macro_f1,
    micro,
    normalize,
    predicted_annotation,
    score,
)


def gold(
    entities: list[tuple[str, list[str]]],
    meetings: list[dict[str, Any]] | None = None,
    affiliations: list[tuple[str, str]] | None = None,
) -> dict[str, Any]:
    return {
        "entities": [{"name": n, "type": "Organization", "aliases": a} for n, a in entities],
        "meetings": [{"event": "talks", "date": None, **m} for m in meetings or []],
        "affiliations": [
            {"person": p, "org": o, "role": None, "current": True} for p, o in affiliations or []
        ],
        "boilerplate_starts_at": None,
    }


def scored(g: dict[str, Any], p: dict[str, Any]) -> DocScore:
    return score(gold_annotation(g), predicted_annotation(p))


def counts(t: Tally) -> tuple[int, int, int]:
    return t.tp, t.fp, t.fn


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The Ministry of Science & ICT", "ministry of science and ict"),
        ("U.S.", "US"),
        ("ＭＳＩＴ", "msit"),  # full-width letters (NFKC)
        ("Naver®  Cloud", "naver cloud"),
        ("Park  Eun-ji", "park eunji"),
        ("STRASSE", "straße"),  # casefold, not lower
    ],
)
def test_normalized_forms_are_equal(a: str, b: str) -> None:
    assert normalize(a) == normalize(b)


def test_normalization_keeps_what_tells_names_apart() -> None:
    assert normalize("the") == "the"  # only a leading "the" before another word is dropped
    assert normalize("The Hague Group") == "hague group"
    assert normalize("Theodore Lin") == "theodore lin"
    assert normalize("Anthem") != normalize("The Anthem Group")


def test_entities_match_by_name_or_alias_and_duplicates_are_false_positives() -> None:
    g = gold([("Ministry of Digital Affairs", ["MODA"]), ("Helios Labs", [])])
    p = {
        "entities": [
            {"name": "MODA"},
            {"name": "the Ministry of Digital Affairs"},  # the same gold entity again
            {"name": "Helios Labs Inc.", "aliases": ["Helios Labs"]},
            {"name": "Tuesday"},
        ]
    }
    s = scored(g, p)
    assert counts(s.entities) == (2, 2, 0)
    assert sorted(s.entities.false_positives) == ["Tuesday", "the Ministry of Digital Affairs"]


def test_entity_matching_is_a_maximum_matching_not_first_come() -> None:
    # The first prediction could take either gold entity; only giving it B lets both match.
    g = gold([("Alpha Group", ["AG"]), ("Beta Group", ["BG"])])
    p = {"entities": [{"name": "Alpha Group", "aliases": ["BG"]}, {"name": "AG"}]}
    assert counts(scored(g, p).entities) == (2, 0, 0)


def test_meeting_pairs_of_held_meetings() -> None:
    g = gold(
        [("A Corp", []), ("B Agency", []), ("C Office", []), ("D Fund", [])],
        meetings=[
            {"status": "held", "participants": ["A Corp", "B Agency", "C Office"]},
            {"status": "planned", "participants": ["A Corp", "D Fund"]},
        ],
    )
    p = {
        "entities": [],
        "meetings": [
            {"status": "held", "participants": ["A Corp", "B Agency"]},
            {"participants": ["B Agency", "D Fund"]},  # no status: held
            {"status": "planned", "participants": ["C Office", "D Fund"]},  # not held: ignored
        ],
    }
    s = scored(g, p)
    # expected: A-B, A-C, B-C; predicted held: A-B, B-D
    assert counts(s.meetings) == (1, 1, 2)
    assert s.meetings.false_positives == ["B Agency -- D Fund"]


def test_optional_participants_are_neither_rewarded_nor_penalized() -> None:
    g = gold(
        [("Ministry X", []), ("Firm Y", []), ("Country Z", [])],
        meetings=[
            {
                "status": "held",
                "participants": ["Ministry X", "Firm Y"],
                "participants_optional": ["Country Z"],
            }
        ],
    )
    with_z = {"meetings": [{"participants": ["Ministry X", "Firm Y", "Country Z"]}]}
    without_z = {"meetings": [{"participants": ["Ministry X", "Firm Y"]}]}
    assert counts(scored(g, with_z).meetings) == counts(scored(g, without_z).meetings) == (1, 0, 0)
    # ...but the optional one is not a participant to be found on its own
    only_z = {"meetings": [{"participants": ["Country Z", "Firm Y"]}]}
    assert counts(scored(g, only_z).meetings) == (0, 0, 1)


def test_a_pair_of_one_meeting_is_not_neutral_because_it_is_optional_in_another() -> None:
    g = gold(
        [("P One", []), ("Q Two", []), ("R Three", [])],
        meetings=[
            {"status": "held", "participants": ["P One", "Q Two"]},
            {"status": "held", "participants": ["R Three"], "participants_optional": ["P One"]},
        ],
    )
    p = {"meetings": [{"participants": ["P One", "Q Two", "R Three"]}]}
    s = scored(g, p)
    # P-Q expected; P-R neutral; Q-R a false positive (Q and R never met).
    assert counts(s.meetings) == (1, 1, 0)


def test_names_map_through_the_predicted_entity_that_carries_them() -> None:
    g = gold(
        [("Acme Corporation", []), ("Trade Office", ["TO"])],
        meetings=[{"status": "held", "participants": ["Acme Corporation", "Trade Office"]}],
    )
    p = {
        "entities": [{"name": "Acme Corporation", "aliases": ["Acme"]}],
        "meetings": [{"participants": ["Acme", "TO"]}],
        "affiliations": [{"person": "Acme", "org": "Trade Office"}],
    }
    s = scored(g, p)
    assert counts(s.meetings) == (1, 0, 0)
    assert counts(s.affiliations) == (0, 1, 0)


def test_unmapped_names_are_false_positives() -> None:
    g = gold(
        [("Lee Min", []), ("Harbor Authority", [])], affiliations=[("Lee Min", "Harbor Authority")]
    )
    p = {
        "meetings": [{"participants": ["Lee Min", "Someone Else"]}],
        "affiliations": [{"person": "Lee Min", "org": "Harbor Authority"}],
    }
    s = scored(g, p)
    assert s.meetings.false_positives == ["?someone else -- Lee Min"]
    assert counts(s.meetings) == (0, 1, 0)
    assert counts(s.affiliations) == (1, 0, 0)


def test_affiliations_are_ordered_pairs() -> None:
    g = gold([("Ana Ruiz", []), ("Helios Labs", [])], affiliations=[("Ana Ruiz", "Helios Labs")])
    p = {"affiliations": [{"person": "Helios Labs", "org": "Ana Ruiz"}]}
    assert counts(scored(g, p).affiliations) == (0, 1, 1)


def test_nothing_expected_and_nothing_predicted_scores_one() -> None:
    s = scored(gold([("Solo Org", [])]), {"entities": [{"name": "Solo Org"}]})
    assert (s.meetings.precision, s.meetings.recall, s.meetings.f1) == (1.0, 1.0, 1.0)
    missed = scored(gold([("Solo Org", [])]), {})
    assert (missed.entities.precision, missed.entities.recall, missed.entities.f1) == (0, 0, 0)
    extra = scored(gold([("Solo Org", [])]), {"affiliations": [{"person": "X", "org": "Y"}]})
    assert (extra.affiliations.precision, extra.affiliations.recall) == (0.0, 0.0)


def test_micro_adds_counts_and_macro_averages_documents() -> None:
    g = gold(
        [("A Corp", []), ("B Agency", []), ("C Office", [])],
        meetings=[{"status": "held", "participants": ["A Corp", "B Agency", "C Office"]}],
    )
    perfect = scored(g, {"meetings": [{"participants": ["A Corp", "B Agency", "C Office"]}]})
    third = scored(g, {"meetings": [{"participants": ["A Corp", "B Agency"]}]})  # P 1, R 1/3
    total = micro([perfect, third])
    assert counts(total.meetings) == (4, 0, 2)
    assert total.meetings.f1 == pytest.approx(2 * (4 / 6) / (1 + 4 / 6))
    assert macro_f1([perfect, third], "meetings") == pytest.approx((1 + 0.5) / 2)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda g: g["entities"].append({"name": "Y", "type": "Company", "aliases": ["X"]}), "X"),
        (
            lambda g: g["meetings"].append({"event": "e", "status": "held", "participants": ["Z"]}),
            "Z",
        ),
        (lambda g: g["meetings"].append({"event": "e", "status": "postponed"}), "status"),
        (lambda g: g.pop("boilerplate_starts_at"), "boilerplate_starts_at"),
        (lambda g: g["entities"].append({"name": "  ", "type": "Company"}), "name"),
        (lambda g: g["entities"].append({"name": "W", "type": "Place"}), "type"),
    ],
)
def test_malformed_gold_is_refused(change: Any, message: str) -> None:
    g = gold([("X", [])])
    change(g)
    with pytest.raises(AnnotationError, match=message):
        gold_annotation(g)


def test_a_participant_cannot_be_both_core_and_optional() -> None:
    g = gold(
        [("X Org", []), ("Y Org", [])],
        meetings=[
            {"status": "held", "participants": ["X Org"], "participants_optional": ["x org"]}
        ],
    )
    with pytest.raises(AnnotationError, match="both"):
        gold_annotation(g)


def test_a_prediction_with_an_empty_name_is_refused() -> None:
    with pytest.raises(AnnotationError):
        predicted_annotation({"entities": [{"name": "—"}]})
