"""From mentions to entities: cluster names, link short forms, decide types.

Short forms are linked only through what the text itself shows: an acronym
defined in parentheses, a surname used alone after the full name, the leading
words of a company name ("Quarry" for "Quarry Labs"), "known as". A name with no
evidence of being a person or an organization is dropped rather than guessed.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from graph.extract.common_words import everyday_phrase
from graph.extract.lexicon import GazetteerEntry, lexicon
from graph.extract.mentions import Mention
from graph.extract.shapes import (
    COMMON_ACRONYMS,
    head_type,
    is_acronym,
    is_korean_given,
    is_title_word,
    plain_name_token,
)
from graph.model import EntityType

_SPACES = re.compile(r"\s+")
LEGAL_SUFFIXES = frozenset(
    [
        "Inc",
        "Corp",
        "Corporation",
        "Co",
        "Ltd",
        "LLC",
        "PLC",
        "plc",
        "AG",
        "SA",
        "NV",
        "GmbH",
        "Group",
        "Holdings",
        "Company",
        "Limited",
    ]
)
_INITIAL_SKIP = frozenset({"of", "for", "and", "the", "&", "on", "de", "in"})


CONNECTORS = frozenset({"and", "&", ",", "/", "of", "the", "to", "for"})


def norm(text: str) -> str:
    t = text.replace("\u2019", "'").casefold()
    t = _SPACES.sub(" ", t).strip()
    if t.startswith("the "):
        t = t[4:]
    return t


def org_head(tokens: tuple[str, ...]) -> str | None:
    """The head type of an organization name: its last word, or the word before of/for."""
    if len(tokens) >= 2 and (tokens[-1].isdigit() or tokens[-1] == "."):
        # "Vision 2040": the year closes the name, the head is before it; so does the full
        # stop of "Velk Motors Corp."
        tokens = tokens[:-1]
    if not tokens:
        return None
    for k in range(len(tokens) - 1):
        if tokens[k + 1] in ("of", "for", "on", "to") and head_type(tokens[k]) is not None:
            return head_type(tokens[k])
    return head_type(tokens[-1])


def _strip_legal(key: str) -> str:
    """'kakao corp.' -> 'kakao': a legal suffix does not make another company."""
    words = key.split()
    while len(words) > 1 and words[-1].rstrip(".").capitalize() in LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words)


_PATRONYMICS = frozenset({"bin", "bint", "ibn"})
_SURNAME_PARTICLES = frozenset(
    {"del", "de", "da", "di", "van", "von", "le", "la", "dos", "du", "der", "den"}
)


def _patronymic(tokens: tuple[str, ...]) -> bool:
    """'Rashid bin Omar', 'Leila bint Saad Al-Amin': 'son/daughter of' between given names."""
    return (
        3 <= len(tokens) <= 6
        and any(t in _PATRONYMICS for t in tokens[1:-1])
        and all(t in _PATRONYMICS or t[:1].isupper() for t in tokens)
        and head_type(tokens[-1]) is None
    )


def _portfolio_of(full: str, key: str) -> bool:
    """'technology' is a portfolio of 'department for science, innovation and technology'."""
    for link in (" of ", " for "):
        if link in full:
            body, rest = full.split(link, 1)
            if body.split()[-1] not in ("ministry", "department"):
                return False  # "Office of the U.S. Trade Representative" is no trade ministry
            area = set(rest.replace(",", " ").split())
            return set(key.split()) <= area
    return False


def _secretary_of_ministry(owner: Mention | None, body: str) -> bool:
    """ "Defense Secretary X" beside "the Ministry of National Defense": a cabinet secretary
    heads a department, so a ministry named in the same text is another government's."""
    if owner is None or not owner.title:
        return False
    return owner.title.split()[-1].casefold() == "secretary" and body.startswith("ministry ")


def name_shaped(tokens: tuple[str, ...]) -> bool:
    if not 2 <= len(tokens) <= 4:
        return False
    first_ok = plain_name_token(tokens[0]) or tokens[0] in _MONTH_NAMES  # "June Paik"
    return first_ok and all(plain_name_token(t) for t in tokens[1:])


_MONTH_NAMES = frozenset({"April", "May", "June", "August"})


def east_asian_order(tokens: tuple[str, ...]) -> bool:
    lex = lexicon()
    if len(tokens) < 2:
        return False
    if tokens[0].lower() not in lex.east_asian_surnames:
        return False
    if len(tokens) == 3:
        # "Yoon Suk Yeol", "Kim Jong Un": a Korean given name written as two short words
        return all(
            t.isalpha() and len(t) <= 5 and t.lower() not in lex.given_names for t in tokens[1:]
        )
    return (
        is_korean_given(tokens[1])
        or len(tokens) == 2
        and tokens[1].lower() not in (lex.given_names)
    )


def prefixes(tokens: tuple[str, ...]) -> list[tuple[str, ...]]:
    """'Marlow Bay Holdings' -> ('Marlow', 'Bay'), ('Marlow',): trailing heads stripped."""
    out = []
    k = len(tokens)
    while k > 1 and head_type(tokens[k - 1]) is not None and not is_acronym(tokens[k - 1]):
        k -= 1
        out.append(tokens[:k])
    return out


_ORG_TYPES = frozenset({EntityType.COMPANY, EntityType.ORGANIZATION, EntityType.GOVERNMENT_BODY})


@dataclass
class Cluster:
    cid: int
    mentions: list[Mention] = field(default_factory=list)
    gaz: GazetteerEntry | None = None
    country: str | None = None
    type: EntityType | None = None
    name: str = ""
    aliases: list[str] = field(default_factory=list)
    made_name: str | None = None  # a name the text implies but never writes out
    _full: tuple[tuple[int, int], tuple[str, ...]] | None = field(
        default=None, repr=False, compare=False
    )

    @property
    def hints(self) -> Counter[str]:
        total: Counter[str] = Counter()
        for m in self.mentions:
            total.update(m.hints)
        return total

    def full_tokens(self) -> tuple[str, ...]:
        # Remembered until a mention is added: asked once per short mention, it would
        # otherwise make long documents quadratic.
        sig = (id(self.mentions), len(self.mentions))
        if self._full is not None and self._full[0] == sig:
            return self._full[1]
        best = max(
            (m for m in self.mentions if m.acronym_of is None and m.kind != "generic"),
            key=lambda m: (m.n_tokens, len(m.text), -m.start),
            default=self.mentions[0],
        )
        self._full = (sig, best.tokens)
        return best.tokens


_BULLET = re.compile(r"\s*(?:[-*\u2022\u00b7\u25aa\u25cf\u2013]|\d{1,2}[.)])\s+")
_SMALL_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or"}
    | {"over", "per", "the", "to", "via", "vs", "with"}
)


def topic_line(line: str) -> bool:
    """A bulleted line in title case without a full stop: an agenda or list of topics."""
    bullet = _BULLET.match(line)
    if bullet is None:
        return False
    body = line[bullet.end() :].strip()
    if not body or body.endswith((".", "!", "?")) or ":" in body:
        return False  # a sentence, or a label with its list ("Participants: ...")
    words: list[str] = re.findall(r"[A-Za-z][\w'\u2019.-]*", body)
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    return len(content) >= 3 and all(w[:1].isupper() for w in content)


class EntityBuilder:
    def __init__(self, mentions: list[Mention], text: str) -> None:
        self.mentions = mentions
        self.text = text
        self.lex = lexicon()
        self.clusters: list[Cluster] = []
        self.by_key: dict[str, Cluster] = {}
        self.of_mention: dict[int, Cluster] = {}
        self.alias: dict[str, Cluster | None] = {}  # None marks an ambiguous short form
        self.alias_owners: dict[str, list[Cluster]] = {}  # every cluster a short form fits
        self._jurisdictions: set[str] | None = None
        self.single_words = {m.text for m in mentions if m.n_tokens == 1 and m.kind == "name"}
        self.demonym: dict[str, bool] = {}  # word -> the text uses its demonym (one scan each)
        self.listed_after: dict[int, list[Mention]] = {}  # mention id -> names listed next
        for m in mentions:
            if m.coord is not None:
                self.listed_after.setdefault(m.coord, []).append(m)

    # ------------------------------------------------------------------ clusters
    def cluster_for(self, key: str) -> Cluster:
        c = self.by_key.get(key)
        if c is None:
            c = Cluster(cid=len(self.clusters))
            self.clusters.append(c)
            self.by_key[key] = c
        return c

    def attach(self, m: Mention, c: Cluster) -> None:
        c.mentions.append(m)
        self.of_mention[m.id] = c

    def build(self) -> None:
        lex = self.lex
        deferred: list[Mention] = []
        orgrefs: list[Mention] = []
        for m in self.mentions:
            if m.kind == "generic":
                continue
            key = norm(m.text)
            if m.kind == "country":
                c = self.cluster_for("country:" + (m.country or key))
                c.country = m.country
                self.attach(m, c)
            elif key in lex.gazetteer or _strip_legal(key) in lex.gazetteer:
                g = lex.gazetteer.get(key) or lex.gazetteer[_strip_legal(key)]
                c = self.cluster_for("gaz:" + g.name)
                c.gaz = g
                self.attach(m, c)
            elif m.kind == "orgref":
                orgrefs.append(m)
            elif (
                m.acronym_of is not None
                or m.alias_of is not None
                or (m.kind == "person" and m.n_tokens <= 3 and m.tokens[0] in _SURNAME_PARTICLES)
            ):
                deferred.append(m)  # "Ambassador van der Vliet": the short form of a name
            elif m.kind == "person" or (
                m.n_tokens >= 2
                and not (m.n_tokens <= 3 and m.tokens[0].lower() in _SURNAME_PARTICLES)
            ):
                self.attach(m, self.cluster_for("name:" + key))
            else:
                deferred.append(m)
        self.merge_prefix_clusters()
        self.preliminary_types()
        self.index_aliases()
        for m in deferred:
            self.resolve_short(m)
        for m in orgrefs:
            self.resolve_orgref(m)
        self.finalize()

    def merge_prefix_clusters(self) -> None:
        """'Tern Point' after 'Tern Point Security', 'Pellow Data' and 'Pellow Data Corp.'."""
        for c in list(self.clusters):
            if not c.mentions or c.gaz or c.country:
                continue
            toks = c.full_tokens()
            for pre in prefixes(toks):
                other = self.by_key.get("name:" + norm(" ".join(pre)))
                if other is not None and other is not c and other.mentions:
                    legal_tail = all(t.rstrip(".") in LEGAL_SUFFIXES for t in toks[len(pre) :])
                    if (legal_tail or org_head(other.full_tokens()) is None) and not any(
                        m.kind == "person" for m in other.mentions
                    ):
                        for m in other.mentions:
                            self.attach(m, c)
                        other.mentions = []
        # "Science Ministry" and "Ministry of Science and ICT": one body, named two ways
        for c in list(self.clusters):
            if not c.mentions or c.gaz or c.country:
                continue
            toks = c.full_tokens()
            if len(toks) < 2 or "of" in toks or head_type(toks[-1]) != "GovernmentBody":
                continue
            area = {t.lower() for t in toks[:-1]}
            owners = []
            for other in self.clusters:
                if other is c or not other.mentions:
                    continue
                ot = other.full_tokens()
                if len(ot) > 2 and ot[0] == toks[-1] and ot[1] in ("of", "for"):
                    rest = {t.lower().strip(",") for t in ot[2:]}
                    if area <= rest:
                        owners.append(other)
            if len(owners) == 1:
                for m in c.mentions:
                    self.attach(m, owners[0])
                c.mentions = []
        # "Sheikh Mohamed" after "Mohamed bin Zayed Al Nahyan": a titled single name that
        # begins or ends exactly one longer person's name is that person
        people = [
            c
            for c in self.clusters
            if c.mentions
            and len(c.full_tokens()) >= 2
            and any(m.kind == "person" for m in c.mentions)
        ]
        for c in list(self.clusters):
            if not c.mentions or len(c.full_tokens()) != 1:
                continue
            if not all(m.kind == "person" for m in c.mentions):
                continue
            word = c.full_tokens()[0]
            owners = [p for p in people if word in (p.full_tokens()[0], p.full_tokens()[-1])]
            if len(owners) == 1:
                for m in c.mentions:
                    self.attach(m, owners[0])
                c.mentions = []

    def preliminary_types(self) -> None:
        for c in self.clusters:
            if c.mentions:
                c.type = self.decide_type(c)

    # ------------------------------------------------------------------ aliases
    def add_alias(self, key: str, c: Cluster) -> None:
        if not key:
            return
        owners = self.alias_owners.setdefault(key, [])
        if c not in owners:
            owners.append(c)
        if key in self.alias and self.alias[key] is not c:
            self.alias[key] = None
        else:
            self.alias[key] = c

    def index_aliases(self) -> None:
        lex = self.lex
        for c in self.clusters:
            if not c.mentions:
                continue
            for m in c.mentions:
                self.add_alias(norm(m.text), c)
                if m.acronym:
                    self.add_alias(norm(m.acronym), c)
            if c.gaz is not None:
                for a in (c.gaz.name, *c.gaz.aliases):
                    self.add_alias(norm(a), c)
            toks = c.full_tokens()
            if c.type == EntityType.PERSON and len(toks) >= 2:
                short = toks[0] if east_asian_order(toks) else toks[-1]
                cut = len(toks) - 1
                while cut > 1 and toks[cut - 1].lower() in _SURNAME_PARTICLES:
                    cut -= 1
                if cut < len(toks) - 1:
                    short = " ".join(toks[cut:])  # "Carlos Del Toro" -> "Del Toro"
                    nick = toks[cut - 1]
                    if cut >= 3 and nick.lower() not in lex.given_names:
                        # "Luiz Inacio Lula da Silva": the name before the particle is the
                        # one the text goes on with ("Lula", "Lula da Silva")
                        self.add_alias(norm(nick), c)
                        self.add_alias(norm(f"{nick} {short}"), c)
                self.add_alias(norm(short), c)
            elif c.type in (
                EntityType.COMPANY,
                EntityType.ORGANIZATION,
                EntityType.GOVERNMENT_BODY,
            ):
                for pre in prefixes(toks):
                    k = norm(" ".join(pre))
                    if (
                        k in lex.countries
                        or k in lex.demonyms
                        or k in lex.places
                        or k in lex.stop_caps
                        or k in lex.given_names
                        or k.upper() in COMMON_ACRONYMS
                    ):
                        continue
                    self.add_alias(k, c)
                caps = [t for t in toks if t.lower() not in _INITIAL_SKIP]
                if len(caps) >= 2:
                    initials = "".join(t[0] for t in caps if t[:1].isupper())
                    if len(initials) == len(caps):
                        self.add_alias(norm(initials), c)
        # acronyms and "known as" links point at their long form's cluster
        for m in self.mentions:
            target = m.acronym_of if m.acronym_of is not None else m.alias_of
            if target is None:
                continue
            long_form = self.of_mention.get(target)
            if long_form is not None:
                self.alias[norm(m.text)] = long_form

    def resolve_short(self, m: Mention) -> None:
        key = norm(m.text)
        target = m.acronym_of if m.acronym_of is not None else m.alias_of
        if target is not None and target in self.of_mention:
            self.attach(m, self.of_mention[target])
            return
        if target is not None and self.mentions[target].kind == "generic":
            # "the institute, formerly known as the Road Safety Institute"
            found = self.latest_with_head(self.mentions[target])
            if found is not None:
                self.attach(m, found)
                return
        c = self.alias.get(key)
        if c is not None:
            self.attach(m, c)
            return
        if key in self.alias:  # ambiguous
            near = self.nearest_person(m, self.alias_owners.get(key, []))
            if near is not None:
                self.attach(m, near)
            return
        country = self.country_evidence(m)
        if country:
            c = self.cluster_for("country:" + m.text)
            c.country = m.text
            c.type = EntityType.COUNTRY
            self.attach(m, c)
            self.alias[key] = c
            return
        h = m.hints
        org = h["org"] + h["company"] + h["gov"]
        if m.tokens[0].upper() in COMMON_ACRONYMS:
            return
        strong = org >= 3 or h["program"] >= 4 or h["person"] >= 3
        if is_acronym(m.text) and org >= 2:
            strong = True
        listed = None if strong else self.listed_with_body(m)
        if listed is not None:
            # "including Boeing and Citigroup": a name listed with companies is one
            c = self.cluster_for("name:" + key)
            self.attach(m, c)
            c.type = self.decide_type(c) or listed
            self.alias.setdefault(key, c)
            return
        if strong:
            c = self.cluster_for("name:" + key)
            self.attach(m, c)
            c.type = self.decide_type(c)
            self.alias.setdefault(key, c)

    def listed_with_body(self, m: Mention) -> EntityType | None:
        """The type of the known body or company a one-word name is listed beside."""
        key = norm(m.text)
        lex = self.lex
        if any(key in s for s in (lex.places, lex.stop_caps, lex.given_names, lex.demonyms)):
            return None
        # a word before a longer name may share its head ("Pharmaceutical and Biotech
        # Ventures"): only a one-word name after it counts
        others = [m.coord] + [o.id for o in self.listed_after.get(m.id, []) if o.n_tokens == 1]
        for other in others:
            oc = self.of_mention.get(other) if other is not None else None
            if oc is not None and oc.type in (EntityType.COMPANY, EntityType.GOVERNMENT_BODY):
                return oc.type
        return None

    def nearest_person(self, m: Mention, owners: list[Cluster]) -> Cluster | None:
        """'Shin' after 'Shin Dong-bin' and his son 'Shin Yoo-yeol': a surname shared by people
        is the one the story introduced first, its main subject."""
        if len(owners) < 2 or any(c.type != EntityType.PERSON for c in owners):
            return None
        best: tuple[int, Cluster] | None = None
        for c in owners:
            starts = [x.start for x in c.mentions if x.n_tokens >= 2 and x.start < m.start]
            if starts and (best is None or min(starts) < best[0]):
                best = (min(starts), c)
        return best[1] if best is not None else None

    def latest_with_head(self, g: Mention) -> Cluster | None:
        """The organization named last before ``g`` whose name has g's head noun."""
        head = (g.head or "").lower()
        best: tuple[int, Cluster] | None = None
        for c in self.clusters:
            if not c.mentions or c.type not in (
                EntityType.GOVERNMENT_BODY,
                EntityType.ORGANIZATION,
                EntityType.COMPANY,
            ):
                continue
            if head not in {t.lower() for t in c.full_tokens()}:
                continue
            before = [x.start for x in c.mentions if x.start < g.start]
            if before and (best is None or max(before) > best[0]):
                best = (max(before), c)
        return best[1] if best else None

    def country_evidence(self, m: Mention) -> bool:
        """An unknown single word is a country when the text treats it as a jurisdiction."""
        if m.n_tokens != 1 or not m.text.isalpha() or not m.text[:1].isupper():
            return False
        word = m.text
        if self._jurisdictions is None:
            # "... Centre of Ostmark": single words after 'of' at the end of public bodies
            self._jurisdictions = set()
            for c in self.clusters:
                if c.mentions and c.type == EntityType.GOVERNMENT_BODY:
                    full = norm(" ".join(c.full_tokens()))
                    head, sep, tail = full.rpartition(" of ")
                    if sep and head and " " not in tail:
                        self._jurisdictions.add(tail)
        if word.casefold() in self._jurisdictions:
            return True
        if word not in self.demonym:
            stem = word[:-1] if word.endswith(("a", "e", "y")) else word
            w, st = re.escape(word), re.escape(stem)
            dem = re.compile(rf"\b(?:{w}n|{w}an|{st}ian)\b")
            self.demonym[word] = dem.search(self.text) is not None
        if self.demonym[word]:
            return True
        # an acronym owning a body is a party's or a firm's ("the NDP's Foreign Affairs
        # Department"): the countries written as acronyms are known (US, ROK, UAE)
        if m.possessive and not is_acronym(word) and m.id + 1 < len(self.mentions):
            nxt = self.mentions[m.id + 1]  # mentions are in text order, id == index
            if nxt.start - m.end <= 4:
                c2 = self.of_mention.get(nxt.id)
                if c2 is not None and c2.type == EntityType.GOVERNMENT_BODY:
                    return True
        return False

    def office_of(self, owner: Mention, key: str, lead: str) -> Cluster | None:
        """'U.S. Trade Representative X' where the text names the Office of the U.S. Trade
        Representative: the office of that title."""
        if not owner.title:
            return None
        title = norm(owner.title)
        forms = (f"office of the {lead} {key} {title}", f"office of the {key} {title}")
        for cand in self.clusters:
            if cand.mentions and cand.type in (None, EntityType.GOVERNMENT_BODY):
                full = norm(" ".join(cand.full_tokens()))
                if full in forms or (cand.gaz is not None and norm(cand.gaz.name) in forms):
                    return cand
        return None

    def resolve_orgref(self, m: Mention) -> None:
        key = norm(m.text)
        owner = self.mentions[m.link] if m.link is not None else None
        owner_country: str | None = None
        if owner is not None and owner.country_link is not None:
            cm = self.mentions[owner.country_link]
            owner_country = cm.country
            office = self.office_of(owner, key, norm(cm.text))
            if office is not None:
                m.head = None
                self.attach(m, office)
                return

        def foreign(cand: Cluster) -> bool:
            # "U.S. Trade Representative X" is not of the Ministry of Trade, Industry and
            # Energy another country has
            other = cand.gaz.country if cand.gaz is not None else cand.country
            return owner_country is not None and other is not None and other != owner_country

        if (
            m.head == "portfolio"
            and not m.of_title
            and owner is not None
            and owner.country_link is not None
        ):
            # "Japanese Defense Minister X": that country's office, not a body named here --
            # unless the text names that country's ministry itself ("the Japanese Defense
            # Ministry")
            lead = norm(self.mentions[owner.country_link].text)
            own = self.by_key.get("name:" + f"{lead} {key} ministry")
            if own is not None and own.mentions and own.type == EntityType.GOVERNMENT_BODY:
                m.head = None
                self.attach(m, own)
                return
            office = self.office_of(owner, key, lead)
            if office is not None:
                m.head = None
                self.attach(m, office)
            return
        if m.head == "department":
            # "Arvish Harbors Secretary X": the Department of Harbors when the text names
            # it ("the Harbors Department", "Department of Harbors"), else only the country
            forms = {f"{key} department", f"department of {key}", f"department of the {key}"}
            for cand in self.clusters:
                if cand.mentions and cand.type in (None, EntityType.GOVERNMENT_BODY):
                    full = norm(" ".join(cand.full_tokens()))
                    names = {full} | ({norm(a) for a in cand.gaz.aliases} if cand.gaz else set())
                    if any(n == f or n.endswith(" " + f) for n in names for f in forms):
                        self.attach(m, cand)
                        return
            return
        c: Cluster | None = self.alias.get(key)
        if c is not None and foreign(c):
            c = None
        if c is None:
            for cand in self.clusters:
                if (
                    not cand.mentions
                    or cand.type
                    not in (
                        EntityType.GOVERNMENT_BODY,
                        EntityType.ORGANIZATION,
                        EntityType.COMPANY,
                    )
                    or foreign(cand)
                ):
                    continue
                full = norm(" ".join(cand.full_tokens()))
                if full.endswith((" of " + key, " for " + key)) or full == key:
                    c = cand
                    break
                if (
                    m.head == "portfolio"
                    and cand.type == EntityType.GOVERNMENT_BODY
                    and _portfolio_of(full, key)
                    and not _secretary_of_ministry(owner, full)
                ):
                    c = cand
                    break
        single_ok = len(m.tokens) == 1 and not (
            m.text in self.lex.institutional
            or key in self.lex.places
            or key in self.lex.given_names
            or key in self.lex.stop_caps
        )
        creatable = m.head != "portfolio" and (
            len(m.tokens) >= 2 or is_acronym(m.text) or single_ok
        )
        if key in self.lex.countries or key in self.lex.demonyms:
            creatable = False
        if c is None and m.of_title:
            # "Minister of Foreign Affairs X" where the text says "the Foreign Ministry"
            short_name = key.split()[0] + " ministry"
            for cand in self.clusters:
                if (
                    cand.mentions
                    and cand.type == EntityType.GOVERNMENT_BODY
                    and norm(" ".join(cand.full_tokens())) == short_name
                ):
                    c = cand
                    break
        if c is None and m.of_title and len(m.tokens) <= 8:
            # "Minister of Science and ICT Bae": the minister heads the Ministry of that area,
            # when the text names that ministry too; a job title alone creates no body
            title = owner.title if owner is not None else None
            if title is not None and title.split()[-1].lower() == "minister":
                g = self.lex.gazetteer.get("ministry of " + key)
                named = self.by_key.get("gaz:" + g.name if g is not None else "")
                named = named or self.by_key.get("name:ministry of " + key)
                if named is not None and named.mentions:
                    c = named
        if c is None and creatable:
            c = self.cluster_for("name:" + key)
            self.attach(m, c)
            c.type = self.decide_type(c)
            return
        if c is not None:
            self.attach(m, c)

    # ------------------------------------------------------------------ types
    def decide_type(self, c: Cluster) -> EntityType | None:
        if c.gaz is not None:
            return EntityType(c.gaz.type)
        if c.country is not None:
            return EntityType.COUNTRY
        if any(m.kind == "person" for m in c.mentions):
            return EntityType.PERSON
        toks = c.full_tokens()
        h = c.hints
        head = org_head(toks)
        if h["program"] >= 4 and head not in ("GovernmentBody", "Organization", "Company"):
            return EntityType.PROGRAM
        if head is not None:
            if head == "Unit":
                return EntityType.ORGANIZATION
            return EntityType(head)
        if len(toks) == 2 and is_korean_given(toks[1]):
            return EntityType.PERSON
        if _patronymic(toks):
            return EntityType.PERSON
        if h["event"] >= 2:
            return EntityType.EVENT
        person = h["person"] + 0.5 * h["speaker"]
        org = h["org"] + h["company"] + h["gov"]
        # "Response Measures", "Stay Connected": everyday words make a heading, not a name
        shaped = name_shaped(toks) and (
            toks[0].lower() in self.lex.given_names or not everyday_phrase(toks)
        )
        if shaped and len(toks) in (2, 3):
            # people are named again by their surname, organizations by their first word
            if toks[-1] in self.single_words:
                person += 2
            elif toks[0] in self.single_words:
                org += 1
        if shaped and person > org and person >= 1:
            return EntityType.PERSON
        if org >= 2:
            if h["gov"] > h["company"]:
                return EntityType.GOVERNMENT_BODY
            if h["company"] > 0:
                return EntityType.COMPANY
            return EntityType.ORGANIZATION
        if shaped and person >= 1:
            return EntityType.PERSON
        if len(toks) >= 2 and all(t[:1].isupper() for t in toks) and is_acronym(toks[-1]):
            if toks[0].lower() in self.lex.given_names and len(toks) <= 3:
                return EntityType.PERSON  # "Sergey LAVROV": a surname in capitals
            return EntityType.COMPANY
        if shaped and h["possessed"] >= 1 and org == 0 and len(toks) in (2, 3):
            return EntityType.PERSON  # "Google's Sundar Pichai": a name a company's possessive owns
        if h["party"] >= 2 and len(toks) >= 2 and h["place"] == 0:
            # a named party to a meeting with no other clue: an organization
            return EntityType.ORGANIZATION
        return None

    def coordinated_type(self, c: Cluster) -> EntityType | None:
        """'Korvath Metals and Ilsen Mining': an untyped name listed with organizations."""
        for m in c.mentions:
            for other_id in (m.coord, *self.coord_next.get(m.id, ())):
                if other_id is None:
                    continue
                oc = self.of_mention.get(other_id)
                if (
                    oc is not None
                    and oc is not c
                    and oc.type
                    in (
                        EntityType.COMPANY,
                        EntityType.ORGANIZATION,
                        EntityType.GOVERNMENT_BODY,
                    )
                ):
                    return oc.type
                if (
                    oc is not None
                    and oc is not c
                    and oc.type == EntityType.PERSON
                    and name_shaped(c.full_tokens())
                ):
                    return EntityType.PERSON  # "Ilka Ferro and Ole Brun, the minister ..."
        return None

    def finalize(self) -> None:
        self.coord_next: dict[int, list[int]] = {}
        for m in self.mentions:
            if m.coord is not None:
                self.coord_next.setdefault(m.coord, []).append(m.id)
        listed: set[int] = set()
        for _ in range(2):  # a list passes its type along, both directions
            for c in self.clusters:
                if c.mentions and c.type is None and len(c.full_tokens()) >= 2:
                    c.type = self.coordinated_type(c)
                    if c.type is not None:
                        listed.add(c.cid)
        for c in self.clusters:
            if not c.mentions:
                continue
            if c.type != EntityType.COUNTRY:
                t = self.decide_type(c)
                if c.made_name is not None and c.made_name.startswith("Ministry of "):
                    t = EntityType.GOVERNMENT_BODY  # "Minister of X Y": the Ministry of X
                if t is not None:
                    c.type = t
                elif c.cid not in listed and c.type not in (
                    EntityType.COMPANY,
                    EntityType.ORGANIZATION,
                    EntityType.GOVERNMENT_BODY,
                ):
                    c.type = None
            if (
                c.type is not None
                and c.gaz is None
                and (self.bare_title(c) or self.portfolio_only(c))
            ):
                c.type = None  # "met Prime Minister", "the Japanese Prime Minister": no name
            if c.type != EntityType.COUNTRY and c.gaz is None and self.place_named(c):
                c.type = None  # "Al Udeid Air Base", "Strait of Hormuz": a place, no entity
            if (
                c.type not in (None, EntityType.PERSON, EntityType.COUNTRY)
                and c.gaz is None
                and all(self.in_topic_line(m) for m in c.mentions)
            ):
                c.type = None  # "- Plans for Biotech Ventures": an agenda item, not a name
            if c.type is None:
                c.mentions = []
                continue
            c.name = self.canonical(c)
            seen = {norm(c.name)}
            for m in sorted(c.mentions, key=lambda x: x.start):
                k = norm(m.text)
                if k in seen or m.kind == "generic":
                    continue
                if m.kind == "country" and k in self.lex.demonyms and k not in self.lex.countries:
                    continue
                if m.kind == "orgref" and self.alias.get(k) is not c:
                    continue
                seen.add(k)
                c.aliases.append(m.text)
            if c.gaz is None and c.type not in (EntityType.PERSON, EntityType.COUNTRY):
                for m in c.mentions:
                    if m.acronym and norm(m.acronym) not in seen:
                        seen.add(norm(m.acronym))
                        c.aliases.append(m.acronym)
        self.merge_same_names()

    def in_topic_line(self, m: Mention) -> bool:
        """The mention stands in a bulleted line set in title case with no full stop
        ("- Impact of the New Administration on the Automotive Industry"): a list of topics,
        where every word is capitalized, so a capitalized run names nothing by itself."""
        start = self.text.rfind("\n", 0, m.start) + 1
        end = self.text.find("\n", m.end)
        return topic_line(self.text[start : end if end >= 0 else len(self.text)])

    def bare_title(self, c: Cluster) -> bool:
        if c.type == EntityType.COUNTRY:
            return False
        toks = list(c.full_tokens())
        while toks and (
            toks[0].casefold() in self.lex.demonyms or toks[0].casefold() in self.lex.countries
        ):
            toks = toks[1:]
        # "Acting President and Deputy Prime Minister", "Ambassador of the United States":
        # titles joined by connectors, or a title of a country, name no one
        lex = self.lex
        if not toks or not is_title_word(toks[0]):
            return bool(toks) and all(is_title_word(t) for t in toks if t not in CONNECTORS)
        rest = [
            t
            for t in toks
            if t.casefold() not in CONNECTORS
            and t.casefold() not in lex.countries
            and t.casefold() not in lex.demonyms
            and t not in ("United", "States", "Republic", "Kingdom", "Korea", "Federation")
        ]
        return all(is_title_word(t) for t in rest)

    def place_named(self, c: Cluster) -> bool:
        """A name headed by a place's word: its last word, or the word before its 'of'."""
        toks = c.full_tokens()
        if len(toks) < 2:
            return False
        heads = self.lex.place_heads
        return toks[-1] in heads or ("of" in toks and toks[toks.index("of") - 1] in heads)

    def portfolio_only(self, c: Cluster) -> bool:
        """'Foreign Affairs' out of 'Minister for Foreign Affairs': policy-area words alone
        are a portfolio, not a body (the text names a body with a head word)."""
        if c.gaz is not None or c.type not in (EntityType.ORGANIZATION, EntityType.GOVERNMENT_BODY):
            return False
        toks = [t for t in c.full_tokens() if t.casefold() not in CONNECTORS]
        return bool(toks) and all(t in self.lex.institutional for t in toks)

    def merge_same_names(self) -> None:
        """Two clusters that end with one name and type are one entity (e.g. a ministry
        reached once through its gazetteer entry and once through a portfolio title)."""
        first: dict[tuple[str, EntityType], Cluster] = {}
        for c in sorted(
            (c for c in self.clusters if c.mentions and c.type is not None),
            key=lambda c: min(m.start for m in c.mentions),
        ):
            assert c.type is not None
            group = EntityType.COMPANY if c.type in _ORG_TYPES else c.type
            k = (norm(c.name), group)
            keep = first.get(k)
            if keep is None:
                first[k] = c
                continue
            if c.gaz is not None and keep.gaz is None:
                keep.type = c.type  # the gazetteer knows what it is
            seen = {norm(keep.name)} | {norm(a) for a in keep.aliases}
            for a in c.aliases:
                if norm(a) not in seen:
                    seen.add(norm(a))
                    keep.aliases.append(a)
            for m in c.mentions:
                self.attach(m, keep)
            if keep.gaz is None:
                keep.gaz = c.gaz
            c.mentions = []

    def canonical(self, c: Cluster) -> str:
        if c.gaz is not None:
            return c.gaz.name
        if c.type == EntityType.COUNTRY and c.country:
            return c.country
        if c.made_name is not None:
            return c.made_name
        cands = [m for m in c.mentions if m.acronym_of is None and m.alias_of is None]
        if not cands:
            cands = c.mentions
        best = max(cands, key=lambda m: (m.n_tokens, len(m.text), -m.start))
        name = best.text
        if name.lower().startswith("the "):
            name = name[4:]
        return name.replace("\n", " ")

    def kept(self) -> list[Cluster]:
        out = [c for c in self.clusters if c.mentions and c.type is not None]
        out.sort(key=lambda c: min(m.start for m in c.mentions))
        return out
