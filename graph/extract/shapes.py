"""What a single token looks like: capitalized word, acronym, connector, name part."""

from __future__ import annotations

import re

from graph.extract.lexicon import lexicon

ACRONYM = re.compile(r"(?:[A-Z]\.){2,}|[A-Z][A-Z0-9]*(?:[&\-][A-Z0-9]+)*[A-Z0-9]?")
KOREAN_GIVEN = re.compile(r"[A-Z][a-z]{0,5}-[a-z]{1,5}")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
MONTH_ABBR = ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
# Abbreviations ("Jan", "Jun") are also given names, so only full names count here;
# the date rules read "Feb. 10" on their own.
TIME_WORDS = frozenset(WEEKDAYS + MONTHS)
# English words that follow a hyphen in compounds ("Seoul-based", "Korean-language"); a
# capitalized token with one of these after its hyphen is a modifier, not a name.
COMPOUND_SUFFIXES = frozenset(
    [
        "based",
        "related",
        "language",
        "run",
        "owned",
        "led",
        "backed",
        "sector",
        "style",
        "made",
        "funded",
        "born",
        "listed",
        "headquartered",
        "centric",
        "focused",
        "specific",
        "wide",
        "level",
        "scale",
        "era",
        "linked",
        "affiliated",
        "controlled",
        "friendly",
        "speaking",
        "bound",
        "driven",
        "powered",
        "registered",
        "designed",
        "built",
        "type",
        "class",
        "grade",
        "like",
        "only",
        "free",
        "proof",
        "ready",
        "native",
        "produced",
        "developed",
        "sponsored",
        "allied",
        "aligned",
        "leaning",
        "origin",
        "flagged",
        "operated",
        "supported",
        "approved",
        "compliant",
        "certified",
        "branded",
        "size",
        "sized",
        "facing",
        "oriented",
        "held",
        "traded",
        "denominated",
        "dominated",
        "inspired",
        "themed",
        "trained",
        "licensed",
        "hosted",
        "organized",
        "organised",
        "appointed",
        "nominated",
        "elected",
        "educated",
        "american",
        "made",
        "generated",
        "enabled",
        "assisted",
        "specific",
        "wise",
    ]
)
# Common acronyms that are not organizations on their own.
COMMON_ACRONYMS = frozenset(
    [
        "AI",
        "AGI",
        "ASI",
        "IT",
        "ICT",
        "CEO",
        "CTO",
        "CFO",
        "COO",
        "CISO",
        "CIO",
        "CSO",
        "CPO",
        "VP",
        "SVP",
        "EVP",
        "GDP",
        "IPO",
        "IPOs",
        "M&A",
        "PE",
        "R&D",
        "API",
        "APIs",
        "GPU",
        "GPUs",
        "CPU",
        "CPUs",
        "LLM",
        "LLMs",
        "TV",
        "PC",
        "OK",
        "PR",
        "HR",
        "ESG",
        "SAAS",
        "SOC",
        "VPN",
        "DNA",
        "COVID",
        "NFT",
        "USD",
        "KRW",
        "JPY",
        "EUR",
        "CNY",
        "GBP",
        "PM",
        "AM",
        "FAQ",
        "PDF",
        "HTML",
        "URL",
        "ID",
        "GPS",
        "IOT",
        "VR",
        "AR",
        "XR",
        "UAV",
        "EV",
        "EVs",
        "B2B",
        "SME",
        "SMEs",
        "ETF",
        "ETFs",
        "CBDC",
        "Q1",
        "Q2",
        "Q3",
        "Q4",
        "H1",
        "H2",
        "FY",
        "YOY",
        "ROI",
        "KPI",
        "SDK",
        "OS",
        "AWS",
        "EST",
        "GMT",
        "UTC",
        "KST",
        "JST",
        "PST",
        "CCTV",
        "SMS",
        "MOU",
        "MOUS",
        "MoU",
        "NDA",
        "RFP",
        "LNG",
        "ICBM",
        "ICBMs",
        "SUV",
        "SUVs",
        "HBM",
        "DRAM",
        "NAND",
        "CSAM",
    ]
)
CONNECTORS = frozenset(
    {"of", "for", "and", "&", "on", "de", "du", "des", "la", "van", "von", "der"}
)


def is_acronym(tok: str) -> bool:
    if len(tok) < 2 or ACRONYM.fullmatch(tok) is None:
        return False
    return sum(1 for c in tok if c.isupper()) >= 2


def is_korean_given(tok: str) -> bool:
    if KOREAN_GIVEN.fullmatch(tok) is None:
        return False
    return tok.split("-", 1)[1] not in COMPOUND_SUFFIXES


def token_class(tok: str) -> str:
    """'poss', 'acro', 'cap', 'hyph' (capitalized compound modifier), 'time', or 'other'."""
    if tok in ("'s", "\u2019s", "'S"):
        return "poss"
    first = tok[0]
    if not first.isupper():
        if first.isdigit() and len(tok) <= 4 and any(c.isupper() for c in tok):
            return "acro"  # G7, 5G-like names inside spans
        return "other"
    if tok.lower() in TIME_WORDS:
        return "time"
    if is_acronym(tok):
        return "acro"
    if "-" in tok:
        parts = tok.split("-")
        if parts[-1] in COMPOUND_SUFFIXES or (parts[-1].islower() and len(parts[-1]) > 5):
            # "Ambassador-designate" opens a titled name like "Ambassador"; "Seoul-based" not
            return "cap" if is_title_word(tok) else "hyph"
    return "cap"


def head_type(word: str) -> str | None:
    return lexicon().org_heads.get(word)


def is_title_word(tok: str) -> bool:
    low = tok.lower()
    lex = lexicon()
    titles = lex.title_prefix
    for suffix in lex.title_suffixes:
        if low.endswith(suffix) and low.removesuffix(suffix) in titles:
            return True  # "Ambassador-designate": still a title, not a name part
    # "Ministers", "Vice Ministers": a plural title names no one
    return low in titles or (low.endswith("s") and low[:-1] in titles)


def plain_name_token(tok: str) -> bool:
    """A capitalized word that can be part of a person's name."""
    if not tok[:1].isupper() or is_acronym(tok) or tok.lower() in TIME_WORDS:
        return False
    lex = lexicon()
    if head_type(tok) is not None or is_title_word(tok) or tok in lex.institutional:
        return False
    low = tok.casefold()
    if (low in lex.countries or low in lex.demonyms) and low not in lex.given_names:
        return False  # "Ambassador to Korea Xing Hai": a country is not a name part
    return all(c.isalpha() or c in "-'\u2019." for c in tok)
