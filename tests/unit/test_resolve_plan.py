"""The store's transform stage: an Extraction checked and laid out as rows (no database)."""

from __future__ import annotations

import pytest

from graph.model import (
    Document,
    Entity,
    EntityType,
    Evidence,
    Extraction,
    Meeting,
    Participant,
    Quote,
    Relation,
)
from graph.store.plan import InvalidExtraction, plan

TEXT = "MSIT met OpenAI. The Ministry of Science and ICT met OpenAI again. Baker said hi."


def _ev(s: str) -> Evidence:
    i = TEXT.index(s)
    return Evidence(sentence=s, start=i, end=i + len(s))


def _ext(**kw: object) -> Extraction:
    doc = Document(id="d", text=TEXT, content_hash="h")
    return Extraction(document=doc, **kw)


ENTS = [
    Entity(key="a", name="MSIT", type=EntityType.GOVERNMENT_BODY),
    Entity(
        key="b",
        name="Ministry of Science and ICT",
        type=EntityType.GOVERNMENT_BODY,
        aliases=["MSIT"],
    ),
    Entity(key="o", name="OpenAI", type=EntityType.COMPANY),
    Entity(key="p", name="Baker", type=EntityType.PERSON),
]


def test_one_document_naming_a_body_twice_gives_one_row() -> None:
    p = plan(_ext(entities=ENTS))
    assert len(p.entities) == 3
    ministry = p.entity_for("a")
    assert ministry is p.entity_for("b")
    assert ministry.names[0] == "Ministry of Science and ICT" and "MSIT" in ministry.names


def test_a_fact_stated_twice_keeps_its_first_evidence() -> None:
    rels = [
        Relation(
            type="BRIEFED",
            source="b",
            target="o",
            evidence=_ev("The Ministry of Science and ICT met OpenAI again."),
        ),
        Relation(type="BRIEFED", source="a", target="o", evidence=_ev("MSIT met OpenAI.")),
    ]
    p = plan(_ext(entities=ENTS, relations=rels))
    assert len(p.facts) == 1
    assert p.facts[0].evidence.sentence == "MSIT met OpenAI."
    assert p.facts[0].extra == {"detail": ""}


def test_host_is_not_also_an_attendee_and_roles_combine() -> None:
    m = Meeting(
        key="m",
        evidence=_ev("MSIT met OpenAI."),
        participants=[
            Participant(entity="a", role="host"),
            Participant(entity="b", role="attendee"),
            Participant(entity="o", role="attendee", optional=True),
            Participant(entity="o", role="speaker"),
        ],
    )
    p = plan(_ext(entities=ENTS, meetings=[m]))
    kinds = sorted((f.type, f.source) for f in p.facts)
    assert kinds == [("ATTENDED", "o"), ("HOSTED", "a")]
    attended = next(f for f in p.facts if f.type == "ATTENDED")
    assert attended.extra == {"role": "speaker", "implied": False}


def test_quotes_become_said_facts_once() -> None:
    q = Quote(speaker="p", text="hi", evidence=_ev("Baker said hi."))
    p = plan(_ext(entities=ENTS, quotes=[q, q]))
    assert len(p.quotes) == 1
    said = [f for f in p.facts if f.type == "SAID"]
    assert len(said) == 1 and said[0].target == p.quotes[0].ref


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        (
            {
                "meetings": [
                    Meeting(
                        key="m",
                        evidence=_ev("MSIT met OpenAI."),
                        participants=[Participant(entity="zz")],
                    )
                ]
            },
            "unknown entity 'zz'",
        ),
        (
            {
                "relations": [
                    Relation(
                        type="PART_OF",
                        source="a",
                        target="o",
                        evidence=Evidence(sentence="x", start=5, end=9999),
                    )
                ]
            },
            "outside",
        ),
        (
            {"entities": [*ENTS, Entity(key="a", name="Dup", type=EntityType.COMPANY)]},
            "share one key",
        ),
    ],
)
def test_bad_extractions_are_refused_with_a_reason(kw: dict[str, object], message: str) -> None:
    args: dict[str, object] = {"entities": ENTS, **kw}
    with pytest.raises(InvalidExtraction, match=message):
        plan(_ext(**args))


def test_document_props_carry_version_and_metadata() -> None:
    p = plan(_ext(entities=ENTS))
    assert p.document["id"] == "d" and p.document["content_hash"] == "h"
    assert p.document["extractor_version"]
