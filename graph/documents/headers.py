"""A document's own header, kept for the extractor instead of being cut as chrome.

Government releases open with a statement title ("Statement from NSC Spokesperson X on
...") and speeches with a header in capitals ("H.E. X / MINISTER OF FOREIGN AFFAIRS /
LUNCHEON WITH / THE ... CHAMBER OF COMMERCE / <date> / <place>"). Both name the speaker and
often the speaker's office, which the text below never repeats (a speech says "I"); cut as
a title or chrome, the speaker was lost. The phrase lists are data
(``graph/data/header_phrases.txt``), never the wording of one site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from graph.data_files import phrase_sections

_MAX_LINES = 8  # a speech header is a few lines: speaker, office, occasion, date, place
_ENDS_SENTENCE = re.compile(r"[.!?:][\"'\u201d\u2019)\]]*$")


@dataclass(frozen=True)
class HeaderPhrases:
    statement: tuple[str, ...]
    honorific: tuple[str, ...]
    title: frozenset[str]
    small: frozenset[str]
    readout: tuple[tuple[str, str], ...]  # ("call with", "spoke by phone with"), longest first
    occasion: frozenset[str] = frozenset()  # "luncheon", "dinner": a gathering the speaker was at


@lru_cache(maxsize=1)
def header_phrases() -> HeaderPhrases:
    """The sections of the data file, lower case, longest phrase first."""
    sections = {
        k: [line.lower() for line in v] for k, v in phrase_sections("header_phrases.txt").items()
    }

    def longest_first(name: str) -> tuple[str, ...]:
        return tuple(sorted(sections.get(name, []), key=len, reverse=True))

    def words(name: str) -> frozenset[str]:
        return frozenset(w for line in sections.get(name, []) for w in line.split())

    return HeaderPhrases(
        statement=longest_first("statement"),
        honorific=longest_first("honorific"),
        title=words("title"),
        small=words("small"),
        occasion=words("occasion"),
        readout=tuple(
            (kind.strip(), verb.strip())
            for kind, _, verb in (line.partition("=") for line in longest_first("readout"))
        ),
    )


def _starts(line: str, phrases: tuple[str, ...]) -> str | None:
    low = line.lower()
    for p in phrases:
        if low.startswith(p) and (len(low) == len(p) or not low[len(p)].isalnum()):
            return p
    return None


def statement_title(line: str) -> str | None:
    """The title line as the text's first sentence when it says who speaks, else None."""
    line = " ".join(line.split())
    if _starts(line, header_phrases().statement) is None or len(line.split()) < 3:
        return None
    return line if _ENDS_SENTENCE.search(line) else line + "."


_READOUT = re.compile(r"readout of (?P<who>.+?)(?:'s|\u2019s) (?P<rest>.+)$", re.IGNORECASE)


def readout_title(line: str) -> str | None:
    """Read "Readout of <X>'s Meeting with <Y>" as "<X> met with <Y>.": the title
    names the meeting and its sides, which the readout's text often calls only "the
    Secretary" and "they". Only that shape; "Readout of <Event>" names no meeting."""
    m = _READOUT.match(" ".join(line.split()).rstrip("."))
    if m is None:
        return None
    rest = m.group("rest")
    for kind, verb in header_phrases().readout:
        if rest.lower().startswith(kind + " ") and len(rest) > len(kind) + 1:
            return f"{m.group('who')} {verb} {rest[len(kind) + 1 :]}."
    return None


def _upper(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _name_case(line: str, small: frozenset[str]) -> str:
    """'THE U.S. CHAMBER OF COMMERCE' -> 'the U.S. Chamber of Commerce'."""
    out = []
    for word in line.split():
        low = word.lower()
        if "." in word.rstrip(".") or (word.endswith(".") and len(word) <= 3):
            out.append(word)  # initials and abbreviations: "H.E.", "U.S.", "D.C."
        elif low in small:
            out.append(low)
        else:
            out.append(word[:1] + word[1:].lower())
    return " ".join(out)


def speech_header(lines: list[str]) -> str | None:
    """The header lines of a speech in capitals as one sentence, else None.

    "H.E. X / MINISTER OF FOREIGN AFFAIRS / LUNCHEON WITH / THE Y / <date> / <place>" ->
    "H.E. Minister of Foreign Affairs X spoke at the luncheon with the Y." (an occasion that
    is no gathering: "H.E. ... X: Keynote speech at the Z.") The office goes before the
    name, as a title is written in prose; the date and what follows it are left out (the
    place alone reads as a name of its own).
    """
    lines = [" ".join(ln.split()) for ln in lines if ln.strip()]
    # the header is the run of lines in capitals; a greeting may follow it ("Good afternoon.")
    upper = next((i for i, ln in enumerate(lines) if not _upper(ln)), len(lines))
    lines = lines[:upper]
    if not 2 <= len(lines) <= _MAX_LINES:
        return None
    ph = header_phrases()
    first = lines[0]
    honorific = _starts(first, ph.honorific)
    second = lines[1].split()[0].lower()
    if honorific is None and second not in ph.title:
        return None
    name = first[len(honorific) :].strip() if honorific else first
    lead = first[: len(honorific)] if honorific else ""
    rest = lines[1:]
    office = ""
    if rest and rest[0].split()[0].lower() in ph.title:
        office = _name_case(rest[0], ph.small)
        rest = rest[1:]
    occasion: list[str] = []
    for ln in rest:
        if any(c.isdigit() for c in ln):
            break
        occasion.append(_name_case(ln, ph.small))
    speaker = " ".join(
        p for p in (_name_case(lead, ph.small), office, _name_case(name, ph.small)) if p
    )
    speaker = speaker[:1].upper() + speaker[1:]
    if not occasion:
        return speaker + "."
    said = " ".join(occasion)
    first_word = said.split()[0].lower()
    if first_word in ph.occasion:
        # "LUNCHEON WITH / THE Y": the speaker was at a gathering with Y; said as a sentence
        # the extractor reads ("X spoke at the luncheon with the Y.")
        return f"{speaker} spoke at the {first_word}{said[len(first_word) :]}."
    return f"{speaker}: {said[:1].upper()}{said[1:]}."
