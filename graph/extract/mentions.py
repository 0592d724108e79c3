"""Candidate names in each sentence: capitalized spans, split and classified.

A span is a run of capitalized words joined by a few connectors ("Ministry of
Science and ICT", "Lumen Water & Power Agency"). Each span is then cut at
possessives and at "and" between two complete names, stripped of sentence-initial
function words, and decomposed when it carries a title ("QRA Commissioner Elsa
Morvin" -> org reference + title + person). Local context adds typed hints that
the entity step weighs.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from graph.extract.common_words import COMMON_ZIPF, zipf
from graph.extract.lexicon import Lexicon, data_sections, data_words, lexicon
from graph.extract.shapes import (
    COMMON_ACRONYMS,
    TIME_WORDS,
    head_type,
    is_acronym,
    is_korean_given,
    is_title_word,
    plain_name_token,
    token_class,
)
from graph.extract.text import DIGRAPH_INITIALS, Sentence, TextLayout, Token

ORG_DESCRIPTORS = frozenset(
    [
        "company",
        "firm",
        "startup",
        "start-up",
        "developer",
        "operator",
        "carrier",
        "maker",
        "lender",
        "bank",
        "group",
        "provider",
        "vendor",
        "insurer",
        "retailer",
        "manufacturer",
        "chipmaker",
        "automaker",
        "conglomerate",
        "giant",
        "platform",
        "subsidiary",
        "affiliate",
        "rival",
        "outlet",
        "newspaper",
        "broadcaster",
        "publisher",
        "fund",
        "investor",
        "brokerage",
        "unicorn",
        "supplier",
        "contractor",
        "consultancy",
        "lab",
        "laboratory",
        "chaebol",
        "titan",
        "player",
        "specialist",
        "owner",
        "builder",
        "designer",
        "shipbuilder",
        "telco",
        "airline",
        "exchange",
    ]
)
GOV_DESCRIPTORS = frozenset(
    ["agency", "regulator", "ministry", "watchdog", "authority", "department"]
)
BODY_DESCRIPTORS = frozenset(
    [
        "institute",
        "association",
        "organization",
        "organisation",
        "body",
        "university",
        "foundation",
        "nonprofit",
        "union",
        "council",
        "coalition",
        "alliance",
        "federation",
        "group",
    ]
)
PROGRAM_DESCRIPTORS = frozenset(["program", "programme", "scheme", "initiative", "project", "plan"])
EVENT_DESCRIPTORS = frozenset(
    ["conference", "summit", "forum", "dialogue", "event", "expo", "symposium"]
)
PEOPLE_NOUNS = frozenset(
    [
        "officials",
        "executives",
        "representatives",
        "delegates",
        "delegation",
        "members",
        "staff",
        "chiefs",
        "leaders",
        "officers",
        "employees",
        "engineers",
        "researchers",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "official",
        "executive",
        "representative",
        "analyst",
        "analysts",
        "ceo",
        "chief",
        "head",
        "director",
    ]
)
SPEECH_VERBS = frozenset(
    ["said", "says", "told", "added", "stated", "noted", "explained", "argued", "warned", "wrote"]
)
PERSON_VERBS = frozenset(["sent", "accompanied", "appointed", "hired", "named"])
STOCK_VERBS = frozenset(
    [
        "rose",
        "fell",
        "gained",
        "jumped",
        "slipped",
        "dropped",
        "climbed",
        "surged",
        "plunged",
        "tumbled",
        "sank",
        "rallied",
        "shed",
        "advanced",
        "declined",
        "soared",
    ]
)
STOCK_GERUNDS = frozenset(
    [
        "rising",
        "falling",
        "gaining",
        "losing",
        "jumping",
        "slipping",
        "dropping",
        "climbing",
        "surging",
        "sliding",
    ]
)
_LED_BY_AFTER = re.compile(
    r"\s+(?:will\s+be|is|was|has\s+been|had\s+been)\s+(?:led|headed|run|chaired)\s+by\b"
)
_CREDIT_BEFORE = re.compile(
    r"(?:^By\s+|(?:^|[(;]\s*)(?:Additional\s+)?(?:[Rr]eporting|[Ee]diting|[Ww]riting|[Cc]ompiled)"
    r"\s+by\s+)"
    r"(?:[A-Z][\w.'\-]*\s+|and\s+|,\s*){0,12}$"
)
_NAME_PARTICLES = frozenset(
    {"bin", "bint", "ibn", "al", "el", "abu", "da", "di", "dos", "le", "von", "van", "der", "den"}
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_INITIAL_SKIP = frozenset({"and", "of", "for", "the", "&", "on", "in"})
_DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")
_POSTED_TO = frozenset(
    # titles and bodies posted abroad: "Ambassador to Korea X", "the EU Delegation to Korea"
    {"ambassador", "envoy", "representative", "consul", "consul-general"}
    | {"delegation", "mission", "embassy", "representation", "office"}
)


def _posted(word: str) -> bool:
    """'Ambassador', 'Ambassador-designate': a title posted to a place ('to Peru')."""
    low = word.lower()
    return low in _POSTED_TO or any(
        low.removesuffix(s) in _POSTED_TO for s in lexicon().title_suffixes if low.endswith(s)
    )


def _posted_title(words: list[str]) -> bool:
    """'Ambassador', 'Ambassador Extraordinary and Plenipotentiary': title words (joined by
    'and') the last of which, or the first, is posted to a place."""
    if not words or not all(is_title_word(w) or w == "and" for w in words):
        return False
    return _posted(words[-1]) or _posted(words[0])


_QUESTION_LABELS = frozenset({"reporter", "question", "q", "journalist", "correspondent"})


def _question_label(word: str) -> bool:
    """'Reporter', 'Question', 'Q': the label of a transcript's question line."""
    return word.casefold() in _QUESTION_LABELS


_ABBR_IN_NAMES = frozenset({"Corp", "Inc", "Co", "Ltd", "Jr", "Sr", "St", "Bros", "Ma"})
PARTY_BEFORE = frozenset(
    ["met", "meet", "meets", "hosted", "hosts", "visited", "with", "between", "accompanied"]
)
PARTY_AFTER = frozenset(
    [
        "met",
        "meets",
        "hosted",
        "visited",
        "signed",
        "attended",
        "joined",
        "convened",
        "briefed",
        "represented",
        "chaired",
        "presided",
        "opened",
        "addressed",
        "led",
        "urged",
    ]
)
PLACE_PREPS = frozenset(["in", "near", "across", "outside", "throughout", "around"])
HONORIFICS = frozenset(
    ["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "sir", "dame"]
    + ["honorable", "honourable"]  # "the Honorable Ada Crane", in US and Japanese readouts
)
# military ranks written abbreviated before a name ("Lt. Gen. Eirik Dahl")
RANKS = frozenset(["gen", "adm", "lt", "col", "maj", "brig", "capt", "cmdr", "sgt", "cpl"])
GENERIC_HEADS = frozenset(
    [
        "ministry",
        "agency",
        "institute",
        "company",
        "board",
        "office",
        "association",
        "centre",
        "center",
        "council",
        "commission",
        "committee",
        "bureau",
        "department",
        "firm",
        "bank",
        "lender",
        "group",
        "regulator",
        "startup",
        "foundation",
        "university",
        "service",
        "authority",
        "administration",
        "watchdog",
        "developer",
        "operator",
        "carrier",
        "maker",
        "institution",
        "organization",
        "organisation",
        "navy",
        "army",
        "embassy",
        "party",
        "union",
        "assembly",
        "parliament",
        "fund",
        "exchange",
    ]
)
_GENERIC = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:[a-z]+-[a-z]+\s+|state-run\s+|state\s+)?("
    + "|".join(sorted(GENERIC_HEADS))
    + r")\b(?!\s+[A-Z])"
    + r"|\b("
    + "|".join(sorted(GENERIC_HEADS))
    + r")(?=\s+(?:deputy |vice |chief |senior |acting )?(?:director|chief|head|spokesperson|"
    r"spokesman|spokeswoman|official|chairman|chairwoman|president|minister|commissioner)\b)"
)
_KNOWN_AS = re.compile(
    r"(?:(?:also|locally|formerly|widely|commonly)\s+)?(?:known|referred to)"
    r"(?:\s+(?:locally|also|formerly|widely|commonly))?\s+as(?:\s+the)?$"
)


# "the Republic of Korea", "the Kingdom of Sweden": a country's formal name begins so
STATE_HEADS = frozenset({"Republic", "Kingdom", "State", "Federation", "Commonwealth"})


@dataclass
class Mention:
    id: int
    text: str
    start: int
    end: int
    sent: int
    tokens: tuple[str, ...]
    kind: str  # name | person | orgref | country | generic
    initial: bool = False
    quoted: bool = False
    possessive: bool = False
    hints: Counter[str] = field(default_factory=Counter)
    title: str | None = None  # person: title written before the name
    link: int | None = None  # person -> orgref id; orgref -> person id
    country_link: int | None = None  # person -> country written before the title
    acronym: str | None = None  # long form: the acronym defined after it
    acronym_of: int | None = None  # acronym -> long form id
    alias_of: int | None = None  # "X, known as Y": Y -> X mention id
    country: str | None = None  # country / demonym mentions
    head: str | None = None  # generic mentions: the head noun
    coord: int | None = None  # the mention this one is listed with ("A, B and C")
    of_title: bool = False  # portfolio orgref written "Minister of <area>"

    @property
    def n_tokens(self) -> int:
        return len(self.tokens)


def _lower(tok: Token | None) -> str:
    return tok.text.lower() if tok is not None else ""


def _caps_surname(words: list[str]) -> bool:
    """'Taro KONO', 'Sergey LAVROV': a given name, then a surname written in capitals."""
    if len(words) < 2:
        return False
    w = words[-1]
    return (
        len(w) >= 3
        and w.isalpha()
        and w.isupper()
        and w not in COMMON_ACRONYMS
        and plain_name_token(words[-2])
    )


@lru_cache(maxsize=1)
def _spelled_names() -> dict[str, tuple[str, ...]]:
    """Known names with a hyphen or a joining word in them ("House of Representatives"),
    by their first word."""
    out: dict[str, list[str]] = {}
    lex = lexicon()
    for key in (*lex.gazetteer, *lex.countries):
        words = key.split()
        if len(words) >= 3 and any("-" in w or w in ("of", "for", "and") for w in words):
            out.setdefault(words[0], []).append(key)
    return {w: tuple(sorted(keys, key=len, reverse=True)) for w, keys in out.items()}


# "D.Ortiz", "Ts.Batbold": an initial joined to a surname, as Mongolian releases write names
_JOINED_INITIAL = re.compile(r"[A-Z][a-z]?\.[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?")


def _initialed(words: list[str]) -> bool:
    """Whether words end in a surname after an initial: "B . Ortiz" or "D.Ortiz"."""
    if _JOINED_INITIAL.fullmatch(words[-1]):
        return True
    return (
        len(words) >= 3
        and words[-2] == "."
        and ((len(words[-3]) == 1 and words[-3].isupper()) or words[-3] in DIGRAPH_INITIALS)
        and plain_name_token(words[-1])
    )


def _state_part(lex: Lexicon, words: list[str]) -> int | None:
    """Where a state's formal head with its modifiers begins at the end of ``words``
    ("Islamic Emirate", "Kingdom"), or None. A head of [bare_only] takes no modifier."""
    if not words or words[-1] not in lex.state_heads:
        return None
    p = len(words) - 1
    if words[-1] not in lex.state_bare_heads:
        while p > 0 and words[p - 1] in lex.state_modifiers:
            p -= 1
    if p > 0 and words[p - 1] not in ("the", "of"):
        return None  # "Football Federation", "Secretary of State": the head is another's
    return p


def formal_country(lex: Lexicon, words: list[str]) -> str | None:
    """The country a formal name spells: '[modifiers] <head> of [the] <country>'."""
    if "of" not in words:
        return None
    o = words.index("of")
    if o == 0 or _state_part(lex, words[:o]) != 0:
        return None
    rest = words[o + 1 :]
    if rest[:1] == ["the"]:
        rest = rest[1:]
    return lex.countries.get(" ".join(rest).casefold()) if rest else None


def _honorific_between(words: list[str], name_start: int) -> tuple[int, int]:
    """Where a title ends and the name begins when an honorific or the title's short form
    stands between them ("Health Minister Dr. Ana Ruiz", "Foreign Minister (FM) Ana Ruiz")."""
    if words[name_start].lower() in HONORIFICS and name_start + 1 < len(words):
        return name_start, name_start + 1
    if (
        name_start >= 2
        and words[name_start - 1] == "."
        and words[name_start - 2].lower() in HONORIFICS
    ):
        return name_start - 2, name_start
    if name_start >= 3 and words[name_start - 3] == "(" and words[name_start - 1] == ")":
        return name_start - 3, name_start  # "Foreign Minister (FM) Ana Ruiz"
    return name_start, name_start


class _SentenceScanner:
    """Finds the mentions of one sentence."""

    def __init__(self, lay: TextLayout, sent: Sentence, out: list[Mention]) -> None:
        self.lay = lay
        self.sent = sent
        if not lay._classes:
            lay._classes = [token_class(t.text) for t in lay.tokens]
        self.text_start = lay.dateline_end(sent)
        lo, hi = lay.token_range(sent.start, sent.end)
        self.toks = lay.tokens[lo:hi]
        self.cls = lay._classes[lo:hi]
        self.out = out
        self.lex = lexicon()

    # ------------------------------------------------------------------ helpers
    def tok(self, i: int) -> Token | None:
        return self.toks[i] if 0 <= i < len(self.toks) else None

    def emit(self, i: int, j: int, kind: str, **kw: object) -> Mention:
        first, last = self.toks[i], self.toks[j - 1]
        if first.start < self.text_start and not (
            i > 0
            and self.toks[i - 1].text == "("
            and self.lay.text[first.start : last.end].casefold() in self.lex.gazetteer
        ):
            kind = "dateline"  # the place of a dateline; its agency "(Reuters)" is kept
        text = self.lay.text[first.start : last.end]
        m = Mention(
            id=len(self.out),
            text=text,
            start=first.start,
            end=last.end,
            sent=self.sent.index,
            tokens=tuple(t.text for t in self.toks[i:j]),
            kind=kind,
            initial=self._initial(i),
            quoted=self.lay.in_quote(first.start),
        )
        for key, value in kw.items():
            setattr(m, key, value)
        nxt = self.tok(j)
        if nxt is not None and (
            self.cls[j] == "poss"
            or (nxt.text in ("'", "\u2019") and last.text.endswith("s") and nxt.start == last.end)
        ):
            m.possessive = True
        if self.out and self.out[-1].sent == m.sent and self.out[-1].kind == "name":
            between = self.lay.text[self.out[-1].end : m.start].strip()
            listed = between in (",", "and", ", and", "or", ", or", "&") and kind == "name"
            if listed and (between != "," or self._list_goes_on(m)):
                m.coord = self.out[-1].id
        self.out.append(m)
        return m

    def _list_goes_on(self, m: Mention) -> bool:
        """'A, B and C': a name after a comma is listed only when the list goes on after
        it; in 'After talks with A, B said' the comma ends a phrase and B starts a clause."""
        after = self.lay.text[m.end : m.end + 6].lstrip()
        return after.startswith((",", "and ", "or ", "&", ";"))

    def _initial(self, i: int) -> bool:
        if i == 0:
            return True
        prev = self.toks[i - 1].text
        return prev in ('"', "\u201c", "(", "\u2014", "\u2013", "-", ":", "'", "\u2018")

    # ------------------------------------------------------------------ spans
    def spans(self) -> list[tuple[int, int]]:
        toks, cls = self.toks, self.cls
        n = len(toks)
        out: list[tuple[int, int]] = []
        i = 0
        while i < n:
            if cls[i] not in ("cap", "acro") and not (
                # "founder June Paik": a month name used as a given name after a title
                cls[i] == "time"
                and i > 0
                and i + 1 < n
                and cls[i + 1] == "cap"
                and toks[i + 1].start - toks[i].end == 1
                and (
                    toks[i - 1].text.lower() in self.lex.role_nouns
                    or is_title_word(toks[i - 1].text)
                )
                and plain_name_token(toks[i + 1].text)
            ):
                i += 1
                continue
            k = i + 1
            while k < n:
                if cls[k] in ("cap", "acro") and toks[k].start - toks[k - 1].end <= 1:
                    k += 1
                    continue
                word = toks[k].text
                if self._title_acronym(k):
                    k += 3  # "Foreign Minister (FM) Ana Ruiz": the title's short form
                    continue
                if (
                    word == "."
                    and k + 1 < n
                    and toks[k].start == toks[k - 1].end
                    and cls[k + 1] in ("cap", "acro")
                    and (
                        toks[k - 1].text in _ABBR_IN_NAMES
                        or len(toks[k - 1].text) == 1
                        or toks[k - 1].text in DIGRAPH_INITIALS
                        or self._honorific_after_title(k - 1)
                    )
                ):
                    k += 1  # "Brindle Corp. CEO", "Alan J. Voss", "Ch. Batbold", "Dr. Ana Ruiz"
                    continue
                if (
                    word in ("'s", "’s")
                    and k + 1 < n
                    and toks[k].start == toks[k - 1].end
                    and toks[k + 1].start - toks[k].end == 1
                    and is_title_word(toks[k - 1].text)
                    and head_type(toks[k + 1].text) == "GovernmentBody"
                ):
                    k += 2  # "the Prime Minister's Office": a title's own office is a body
                    continue
                if word == "," and self._of_series(i, k):
                    k = self._of_series(i, k)
                    continue
                if word in _NAME_PARTICLES and k + 1 < n and cls[k + 1] == "cap":
                    k += 2  # "Mohamed bin Zayed", "Ursula von der Leyen" (second word below)
                    continue
                if (
                    word == "to"
                    and (_posted(toks[k - 1].text) or self._posted_of(i, k))
                    and k + 1 < n
                    and cls[k + 1] in ("cap", "acro")
                ):
                    k += 2  # "Ambassador to South Korea Xing Hai": the title names the post
                    continue
                if (
                    word == "to"
                    and _posted(toks[k - 1].text)
                    and k + 2 < n
                    and toks[k + 1].text == "the"
                    and cls[k + 2] in ("cap", "acro")
                ):
                    k += 3  # "Permanent Representative to the United Nations Ana Ruiz"
                    continue
                if (
                    word == "to"
                    and self._posted_of(i, k)
                    and k + 2 < n
                    and toks[k + 1].text == "the"
                    and toks[k + 2].text in STATE_HEADS
                ):
                    k += 3  # "Ambassador of Estonia to the Republic of Korea Lars Holm"
                    continue
                if word == "in" and k + 1 < n:
                    m = k + 2 if toks[k + 1].text == "the" else k + 1
                    e = m
                    while e < n and cls[e] in ("cap", "acro"):
                        e += 1
                    if e > m and self._acronym_spans(i, e):
                        k = e  # "Committee on Foreign Investment in the United States (CFIUS)"
                        continue
                if word in ("of", "for", "on", "&", "and", "de", "du", "des", "van", "von", "der"):
                    m = k + 1
                    if word in ("of", "for") and m < n and toks[m].text == "the":
                        m += 1
                    if word in ("van", "von", "de") and m < n and toks[m].text in ("der", "den"):
                        m += 1
                    if m >= n or cls[m] not in ("cap", "acro"):
                        break
                    prev = toks[k - 1].text
                    if (
                        word in ("of", "for", "on")
                        and not (head_type(prev) is not None or is_title_word(prev))
                        and not (word == "of" and self._titled_country(i, k, m))
                        and not (word == "of" and prev in STATE_HEADS and self._posted_to(i, k))
                        and not (word == "of" and self._formal_state(i, k, m))
                        and not (word == "for" and self._titled_area(i, k))
                    ):
                        break
                    k = m + 1
                    continue
                break
            k = self._gazetteer_reach(i, k)
            if (
                k < n
                and _YEAR.fullmatch(toks[k].text)
                and toks[k].start - toks[k - 1].end == 1
                and head_type(toks[k - 1].text) in ("Program", "Event")
            ):
                k += 1  # "Vision 2040", "Expo 2031": a year closes a program's or event's name
            out.append((i, k))
            i = k
        return out

    def _spelled_inside(self, i: int, j: int) -> list[tuple[int, int]]:
        """The token ranges of the known names written with a hyphen within i..j."""
        index = _spelled_names()
        out: list[tuple[int, int]] = []
        for p in range(i, j):
            for key in index.get(self.toks[p].text.casefold(), ()):
                start = self.toks[p].start
                if self.lay.text[start : start + len(key)].casefold() == key:
                    q = p
                    while q < j and self.toks[q].end < start + len(key):
                        q += 1
                    out.append((p, q + 1))
        return out

    def _posted_to(self, i: int, k: int) -> bool:
        """The run i..k reads '<Ambassador> of <country> to the ...'."""
        words = [t.text for t in self.toks[i:k]]
        return "to" in words and self._posted_of(i, i + words.index("to"))

    def _posted_of(self, i: int, k: int) -> bool:
        """'Ambassador of Estonia' before 'to Korea X': the post goes on with the title."""
        words = [t.text for t in self.toks[i:k]]
        if "of" not in words:
            return False
        o = words.index("of")
        rest = words[o + 1 :]
        if rest[:1] == ["the"]:
            rest = rest[1:]
        return (
            o > 0 and _posted_title(words[:o]) and " ".join(rest).casefold() in self.lex.countries
        )

    def _gazetteer_reach(self, i: int, k: int) -> int:
        """'the Organisation for Economic Co-operation and Development', 'the House of
        Representatives': a known name goes on past where the run of capitals stopped."""
        index = _spelled_names()
        text = self.lay.text
        for p in range(i, k):
            for key in index.get(self.toks[p].text.casefold(), ()):
                start = self.toks[p].start
                end = start + len(key)
                if text[start:end].casefold() != key:
                    continue
                q = p
                while q < len(self.toks) and self.toks[q].end < end:
                    q += 1
                if q < len(self.toks) and self.toks[q].end == end and q + 1 > k:
                    return q + 1
        return k

    def _titled_area(self, i: int, k: int) -> bool:
        """'Assistant Secretary of Commerce for Export Administration X': a 'for' phrase after
        '<title> of <area>' goes on with the title."""
        words = [t.text for t in self.toks[i:k]]
        if "of" not in words or "for" in words or not is_title_word(words[words.index("of") - 1]):
            return False
        # "Secretary of State Tara Vine for the Department of ...": a name closed the title,
        # so the 'for' phrase is the holder's body, not the title's area
        return not self._has_name_tail(words[words.index("of") + 1 :])

    def _formal_state(self, i: int, k: int, m: int) -> bool:
        """'the Islamic Emirate of Afghanistan', 'the Hashemite Kingdom of Jordan': the run
        before 'of' (at ``k``) is a state's head and its modifiers alone, and the capitals from
        ``m`` spell a country: the name goes on past 'of'."""
        toks = self.toks
        if _state_part(self.lex, [t.text for t in toks[i:k]]) != 0:
            return False  # "Health Minister of the Republic of Estonia": the title's country
        e = m
        while e < len(toks) and self.cls[e] in ("cap", "acro"):
            e += 1
        return self.lay.text[toks[m].start : toks[e - 1].end].casefold() in self.lex.countries

    def _titled_country(self, i: int, k: int, m: int) -> bool:
        """'Minister of Foreign Affairs of Russia Sergey Lavrov': after a title, 'of' and a
        country name go on with the title."""
        if not any(is_title_word(t.text) for t in self.toks[i:k]):
            return False
        if self.toks[k - 1].text not in self.lex.institutional:
            return False  # "Advisor Henrik Landerholm of Sweden": 'of' after a name
        for cut in (3, 2, 1):
            words = [t.text for t in self.toks[m : m + cut]]
            after = self.tok(m + cut)
            if (
                len(words) == cut
                and " ".join(words).casefold() in self.lex.countries
                and after is not None
                and plain_name_token(after.text)
            ):
                return True  # a name follows: the country closes the title before it
        return False

    def _of_series(self, i: int, k: int) -> int:
        """'Ministry of Mines, Rivers and Forests': end index of the series, or 0."""
        toks, cls = self.toks, self.cls
        words = [t.text for t in toks[i:k]]
        link = "of" if "of" in words else "for" if "for" in words else None
        if link is None or words.index(link) == 0:
            return 0
        before = words[words.index(link) - 1]
        if head_type(before) is None and not is_title_word(before):
            return 0
        m = k
        while m + 1 < len(toks) and toks[m].text == "," and cls[m + 1] == "cap":
            m += 2
        if m + 1 < len(toks) and toks[m].text == "and" and cls[m + 1] == "cap":
            return m + 2
        return 0

    def split_and(self, i: int, j: int, standalone: set[str]) -> list[tuple[int, int]]:
        """Cut a span at 'and' unless the left part cannot stand alone as a name."""
        inside = self._spelled_inside(i, j)
        cuts = [
            k
            for k in range(i, j)
            if self.toks[k].text == "and" and not any(a < k < b for a, b in inside)
        ]
        if not cuts:
            return [(i, j)]
        parts: list[tuple[int, int]] = []
        start = i
        for c in cuts:
            parts.append((start, c))
            start = c + 1
        parts.append((start, j))
        merged = [parts[0]]
        for a, b in parts[1:]:
            pa, pb = merged[-1]
            left = [t.text for t in self.toks[pa:pb]]
            right = [t.text for t in self.toks[a:b]]
            # "... and Industry Chairman Chey Tae-won": judge the name part before a title
            # that introduces a person, not the person
            titled = False
            for cut in range(1, len(right)):
                if is_title_word(right[cut]) and self._has_name_tail(right[cut:]):
                    right = right[:cut]
                    titled = True
                    break
            left_text = " ".join(left).casefold()
            left_complete = (
                any(head_type(w) for w in left[1:])
                or left_text in standalone
                or left_text in self.lex.gazetteer
                or left_text in self.lex.countries
                or (len(left) >= 2 and is_korean_given(left[-1]))
            )
            link = "of" if "of" in left else "for" if "for" in left else None
            after_of = link is not None and any(head_type(w) for w in left[: left.index(link)])
            # "President of the Norvik Chamber of Commerce and Industry": the body's own "of"
            last_of = max((k for k, w in enumerate(left) if w in ("of", "for")), default=0)
            after_of = after_of or (last_of > 0 and head_type(left[last_of - 1]) is not None)
            right_text = " ".join(right).casefold()
            right_known = (
                right_text in standalone
                or right_text in self.lex.gazetteer
                or right_text in self.lex.countries
                or right[0].lower() in self.lex.given_names
                or (len(right) >= 2 and is_korean_given(right[-1]))
            )
            join = False
            inst_right = all(w in self.lex.institutional for w in right)
            lex = self.lex
            lead = (
                1
                if left[0].casefold() in lex.demonyms or left[0].casefold() in lex.countries
                else 0
            )
            if is_title_word(left[-1]) and is_title_word(right[0]):
                join = True  # Vice Chair and President (a title, the name follows)
            elif self._regions_joined(left, right):
                join = True  # Bureau of East Asian and Pacific Affairs: one body
            elif (
                titled
                and lead < len(left)
                and all(w in lex.institutional for w in left[lead:])
                and all(w in lex.institutional for w in right)
            ):
                join = True  # "Canadian Energy and Natural Resources Minister X": a portfolio
            elif (
                link is not None
                and left.index(link) > 0
                and is_title_word(left[left.index(link) - 1])
                and len(right) >= 3
                and self._has_name_tail(right)
                and not self._has_name_tail(left[left.index(link) + 1 :])
            ):
                join = True  # Minister of Municipalities and Housing Majid bin Abdullah
            elif (
                after_of
                and not right_known
                and (
                    len(right) == 1
                    or (len(right) <= 3 and (head_type(right[-1]) is None or inst_right))
                )
            ):
                join = True  # Ministry of Science and ICT; Office of Science and Technology Policy
            elif (
                not left_complete
                and any(head_type(w) is not None for w in right)
                and len(left) <= 3
                and all(w in self.lex.institutional for w in left)
            ):
                join = True  # Water Quality and Harbor Works Bureau; Securities and Exchange Board
            elif self._acronym_spans(pa, b) or (
                not left_complete and not right_known and self._acronym_loose(pa, b)
            ):
                join = True  # Saudi Data and AI Authority (SDAIA); Korea Mine ... Corp. (KOMIR)
            if join and right[0].lower() not in HONORIFICS:  # "Ministry of Finance and Mr. X"
                merged[-1] = (pa, b)
            else:
                merged.append((a, b))
        return merged

    def _regions_joined(self, left: list[str], right: list[str]) -> bool:
        """'... of East Asian' + 'Pacific Affairs [Bureau]': an 'and' between two regions
        of one office's name, which goes on with a policy-area or head word."""
        regions = self.lex.regions
        if not left or not right or left[-1] not in regions or right[0] not in regions:
            return False
        k = 0
        while k < len(right) and right[k] in regions:
            k += 1
        tail = right[k:]
        return bool(tail) and all(
            w in self.lex.institutional or head_type(w) is not None for w in tail
        )

    def _acronym_spans(self, i: int, j: int) -> bool:
        """True when '(ACR)' right after tokens i..j spells their initials."""
        a, b, c = self.tok(j), self.tok(j + 1), self.tok(j + 2)
        if a is None or b is None or c is None or a.text != "(" or c.text != ")":
            return False
        if not is_acronym(b.text):
            return False
        letters = ""
        for t in self.toks[i:j]:
            w = t.text
            if w.lower() in ("and", "of", "for", "the", "&", "on", "in"):
                continue
            letters += w if is_acronym(w) else w[0]
        return letters.upper() == b.text.replace("-", "").upper()

    def _acronym_loose(self, i: int, j: int) -> bool:
        """'(KOMIR)' after tokens i..j: its letters appear in order in the name, the first
        being the name's first letter and the last falling after the name's first word."""
        k = j
        if (dot := self.tok(k)) is not None and dot.text == ".":
            k += 1
        a, b, c = self.tok(k), self.tok(k + 1), self.tok(k + 2)
        if a is None or b is None or c is None or a.text != "(" or c.text != ")":
            return False
        acr = b.text.replace("-", "").lower()
        if not is_acronym(b.text) or len(acr) < 3:
            return False
        words = [t.text.lower() for t in self.toks[i:j] if t.text.lower() not in _INITIAL_SKIP]
        if not words or words[0][0] != acr[0]:
            return False
        text = "".join(words)
        pos = 0
        for ch in acr:
            pos = text.find(ch, pos)
            if pos < 0:
                return False
            pos += 1
        return pos > len(words[0])

    def _numbered_document(self, j: int, words: list[str]) -> bool:
        """'Resolution 2231', 'the President's Executive Order': a document's name, with its
        number or a title word before the head ("Executive", "President"), names no one."""
        if words[-1] not in _document_heads():
            return False
        if len(words) >= 2 and is_title_word(words[-2]):
            return True
        nxt = self.tok(j)
        return nxt is not None and nxt.text[:1].isdigit() and nxt.start - self.toks[j - 1].end == 1

    def _excellency(self, i: int, j: int) -> bool:
        """'H.E. Ana Ruiz', 'H. E. Ana Ruiz' (His or Her Excellency) before a name."""
        words = [t.text for t in self.toks[i:j]]
        if words[:1] == ["H.E."] and len(words) > 1:
            return True
        return words[:4] == ["H", ".", "E", "."] and len(words) > 4

    def _title_acronym(self, k: int) -> bool:
        """'Foreign Minister (FM) Ana Ruiz': a parenthesized short form of the title before
        token k, then a name."""
        toks = self.toks
        return (
            k > 0
            and k + 3 < len(toks)
            and toks[k].text == "("
            and toks[k + 2].text == ")"
            and is_acronym(toks[k + 1].text)
            and is_title_word(toks[k - 1].text)
            and self.cls[k + 3] == "cap"
            and plain_name_token(toks[k + 3].text)
        )

    def _honorific_after_title(self, k: int) -> bool:
        """'Health Minister Dr. Ana Ruiz': an honorific written between a title and a name
        (the name goes on with the title, as after a middle initial)."""
        return (
            k > 0
            and self.toks[k].text.lower() in HONORIFICS
            and is_title_word(self.toks[k - 1].text)
        )

    def _rank_before_name(self, k: int) -> bool:
        """A military rank abbreviated before a name ('Gen.', 'Adm.', 'Lt.')."""
        tok = self.toks[k]
        nxt = self.toks[k + 1] if k + 1 < len(self.toks) else None
        return (
            tok.text.lower() in RANKS
            and nxt is not None
            and nxt.text == "."
            and (nxt.start == tok.end)
        )

    # ------------------------------------------------------------------ main
    cached_spans: list[tuple[int, int]] | None = None

    def run(self, standalone: set[str]) -> None:
        spans = self.cached_spans if self.cached_spans is not None else self.spans()
        for i, j in spans:
            # strip sentence-initial function words and honorifics
            honorific = False
            while i < j and self.toks[i].text.lower().rstrip(".") in self.lex.stop_caps:
                if self.toks[i].text.lower() in HONORIFICS:
                    honorific = True
                i += 1
            while i < j and self.toks[i].text.lower() in HONORIFICS:
                honorific = True
                i += 1
            if self._excellency(i, j):
                honorific = True
                i += 1 if self.toks[i].text.upper() == "H.E." else 4
            while j > i and self.toks[j - 1].text in ("and", "of", "for", "on", "&"):
                j -= 1
            if i < j and self._rank_before_name(j - 1):
                # "Chief of Naval Operations Adm. X": the rank and the office before it
                # are X's title, no name of their own
                if j - 1 == i or is_title_word(self.toks[i].text):
                    continue
                j -= 1
            if i >= j:
                continue
            if self.title_of_and(i, j):
                continue
            for a, b in self.split_and(i, j, standalone):
                self.part(a, b, honorific)
        self.hyphen_demonyms()

    def title_of_and(self, i: int, j: int) -> bool:
        """'Minister of Water and Industry Lena Dorsk': the 'and' belongs to the title."""
        words = [t.text for t in self.toks[i:j]]
        link = "of" if "of" in words else "for" if "for" in words else None
        if "and" not in words or link is None:
            return False
        o = words.index(link)
        a = words.index("and")
        if not (o < a and o > 0 and is_title_word(words[o - 1])):
            return False
        if self._has_name_tail(words[o + 1 : a]):
            return False  # "Secretary of State Ann Lee and Adviser Bo Kim": two people
        if any(w == "and" for w in words[a + 1 :]):
            return False
        if self.decompose_title(i, j):
            return True
        # "Canada's Minister of Energy and Natural Resources, X": a title with no name after
        # it names no body ("Natural Resources" is part of the portfolio)
        alone = all(is_title_word(w) for w in words[:o]) and not any(
            head_type(w) is not None and w not in self.lex.institutional for w in words[o + 1 :]
        )
        if alone and "of" in words[a + 1 :]:
            # "Minister of Economy and Finance of Estonia": the country the title serves
            last = len(words) - 1 - words[::-1].index("of")
            start = last + 1 + (1 if last + 1 < len(words) and words[last + 1] == "the" else 0)
            tail = " ".join(words[start:]).casefold()
            if start < len(words) and (tail in self.lex.countries or words[start] in STATE_HEADS):
                self.part(i + start, j, False)
        return alone

    def hyphen_demonyms(self) -> None:
        for i, c in enumerate(self.cls):
            if c != "hyph":
                continue
            t = self.toks[i]
            stem = t.text.split("-", 1)[0]
            country = self.lex.demonyms.get(stem.casefold()) or self.lex.countries.get(
                stem.casefold()
            )
            if country:
                m = Mention(
                    id=len(self.out),
                    text=stem,
                    start=t.start,
                    end=t.start + len(stem),
                    sent=self.sent.index,
                    tokens=(stem,),
                    kind="country",
                    quoted=self.lay.in_quote(t.start),
                    country=country,
                )
                m.hints["attributive"] += 1
                self.out.append(m)

    def part(self, i: int, j: int, honorific: bool) -> None:
        words = [t.text for t in self.toks[i:j]]
        country = formal_country(self.lex, words)
        if country is not None:
            # "the Islamic Emirate of Afghanistan": the country's formal name
            m = self.emit(i, j, "country", country=country)
            self.context_hints(m, i, j)
            return
        # "CEO of Pelton Cloud" with no name after it: the title is not part of the name
        # ("Foreign Minister of Estonia": the portfolio's area words go with the title)
        lead = 0
        while lead < len(words) - 1 and words[lead] in self.lex.institutional:
            lead += 1
        k = lead if lead and is_title_word(words[lead]) else 0
        while k < len(words) and (
            is_title_word(words[k])
            # "Vice Chairman and CEO of Acme Corp": titles joined by 'and'
            or (
                words[k] in ("and", "&")
                and k > 0
                and k + 1 < len(words)
                and is_title_word(words[k + 1])
            )
        ):
            k += 1
        if (
            0 < k < len(words) - 2
            and words[k - 1].lower() in ("head", "chief")
            and words[k : k + 2] == ["of", "Mission"]
            and words[k + 2] in ("of", "at")
        ):
            k += 2  # "Deputy Head of Mission of the Swedish Embassy": the title is whole
        if 0 < k < len(words) - 1 and words[k] in ("of", "for", "at"):
            skip = k + 1 + (1 if words[k + 1] == "the" else 0)
            low = words[k - 1].lower()
            plural = low.endswith("s") and low not in self.lex.title_prefix  # "The CEOs of X"
            rest = " ".join(words[skip:]).casefold()
            if skip < len(words) and (
                # "Secretary General of the Association of Southeast Asian Nations": a known
                # name never ends in a person's
                plural or rest in self.lex.gazetteer or not self._has_name_tail(words[skip:])
            ):
                link = words[k]
                i += skip
                words = words[skip:]
                if link == "for" and self._portfolio_area(words):
                    return  # "Director-General for North American Affairs": no body
                i, words = self._area_then_country(i, words)
                if self._country_to_country(i, j, words):
                    return
        # a gazetteer name written with a lowercase part ("SK hynix")
        nxt0 = self.tok(j)
        if nxt0 is not None and self.cls[j] == "other" and nxt0.text.isalpha():
            longer = (self.lay.text[self.toks[i].start : nxt0.end]).casefold()
            if longer in self.lex.gazetteer:
                j += 1
                words.append(nxt0.text)
        if all(w.lower() in TIME_WORDS for w in words):
            return
        if (
            len(words) >= 2
            and words[0].casefold() in self.lex.demonyms
            and all(w.upper() in COMMON_ACRONYMS or w in COMMON_ACRONYMS for w in words[1:])
        ):
            # "Chinese EV maker BYD": the demonym, then a common acronym
            m = self.emit(i, i + 1, "country", country=self.lex.demonyms[words[0].casefold()])
            m.hints["attributive"] += 1
            return
        surface = self.lay.text[self.toks[i].start : self.toks[j - 1].end]
        key = surface.casefold()
        lex = self.lex
        if key in lex.countries and key not in lex.gazetteer:
            m = self.emit(i, j, "country", country=lex.countries[key])
            self.context_hints(m, i, j)
            return
        if key in lex.demonyms:
            m = self.emit(i, j, "country", country=lex.demonyms[key])
            m.hints["attributive"] += 1
            return
        if key in lex.places and key not in lex.gazetteer:
            return
        if len(words) >= 2 and key not in lex.gazetteer:
            # "Quillon Brazil", "Arkwell Japan": a company's national subsidiary
            for cut in range(len(words) - 1, 0, -1):
                head_part = " ".join(words[:cut]).casefold()
                tail_part = " ".join(words[cut:]).casefold()
                if head_part in lex.gazetteer and tail_part in lex.countries:
                    m = self.emit(i, j, "name")
                    m.hints["company"] += 3
                    self.context_hints(m, i, j)
                    return
        nxt = self.tok(j)
        if nxt is not None and nxt.start == self.toks[j - 1].end and nxt.text in ("-", "\u2013"):
            after = self.tok(j + 1)
            if after is not None and after.text.islower():
                return  # "Seoul-based": a place used as a modifier
        if nxt is not None and self.cls[j] == "hyph" and nxt.start == self.toks[j - 1].end + 1:
            return  # "San Francisco-based"
        if (
            len(words) == 1
            and head_type(words[0]) is not None
            and key not in lex.gazetteer
            and not is_acronym(words[0])
        ):
            prev = self.tok(i - 1)
            if prev is not None and prev.text.lower() in ("the", "its", "their"):
                self.emit(i, j, "generic", head=words[0].lower())
            return
        if (
            i == 0
            and nxt is not None
            and nxt.text in ("\u2014", "\u2013", "--")
            and (all(w.isupper() for w in words))
        ):
            return  # dateline: "SEOUL \u2014"
        if self._numbered_document(j, words):
            return
        if self.decompose_title(i, j):
            return
        if self.country_title(i, j, words, honorific):
            return
        if self._body_then_title(i, words):
            return
        m = self.emit(i, j, "name")
        if honorific:
            m.hints["person"] += 3
        self.context_hints(m, i, j)
        self.acronym_definition(m, j)

    def _ambassador_of_to(self, i: int, j: int, words: list[str], name_start: int) -> bool:
        """'Ambassador of Estonia to the Republic of Korea Lars Holm': the person holds the
        title; the country after 'of' is whom they serve, the one after 'to' their post."""
        head = words[:name_start]
        if "of" not in head or "to" not in head:
            return False
        o, to = head.index("of"), head.index("to")
        if not (0 < o < to) or not _posted_title(head[:o]):
            return False

        def country_at(a: int, b: int) -> tuple[int, str] | None:
            if a < b and words[a] == "the":
                a += 1
            name = " ".join(words[a:b]).casefold()
            found = self.lex.countries.get(name)
            return (a, found) if found and a < b else None

        home = country_at(o + 1, to)
        post = country_at(to + 1, name_start)
        if home is None or post is None:
            return False
        person = self.emit(i + name_start, j, "person")
        person.title = " ".join(head[:o])
        person.hints["person"] += 5
        self.context_hints(person, i + name_start, j)
        cm = self.emit(i + home[0], i + to, "country", country=home[1])
        cm.hints["attributive"] += 1
        person.country_link = cm.id
        self.emit(i + post[0], i + name_start, "country", country=post[1])
        return True

    def _country_to_country(self, i: int, j: int, words: list[str]) -> bool:
        """'(Ambassador of) Estonia to Korea' with no name after it: two countries."""
        if "to" not in words:
            return False
        to = words.index("to")
        b = to + 1 + (1 if to + 1 < len(words) and words[to + 1] == "the" else 0)
        home = self.lex.countries.get(" ".join(words[:to]).casefold())
        post = self.lex.countries.get(" ".join(words[b:]).casefold())
        if home is None or post is None or b >= len(words):
            return False
        self.emit(i, i + to, "country", country=home)
        self.emit(i + b, j, "country", country=post)
        return True

    def _portfolio_area(self, words: list[str]) -> bool:
        """'(Director-General for) North American Affairs', '(Envoy for) Climate Policy': the
        area of a title's 'for' phrase, ending in a policy-area word, names no body."""
        key = " ".join(words).casefold()
        if key in self.lex.gazetteer or key in self.lex.countries:
            return False
        return (
            words[-1] in self.lex.institutional
            and all(w[:1].isupper() or w in ("and", "&") for w in words)
            and not any(head_type(w) is not None for w in words)
        )

    def _area_then_country(self, i: int, words: list[str]) -> tuple[int, list[str]]:
        """'(Minister of) Defense of Estonia', '(Minister of) Foreign Affairs of the Republic
        of Korea': the title's area, then the country it serves; the country alone is a
        name."""
        m = 0
        while m < len(words) and words[m] in self.lex.institutional:
            m += 1
        if not (0 < m < len(words) - 1 and words[m] == "of"):
            return i, words
        s2 = m + 1 + (1 if words[m + 1] == "the" else 0)
        tail = " ".join(words[s2:]).casefold()
        if s2 < len(words) and (tail in self.lex.countries or words[s2] in STATE_HEADS):
            return i + s2, words[s2:]
        return i, words

    def country_title(self, i: int, j: int, words: list[str], honorific: bool) -> bool:
        """'Lars Holm, Swedish Trade Minister,', 'U.S. Secretary of Commerce': a country
        written before a title with no name after it is a mention of that country; the
        title is read as it would be alone."""
        for cut in (3, 2, 1):
            if len(words) <= cut:
                continue
            lead = " ".join(words[:cut]).casefold()
            country = self.lex.countries.get(lead) or self.lex.demonyms.get(lead)
            if not country or lead in self.lex.gazetteer:
                continue
            rest = words[cut:]
            stop = next((k for k, w in enumerate(rest) if w in ("of", "for", "to")), len(rest))
            head = rest[:stop]
            if (
                not head
                or not is_title_word(head[-1])
                or not all(is_title_word(w) or w in self.lex.institutional for w in head)
            ):
                return False
            m = self.emit(i, i + cut, "country", country=country)
            m.hints["attributive"] += 1
            self.part(i + cut, j, honorific)
            return True
        return False

    def _after_post(self, words: list[str]) -> int | None:
        """'Representative to the United Nations John Doe', 'Ambassador to the Holy See Ana
        Ruiz': the known place or body of a posted title ends where the name begins."""
        if "to" not in words:
            return None
        o = words.index("to")
        if o == 0 or not _posted(words[o - 1]):
            return None
        b = o + 1 + (1 if words[o + 1 : o + 2] == ["the"] else 0)
        for e in range(len(words) - 1, b, -1):
            key = " ".join(words[b:e]).casefold()
            if key in self.lex.countries or key in self.lex.gazetteer:
                tail = words[e:]
                ok = 1 <= len(tail) <= 4 and all(plain_name_token(w) for w in tail)
                return e if ok else None
        return None

    def _names_a_body(self, words: list[str]) -> bool:
        """Whether the words after a title's 'of' name a body rather than an area: a known
        name, or a word that heads organizations' names and is no policy area."""
        if " ".join(words).casefold() in self.lex.gazetteer:
            return True
        heads = [k for k, w in enumerate(words) if head_type(w) is not None]
        if any(words[k] not in self.lex.institutional for k in heads):
            return True
        # "Chairman of Norvik Shipping X": a head that is also an area ("Shipping") names a
        # body when a rare word, a proper name, stands before it ("of Inland Shipping": none)
        return bool(heads) and any(self._proper_word(w) for w in words[: heads[-1]])

    def _proper_word(self, w: str) -> bool:
        """A capitalized word of a name: no area, title, country or everyday English word."""
        lex = self.lex
        return (
            w[:1].isupper()
            and w.isalpha()
            and w not in lex.institutional
            and not is_title_word(w)
            and w.casefold() not in lex.countries
            and w.casefold() not in lex.demonyms
            and zipf(w) < COMMON_ZIPF
        )

    def _body_then_title(self, i: int, words: list[str]) -> bool:
        """'Ian Roe, Norvik Shipping CEO, said': in apposition after a comma, a body's name and
        the title held there, with no name after them; the title is no part of the name. So
        after "the": "The Norvik Shipping CEO met X" (the unnamed officer of the body)."""
        k = len(words)
        while k > 0 and is_title_word(words[k - 1]):
            k -= 1
        prev = self.tok(i - 1)
        if k in (0, len(words)) or prev is None or prev.text not in (",", "the", "The"):
            return False
        if (words[k - 1].casefold(), words[k].casefold()) in self.lex.title_compounds:
            return False  # "X, Chief Cabinet Secretary,": one title, no body "Cabinet"
        body = [w for w in words[:k] if w != "."]
        known = " ".join(body).casefold() in self.lex.gazetteer
        # a one-word head alone is no body's name ("X, Party Chairman,")
        if not (known or (len(body) >= 2 and head_type(body[-1]) is not None)):
            return False
        m = self.emit(i, i + k, "name")
        m.hints["org"] += 3
        self.context_hints(m, i, i + k)
        return True

    @staticmethod
    def _has_name_tail(words: list[str]) -> bool:
        if len(words) < 2 or head_type(words[-1]):
            return False
        if _initialed(words):
            return True  # "Minister of Foreign Affairs B. Ortiz", "... of Peru D.Ortiz"
        if all(w in lexicon().regions for w in words[-2:]):
            return False  # "... for East Asian": a region, the area of a title
        return (
            is_korean_given(words[-1])
            or all(plain_name_token(w) for w in words[-2:])
            or _caps_surname(words)
        )

    def decompose_title(self, i: int, j: int) -> bool:
        """'QRA Commissioner Elsa Morvin' -> orgref + title + person."""
        words = [t.text for t in self.toks[i:j]]
        n = len(words)
        if n < 2:
            return False
        name_start = self._after_post(words)
        if name_start is not None:
            pass  # the name follows the post's known country or body
        elif n >= 3 and is_korean_given(words[-1]) and plain_name_token(words[-2]):
            name_start = n - 2
        else:
            k = n
            dots = 0
            limit = 5 if any(w in _NAME_PARTICLES for w in words) else 4 if "." in words else 3
            while k > 0 and n - k - dots < limit:
                w = words[k - 1]
                if (
                    w == "."
                    and k >= 2
                    and (len(words[k - 2]) == 1 or words[k - 2] in ("Ma", *DIGRAPH_INITIALS))
                ):
                    dots += 1  # middle initial "Y.", "Jose Ma. Ezpeleta"
                elif w in _NAME_PARTICLES and k >= 2:
                    dots += 1  # "bin" in "Mohamed bin Zayed"
                elif _DOTTED_INITIALS.fullmatch(w) and k < n:
                    pass  # "C.C. Wei", "J.Y. Park": initials before a surname
                elif (
                    len(w) == 2
                    and w.isupper()
                    and k < n
                    and k >= 2
                    and is_title_word(words[k - 2])
                    and w not in COMMON_ACRONYMS
                ):
                    pass  # "Vice President JD Vance": initials written as one word
                elif k == n and _caps_surname(words):
                    pass  # "Taro KONO": a surname in capitals, as some releases write it
                elif not plain_name_token(w):
                    break
                k -= 1
            if k < n and k > 0:
                name_start = k
        if name_start is None or name_start == 0:
            return False
        # "Foreign Minister Dr. Ana Ruiz": the honorific between the title and the name
        cut, name_start = _honorific_between(words, name_start)
        if cut == 0 or name_start >= n:
            return False
        t = cut
        while t > 0 and (
            is_title_word(words[t - 1])
            or (words[t - 1] in ("and", "&") and t > 1 and is_title_word(words[t - 2]))
            or (
                t < cut
                and (words[t - 1].casefold(), words[t].casefold()) in self.lex.title_compounds
            )
        ):
            t -= 1
        if 0 < t < cut and words[t].lower() == "officer":
            # "Chief Technology Officer", "Chief Information Security Officer"
            for back in range(t - 1, max(-1, t - 4), -1):
                if words[back].lower() == "chief":
                    t = back
                    break
                if not words[back][:1].isupper():
                    break
        title_start, title_end, org_a, org_b = t, cut, 0, t
        if (
            0 < t < cut
            and is_title_word(words[0])
            and head_type(words[t - 1]) is None
            and " ".join(words[:t]).casefold() not in self.lex.gazetteer
        ):
            title_start, org_b = 0, 0  # "Chief Cabinet Secretary": one title, no body
        portfolio = of_title = False
        country_before = None
        if t == name_start and self._ambassador_of_to(i, j, words, name_start):
            return True
        if t == cut:
            # "Vice Minister of Rural Affairs Han Do-yeon": title, 'of', org, name
            link = "of" if "of" in words[:cut] else "for"
            if link not in words[:cut]:
                link = "to"
                if link not in words[:cut]:
                    return False
            o = words.index(link)
            if o == 0 or not is_title_word(words[o - 1]):
                return False
            if link == "to":
                # "Chinese Ambassador to South Korea Xing Hai": the post's country is not
                # the employer; a demonym before the title is
                s = o - 1
                while s > 0 and is_title_word(words[s - 1]):
                    s -= 1
                lead = " ".join(words[:s]).casefold()
                home = self.lex.countries.get(lead) or self.lex.demonyms.get(lead)
                person = self.emit(i + name_start, j, "person")
                person.title = " ".join(words[s:cut])
                person.hints["person"] += 5
                self.context_hints(person, i + name_start, j)
                b = o + 1 + (1 if words[o + 1] == "the" else 0)
                post = " ".join(words[b:cut]).casefold()
                if post in self.lex.countries:
                    pm = self.emit(i + b, i + cut, "country")
                    pm.country = self.lex.countries[post]
                elif b < cut:
                    self.emit(i + b, i + cut, "name")  # the body of the post
                if home and s > 0:
                    cm = self.emit(i, i + s, "country", country=home)
                    cm.hints["attributive"] += 1
                    person.country_link = cm.id
                return True
            s = o - 1
            while s > 0 and is_title_word(words[s - 1]):
                s -= 1
            title_start, title_end, org_a, org_b = s, o, o + 1, cut
            of_title = True
            lead_country = " ".join(words[:s]).casefold()
            country_before = self.lex.countries.get(lead_country) or self.lex.demonyms.get(
                lead_country
            )
            if org_a < org_b and words[org_a] == "the":
                org_a += 1
            if org_a >= org_b or words[org_b - 1] in ("and", "of", "&"):
                return False
            # "Minister of Rural Affairs X" names an area; "Chairman of the Norvik Board X",
            # "Director of Velk Shipping X" name the body
            portfolio = not self._names_a_body(words[org_a:org_b])
        # the person
        person = self.emit(i + name_start, j, "person")
        person.title = " ".join(words[title_start:title_end])
        person.hints["person"] += 5
        self.context_hints(person, i + name_start, j)
        if country_before:
            # "Saudi Minister of Housing X": the country written before the title
            cm = self.emit(i, i + title_start, "country", country=country_before)
            cm.hints["attributive"] += 1
            person.country_link = cm.id
        if any(w.lower() in ("minister", "secretary", "ministers") for w in words[:cut]) and (
            of_title
            or not any(
                head_type(w) is not None and w not in self.lex.institutional
                for w in words[org_a:org_b]
            )
            or " ".join(words[org_a:org_b]).casefold() in self.lex.gazetteer
        ):
            # "Trade Minister X": a government portfolio, not an organization (but "Communist
            # Party General Secretary X" names the party)
            portfolio = True
        if org_a < org_b and all(w in self.lex.institutional for w in words[org_a:org_b]):
            portfolio = True  # "National Security Adviser X": an area, not a body
        while portfolio and not of_title and org_a < org_b - 1 and is_title_word(words[org_a]):
            org_a += 1  # "Acting Defense Minister X": 'Acting' qualifies the title
        # "Arvish Harbors Secretary Ada Wren": a secretary heads the country's department of
        # that area, so the country and the area name the body together
        department = (
            words[title_start:title_end] == ["Secretary"]
            and 2 <= org_b - org_a <= 4
            and all(w in self.lex.institutional for w in words[org_b - 1 : org_b])
            and words[org_b - 1] != "Foreign"  # "Foreign Secretary": foreign affairs
        )
        # "Norwegian Foreign Minister Ola Brekke": the country before the title (after
        # "Envoy for", a demonym names the portfolio's topic instead)
        whole_known = " ".join(words[org_a:org_b]).casefold() in self.lex.gazetteer
        for cut in (3, 2, 1):
            if org_b - org_a >= cut and not of_title and not whole_known:
                lead = " ".join(words[org_a : org_a + cut]).casefold()
                country = self.lex.countries.get(lead) or self.lex.demonyms.get(lead)
                rest = words[org_a + cut : org_b]
                if (
                    country
                    and not portfolio
                    and len(rest) == 1
                    and rest[0] not in self.lex.institutional
                    and rest[0].casefold() not in self.lex.gazetteer
                ):
                    break  # "Qatari Petrolix CEO", "Kestrian Air Chairman": one company name
                if (
                    country
                    and lead in self.lex.countries
                    and not portfolio
                    and any(
                        head_type(w) is not None and w not in self.lex.institutional for w in rest
                    )
                ):
                    break  # "Korea Chamber of Commerce Chairman": the country begins the name
                if country and lead not in self.lex.gazetteer:
                    if department and org_b - org_a - cut in (1, 2):
                        # the department when the text names it, else the country: "U.S.
                        # Treasury" is no name of its own
                        cm = self.emit(i + org_a, i + org_a + cut, "country", country=country)
                        cm.hints["attributive"] += 1
                        person.country_link = cm.id
                        org = self.emit(i + org_a + cut, i + org_b, "orgref")
                        org.link = person.id
                        org.head = "department"
                        org.country = country
                        org.hints["gov"] += 3
                        person.link = org.id
                        return True
                    cm = self.emit(i + org_a, i + org_a + cut, "country", country=country)
                    cm.hints["attributive"] += 1
                    person.country_link = cm.id
                    org_a += cut
                    break
        if org_a < org_b and all(w in self.lex.institutional for w in words[org_a:org_b]):
            portfolio = True  # "Japanese National Security Adviser X", once the country is cut
        if of_title and person.country_link is None:
            org_b = self._closing_country(person, words, i, org_a, org_b)
        if org_a < org_b:
            org = self.emit(i + org_a, i + org_b, "orgref")
            org.link = person.id
            org.head = "portfolio" if portfolio else None
            org.of_title = of_title
            if not portfolio:
                org.hints["org"] += 3  # "Tarrow Pumps Vice President Ines Lago"
            person.link = org.id
        return True

    def _closing_country(
        self, person: Mention, words: list[str], i: int, org_a: int, org_b: int
    ) -> int:
        """'Prime Minister of India X', 'Minister of Foreign Affairs of Russia X': a country
        that closes the title is whom the person serves (the portfolio is that country's, not
        a ministry named elsewhere in the text); returns where the body's words end."""
        for cut in (3, 2, 1):
            if org_b - org_a < cut:
                continue
            tail = " ".join(words[org_b - cut : org_b]).casefold()
            country = self.lex.countries.get(tail)
            if country is None or tail in self.lex.gazetteer:
                continue
            cm = self.emit(i + org_b - cut, i + org_b, "country", country=country)
            cm.hints["attributive"] += 1
            person.country_link = cm.id
            return org_a
        return org_b

    # ------------------------------------------------------------------ context
    def _surname_named_before(self, m: Mention) -> bool:
        """'Pence spokeswoman X' after 'Mike Pence': one word that ends a longer name written
        earlier, a person's or one no body's head word ends, is that person, not a body."""
        if len(m.tokens) != 1:
            return False
        return any(
            len(o.tokens) >= 2
            and o.tokens[-1] == m.tokens[0]
            and (o.kind == "person" or (o.hints["org"] == 0 and head_type(o.tokens[-1]) is None))
            for o in self.out
            if o.end <= m.start
        )

    def _descriptor_before(self, k: int) -> int:
        """Where 'Peruvian insurer' or 'private equity firm' begins when it is written right
        before token k (a body's name); k when nothing describes the body."""
        if k < 1 or self.toks[k - 1].text.lower() not in ORG_DESCRIPTORS:
            return k
        d = k - 1
        while (
            d > 0
            and k - d < 3
            and self.toks[d - 1].text.isalpha()
            and self.toks[d - 1].text.islower()
        ):
            if self.toks[d - 1].text in ("of", "at", "the", "a", "an"):
                break
            d -= 1
        if d > 0:
            key = self.toks[d - 1].text.casefold()
            if key in self.lex.countries or key in self.lex.demonyms:
                d -= 1  # "US insurer", "Peruvian lender"
        return d

    def _title_body_before(self, body: Mention) -> bool:
        """'the chief executive of <body>': a singular title, unnamed, then 'of' or 'at'."""
        k = next((t for t, tok in enumerate(self.toks) if tok.start == body.start), None)
        if k is None:
            return False
        if k >= 1 and self.toks[k - 1].text == "the":
            k -= 1
        k = self._descriptor_before(k)
        if k < 3 or self.toks[k - 1].text not in ("of", "at"):
            return False
        word = self.toks[k - 2].text.lower()
        if word not in self.lex.role_nouns and not is_title_word(word):
            return False
        if word.endswith("s") and word[:-1] in self.lex.role_nouns | self.lex.title_prefix:
            return False  # "the heads of A, B and C": a list of bodies
        before = self.toks[k - 3].text.lower()
        return before in ("the", "its", "their", "his", "her") or before in self.lex.role_nouns

    def context_hints(self, m: Mention, i: int, j: int) -> None:
        h = m.hints
        lex = self.lex
        p1, p2 = self.tok(i - 1), self.tok(i - 2)
        w1, w2 = _lower(p1), _lower(p2)
        words = m.tokens
        if words[0].lower() in lex.given_names and len(words) >= 2:
            h["person"] += 2
        if len(words) == 2 and is_korean_given(words[1]):
            h["person"] += 4
        if w1 in ORG_DESCRIPTORS or (
            w2 in ORG_DESCRIPTORS
            and p1 is not None
            and p1.text.isalpha()
            and p1.text.islower()
            and w1 not in lex.role_nouns
        ):
            h["company"] += 3
        if w1 in GOV_DESCRIPTORS:
            h["gov"] += 3
        if w1 == "," and (w2 in ORG_DESCRIPTORS or w2 in ("venture", "unit", "arm", "spinoff")):
            h["company"] += 3  # "a joint venture, SB Harbor Japan,"
        if w1 in PROGRAM_DESCRIPTORS or (
            w1 in ("named", "called", ",") and (w2 in PROGRAM_DESCRIPTORS)
        ):
            h["program"] += 4
        if w1 in ("named", "called") and _lower(self.tok(i - 3)) in PROGRAM_DESCRIPTORS:
            h["program"] += 4
        if w1 in EVENT_DESCRIPTORS:
            h["event"] += 2
        if w1 in ("from", "of", "at", "for") and (
            w2 in PEOPLE_NOUNS or (w2 in lex.role_nouns and _lower(self.tok(i - 3)) == ",")
        ):
            h["org"] += 3  # "officials from X", "Ann Lee, president of X"
        if w1 in ("shares", "stock") or (w1 == "of" and w2 in ("shares", "stock")):
            h["company"] += 3
        if w1 == "of" and w2 in ("headquarters", "offices", "office", "plant", "factory", "campus"):
            h["org"] += 3
        if w1 in ("like", "including") or (w1 == "as" and w2 == "such"):
            w3 = _lower(self.tok(i - 3)) if w1 == "as" else w2
            if w3.rstrip("s") in ORG_DESCRIPTORS or w3 in ("companies", "firms", "startups"):
                h["company"] += 3
        earlier = [x for x in self.out[-3:] if x is not m and x.end <= m.start]
        if w1 in (",", "and") and earlier and earlier[-1].sent == self.sent.index:
            prev = earlier[-1]
            if w1 == "," and self._title_body_before(prev):
                # "the chief executive of Vexo Chips, Lars Holm,": the name after the body
                # of an unnamed title holds it; it does not continue a list of bodies
                h["person"] += 3
            elif prev.end >= (p2.end if p2 is not None else 0) and (
                prev.hints["company"] >= 3 or prev.hints["org"] >= 3
            ):
                h["company"] += prev.hints["company"]
                h["org"] += prev.hints["org"]
        if w1 in PLACE_PREPS:
            h["place"] += 1
        if w1 in PARTY_BEFORE or (w1 == "and" and w2 in PARTY_BEFORE):
            h["party"] += 2
        if w1 == "poss" or (p1 is not None and token_class(p1.text) == "poss"):
            h["possessed"] += 1
        if w1 in SPEECH_VERBS or w1 in ("according",):
            h["speaker"] += 1
        if w1 in PERSON_VERBS:
            h["person"] += 1
        if w1 in ("by", "and", ",") and _CREDIT_BEFORE.search(
            self.lay.text[self.sent.start : m.start]
            if m.start - self.sent.start <= 300
            else self.lay.text[m.start - 300 : m.start]
        ):
            h["person"] += 3  # "(Reporting by Ana Cruz and Li Wei; Editing by Tom Hale)"
        if p1 is not None:
            bare = re.sub(r"^(?:then|ex|former)-", "", p1.text.lower())
            if bare != p1.text.lower() and bare in lex.title_prefix:
                h["person"] += 3  # "then-President Ilsa Marren"
        if w1 == "," and w2 in lex.role_nouns:
            h["person"] += 3  # "its director, Piet Orlov"
        if w1 in lex.role_nouns and p1 is not None and p1.text.islower():
            h["person"] += 3  # "his Latvian counterpart Ilze Berga", "analyst Mara Holt"
        n1, n2 = self.tok(j), self.tok(j + 1)
        v1, v2 = _lower(n1), _lower(n2)
        if v1 in SPEECH_VERBS:
            h["speaker"] += 1
        if self._questioner_label(i, j):
            m.kind = "person"  # "Harbor Times, Kessler: ...": a reporter's question, the
            h["person"] += 5  # surname alone all the transcript gives
            m.coord = None
        if v1 in PARTY_AFTER or (v1 == "also" and v2 in PARTY_AFTER):
            h["party"] += 2
        if v1 == "of" and len(words) >= 2 and all(w[:1].isupper() for w in words):
            after_of = self.tok(j + 2) if v2 == "the" else n2
            if after_of is not None and after_of.text[:1].isupper():
                h["person"] += 2  # "Kiri Maro of the Ocean Freight Council"
        if _LED_BY_AFTER.match(self.lay.text, m.end, min(m.end + 40, self.sent.end)):
            h["org"] += 3  # "Pallas Korea will be led by ..."
        if (
            n1 is not None
            and n1.text.islower()
            and v1 in lex.role_nouns
            and n2 is not None
            and n2.text[:1].isupper()
            and len(words) <= 3
            and h["person"] == 0
            and not self._surname_named_before(m)
        ):
            h["org"] += 3  # "Upstage founder Kim Sung-hoon": a body before a lowercase title
        if v1 in ("executives", "officials", "representatives") and len(words) <= 3:
            h["org"] += 3  # "met Petrolix executives": people of an organization
        if v1 in STOCK_VERBS or v1 in STOCK_GERUNDS:
            h["company"] += 2
        if (v1, v2) == ("joint", "venture") or v1 in ("subsidiary", "affiliate", "unit"):
            h["company"] += 3  # "their Ultium Cells joint venture"
        if v1 in ("up", "down") and n2 is not None and n2.text[:1].isdigit():
            h["company"] += 3
        # ("a Pence spokeswoman" after "Mike Pence" speaks for him)
        if v1 in (
            "spokesperson",
            "spokesman",
            "spokeswoman",
            "official",
            "officials",
        ) and not self._surname_named_before(m):
            h["org"] += 3
        # "Joe Biden's chief of staff": a known given name heads a person who has aides
        named = words[0].lower() in lex.given_names and len(words) in (2, 3)
        if m.possessive and not named:
            rest = [_lower(self.tok(k)) for k in range(j + 1, j + 6)]
            if any(r in lex.role_nouns for r in rest[:4]):
                h["org"] += 2
                if self._possessed_title_of_a_name(i, j):
                    h["org"] += 1
            nxt = self.tok(j + 1)
            if nxt is not None and token_class(nxt.text) == "cap":
                h["org"] += 1
        if v1 == ",":
            app = [_lower(self.tok(k)) for k in range(j + 1, j + 10)]
            stop = app.index(",") if "," in app else len(app)
            app = app[:stop]
            for cut, word in enumerate(app):
                if word in ("of", "at", "for", "in", "with", "that", "which", "who"):
                    if cut > 0:
                        app = app[:cut]
                    break
            if "'s" in app or "\u2019s" in app:
                last = max(k for k, a in enumerate(app) if a in ("'s", "\u2019s"))
                app = app[last + 1 :]
            if app[:1] == ["who"]:
                h["person"] += 2
            elif app[:1] == ["which"]:
                h["org"] += 1
            elif any(a in lex.role_nouns for a in app) and not any(
                a in ORG_DESCRIPTORS or a in BODY_DESCRIPTORS for a in app
            ):
                h["person"] += 3
            elif any(a in ORG_DESCRIPTORS for a in app) or any(
                a.rstrip("s") in ORG_DESCRIPTORS for a in app
            ):
                h["company"] += 3
            elif any(a in BODY_DESCRIPTORS for a in app):
                h["org"] += 2

    def _questioner_label(self, i: int, j: int) -> bool:
        """'Harbor Times, Kessler:' or 'Reporter (Harbor Times, Kessler):' opening a line of a
        press-conference transcript: the name after the outlet's comma asks the question."""
        close = j + 1 if _lower(self.tok(j)) == ")" else j
        if _lower(self.tok(close)) != ":" or j - i > 3 or _lower(self.tok(i - 1)) != ",":
            return False
        k = i - 2  # the outlet's last word
        while k >= 0 and token_class(self.toks[k].text) in ("cap", "acro"):
            k -= 1
        if k == i - 2:
            return False
        if close > j:  # "Reporter (Outlet, Name):"
            return k == 1 and self.toks[1].text == "(" and _question_label(self.toks[0].text)
        return k < 0

    def _possessed_title_of_a_name(self, i: int, j: int) -> bool:
        """'X's <title>' held by a name beside it: the possessor is the name's employer.

        "Moloco's chief executive, Ahn Ik-jin", "Vantoria's chief executive Lena Ortiz"
        and the apposition "Lena Ortiz, Vantoria's chief executive," (``i``..``j`` is X,
        ``j`` its possessive mark)."""
        k = j + 1
        while (
            k <= j + 5
            and (t := self.tok(k)) is not None
            and (t.text.islower() or is_title_word(t.text))
        ):
            k += 1
        after, then = self.tok(k), self.tok(k + 1)
        if after is not None and after.text == ",":
            if then is not None and then.text[:1].isupper():
                return True
        elif after is not None and k > j + 1 and token_class(after.text) == "cap":
            return True
        p1, p2 = self.tok(i - 1), self.tok(i - 2)
        return (
            p1 is not None
            and p1.text == ","
            and p2 is not None
            and p2.text[:1].isupper()
            and (after is None or after.text in (",", ".", ";"))
        )

    def acronym_definition(self, m: Mention, j: int) -> None:
        """'Long Name (ACR)' and 'Long Name, known as ACR'."""
        if (
            (dot := self.tok(j)) is not None
            and dot.text == "."
            and dot.start == self.toks[j - 1].end
        ):
            j += 1
        a, b, c = self.tok(j), self.tok(j + 1), self.tok(j + 2)
        if a is None or b is None or c is None or a.text != "(" or c.text != ")":
            return
        if not (is_acronym(b.text) or (b.text[:1].isupper() and len(m.tokens) >= 2)):
            return
        if b.text.casefold() != m.text.casefold():
            ac = self.emit(j + 1, j + 2, "name")
            ac.acronym_of = m.id
            m.acronym = b.text
            m.hints["org"] += 2


def find_mentions(lay: TextLayout) -> list[Mention]:
    """All candidate mentions of a text, in text order."""
    standalone: set[str] = set()
    # pass 1: names that stand alone somewhere (to decide 'A and B' splits)
    spans_of: dict[int, list[tuple[int, int]]] = {}
    for sent in lay.sentences:
        sc = _SentenceScanner(lay, sent, [])
        spans_of[sent.index] = sc.spans()
        for i, j in spans_of[sent.index]:
            words = [t.text for t in sc.toks[i:j]]
            if "and" not in words:
                while words and words[0].lower() in sc.lex.stop_caps:
                    words = words[1:]
                if words:
                    standalone.add(" ".join(words).casefold())
    out: list[Mention] = []
    for sent in lay.sentences:
        sc2 = _SentenceScanner(lay, sent, out)
        sc2.cached_spans = spans_of[sent.index]
        sc2.run(standalone)
        _find_generics(lay, sent, out)
    out.extend(_countries_in_titles(lay, out))
    out.extend(_country_before_name(lay, out))
    out[:] = _country_chains(lay, out)
    from graph.extract.event_names import named_events  # it builds on this module

    out[:] = [
        m for m in named_events(lay, out) if not _officials_of_a_kind(m) and not _a_relationship(m)
    ]
    # drop span mentions duplicated by acronym definitions; order by position
    seen: dict[tuple[int, int], Mention] = {}
    for m in out:
        key = (m.start, m.end)
        if key in seen:
            first = seen[key]
            if m.acronym_of is not None:
                first.acronym_of = m.acronym_of
            continue
        seen[key] = m
    ordered = sorted(
        (m for m in seen.values() if m.kind != "dateline"), key=lambda m: (m.start, m.end)
    )
    remap = {m.id: n for n, m in enumerate(ordered)}
    for n, m in enumerate(ordered):
        m.id = n
    for m in ordered:
        if m.link is not None:
            m.link = remap.get(m.link)
        if m.country_link is not None:
            m.country_link = remap.get(m.country_link)
        if m.acronym_of is not None:
            m.acronym_of = remap.get(m.acronym_of)
        if m.coord is not None:
            m.coord = remap.get(m.coord)
    _known_as(lay, ordered)
    _pronoun_hints(lay, ordered)
    return ordered


_PRONOUN = re.compile(r"\b(?:he|she|his|her|him|himself|herself)\b", re.I)


def _pronoun_hints(lay: TextLayout, ments: list[Mention]) -> None:
    """A name just before 'he'/'she' (same or next sentence) is more likely a person's."""
    by_sent: dict[int, list[Mention]] = {}
    for m in ments:
        if m.kind == "name" and m.n_tokens >= 2:
            by_sent.setdefault(m.sent, []).append(m)
    for sent in lay.sentences:
        pm = _PRONOUN.search(sent.text)
        while pm is not None and lay.in_quote(sent.start + pm.start()):
            pm = _PRONOUN.search(sent.text, pm.end())
        if pm is None:
            continue
        cut = sent.start + pm.start()
        for m in by_sent.get(sent.index - 1, []) + by_sent.get(sent.index, []):
            if m.start < cut:
                m.hints["person"] += 1


# "the trade office": an office of a policy area refers back to the Office so named
_AREA_OFFICE = re.compile(r"\b[Tt]he\s+([a-z]+)\s+(office)\b(?!\s+[A-Z])")


def _find_generics(lay: TextLayout, sent: Sentence, out: list[Mention]) -> None:
    inst = lexicon().institutional
    hits: list[tuple[int, int]] = []
    for m in _GENERIC.finditer(lay.text, sent.start, sent.end):
        g = 1 if m.group(1) else 2
        hits.append((m.start(g), m.end(g)))
    for m in _AREA_OFFICE.finditer(lay.text, sent.start, sent.end):
        if m.group(1).capitalize() in inst:
            hits.append((m.start(2), m.end(2)))
    for start, end in sorted(hits):
        text = lay.text[start:end]
        ment = Mention(
            id=len(out),
            text=text,
            start=start,
            end=end,
            sent=sent.index,
            tokens=(text,),
            kind="generic",
            head=text.lower(),
            quoted=lay.in_quote(start),
        )
        tail = lay.text[end : end + 2]
        if tail in ("'s", "\u2019s"):
            ment.possessive = True
        out.append(ment)


def _countries_in_titles(lay: TextLayout, ments: list[Mention]) -> list[Mention]:
    """'Ambassador of the United States': a title names the country it serves, which is a
    mention of its own even when the title itself names no one."""
    lex = lexicon()
    found: list[Mention] = []
    for m in ments:
        if m.kind != "name" or not m.tokens or not is_title_word(m.tokens[0]):
            continue
        words = list(m.tokens)
        if "of" not in words:
            continue
        rest = words[words.index("of") + 1 :]
        if rest and rest[0].lower() == "the":
            rest = rest[1:]
        for n in range(len(rest), 0, -1):
            key = " ".join(rest[:n])
            country = lex.countries.get(key.casefold())
            if country is None:
                continue
            start = lay.text.find(key, m.start, m.end)
            if start >= 0:
                found.append(
                    Mention(
                        id=len(ments) + len(found),
                        text=key,
                        start=start,
                        end=start + len(key),
                        sent=m.sent,
                        tokens=tuple(rest[:n]),
                        kind="country",
                        country=country,
                    )
                )
            break
    return found


def _country_before_name(lay: TextLayout, ments: list[Mention]) -> list[Mention]:
    """'Minister of Foreign Affairs of Russia Sergey LAVROV': a country glued to the name
    after it is a mention of its own; the name keeps the rest."""
    lex = lexicon()
    found: list[Mention] = []
    for m in ments:
        if m.kind not in ("name", "person") or len(m.tokens) < 3:
            continue
        for n in (2, 1):
            key = " ".join(m.tokens[:n])
            country = lex.countries.get(key.casefold())
            rest = m.tokens[n:]
            if country is None or len(rest) < 2 or not all(t[:1].isupper() for t in rest):
                continue
            if lay.text[m.start - 4 : m.start].rstrip().split()[-1:] != ["of"] and not (
                _posted_to(lay.text, m.start)
            ):
                break  # "Korea Electric Power": a country starts many names; only "of X Y Z"
            cut = lay.text.find(rest[0], m.start + len(key))
            found.append(
                Mention(
                    id=len(ments) + len(found),
                    text=key,
                    start=m.start,
                    end=m.start + len(key),
                    sent=m.sent,
                    tokens=m.tokens[:n],
                    kind="country",
                    country=country,
                )
            )
            m.start, m.text, m.tokens = cut, lay.text[cut : m.end], rest
            break
    return found


_TO_BEFORE = re.compile(r"([A-Za-z\-]+)(?:\s+of\s+(?:the\s+)?(?:[A-Z][\w.\-]*\s+){1,4})?\s+to\s+$")


def _posted_to(text: str, start: int) -> bool:
    """'Ambassador to Korea Paulo Reis', 'Ambassador of Brazil to Korea X': the country a
    title is posted to comes right before the name ('sold to Korea Zinc' is no title)."""
    m = _TO_BEFORE.search(text, max(0, start - 60), start)
    return m is not None and is_title_word(m.group(1))


# "ROK-U.S.-Japan", "Korea-Japan", "US-China": capitalized words joined by hyphens
_CHAIN = re.compile(r"(?<![\w-])[A-Z][A-Za-z.]*(?:-[A-Z][A-Za-z.]*)+(?![\w-])")


def _officials_of_a_kind(m: Mention) -> bool:
    """'the three National Security Advisors', 'Foreign Ministers': a plural title names a
    group of officials, not a body ('Council of Economic Advisers' keeps its 'of')."""
    if m.kind != "name" or not m.tokens:
        return False
    last = m.tokens[-1]
    if not (last.endswith("s") and last[:-1].lower() in lexicon().title_prefix):
        return False
    # the words before the title name its area ("National Security", "Foreign"), so the
    # phrase is no firm's name ("Harbor Capital Advisors")
    return all(t in lexicon().institutional or is_title_word(t) for t in m.tokens[:-1])


@lru_cache(maxsize=1)
def _relationship_words() -> dict[str, list[str]]:
    return data_sections("relationship_words.txt")


def _a_relationship(m: Mention) -> bool:
    """'the Global Comprehensive Strategic Alliance': adjectives before 'Alliance' or
    'Partnership' describe how two countries stand, they name no body."""
    if m.kind != "name" or len(m.tokens) < 2:
        return False
    words = _relationship_words()
    return m.tokens[-1] in words["heads"] and all(t in words["modifiers"] for t in m.tokens[:-1])


def chain_country(part: str) -> str | None:
    """The country a part of a hyphenated chain names ("ROK", "U.S", "Japanese"), or None."""
    lex = lexicon()
    for form in (part, part.rstrip("."), part.rstrip(".") + "."):
        key = form.casefold()
        country = lex.countries.get(key) or lex.demonyms.get(key)
        if country:
            return country
    return None


def _body_head(tokens: tuple[str, ...]) -> bool:
    """Whether a name is headed by a body's word (its last word, or the word before of/on/for)
    that is neither an event's ("Summit", "Forum"), a programme's ("Framework") nor a
    relationship's ("Alliance", "Relations")."""
    words = _relationship_words()["heads"]
    events = _event_heads()
    for k, tok in enumerate(tokens):
        last = k == len(tokens) - 1 or tokens[k + 1] in ("of", "on", "for")
        body = head_type(tok) in ("Organization", "Company", "GovernmentBody")
        if last and body and tok not in words and tok not in events:
            return True
    return False


@lru_cache(maxsize=1)
def _document_heads() -> frozenset[str]:
    return frozenset(data_words("document_heads.txt"))


@lru_cache(maxsize=1)
def _event_heads() -> frozenset[str]:
    return frozenset(data_words("event_name_heads.txt"))


def _inside_a_body(start: int, end: int, ments: list[Mention]) -> bool:
    """'the Norway-Peru Business Council', 'the National Committee on Norway-Peru Relations':
    a chain of countries inside a body's name is part of the name; the body is neither
    country, and its officers serve the body."""
    return any(
        m.kind == "name"
        and m.start <= start
        and end <= m.end
        and (m.start, m.end) != (start, end)
        and _body_head(m.tokens)
        for m in ments
    )


def _country_chains(lay: TextLayout, ments: list[Mention]) -> list[Mention]:
    """'the Korea-Japan summit', 'ROK-U.S.-Japan trilateral talks': a chain of two or more
    countries names each of them (the parties of the event it modifies); no other mention
    may cover the chain."""
    chains: list[tuple[int, int, list[Mention]]] = []
    for sent in lay.sentences:
        for cm in _CHAIN.finditer(sent.text):
            parts: list[Mention] = []
            pos = sent.start + cm.start()
            for part in cm.group(0).split("-"):
                country = chain_country(part)
                if country is None:
                    break
                text = part if "." in part.rstrip(".") else part.rstrip(".")  # "U.S." keeps it
                parts.append(
                    Mention(
                        id=0,
                        text=text,
                        start=pos,
                        end=pos + len(text),
                        sent=sent.index,
                        tokens=(text,),
                        kind="country",
                        quoted=lay.in_quote(pos),
                        country=country,
                    )
                )
                pos += len(part) + 1
            else:
                a, b = sent.start + cm.start(), sent.start + cm.end()
                if len({m.country for m in parts}) >= 2 and not _inside_a_body(a, b, ments):
                    chains.append((parts[0].start, parts[-1].end, parts))
    if not chains:
        return ments
    kept = [m for m in ments if not any(a < m.end and m.start < b for a, b, _ in chains)]
    next_id = max((m.id for m in ments), default=-1) + 1
    for _, _, parts in chains:
        for m in parts:
            m.id, next_id = next_id, next_id + 1
            m.hints["attributive"] += 1
            kept.append(m)
    return kept


def _known_as(lay: TextLayout, ments: list[Mention]) -> None:
    """'the Centre, known locally as RWC-Q': the later name is an alias of the earlier."""
    for k in range(1, len(ments)):
        cur, prev = ments[k], ments[k - 1]
        if cur.sent != prev.sent:
            continue
        between = lay.text[prev.end : cur.start].strip(" ,")
        if _KNOWN_AS.search(between) and len(between) < 40:
            cur.alias_of = prev.id
