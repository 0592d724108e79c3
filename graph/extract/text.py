"""Tokens, sentences, paragraphs and quotations of a document body, with offsets.

Everything here is a single left-to-right pass with simple regexes, so a
20 MB text or a 200,000-character line without punctuation costs linear time.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

# A word: letters/digits with internal hyphens, dots, '&' and apostrophes (but not a
# possessive 's); dotted abbreviations (U.S.) come first; any other character is its own token.
_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}(?![A-Za-z])"
    r"|[^\W_](?:[^\W_]|&(?=[^\W_])|[-.](?=[^\W_])|['\u2019](?=[^\W_])(?![sS]\b))*"
    r"|['\u2019][sS]\b"
    r"|\S"
)
# a blank line, or a line break before a list item ("- ", "* ", "\u2022 ", "o ", "(1) ", "2. ")
_PARA_BREAK = re.compile(
    r"\n[ \t]*\n\s*|\n(?=[ \t]*(?:[-*\u2022\u00b7\u25cf\u25a0]\s|o\s|\(\d+\)\s|\d+\.\s))"
)
_SENT_END = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s)")
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "jr",
        "sr",
        "inc",
        "corp",
        "co",
        "ltd",
        "gov",
        "sen",
        "rep",
        "gen",
        "col",
        "lt",
        "adm",
        "ma",  # "Jose Ma. Reyes": Maria, abbreviated in Filipino names
        "capt",
        "sgt",
        "mt",
        "no",
        "vs",
        "etc",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "approx",
        "dept",
        "est",
        "fig",
        "vol",
        "nos",
        "op",
        "pp",
        "e.g",
        "i.e",
        # "U.S.", "a.m." end a sentence before "He", "The": they take the initials' test below
    ]
)
MAX_SENTENCE_CHARS = 1200
# A wire dateline opening a paragraph: place in capitals, optional date, optional agency.
_DATELINE = re.compile(
    r"[A-Z][A-Z.'/\- ]{1,40}"
    r"(?:,\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+)?(?=\s*[,(]))?"  # its country: "LIVERPOOL, England"
    r"(?:,\s*[A-Z][A-Za-z]{1,9}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
    r"\s*(?:/[A-Za-z][A-Za-z .\-]{1,30}/)?"  # press-release wire: "/PRNewswire/"
    r"\s*(?:\([A-Za-z .&'\-]{1,40}\))?\s*(?:--|\u2014|\u2013|-)"
    r"(?:\s+|(?<=\)\s-)(?=[A-Z])|(?<=\)-)(?=[A-Z]))"  # "SEOUL (Reuters) -Nvidia"
    # "Seoul [South Korea], October 28 (ANI):" as some agencies write it
    r"|[A-Z][a-z]+(?:[ -][A-Z][a-z]+)? \[[A-Z][A-Za-z .]{1,30}\],\s*[A-Z][a-z]{2,8}\.? \d{1,2}"
    r"\s*\([A-Za-z .&]{1,20}\):\s+"
)


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    paragraph: int
    text: str


@dataclass
class TextLayout:
    """Tokens, sentences and quotation spans of one text, all as offsets into it."""

    text: str
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    quotes: list[tuple[int, int]] = field(default_factory=list)  # inner spans, no quote marks
    _token_starts: list[int] = field(default_factory=list)
    _quote_starts: list[int] = field(default_factory=list)
    _classes: list[str] = field(default_factory=list)
    datelines: list[tuple[int, int]] = field(default_factory=list)  # "SEOUL, May 3 (Wire) --"

    def dateline_end(self, sent: Sentence) -> int:
        """Where the text of a sentence begins after a leading dateline (or its start)."""
        for a, b in self.datelines:
            if a == sent.start:
                return b
        return sent.start

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        lo = bisect.bisect_left(self._token_starts, start)
        hi = bisect.bisect_left(self._token_starts, end)
        return lo, hi

    def tokens_in(self, start: int, end: int) -> list[Token]:
        lo = bisect.bisect_left(self._token_starts, start)
        hi = bisect.bisect_left(self._token_starts, end)
        return self.tokens[lo:hi]

    def quotes_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """Quotations overlapping [start, end), marks included."""
        lo = max(0, bisect.bisect_right(self._quote_starts, start) - 1)
        out = []
        for k in range(lo, len(self.quotes)):
            q = self.quotes[k]
            if q[0] - 1 >= end:
                break
            if q[1] + 1 > start:
                out.append(q)
        return out

    def in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self._quote_starts, pos) - 1
        return i >= 0 and self.quotes[i][0] <= pos < self.quotes[i][1]


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    stop = len(text) if end is None else end
    return [Token(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text, start, stop)]


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _PARA_BREAK.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


_INITIALS = re.compile(r"[a-z](?:\.[a-z])+")
# an initial of two letters, for one letter of Cyrillic written in Latin ("Ch. Batbold",
# "Ts. Oyun", as Mongolian releases write names): a full stop after it closes no sentence
# before a capitalized word. Not "Yu", "Ya": those end names ("Director Wang Yu.")
DIGRAPH_INITIALS = frozenset(["Ch", "Sh", "Ts", "Kh", "Zh"])
_NEXT_WORD = re.compile(r"\s+([A-Z][a-z]+)\b")
_SENTENCE_STARTERS = frozenset(
    [
        "the",
        "a",
        "an",
        "it",
        "its",
        "he",
        "she",
        "they",
        "we",
        "this",
        "that",
        "these",
        "those",
        "but",
        "and",
        "in",
        "on",
        "at",
        "for",
        "as",
        "after",
        "before",
        "while",
        "when",
        "if",
        "there",
        "his",
        "her",
        "their",
        "our",
        "meanwhile",
        "however",
    ]
)


def _is_abbreviation(text: str, dot_end: int, para_start: int) -> bool:
    """True when the period ending at ``dot_end`` closes an abbreviation or an initial."""
    j = dot_end - 1
    while j > para_start and text[j] in ".!?\u2026\"'\u201d\u2019)]":
        j -= 1
    k = j
    while k >= para_start and (text[k].isalnum() or text[k] == "."):
        k -= 1
    word = text[k + 1 : j + 1].lower()
    if not word:
        return False
    if word in _ABBREVIATIONS:
        return True
    if _INITIALS.fullmatch(word):
        # "Chairman C.C. Wei": initials before a name; "in the U.K. The ..." still ends
        nxt = _NEXT_WORD.match(text, dot_end)
        return nxt is not None and nxt.group(1).lower() not in _SENTENCE_STARTERS
    if text[k + 1 : j + 1] in DIGRAPH_INITIALS:
        nxt = _NEXT_WORD.match(text, dot_end)
        return nxt is not None and nxt.group(1).lower() not in _SENTENCE_STARTERS
    return len(word) == 1 and text[j].isupper()


def _split_paragraph(text: str, a: int, b: int) -> list[tuple[int, int]]:
    cuts: list[int] = []
    for m in _SENT_END.finditer(text, a, b):
        if text[m.start()] == "." and _is_abbreviation(text, m.end(), a):
            continue
        nxt = m.end()
        while nxt < b and text[nxt].isspace():
            nxt += 1
        if nxt >= b:
            continue
        ch = text[nxt]
        if ch.isupper() or ch.isdigit() or ch in "\"'\u201c\u2018([":
            cuts.append(m.end())
    # a single newline after a line without sentence punctuation (a heading) also ends it
    pos = text.find("\n", a, b)
    while pos != -1:
        prev = pos - 1
        while prev > a and text[prev] in " \t":
            prev -= 1
        if prev >= a and text[prev] not in ",;:-(\u2013\u2014" and not text[prev].islower():
            cuts.append(pos)
        pos = text.find("\n", pos + 1, b)
    cuts.sort()
    spans: list[tuple[int, int]] = []
    start = a
    for c in cuts:
        if c > start:
            spans.append((start, c))
            start = c
    spans.append((start, b))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s >= e:
            continue
        while e - s > MAX_SENTENCE_CHARS:  # bound the work any rule does on one sentence
            cut = text.rfind(" ", s + MAX_SENTENCE_CHARS // 2, s + MAX_SENTENCE_CHARS)
            if cut <= s:
                cut = s + MAX_SENTENCE_CHARS
            out.append((s, cut))
            s = cut
            while s < e and text[s].isspace():
                s += 1
        if s < e:
            out.append((s, e))
    return out


def _quote_spans(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Inner spans of quotations in one paragraph; an unclosed quote runs to its end."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    straight_open = False
    for i in range(a, b):
        ch = text[i]
        if ch == "\u201c" and open_at is None:
            open_at = i + 1
        elif ch == "\u201d" and open_at is not None:
            spans.append((open_at, i))
            open_at = None
        elif ch == '"':
            if not straight_open and open_at is None:
                open_at, straight_open = i + 1, True
            elif straight_open and open_at is not None:
                spans.append((open_at, i))
                open_at, straight_open = None, False
    if open_at is not None and b - open_at > 0:
        spans.append((open_at, b))
    return [(x, y) for x, y in spans if any(c.isalnum() for c in text[x : min(y, x + 200)])]


def layout(text: str) -> TextLayout:
    lay = TextLayout(text=text, tokens=tokenize(text))
    lay._token_starts = [t.start for t in lay.tokens]
    idx = 0
    for p, (a, b) in enumerate(_paragraphs(text)):
        dm = _DATELINE.match(text, a, min(b, a + 120))
        if dm is not None:
            lay.datelines.append((a, dm.end()))
        if '"' in text[a:b] or "\u201c" in text[a:b]:
            lay.quotes.extend(_quote_spans(text, a, b))
        for s, e in _split_paragraph(text, a, b):
            lay.sentences.append(Sentence(idx, s, e, p, text[s:e]))
            idx += 1
    lay._quote_starts = [q[0] for q in lay.quotes]
    return lay
