"""Helpers for the store's integration tests: hand-built extractions and full graph dumps."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from typing import Any

from neo4j import Driver

from graph.model import (
    Affiliation,
    Document,
    DocumentMeta,
    Entity,
    EntityType,
    Evidence,
    Extraction,
    Meeting,
    Participant,
    Quote,
    Relation,
)

GOV = EntityType.GOVERNMENT_BODY
COM = EntityType.COMPANY
PER = EntityType.PERSON
ORG = EntityType.ORGANIZATION

MAY18 = dt.date(2026, 5, 18)


class Doc:
    """Builds an Extraction over ``text``; evidence is located by quoting a sentence of it."""

    def __init__(self, doc_id: str, text: str, published: dt.date | None = None) -> None:
        self.doc_id = doc_id
        self.text = text
        self.published = published
        self.entities: list[Entity] = []
        self.meetings: list[Meeting] = []
        self.affiliations: list[Affiliation] = []
        self.quotes: list[Quote] = []
        self.relations: list[Relation] = []

    def ev(self, sentence: str) -> Evidence:
        start = self.text.index(sentence)
        return Evidence(sentence=sentence, start=start, end=start + len(sentence))

    def entity(
        self,
        key: str,
        name: str,
        etype: EntityType,
        *aliases: str,
        country: str | None = None,
    ) -> Doc:
        self.entities.append(
            Entity(key=key, name=name, type=etype, aliases=list(aliases), country=country)
        )
        return self

    def meeting(
        self,
        key: str,
        sentence: str,
        host: str | None,
        attendees: Iterable[str],
        *,
        day: dt.date | None = None,
        kind: str = "meeting",
        implied: Iterable[str] = (),
        status: str = "held",
    ) -> Doc:
        parts = [Participant(entity=host, role="host")] if host else []
        parts += [Participant(entity=a) for a in attendees]
        parts += [Participant(entity=a, optional=True) for a in implied]
        self.meetings.append(
            Meeting(
                key=key,
                kind=kind,
                description=f"{kind} ({key})",
                date=day,
                year=day.year if day else None,
                month=day.month if day else None,
                day=day.day if day else None,
                date_precision="day" if day else "unknown",
                status=status,
                participants=parts,
                evidence=self.ev(sentence),
            )
        )
        return self

    def affiliation(self, person: str, org: str, role: str | None, sentence: str) -> Doc:
        self.affiliations.append(
            Affiliation(person=person, org=org, role=role, evidence=self.ev(sentence))
        )
        return self

    def quote(self, speaker: str, words: str, sentence: str) -> Doc:
        self.quotes.append(Quote(speaker=speaker, text=words, evidence=self.ev(sentence)))
        return self

    def relation(self, rtype: str, source: str, target: str, sentence: str) -> Doc:
        self.relations.append(
            Relation(type=rtype, source=source, target=target, evidence=self.ev(sentence))
        )
        return self

    def build(self) -> Extraction:
        meta = DocumentMeta(title=f"title of {self.doc_id}", published=self.published)
        digest = hashlib.sha256(
            (self.text + json.dumps(meta.model_dump(mode="json"), sort_keys=True)).encode()
        ).hexdigest()
        return Extraction(
            document=Document(id=self.doc_id, text=self.text, meta=meta, content_hash=digest),
            entities=list(self.entities),
            meetings=list(self.meetings),
            affiliations=list(self.affiliations),
            quotes=list(self.quotes),
            relations=list(self.relations),
        )


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


def dump(driver: Driver, *, leave_out: frozenset[str] = frozenset()) -> tuple[list[str], list[str]]:
    """Every node and relationship with its labels/type and properties (but ``leave_out``),
    as sorted comparable text: two graphs are equal when their dumps are, repeats included."""
    nodes: list[str] = []
    ref: dict[str, str] = {}
    for rec in rows(
        driver, "MATCH (n) RETURN elementId(n) AS eid, labels(n) AS labels, properties(n) AS p"
    ):
        props = {k: _plain(v) for k, v in rec["p"].items() if k not in leave_out}
        labels = sorted(rec["labels"])
        key = props.get("id") or props.get("key") or props.get("from_id") or json.dumps(props)
        ref[rec["eid"]] = f"{':'.join(labels)}[{key}]"
        nodes.append(json.dumps({"labels": labels, "props": props}, sort_keys=True))
    rels = [
        json.dumps(
            {
                "a": ref[rec["a"]],
                "type": rec["t"],
                "b": ref[rec["b"]],
                "props": {k: _plain(v) for k, v in rec["p"].items() if k not in leave_out},
            },
            sort_keys=True,
        )
        for rec in rows(
            driver,
            "MATCH (a)-[r]->(b) RETURN elementId(a) AS a, type(r) AS t, elementId(b) AS b, "
            "properties(r) AS p",
        )
    ]
    return sorted(nodes), sorted(rels)


def rows(driver: Driver, cypher: str, **params: Any) -> list[dict[str, Any]]:
    """The records of ``cypher`` on the test database, as plain dicts."""
    records, _, _ = driver.execute_query(cypher, params, database_="neo4j")
    return [r.data() for r in records]


def entity_ids(driver: Driver) -> set[str]:
    return {r["id"] for r in rows(driver, "MATCH (e:Entity) RETURN e.id AS id")}


# Two articles about one workshop: the store's tests and the Browser queries' tests load both.
def doc_a(text_extra: str = "") -> Extraction:
    text = (
        "The Ministry of Science and ICT (MSIT) hosted a workshop with OpenAI on May 18. "
        "Sasha Baker, head of national security policy at OpenAI, attended the workshop. "
        '"Cooperation is essential," Baker said.' + text_extra
    )
    d = Doc("doc-a", text)
    d.entity("m", "Ministry of Science and ICT", GOV, "MSIT", country="KR")
    d.entity("o", "OpenAI", COM).entity("b", "Sasha Baker", PER)
    d.meeting(
        "w",
        "The Ministry of Science and ICT (MSIT) hosted a workshop with OpenAI on May 18.",
        "m",
        ["o", "b"],
        day=MAY18,
        kind="workshop",
    )
    d.affiliation(
        "b",
        "o",
        "head of national security policy",
        "Sasha Baker, head of national security policy at OpenAI, attended the workshop.",
    )
    d.quote("b", "Cooperation is essential", '"Cooperation is essential," Baker said.')
    return d.build()


def doc_b() -> Extraction:
    text = (
        "MSIT and OpenAI held a workshop on May 18 in Seoul. "
        "The National Intelligence Service also attended."
    )
    d = Doc("doc-b", text)
    d.entity("m", "MSIT", GOV).entity("o", "OpenAI", COM)
    d.entity("n", "National Intelligence Service", GOV, "NIS", country="KR")
    d.meeting(
        "x",
        "MSIT and OpenAI held a workshop on May 18 in Seoul.",
        "m",
        ["o", "n"],
        day=MAY18,
        kind="workshop",
    )
    return d.build()


def made_up_word(i: int) -> str:
    """A made-up word of letters only, different for every ``i`` (no two share a name key)."""
    out = ""
    i += 26 * 27
    while i:
        i, r = divmod(i, 26)
        out = "abcdefghijklmnopqrstuvwxyz"[r] + out
    return out.capitalize()


def one_meeting(doc_id: str, hub: str, guest: str, guest_type: EntityType = COM) -> Extraction:
    """``hub`` (a government body) met ``guest`` on May 18, 2026: one sentence."""
    text = f"The {hub} met {guest} on May 18."
    return (
        Doc(doc_id, text, published=MAY18)
        .entity("hub", hub, GOV)
        .entity("guest", guest, guest_type)
        .meeting("m", text, "hub", ["guest"], day=MAY18)
        .build()
    )


def same_day_meetings(doc_id: str, hub: str, n: int) -> Extraction:
    """``n`` different meetings on May 18, 2026, each of ``hub`` with a person of its own
    (``Jo <made_up_word(i)>``): the shape whose reports the store groups in its transaction."""
    sentences = [f"The {hub} met Jo {made_up_word(i)} on May 18." for i in range(n)]
    doc = Doc(doc_id, " ".join(sentences), published=MAY18).entity("hub", hub, GOV)
    for i, sentence in enumerate(sentences):
        doc.entity(f"p{i}", f"Jo {made_up_word(i)}", PER)
        doc.meeting(f"m{i}", sentence, "hub", [f"p{i}"], day=MAY18)
    return doc.build()
