"""Small helpers shared by the extraction tests: build a document, read results as tuples."""

from __future__ import annotations

import pytest

from graph.documents import make_document
from graph.extract import extract
from graph.model import Extraction


def run(body: str, date: str | None = "2026-03-13", title: str = "Test story") -> Extraction:
    header = f"Title: {title}\n" + (f"Date: {date}\n" if date else "")
    return extract(make_document(header + "\n" + body))


def entities(x: Extraction) -> set[tuple[str, str]]:
    return {(e.name, e.type.value) for e in x.entities}


def names(x: Extraction) -> set[str]:
    return {e.name for e in x.entities}


def aliases(x: Extraction, name: str) -> set[str]:
    return {a for e in x.entities if e.name == name for a in e.aliases}


def affiliations(x: Extraction) -> set[tuple[str, str, bool]]:
    return {(x.entity(a.person).name, x.entity(a.org).name, a.current) for a in x.affiliations}


def roles(x: Extraction) -> dict[tuple[str, str], str | None]:
    return {(x.entity(a.person).name, x.entity(a.org).name): a.role for a in x.affiliations}


def meetings(x: Extraction) -> list[tuple[str, frozenset[str]]]:
    """(status, core participant names) per meeting, in text order."""
    return [
        (m.status, frozenset(x.entity(p.entity).name for p in m.participants if not p.optional))
        for m in x.meetings
    ]


def held(text: str) -> list[frozenset[str]]:
    """The core parties of each held meeting the text states, in text order."""
    return [p for status, p in meetings(run(text)) if status == "held"]


def optional(x: Extraction, index: int) -> set[str]:
    return {x.entity(p.entity).name for p in x.meetings[index].participants if p.optional}


# Sentence shapes the rules-on-regex extractor was fitted to one at a time and the parse-based
# extractor (issue 11) does not read yet. Strict: a fix that makes one pass must remove the mark.
# The list and the cause of each is in docs/nlp-model.md ("Known gaps").
V2_GAP = pytest.mark.xfail(
    reason="extraction v2 does not read this sentence shape yet (docs/nlp-model.md)", strict=True
)
