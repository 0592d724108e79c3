"""Typed relations: REQUESTED, AGREED_WITH, BRIEFED, OPERATES, PART_OF."""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.extract.context import ORG_TYPES, TAG, Tagged
from graph.model import EntityType

T = r"\ue000(\d+)\ue001"
_REQUESTED = re.compile(
    T + r"(?:'s\s+[a-z]+)?\s+(?:also\s+)?(?:requested|asked|urged|called\s+on|pressed)\s+"
    r"(?:that\s+)?(?:the\s+)?" + T + r"\s*(?P<detail>[^,.;\ue000\ue002]{0,120})"
)
_AGREED_PAIR = re.compile(
    T + r"\s+and\s+" + T + r"\s+(?:have\s+|had\s+)?agreed\b\s*(?P<detail>[^.;\ue002]{0,120})"
)
_AGREED_WITH = re.compile(
    T
    + r"\s+(?:has\s+|had\s+)?agreed\s+with\s+(?:the\s+)?"
    + T
    + r"\s*(?P<detail>[^.;\ue002]{0,120})"
)
_TWO_SIDES = re.compile(
    r"\b(?:[Tt]he\s+two\s+sides|[Bb]oth\s+sides|[Tt]he\s+two\s+(?:companies|countries|parties|"
    r"organizations|agencies))\s+(?:have\s+|had\s+)?agreed\b\s*(?P<detail>[^.;\ue002]{0,120})"
)
_BRIEFED = re.compile(T + r"(?:,[^,]{0,120},)?\s+briefed\s+(?:the\s+)?(?:[\w\-]+\s+){0,3}?" + T)
_OPERATES = re.compile(T + r"(?:'s|')\s+(?:[a-z][\w\-]*\s+){0,4}?" + T)
_UNIT = re.compile(T + r"(?:'s|')\s+" + T)
_RUN_BY = re.compile(T + r",?\s+(?:run|operated|administered|managed)\s+by\s+(?:the\s+)?" + T)
_ITS_PROGRAM = re.compile(
    r"\b(?:its|their)\s+(?:[a-z][\w\-]*\s+){0,4}?(?:program|programme|scheme|initiative|project),?\s+"
    + T
)


@dataclass
class FoundRelation:
    type: str
    source: str
    target: str
    detail: str | None
    sentence: int


def _org(t: EntityType) -> bool:
    return t in ORG_TYPES


def find_relations(tg: Tagged, meeting_parties: tuple[str, str] | None) -> list[FoundRelation]:
    if len(tg.refs) < 2 and meeting_parties is None:
        return []
    s = tg.s
    refs = tg.refs
    idx = tg.sent.index
    out: list[FoundRelation] = []

    def clean(detail: str | None) -> str | None:
        if not detail:
            return None
        d = TAG.sub(lambda m: refs[int(m.group(1))].mention.text, detail)
        d = " ".join(d.split()).strip(" ,")
        return d or None

    for m in _REQUESTED.finditer(s):
        a, b = refs[int(m.group(1))], refs[int(m.group(2))]
        if a.key != b.key and (_org(a.type) or a.type == EntityType.PERSON):
            out.append(FoundRelation("REQUESTED", a.key, b.key, clean(m.group("detail")), idx))
    for rx in (_AGREED_PAIR, _AGREED_WITH):
        for m in rx.finditer(s):
            a, b = refs[int(m.group(1))], refs[int(m.group(2))]
            if a.key != b.key:
                out.append(
                    FoundRelation("AGREED_WITH", a.key, b.key, clean(m.group("detail")), idx)
                )
    if meeting_parties is not None:
        for m in _TWO_SIDES.finditer(s):
            first, second = meeting_parties
            out.append(FoundRelation("AGREED_WITH", first, second, clean(m.group("detail")), idx))
    for m in _BRIEFED.finditer(s):
        a, b = refs[int(m.group(1))], refs[int(m.group(2))]
        briefer = a.type == EntityType.PERSON or _org(a.type)
        if briefer and a.key != b.key and b.type != EntityType.PROGRAM:
            out.append(FoundRelation("BRIEFED", a.key, b.key, None, idx))
    for m in _OPERATES.finditer(s):
        a, b = refs[int(m.group(1))], refs[int(m.group(2))]
        if b.type == EntityType.PROGRAM and (_org(a.type) or a.type == EntityType.COUNTRY):
            out.append(FoundRelation("OPERATES", a.key, b.key, None, idx))
    for m in _RUN_BY.finditer(s):
        a, b = refs[int(m.group(1))], refs[int(m.group(2))]
        if a.type == EntityType.PROGRAM and _org(b.type):
            out.append(FoundRelation("OPERATES", b.key, a.key, None, idx))
    for m in _ITS_PROGRAM.finditer(s):
        b = refs[int(m.group(1))]
        if b.type != EntityType.PROGRAM:
            continue
        subj = [r for _, r in tg.tags(0, m.start()) if _org(r.type)]
        if subj:
            out.append(FoundRelation("OPERATES", subj[0].key, b.key, None, idx))
    for m in _UNIT.finditer(s):
        a, b = refs[int(m.group(1))], refs[int(m.group(2))]
        words = b.mention.tokens
        if (
            _org(a.type)
            and _org(b.type)
            and a.key != b.key
            and words
            and words[-1]
            in (
                "Bureau",
                "Division",
                "Department",
                "Office",
                "Team",
                "Unit",
                "Directorate",
                "Center",
                "Centre",
                "Section",
                "Branch",
                "Lab",
                "Laboratory",
                "Institute",
                "Agency",
                "Service",
            )
        ):
            out.append(FoundRelation("PART_OF", b.key, a.key, None, idx))
    return out
