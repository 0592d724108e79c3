"""Separate an article body from the site chrome around it.

News pages carry section labels, bylines and photo credits above the body and
newsletter boxes, "related articles" lists, ads and copyright lines below it.
The rules here use line SHAPES (prose ends in sentence punctuation; chrome comes
in runs of short title-like lines) and phrases kept as data in
``graph/data/chrome_phrases.txt`` -- never the wording of one site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from graph.data_files import phrase_sections
from graph.documents.frontmatter import MetadataDateError, parse_meta_date
from graph.documents.headers import readout_title, speech_header, statement_title
from graph.model import DocumentMeta

_PROSE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$")
# Chinese and Japanese write no spaces: a full-width sentence stop on a line of 10+
# characters is prose, or a whole first paragraph would be taken for a title.
_WIDE_PROSE_END = re.compile(r"[\u3002\uff01\uff1f][\u300d\u300f\uff09\"'\u201d\u2019]*$")
_SEPARATOR = re.compile(r"^[\s|\-_=*~#\u2022\u00b7\u2013\u2014/\\.]*$")
_LEADING_MARK = re.compile(r"^[\s\-*\u2022\u00b7>#]+")
_STRONG_FOOTER = ("\u00a9", "(c) ", "copyright", "all rights reserved")
_BYLINE_NAME = re.compile(r"^[A-Z][\w.'\u2019-]*(?:[ -][A-Z][\w.'\u2019-]*){0,3}")
_CLAUSE_END = re.compile(r"[,;:\u2014]$")
_CLAUSE_WORDS = 8
_RUN_LENGTH = 3  # this many short non-prose lines in a row are chrome, not a subheading
_SHORT_WORDS = 20


@dataclass(frozen=True)
class ChromePhrases:
    footer: tuple[str, ...]
    credit: tuple[str, ...]
    byline: tuple[str, ...]


@lru_cache(maxsize=1)
def chrome_phrases() -> ChromePhrases:
    """The phrase lists from the data file, longest first so 'sign up for' beats 'sign up'."""
    read = phrase_sections("chrome_phrases.txt")
    sections = {
        k: [line.lower() for line in read.get(k, [])] for k in ("footer", "credit", "byline")
    }
    return ChromePhrases(
        footer=tuple(sorted(sections["footer"], key=len, reverse=True)),
        credit=tuple(sorted(sections["credit"], key=len, reverse=True)),
        byline=tuple(sorted(sections["byline"], key=len, reverse=True)),
    )


def is_prose(line: str) -> bool:
    """A line that reads as running text: a sentence ending, or long, or a clause of a
    sentence broken over lines (speeches set one clause per line end in ',' or ';')."""
    split = line.split()
    words = len(split)
    if words >= 25:
        return True
    if len(line) >= 10 and _WIDE_PROSE_END.search(line) is not None:
        return True
    if words >= _CLAUSE_WORDS and _CLAUSE_END.search(line) is not None:
        lower = sum(1 for w in split if w[:1].islower())
        return 2 * lower >= words
    return words >= 4 and _PROSE_END.search(line) is not None


def _starts_with(line: str, phrases: tuple[str, ...]) -> str | None:
    low = _LEADING_MARK.sub("", line).lower()
    for phrase in phrases:
        if not low.startswith(phrase):
            continue
        rest = low[len(phrase) :]
        if not rest or not phrase[-1].isalnum() or not (rest[0].isalnum() or rest[0] == "'"):
            return phrase
    return None


_ABOUT = re.compile(r"^About\s+(?:the\s+)?[A-Z0-9][\w&.,'\-]*(?:\s+[A-Z0-9&][\w&.,'\-]*){0,6}:?$")


def _is_footer(line: str, phrases: ChromePhrases) -> bool:
    low = line.strip().lower()
    if any(low.startswith(p) for p in _STRONG_FOOTER) or "all rights reserved" in low:
        return True
    if low.endswith(("(end)", "[end]", "<end>")) and len(low.split()) <= 12:
        return True  # wire copy: "reporter@agency.example (END)"
    if is_prose(line):
        return False
    if _ABOUT.match(line.strip()):
        return True  # a press release's "About <Company>" boilerplate
    return _starts_with(line, phrases.footer) is not None


def _is_credit(line: str, phrases: ChromePhrases) -> bool:
    if is_prose(line) or len(line.split()) > 15:
        return False
    return _starts_with(line, phrases.credit) is not None


_WIRE_CREDITS = re.compile(r"\b(?:editing|writing|additional\s+reporting)\s+by\b", re.I)


def _byline(line: str, phrases: ChromePhrases) -> str | None:
    if len(line.split()) > 12 or is_prose(line):
        return None
    if _WIRE_CREDITS.search(line):
        return None  # "Reporting by A; Editing by B": wire credits stay in the text
    phrase = _starts_with(line, phrases.byline)
    if phrase is None:
        return None
    rest = _LEADING_MARK.sub("", line)[len(phrase) :].strip(" :|,-\u2013\u2014")
    m = _BYLINE_NAME.match(rest)
    return m.group(0).strip() if m else None


_LIST_ITEM = re.compile(r"^\s*(?:[-*\u2022\u25aa\u2013]|\d{1,2}[.)])\s+\S")
_EMAIL_LINE = re.compile(r"^[\[(<]?\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*[\])>]?$")
_HEADER_DATE = re.compile(
    r"^(?:(?:posted|published|updated|date|input|created|modified)\b[\s:|.-]*)?"
    r"(?P<date>\d{4}-\d{1,2}-\d{1,2}|\d{4}\.\d{1,2}\.\d{1,2}|\d{4}/\d{1,2}/\d{1,2}"
    r"|[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4})\b",
    re.I,
)


def _header_date(line: str, meta: DocumentMeta) -> None:
    """'Posted : 2025-10-01 17:20' above the story: the publication date when none is known."""
    m = _HEADER_DATE.match(line)
    if m is None or len(line) > 80:
        return
    raw = m.group("date").replace(".", "-").replace("/", "-")
    try:
        meta.published = parse_meta_date(raw)
    except MetadataDateError:
        return


def _first_words(line: str, n: int = 8) -> str:
    return " ".join(line.split()[:n])


@dataclass
class Body:
    text: str
    boilerplate_starts_at: str | None


def _title_like(line: str) -> bool:
    return len(line) <= 300 and len(line.split()) <= 30 and not is_prose(line)


_LIST_ITEM = re.compile(r"^\s*(?:[-*+>|#\u2022]|\d+[.)])\s")
_BLOCKS = re.compile(r"(\n[ \t]*\n)")
_WRAP_WIDTH = (50, 120)  # the fixed line widths of e-mail, wire copy and plain-text dumps


def _hard_wrapped(lines: list[str]) -> bool:
    width = max(len(ln.rstrip()) for ln in lines)
    if not _WRAP_WIDTH[0] <= width <= _WRAP_WIDTH[1]:
        return False
    if any(_LIST_ITEM.match(ln) for ln in lines):
        return False
    return all(len(ln.rstrip()) >= 0.6 * width for ln in lines[:-1])


def unwrap(text: str) -> str:
    """Join each hard-wrapped paragraph into one line, so that its lines are not taken
    for a run of short chrome lines (which would cut the article away)."""
    out: list[str] = []
    for block in _BLOCKS.split(text):
        lines = block.split("\n")
        if len(lines) >= 2 and _hard_wrapped(lines):
            out.append(" ".join(ln.strip() for ln in lines))
        else:
            out.append(block)
    return "".join(out)


def _name_case(name: str) -> str:
    """'JIN EUN-SOO' -> 'Jin Eun-soo': bylines set in capitals."""
    if not name.isupper():
        return name
    return " ".join(w[:1] + w[1:].lower() for w in name.split())


_AD_MARKERS = frozenset({"advertisement", "ad", "advertising", "- advertisement -"})
_RELATED_HEADS = ("related article", "related articles", "related stories", "related news")


def _inline_block_end(lines: list[str], i: int) -> int | None:
    """Index after an ad marker or a related-links box of at most two headlines that sits
    INSIDE a story: long prose resumes right after it. None when the line is not one."""
    low = lines[i].strip().lower().rstrip(":")
    if low in _AD_MARKERS:
        k = i + 1
    elif low in _RELATED_HEADS:
        k = i + 1
        heads = 0
        while k < len(lines) and (not lines[k].strip() or not is_prose(lines[k].strip())):
            if lines[k].strip():
                heads += 1
            k += 1
        if heads > 2:
            return None
    else:
        return None
    while k < len(lines) and not lines[k].strip():
        k += 1
    if k < len(lines) and is_prose(lines[k].strip()) and len(lines[k].split()) >= 15:
        return k
    return None


def clean_body(text: str, meta: DocumentMeta) -> Body:
    """Cut header and footer chrome; fill title and author into ``meta`` when found."""
    phrases = chrome_phrases()
    lines = [ln.rstrip() for ln in unwrap(text).split("\n")]
    idx = 0
    while idx < len(lines) and not lines[idx].strip():
        idx += 1
    head: list[str] = []  # the title line, when it is taken as the title
    if idx < len(lines):
        first = lines[idx].strip().lstrip("#").strip()
        more = any(ln.strip() for ln in lines[idx + 1 :])
        if meta.title is None and _title_like(first) and more:
            meta.title = first
            head.append(first)
            idx += 1
        elif meta.title is not None and " ".join(first.split()) == " ".join(meta.title.split()):
            head.append(first)
            idx += 1
    rest = lines[idx:]
    start = next((i for i, ln in enumerate(rest) if is_prose(ln.strip())), None)
    own = (statement_title(head[0]) or readout_title(head[0])) if head else None
    if start is None:
        start = 0
    else:
        own = own or speech_header(head + rest[:start])
        for ln in rest[:start]:
            name = _byline(ln.strip(), phrases)
            if name and meta.author is None:
                meta.author = name
            if meta.published is None:
                _header_date(ln.strip(), meta)
    kept: list[str] = []
    cut_at: str | None = None
    body_lines = rest[start:]
    # bulleted or numbered items are the article's own lists, not chrome runs
    short = [
        bool(ln.strip())
        and not is_prose(ln.strip())
        and len(ln.split()) <= _SHORT_WORDS
        and _LIST_ITEM.match(ln) is None
        for ln in body_lines
    ]
    nonblank = [i for i, ln in enumerate(body_lines) if ln.strip()]
    run_start: set[int] = set()
    for k in range(len(nonblank) - _RUN_LENGTH + 1):
        window = nonblank[k : k + _RUN_LENGTH]
        if all(short[i] for i in window):
            run_start.add(window[0])
    chrome_next = False  # a byline kept at the head of a chrome run: the run follows
    skip_to = -1
    for i, raw in enumerate(body_lines):
        line = raw.strip()
        if i < skip_to:
            continue
        if not line:
            kept.append("")
            continue
        if kept and not chrome_next:
            end = _inline_block_end(body_lines, i)
            if end is not None:
                skip_to = end  # an ad marker or a short related-links box inside the story
                continue
        if i > 0 and (_is_footer(line, phrases) or i in run_start or chrome_next):
            name = _byline(line, phrases) if kept and not _is_footer(line, phrases) else None
            if name is not None and not chrome_next:
                kept.append(f"By {_name_case(name)}.")  # the writer's byline above the chrome
                if meta.author is None:
                    meta.author = name
                chrome_next = i in run_start
                continue
            cut_at = _first_words(line)
            break
        if _SEPARATOR.match(line) or _is_credit(line, phrases) or _EMAIL_LINE.match(line):
            continue
        name = _byline(line, phrases)
        if name is not None:
            if meta.author is None:
                meta.author = name
            if not kept:
                continue
            # a byline under the story ("By Ana Cruz (ana@example.com)") names its writer,
            # who is a person the text states; the line stays for the extractor
            line = f"By {_name_case(name)}."
        kept.append(line)
    body = "\n".join(kept)
    body = re.sub(r"\n{3,}", "\n\n", body).strip()
    if own is not None and body:
        body = f"{own}\n\n{body}"  # the document's own header: it names the speaker
    if meta.title is None and body:
        meta.title = _first_words(body.split("\n", 1)[0], 16)
    return Body(body, cut_at)
