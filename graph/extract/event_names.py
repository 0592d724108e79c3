"""Proper names of events written with qualifiers the token scanner splits.

"the Japan-U.S.-ROK Vice-Ministers' Meeting", "ASEAN-related Foreign Ministers' Meetings",
"the North Atlantic Treaty Organization (NATO) Summit": a hyphenated chain, a plural
possessive title or a parenthesized acronym breaks the scanner's capitalized run, so the
event's own name is lost and only its pieces remain. This pass reads such a name as one
mention (a capitalized head from ``event_name_heads.txt`` with a qualifier before it) and
keeps the countries and organizations named inside it, which the text also states.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from graph.extract.lexicon import data_words, lexicon
from graph.extract.mentions import Mention, chain_country
from graph.extract.shapes import head_type
from graph.extract.text import TextLayout

_BODY_TYPES = frozenset({"GovernmentBody", "Company", "Organization"})

_WORD = r"(?:[A-Z0-9][\w.&]*(?:-[\w.]+)*(?:s['\u2019])?|\([A-Z][A-Za-z]+\))"
_TAIL = r"(?:\s(?:on|of|for)\s(?:the\s)?[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*)*)"
# a name running on from the left across "and": its start is not read here
_CUT_LEFT = re.compile(r"[A-Z][\w.)-]*\s+(?:and|&)\s+(?:the\s+)?$")
_TIME_TAIL = re.compile(
    r"\s(?:on|of|for)\s(?:the\s)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"January|February|March|April|May|June|July|August|September|October|November|December)"
)
_YEAR_TAIL = r"(?:\s(?:19|20)\d\d(?![\w-]))"
# "ASEAN-related", "U.S.-led": an organization or country named inside a modifier
_ATTRIBUTIVE = re.compile(
    r"(?<![\w.-])([A-Z][A-Za-z.]*[A-Za-z.])-(?:related|led|backed|sponsored|hosted|"
    r"funded|organized|organised|brokered|chaired)\b"
    # "the EU Delegation to South Korea": the mission's name states its organization
    r"|(?<![\w.-])([A-Z]{2,})\s(?:Delegation|Mission|Secretariat)\b"
)


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    heads = "|".join(sorted(set(data_words("event_name_heads.txt")), key=len, reverse=True))
    return re.compile(
        rf"(?<![\w.'\u2019-])((?:{_WORD}\s)+)(?:{heads})(?![\w-]){_TAIL}?{_YEAR_TAIL}?"
    )


def _qualified(words: list[str], has_tail: bool) -> bool:
    """A qualifier that makes the phrase a name, not a capitalized common noun."""
    if has_tail or len(words) >= 2:
        return True
    word = words[0]
    return (
        "-" in word
        or word.isupper()
        or any(c.isdigit() for c in word)
        or chain_country(word) is not None
        or word.casefold() in lexicon().gazetteer
    )


def _strip_leading(words: list[str]) -> int:
    """How many leading words start the sentence rather than the name ("During", "The")."""
    stop = lexicon().stop_caps
    k = 0
    while k < len(words) and words[k].casefold() in stop:
        k += 1
    return k


def _part_mention(text: str, start: int, sent: int, kind: str, country: str | None) -> Mention:
    return Mention(
        id=0,
        text=text,
        start=start,
        end=start + len(text),
        sent=sent,
        tokens=(text,),
        kind=kind,
        country=country,
    )


def _attributive_parts(lay: TextLayout, start: int, end: int, sent: int) -> list[Mention]:
    out: list[Mention] = []
    lex = lexicon()
    for m in _ATTRIBUTIVE.finditer(lay.text, start, end):
        group = 1 if m.group(1) else 2
        word = m.group(group)
        country = chain_country(word)
        if country is not None:
            out.append(_part_mention(word, m.start(group), sent, "country", country))
        elif word.casefold() in lex.gazetteer or (word.isupper() and len(word) >= 2):
            part = _part_mention(word, m.start(group), sent, "name", None)
            if group == 2:
                part.hints["inside"] += 1  # the parse reads the mission's name, not this
            out.append(part)
    return out


def _spans(lay: TextLayout) -> Iterable[tuple[int, int, int]]:
    for sent in lay.sentences:
        for m in _pattern().finditer(sent.text):
            words = m.group(1).split()
            skip = _strip_leading(words)
            words = words[skip:]
            if not words:
                continue
            start = sent.start + m.start(1) + len(" ".join(m.group(1).split()[:skip]))
            start += 1 if skip else 0
            end = sent.start + m.end(0)
            tail = m.group(0)[m.end(1) - m.start(0) :]
            when = _TIME_TAIL.search(tail)
            if when is not None:  # "Meeting on Friday": the date is no part of the name
                end -= len(tail) - when.start()
                tail = tail[: when.start()]
            while lay.text[end - 1] in ".,":
                end -= 1  # the sentence's own stop
            if not _qualified(words, " on " in tail or " of " in tail or " for " in tail):
                continue
            if _CUT_LEFT.search(lay.text, max(0, start - 40), start):
                continue  # "Critical and Emerging Technology (CET) Dialogue": starts further left
            yield start, end, sent.index


def _stands_alone(m: Mention) -> bool:
    """A country, an acronym or a named body inside an event's name is stated as well
    ("the North Atlantic Treaty Organization (NATO) Summit"); a bare head or a plural
    title ("Foreign Ministers", "Meeting") is only a piece of the name, and so is
    anything that ends with the event's own head."""
    if m.kind == "country" or m.acronym is not None or m.acronym_of is not None:
        return True
    last = m.tokens[-1] if m.tokens else ""
    return head_type(last) in _BODY_TYPES or (last.isupper() and len(last) >= 2)


def named_events(lay: TextLayout, ments: list[Mention]) -> list[Mention]:
    """Mentions with the events' names added (name pieces inside one are replaced) and the
    organizations named in modifiers ("ASEAN-related")."""
    added: list[Mention] = []
    covered: list[tuple[int, int]] = []
    for start, end, sent in _spans(lay):
        inside = [m for m in ments if m.start < end and start < m.end]
        if any(m.kind == "person" for m in inside):
            continue  # a person's name runs into it: leave the scanner's reading
        if any(m.start == start and m.end == end for m in inside):
            continue  # already read whole
        text = lay.text[start:end]
        added.append(
            Mention(
                id=0,
                text=text,
                start=start,
                end=end,
                sent=sent,
                tokens=tuple(text.split()),
                kind="name",
                quoted=lay.in_quote(start),
            )
        )
        covered.append((start, end))
    for sentence in lay.sentences:
        parts = _attributive_parts(lay, sentence.start, sentence.end, sentence.index)
        added.extend(
            p
            for p in parts
            if not any(
                m.start <= p.start < m.end
                and m.kind != "name"
                or (m.start == p.start and m.end == p.end)
                for m in ments
            )
        )
    if not added:
        return ments
    kept = [
        m
        for m in ments
        if not any(
            a <= m.start and m.end <= b and (m.end == b or not _stands_alone(m)) for a, b in covered
        )
    ]
    next_id = max((m.id for m in ments), default=-1) + 1
    for m in added:
        m.id, next_id = next_id, next_id + 1
        kept.append(m)
    return kept
