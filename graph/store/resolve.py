"""Entity and event resolution across documents: pure functions, no database.

The store calls these to decide whether a name read in one document denotes a
node already in the graph. Identity is carried by *keys*: strings derived from
a name that two mentions of the same body share.

* ``n:<class>:<norm>`` (strong) for each name and alias, normalized. People get
  one key per way of splitting the name into two parts, sorted, so that
  "Choi Woo-hyuk", "Choi Woohyuk" and "Woo-hyuk Choi" share ``choi|woohyuk``;
  a one-word form of a person ("Baker") counts only when there is no fuller one.
* ``a:<class>:<initials>`` (weak) for the initials of a multi-word name, so a
  bare "KISA" in one article can find "Korea Internet & Security Agency" in
  another. A weak match is only taken when it is the only candidate. A mention that
  spells its acronym out owns the acronym only weakly, so two bodies abbreviated
  alike never meet through it.

Keys never decide alone: a candidate must also have a compatible type and
country, so two ministries of foreign affairs in different countries, or two
bodies sharing an acronym, stay apart.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from graph.model import EntityType

ORG_TYPES = frozenset({EntityType.GOVERNMENT_BODY, EntityType.COMPANY, EntityType.ORGANIZATION})

_KEY_CLASS = {
    EntityType.PERSON: "per",
    EntityType.GOVERNMENT_BODY: "org",
    EntityType.COMPANY: "org",
    EntityType.ORGANIZATION: "org",
    EntityType.COUNTRY: "cty",
    EntityType.PROGRAM: "prg",
    EntityType.EVENT: "evn",
}

ID_PREFIX = {
    EntityType.PERSON: "per",
    EntityType.GOVERNMENT_BODY: "gov",
    EntityType.COMPANY: "com",
    EntityType.ORGANIZATION: "org",
    EntityType.COUNTRY: "cty",
    EntityType.PROGRAM: "prg",
    EntityType.EVENT: "evn",
}

# Graph label of each entity type (the model's "Event" type is a named event, not a meeting).
TYPE_LABEL = {
    EntityType.PERSON: "Person",
    EntityType.GOVERNMENT_BODY: "GovernmentBody",
    EntityType.COMPANY: "Company",
    EntityType.ORGANIZATION: "Organization",
    EntityType.COUNTRY: "Country",
    EntityType.PROGRAM: "Program",
    EntityType.EVENT: "EventName",
}

_STOPWORDS = frozenset({"of", "and", "the", "for", "on", "in", "at", "to", "de", "la", "du", "des"})
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame"})
_APOSTROPHES = re.compile(r"['\u2019\u2018`]")
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,9}$")

# A few spellings of the same country; anything else compares by its normalized text.
_COUNTRY_SYNONYMS = {
    "korea": "kr",
    "south korea": "kr",
    "republic of korea": "kr",
    "rok": "kr",
    "kor": "kr",
    "united states": "us",
    "united states of america": "us",
    "usa": "us",
    "america": "us",
    "united kingdom": "gb",
    "uk": "gb",
    "britain": "gb",
    "great britain": "gb",
    "japan": "jp",
    "jpn": "jp",
    "china": "cn",
    "prc": "cn",
}


def fold(text: str) -> str:
    """Case- and accent-free form: combining marks dropped, Hangul recomposed, casefolded."""
    if text.isascii():  # nothing to decompose: the same result, without the two passes
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).casefold()


@lru_cache(maxsize=1 << 16)
def normalize_name(name: str) -> str:
    """The comparable form of a name: folded, ``&`` read as ``and``, punctuation as spaces,
    a leading "the" dropped ("The Ministry of Science & ICT" -> "ministry of science and ict").
    """
    text = fold(name).replace("&", " and ")
    text = _APOSTROPHES.sub("", text)
    text = _NON_WORD.sub(" ", text).replace("_", " ")
    tokens = text.split()
    if len(tokens) > 1 and tokens[0] == "the":
        tokens = tokens[1:]
    return " ".join(tokens)


def person_tokens(name: str) -> list[str]:
    """Name parts of a person, honorifics dropped (hyphens split parts, like spaces)."""
    tokens = normalize_name(name).split()
    while len(tokens) > 1 and tokens[0] in _HONORIFICS:
        tokens = tokens[1:]
    return tokens


def person_forms(name: str) -> list[str]:
    """Order-insensitive two-part forms of a person's name.

    Every split of the parts into a leading and a trailing group gives one form,
    the two groups joined without spaces and sorted; a one-part name is itself.
    """
    tokens = person_tokens(name)
    if len(tokens) <= 1:
        return ["".join(tokens)] if tokens else []
    forms = set()
    for cut in range(1, len(tokens)):
        left, right = "".join(tokens[:cut]), "".join(tokens[cut:])
        forms.add("|".join(sorted((left, right))))
    return sorted(forms)


def is_acronym(name: str) -> bool:
    """True for a short all-capitals form such as ``MSIT`` or ``KISA``."""
    compact = name.strip().replace(".", "").replace("-", "")
    return bool(_ACRONYM.match(compact))


def initials(name: str) -> list[str]:
    """Acronyms a multi-word name may be known by (3+ letters), e.g. KISA for
    "Korea Internet & Security Agency". Words in capitals count whole or by their
    first letter, so "Ministry of Science and ICT" gives both ``msi`` and ``msict``.
    """
    words = [w for w in _NON_WORD.sub(" ", name.replace("&", " and ")).split() if w]
    content = [w for w in words if fold(w) not in _STOPWORDS]
    if len(content) < 2:
        return []
    first = "".join(fold(w)[0] for w in content)
    whole = "".join(fold(w) if w.isupper() and len(w) > 1 else fold(w)[0] for w in content)
    return sorted({a for a in (first, whole) if len(a) >= 3})


def key_class(entity_type: EntityType) -> str:
    return _KEY_CLASS[entity_type]


def strong_keys(name: str, entity_type: EntityType) -> list[str]:
    """The strong keys of one name."""
    cls = key_class(entity_type)
    if entity_type is EntityType.PERSON:
        return [f"n:{cls}:{form}" for form in person_forms(name)]
    norm = normalize_name(name)
    return [f"n:{cls}:{norm}"] if norm else []


@dataclass(frozen=True)
class NameKeys:
    """Keys a mention registers on its node (``own``) and looks up (``probe``).

    ``strong`` are the probe keys of the mention's own names. ``link`` are the
    keys of acronyms the document spells out ("Nordic Robotics Institute (NRI)"):
    they find a node known only as "NRI", which the mention takes unless another
    body also goes by that acronym (:func:`choose`).
    """

    own: frozenset[str]
    probe: frozenset[str]
    strong: frozenset[str]
    link: frozenset[str] = frozenset()

    def rival_keys(self) -> frozenset[str]:
        """Keys held by any spelled-out body that goes by one of the ``link`` acronyms."""
        return frozenset("a:" + k.removeprefix("n:") for k in self.link)


def name_keys(names: Iterable[str], entity_type: EntityType) -> NameKeys:
    """Keys of a mention known by ``names`` (its name and aliases).

    An acronym is a name of its own only for a mention that has no spelled-out
    name: once a mention gives a full name, its acronyms become weak keys, so two
    bodies that share an acronym ("NRI") but not a name never meet through it.
    """
    cls = key_class(entity_type)
    strong: set[str] = set()
    link: set[str] = set()
    own_weak: set[str] = set()
    probe_weak: set[str] = set()
    names = list(names)
    if entity_type is EntityType.PERSON:
        # A surname alone ("Kim", "Baker") is shared by many people: it identifies no one
        # once the mention has a fuller name.
        full = [n for n in names if len(person_tokens(n)) > 1]
        names = full or names
        for name in names:
            strong.update(strong_keys(name, entity_type))
        return NameKeys(own=frozenset(strong), probe=frozenset(strong), strong=frozenset(strong))
    spelled = [n for n in names if not is_acronym(n)]
    for name in names:
        if not is_acronym(name):
            strong.update(strong_keys(name, entity_type))
            for acr in initials(name):
                own_weak.add(f"a:{cls}:{acr}")
                probe_weak.add(f"n:{cls}:{acr}")
            continue
        acr = normalize_name(name).replace(" ", "")
        if spelled:
            # The document says which body this acronym stands for: it owns the acronym
            # weakly and looks for a node known only by it.
            own_weak.add(f"a:{cls}:{acr}")
            link.update(strong_keys(name, entity_type))
        else:
            strong.update(strong_keys(name, entity_type))
            probe_weak.add(f"a:{cls}:{acr}")
    return NameKeys(
        own=frozenset(strong | own_weak),
        probe=frozenset(strong | link | probe_weak),
        strong=frozenset(strong),
        link=frozenset(link),
    )


def acronym_only(names: Iterable[str]) -> bool:
    """True when every name is an acronym: the mention says nothing of what it stands for."""
    names = [n for n in names if n.strip()]
    return bool(names) and all(is_acronym(n) for n in names)


def normalize_country(country: str | None) -> str | None:
    """Comparable country: a few common spellings mapped to one code, else normalized text."""
    if country is None:
        return None
    norm = normalize_name(country)
    if not norm:
        return None
    return _COUNTRY_SYNONYMS.get(norm, norm)


def types_compatible(a: EntityType, b: EntityType) -> bool:
    """Same type, or one side is the generic Organization and the other an organization."""
    if a is b:
        return True
    return EntityType.ORGANIZATION in (a, b) and a in ORG_TYPES and b in ORG_TYPES


def countries_compatible(a: str | None, b: str | None) -> bool:
    """Unknown matches anything; two known countries must be the same."""
    na, nb = normalize_country(a), normalize_country(b)
    return na is None or nb is None or na == nb


def slug(text: str) -> str:
    """Lower-case, hyphen-separated form of a name for ids (letters of any script kept)."""
    return "-".join(normalize_name(text).split())[:80] or "unnamed"


def entity_id(name: str, entity_type: EntityType) -> str:
    """A new node's id: type prefix and slugged name (``gov:ministry-of-science-and-ict``)."""
    return f"{ID_PREFIX[entity_type]}:{slug(name)}"


# --- choosing among candidates -------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """A node already in the graph that a mention's keys reached."""

    id: str
    type: EntityType
    country: str | None
    mentions: int
    strong: bool  # reached through a strong key
    link: bool = False  # reached through an acronym the mention spells out


@dataclass(frozen=True)
class Choice:
    """Use node ``target`` (None: create one) after merging the nodes in ``absorb`` into it."""

    target: str | None
    absorb: tuple[str, ...] = ()


def choose(
    entity_type: EntityType,
    country: str | None,
    candidates: Sequence[Candidate],
    rivals: Sequence[Candidate] = (),
) -> Choice:
    """Pick the node a mention denotes.

    Strong matches win; several compatible strong matches denote one body that
    was recorded twice (e.g. its full name and its acronym came from different
    documents, and this document links them), so they are merged into the best
    one. A node known only by an acronym the mention spells out (``link``) counts
    as strong, unless a compatible ``rival`` (another spelled-out body going by
    that acronym) exists: then the bare acronym could be either, and is left alone.
    A weak (initials) match is taken only when it is the single candidate.
    """

    def fits(c: Candidate) -> bool:
        return types_compatible(entity_type, c.type) and countries_compatible(country, c.country)

    fitting = [c for c in candidates if fits(c)]
    named = {c.id for c in fitting if c.strong and not c.link}
    if any(fits(r) and r.id not in named for r in rivals):
        fitting = [c for c in fitting if not c.link]
    strong = _unique([c for c in fitting if c.strong])
    if strong:
        ranked = sorted(strong, key=_rank)
        keep = _best_for(country, ranked)
        absorb = tuple(
            c.id
            for c in ranked
            if c.id != keep.id
            and types_compatible(keep.type, c.type)
            and countries_compatible(keep.country, c.country)
        )
        return Choice(target=keep.id, absorb=absorb)
    weak = _unique([c for c in fitting if not c.strong])
    if len(weak) == 1:
        return Choice(target=weak[0].id)
    return Choice(target=None)


def _unique(cands: list[Candidate]) -> list[Candidate]:
    seen: dict[str, Candidate] = {}
    for c in cands:
        if c.id not in seen or (c.strong and not seen[c.id].strong):
            seen[c.id] = c
    return list(seen.values())


def _rank(c: Candidate) -> tuple[int, str]:
    return (-c.mentions, c.id)


def _best_for(country: str | None, ranked: list[Candidate]) -> Candidate:
    """The best-ranked candidate, preferring one whose country equals the mention's."""
    want = normalize_country(country)
    if want is not None:
        for c in ranked:
            if normalize_country(c.country) == want:
                return c
    return ranked[0]


# --- derived node properties ---------------------------------------------------------


@dataclass(frozen=True)
class FormCount:
    """How many documents use ``form`` for a node, and how many use it as the main name."""

    form: str
    docs: int
    primary: int


def canonical_name(forms: Sequence[FormCount]) -> str:
    """The display name: a spelled-out form before an acronym, then the form most documents
    use as the main name, then the most used, then the longest, then alphabetical."""
    if not forms:
        raise ValueError("no names to choose from")
    return min(
        forms,
        key=lambda f: (is_acronym(f.form), -f.primary, -f.docs, -len(f.form), f.form),
    ).form


def pick_type(type_counts: Mapping[str, int]) -> EntityType:
    """The most used type; on a tie a specific type beats the generic Organization."""
    return min(
        (EntityType(t) for t in type_counts),
        key=lambda t: (-type_counts[t.value], t is EntityType.ORGANIZATION, t.value),
    )


def pick_country(country_counts: Mapping[str, int]) -> str | None:
    """The most used country (ties alphabetical), None when no document gives one."""
    if not country_counts:
        return None
    return min(country_counts, key=lambda c: (-country_counts[c], c))


def norm_names(forms: Iterable[str]) -> list[str]:
    """Sorted distinct normalized forms (what name look-ups compare against)."""
    return sorted({n for n in (normalize_name(f) for f in forms) if n})


def lookup_names(name: str, aliases: Iterable[str], norms: Iterable[str]) -> list[str]:
    """Sorted distinct look-up keys of an entity: its name and aliases lower-cased, and its
    normalized forms. Stored as ``lookup`` so that a name resolves by an index seek
    (the ``entity_lookup`` index, cypher/schema.cypher) instead of a scan of every entity."""
    return sorted({name.lower(), *(a.lower() for a in aliases), *norms} - {""})


def most_common(values: Sequence[str | None], order: Sequence[str]) -> str | None:
    """The most common non-empty value; ties go to the value whose first source comes first."""
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    first_at = {}
    for i, v in enumerate(values):
        if v and v not in first_at:
            first_at[v] = order[i] if i < len(order) else ""
    return min(counts, key=lambda v: (-counts[v], first_at[v], v))


# --- events --------------------------------------------------------------------------


def same_event(a: Iterable[str], b: Iterable[str]) -> bool:
    """Two reports of one dated meeting: at least two participants in common, and the
    shared ones make up at least half of the smaller list."""
    sa, sb = set(a), set(b)
    shared = len(sa & sb)
    return shared >= 2 and 2 * shared >= min(len(sa), len(sb))


# --- components (splitting a node whose linking document is gone) ----------------------


@dataclass(frozen=True)
class MentionKeys:
    doc_id: str
    own: frozenset[str]
    probe: frozenset[str]


@dataclass
class _UnionFind:
    parent: dict[str, str] = field(default_factory=dict)

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def components(
    mentions: Sequence[MentionKeys], glue: Iterable[frozenset[str]] = ()
) -> list[list[str]]:
    """Groups of documents whose mentions of one node are linked by shared keys.

    ``glue`` holds key sets recorded by manual merges: keys in one set count as one.
    Returns sorted doc-id groups, the largest first.
    """
    uf = _UnionFind()
    owner: dict[str, list[str]] = {}
    for m in mentions:
        uf.find(m.doc_id)
        for k in m.own:
            owner.setdefault(k, []).append(m.doc_id)
    for group in glue:
        # A mention reached by a merged node's keys (as it would be when loaded) is glued too.
        docs = [m.doc_id for m in mentions if (m.own | m.probe) & group]
        for d in docs[1:]:
            uf.union(docs[0], d)
        for k in group:
            owner.setdefault(k, [])
    for m in mentions:
        # Probe against own only: two bodies that merely own one acronym weakly are not linked.
        for k in m.probe:
            for other in owner.get(k, []):
                uf.union(m.doc_id, other)
    groups: dict[str, list[str]] = {}
    for m in mentions:
        groups.setdefault(uf.find(m.doc_id), []).append(m.doc_id)
    return sorted((sorted(set(g)) for g in groups.values()), key=lambda g: (-len(g), g[0]))


@dataclass(frozen=True)
class EventReport:
    """One report of a dated meeting: a reference the caller chooses, the id its event would
    have were it the only report (:func:`graph.store.transaction.event_id`), and who took part."""

    ref: str
    natural: str
    participants: frozenset[str]


def linked_sets(sets: Sequence[frozenset[str]]) -> Iterator[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, of participant sets that :func:`same_event` links.

    Only sets sharing a participant are compared (an index by participant), so distinct
    sets that have nobody in common cost nothing; the reports of one day that name the
    same parties again and again were deduplicated by the caller.
    """
    index: dict[str, list[int]] = {}
    for j, b in enumerate(sets):
        shared: Counter[int] = Counter()
        for party in b:
            for i in index.get(party, ()):
                shared[i] += 1
        for i, n in sorted(shared.items()):
            if n >= 2 and same_event(sets[i], b):
                yield i, j
        for party in b:
            index.setdefault(party, []).append(j)


def event_clusters(
    reports: Sequence[EventReport], merged_into: Mapping[str, str] | None = None
) -> dict[str, str]:
    """The event of each report of one day (ref -> event id), a function of the set of reports.

    Reports linked, directly or through others, by :func:`same_event` are one event, and so
    are reports that a manual merge put together (``merged_into`` maps a dropped event id to
    the id kept). The event's id is the smallest kept id among its reports' events when a
    manual merge is involved, else the smallest natural id: whatever order the reports came
    in, the same reports give the same events with the same ids.
    """
    merged_into = merged_into or {}
    kept = set(merged_into.values())
    target = {r.ref: merged_into.get(r.natural, r.natural) for r in reports}
    ordered = sorted(reports, key=lambda r: r.ref)
    uf = _UnionFind()
    by_target: dict[str, str] = {}
    by_parties: dict[frozenset[str], str] = {}  # a participant set -> the first report with it
    for a in ordered:
        uf.find(a.ref)
        first = by_target.setdefault(target[a.ref], a.ref)
        if first != a.ref:
            uf.union(first, a.ref)
        same = by_parties.setdefault(a.participants, a.ref)
        if same != a.ref and same_event(a.participants, a.participants):
            uf.union(same, a.ref)  # equal sets of two or more: one meeting, no need to compare
    sets = list(by_parties)
    for i, j in linked_sets(sets):
        uf.union(by_parties[sets[i]], by_parties[sets[j]])
    groups: dict[str, list[EventReport]] = {}
    for r in ordered:
        groups.setdefault(uf.find(r.ref), []).append(r)
    out: dict[str, str] = {}
    for members in groups.values():
        anchors = {target[r.ref] for r in members} & kept
        eid = min(anchors) if anchors else min(r.natural for r in members)
        for r in members:
            out[r.ref] = eid
    return out
