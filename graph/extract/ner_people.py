"""People's names from the statistical NER, reconciled with the rules' mentions.

The shape rules glue titles to names ("Digital Policy Tanaka Hiroshi") and miss names
written in capitals ("MORI Takeo") or after honorifics ("the Honorable Wendy Sherman");
the model segments those well but knows no aliases, acronyms or gazetteer. So a PERSON
span of the model narrows or widens the rules' mention it overlaps, marks it a person,
or becomes a mention of its own when the rules found nothing there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.extract.lexicon import lexicon
from graph.extract.mentions import _NAME_PARTICLES, Mention
from graph.extract.shapes import plain_name_token
from graph.extract.text import TextLayout

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

PERSON_HINT = 5
HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "honorable", "hon", "h.e", "his", "her", "sir"})
# mention kinds a person span may take over; countries, generics, acronyms keep theirs
_REPLACEABLE = frozenset({"name", "person"})


def _clean_span(span: Span) -> tuple[int, int] | None:
    """Character offsets (in the sentence) of a PERSON span without titles or a "'s"."""
    lex = lexicon()
    toks = list(span)
    if toks and toks[0].text in ("'s", "\u2019s"):
        return None  # "[Minister]'s Secretariat": what follows a possessive is owned, no name
    while toks and (
        toks[0].is_lower
        or toks[0].text.lower().rstrip(".") in lex.title_prefix
        or toks[0].text.lower() in lex.role_nouns
        or toks[0].text.lower().rstrip(".") in HONORIFICS
    ):
        toks = toks[1:]
    if len(toks) > 2 and (toks[0].text, toks[1].text) == ("H.", "E."):
        toks = toks[2:]  # "H. E. Ana Ruiz": His or Her Excellency, written spaced
    while toks and (toks[-1].text in ("'s", "\u2019s", "'", "\u2019") or toks[-1].is_punct):
        toks = toks[:-1]
    if not toks or not all(t.text[:1].isupper() or t.text[:1] in "-." for t in toks):
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _is_title(word: str) -> bool:
    lex = lexicon()
    low = word.lower().rstrip(".")
    parts = low.split("-")
    return low in HONORIFICS or low in lex.title_prefix or parts[0] in lex.title_prefix


def _person_context(ent: Span) -> bool:
    """Evidence beside the span that it names a person, which the model's label alone is
    not (it calls many company names PERSON): an honorific or title just before it, a
    title in apposition after it, or a surname written in capitals ("MORI Takeo")."""
    doc = ent.doc
    if ent.start > 0 and _is_title(doc[ent.start - 1].text):
        return True
    if ent.end + 1 < len(doc) and doc[ent.end].text == "," and _is_title(doc[ent.end + 1].text):
        return True
    texts = [t.text for t in ent]
    if len(texts) >= 3 and any(len(w) == 2 and w[0].isupper() and w[1] == "." for w in texts[1:-1]):
        return True  # a middle initial: "Philip S. Goldberg"
    words = [t.text for t in ent if t.is_alpha]
    # "Hanbit AI": a word in capitals that heads organizations' names is no surname
    heads = lexicon().org_heads
    caps = [w for w in words if len(w) >= 2 and w.isupper() and w not in heads]
    return bool(caps) and len(caps) < len(words)


def reconcile_people(lay: TextLayout, mentions: list[Mention], parsed: list[Doc]) -> None:
    """Adjust ``mentions`` in place (and append new ones) from the model's PERSON spans."""
    by_sent: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sent.setdefault(m.sent, []).append(m)
    added: list[Mention] = []
    for sent, doc in zip(lay.sentences, parsed, strict=True):
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            cleaned = _clean_span(ent)
            if cleaned is None:
                continue
            a, b = sent.start + cleaned[0], sent.start + cleaned[1]
            over = [m for m in by_sent.get(sent.index, []) if m.start < b and a < m.end]
            if not over:
                toks = lay.tokens_in(a, b)
                if len(toks) < 2:
                    continue  # one capitalised word alone is too often a place or a brand
                added.append(_mention(lay, a, b, sent.index))
                continue
            if len(over) != 1 or over[0].kind not in _REPLACEABLE:
                continue
            m = over[0]
            if m.acronym_of is not None or m.alias_of is not None:
                continue
            if (m.start, m.end) != (a, b) and (
                _particle_cut(lay.text, m, a, b) or _surname_cut(lay.text, m, a, b)
            ):
                _make_person(m)  # "Anna von der Brenn", "Jose Ma. Reyes": the rules' span
            elif (m.start, m.end) != (a, b):
                a = _given_name_before(lay.text, m, a)
                _respan(lay, m, a, b)  # the model's boundaries: titles cut off, names kept
                _make_person(m)
            elif m.kind == "name" and _person_context(ent):
                m.tokens = _name_tokens(lay, m.start, m.end)  # "Mr. MORI Takeo"
                _make_person(m)
            elif m.kind == "name" and _only_weak_hints(m):
                m.hints["person"] += 1  # agreement with a weak rule: a nudge, not a verdict
    if added:
        mentions.extend(added)
        mentions.sort(key=lambda m: (m.start, m.end))
        remap = {m.id: n for n, m in enumerate(mentions)}
        for n, m in enumerate(mentions):
            m.id = n
        for m in mentions:
            for attr in ("link", "country_link", "acronym_of", "coord", "alias_of"):
                old = getattr(m, attr)
                if old is not None:
                    setattr(m, attr, remap.get(old))


def _particle_cut(text: str, m: Mention, a: int, b: int) -> bool:
    """The model cut a name at a particle or an abbreviated middle name ("bin", "von der",
    "Ma."), which it reads as the end of a name: the rules' span is the name."""
    if (a > m.start and not text[a - 1].isspace()) or (b < m.end and not text[b].isspace()):
        return True  # "Baek Min-jae" read as "Baek Min": a cut inside a word
    if a <= m.start and b < m.end:
        return True  # "Yoon Suk Yeol" read as "Yoon Suk": titles come before a name, not after
    edge = text[m.start : a].split()[-1:] + text[b : m.end].split()[:1]
    return any(
        w.lower() in _NAME_PARTICLES or (w.endswith(".") and len(w) <= 4 and not _is_title(w))
        for w in edge
    )


def _surname_cut(text: str, m: Mention, a: int, b: int) -> bool:
    """'Ambassador to Japan Rahm Kim' or 'Ana Holm met' read as 'Kim', 'Holm': the rules
    already cut the title off and kept a person's full name (or it starts with a known given
    name); the model keeping its last word alone drops a given name,
    not a title (a dropped word that is a title, a body's word or a country is cut)."""
    if b != m.end or a <= m.start or len(m.tokens) > 3:
        return False
    kept = len(text[a:b].split())
    # "President of Peru Ana Maria Holm" read as "Maria Holm": the rules cut the title off
    # and kept a three-word name; the model dropped its first word
    if kept != 1 and not (kept == 2 and m.kind == "person" and m.title):
        return False
    lex = lexicon()
    dropped = text[m.start : a].split()
    if m.kind != "person" and not (len(dropped) == 1 and dropped[0].casefold() in lex.given_names):
        return False  # "Ana Holm met ...": a known given name before the surname is no title
    return bool(dropped) and all(
        plain_name_token(w)
        and not _is_title(w)
        and w not in lex.institutional
        and w.casefold() not in lex.countries
        and w.casefold() not in lex.demonyms
        and w not in lex.org_heads
        for w in dropped
    )


def _given_name_before(text: str, m: Mention, a: int) -> int:
    """'Defense Lloyd J. Austin III' read as 'J. Austin III': a name never starts with its
    middle initial, so the capitalised word before it is the given name."""
    first = text[a:].split(maxsplit=1)[0]
    before = text[m.start : a].split()
    if len(first) == 2 and first[1] == "." and before:
        word = before[-1]
        if word.isalpha() and word[0].isupper() and not _is_title(word):
            return text.rindex(word, m.start, a)
    return a


def _only_weak_hints(m: Mention) -> bool:
    """No rule typed the name otherwise; "Nvidia's Jensen Huang" (a name after a possessive)
    and "met with Aki Mori" (a party to a meeting) say nothing against a person."""
    weak = m.hints["person"] + m.hints["possessed"] + m.hints["party"]
    return sum(m.hints.values()) - weak <= 0


def _make_person(m: Mention) -> None:
    """Mark a person; a lone surname keeps its kind, so it still resolves to a full name."""
    if len(m.tokens) >= 2:
        m.kind = "person"
    m.hints["person"] += PERSON_HINT


def _respan(lay: TextLayout, m: Mention, a: int, b: int) -> None:
    m.start, m.end = a, b
    m.text = lay.text[a:b]
    m.tokens = _name_tokens(lay, a, b)


def _name_tokens(lay: TextLayout, a: int, b: int) -> tuple[str, ...]:
    """Tokens of a person's name, a surname in capitals written as a name ("MORI" -> "Mori"),
    so that a later "Mori" finds it."""
    words = [t.text for t in lay.tokens_in(a, b)]
    mixed = any(not w.isupper() for w in words if w.isalpha())
    return tuple(
        w.capitalize() if mixed and w.isalpha() and w.isupper() and len(w) > 1 else w for w in words
    )


def _mention(lay: TextLayout, a: int, b: int, sent: int) -> Mention:
    m = Mention(
        id=-1,
        text=lay.text[a:b],
        start=a,
        end=b,
        sent=sent,
        tokens=_name_tokens(lay, a, b),
        kind="person",
    )
    m.hints["person"] += PERSON_HINT
    return m
