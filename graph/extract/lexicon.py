"""Word lists and the gazetteer, loaded once from ``graph/data``.

Keeping them as data files means the rules stay general: adding a country, a title
or an organizational head word changes no code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache

from graph.data_files import data_text, phrase_sections


def data_words(name: str) -> list[str]:
    out: list[str] = []
    for line in data_text(name).splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.extend(line.split())
    return out


def data_sections(name: str) -> dict[str, list[str]]:
    """Each section's words."""
    return {k: [w for line in v for w in line.split()] for k, v in phrase_sections(name).items()}


@dataclass(frozen=True)
class GazetteerEntry:
    name: str
    type: str
    aliases: tuple[str, ...]
    country: str | None


@dataclass
class Lexicon:
    org_heads: dict[str, str] = field(default_factory=dict)  # Head word -> entity type
    stop_caps: frozenset[str] = frozenset()
    title_prefix: frozenset[str] = frozenset()
    role_nouns: frozenset[str] = frozenset()
    national_titles: frozenset[str] = frozenset()  # offices of a national government
    abroad_titles: frozenset[str] = frozenset()  # offices held in another country
    title_suffixes: tuple[str, ...] = ()  # "-designate": a title not yet taken up
    title_compounds: frozenset[tuple[str, str]] = frozenset()  # ("press", "secretary")
    given_names: frozenset[str] = frozenset()
    east_asian_surnames: frozenset[str] = frozenset()
    gazetteer: dict[str, GazetteerEntry] = field(default_factory=dict)  # casefolded key
    countries: dict[str, str] = field(default_factory=dict)  # casefolded name/alias -> country
    demonyms: dict[str, str] = field(default_factory=dict)  # casefolded demonym -> country
    places: frozenset[str] = frozenset()  # casefolded
    place_heads: frozenset[str] = frozenset()  # last words of places' names ("Air Base")
    institutional: frozenset[str] = frozenset()  # policy-area words, never name parts
    regions: frozenset[str] = frozenset()  # words of world regions ("East Asian", "Pacific")
    state_heads: frozenset[str] = frozenset()  # "Republic", "Emirate" of a formal name
    state_bare_heads: frozenset[str] = frozenset()  # heads with no modifier ("State of X")
    state_modifiers: frozenset[str] = frozenset()  # "Islamic", "Federal" before a head
    leaders: dict[str, str] = field(default_factory=dict)  # casefolded person -> country
    government_domains: dict[str, str] = field(default_factory=dict)  # domain suffix -> country


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    lex = Lexicon()
    for line in data_text("org_heads.txt").splitlines():
        parts = line.split()
        if len(parts) == 2 and not line.startswith("#"):
            lex.org_heads.setdefault(parts[0], parts[1])
    lex.stop_caps = frozenset(data_words("stop_caps.txt"))
    titles = data_sections("titles.txt")
    lex.title_prefix = frozenset(titles.get("prefix", []))
    lex.role_nouns = frozenset(titles.get("role", []))
    lex.national_titles = frozenset(titles.get("national", []))
    lex.abroad_titles = frozenset(titles.get("abroad", []))
    lex.title_suffixes = tuple(titles.get("suffix", []))
    lex.title_compounds = frozenset(
        _pair(line) for line in phrase_sections("titles.txt").get("compound", [])
    )
    lex.given_names = frozenset(
        data_words("given_names.txt") + data_words("given_names_census.txt")
    )
    lex.institutional = frozenset(data_words("institutional_words.txt"))
    lex.regions = frozenset(data_words("region_words.txt"))
    states = data_sections("state_names.txt")
    lex.state_heads = frozenset(states.get("head", []))
    lex.state_bare_heads = frozenset(states.get("bare_only", []))
    lex.state_modifiers = frozenset(states.get("modifier", []))
    lex.place_heads = frozenset(data_words("place_heads.txt"))
    lex.east_asian_surnames = frozenset(data_words("surnames_east_asian.txt"))
    gaz = json.loads(data_text("gazetteer.json"))
    for org in gaz["organizations"]:
        entry = GazetteerEntry(org["name"], org["type"], tuple(org["aliases"]), org.get("country"))
        for key in _apostrophes(org["name"], *org["aliases"]):
            lex.gazetteer.setdefault(key.casefold(), entry)
    for c in gaz["countries"]:
        for key in _apostrophes(c["name"], *c["aliases"]):
            lex.countries.setdefault(key.casefold(), c["name"])
        for dem in c["demonyms"]:
            lex.demonyms.setdefault(dem.casefold(), c["name"])
    for line in data_text("leaders.txt").splitlines():
        if "|" in line and not line.startswith("#"):
            person, country = (part.strip() for part in line.split("|", 1))
            lex.leaders[person.casefold()] = country
    for line in data_text("government_domains.txt").splitlines():
        if "|" in line and not line.startswith("#"):
            suffix, country = (part.strip() for part in line.split("|", 1))
            lex.government_domains[suffix.casefold()] = country
    lex.places = frozenset(p.casefold() for p in gaz["places"]) - frozenset(lex.countries)
    return lex


def _apostrophes(*names: str) -> list[str]:
    """Each name, and its typographic spelling when it holds an apostrophe ("People's",
    "People\u2019s"): news and government sites write either."""
    return [v for n in names for v in dict.fromkeys((n, n.replace("'", "\u2019")))]


def _pair(line: str) -> tuple[str, str]:
    """A line of the [compound] section of titles.txt: a word, then the title word."""
    words = line.casefold().split()
    if len(words) != 2:
        raise ValueError(f"titles.txt [compound]: expected two words, got {line!r}")
    return words[0], words[1]
