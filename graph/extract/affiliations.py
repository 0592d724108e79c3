"""Who works where: person-organization links with the title the text gives.

Read from appositions ("Ola Verne, Quarry Labs' head of policy,"), titles before
names ("QRA Commissioner Elsa Morvin"), possessives ("Brindle's Tove Lind"),
representation ("X was represented by its director, Y"), appointments and moves
("joined X as", "formerly head of", "who left X in 2023").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.extract.context import ORG_TYPES, TAG, Ref, Tagged
from graph.extract.lexicon import lexicon
from graph.extract.mentions import ORG_DESCRIPTORS
from graph.extract.shapes import is_title_word
from graph.model import EntityType

T = r"\ue000(\d+)\ue001"
# "Velk Motors Co.'s X": a legal abbreviation's full stop before the possessive
POSS = r"\.?(?:'s|')"
_FORMER = re.compile(
    r"^(?:(?:a|an|the)\s+)?(?:former|ex-|formerly|previously|until\s+(?:recently|last\s+\w+|"
    r"\w+\s+\d{4}|\d{4}|this\s+\w+)|once)\b[\s,]*",
    re.I,
)
_ARTICLE = re.compile(r"^(?:(?:a|an|the|its|their|his|her)\s+)+", re.I)
# a lowercase role, possibly ending "for Northeast Asian affairs"
_ROLE_WORDS = re.compile(
    r"^[a-z][a-z\-]*(?:\s+(?:[a-z][a-z\-]*|&|C[EOFT]O))*"
    r"(?:\s+(?:for|of)\s+(?:[A-Z][a-z]+\s+){1,3}[a-z][a-z\-]*)?$"
)
_WHO_VERB = re.compile(
    r"^who\s+(?:also\s+|currently\s+|now\s+)?"
    r"(heads|leads|oversees|runs|manages|chairs|directs|founded|co-founded|advises)\s+",
    re.I,
)
_VERB_ROLE = {
    "heads": "head of",
    "leads": "head of",
    "oversees": "oversees",
    "runs": "head of",
    "manages": "manager of",
    "chairs": "chair of",
    "directs": "director of",
    "founded": "founder",
    "co-founded": "co-founder",
    "advises": "adviser",
}
_REPRESENTED = re.compile(
    T
    + r"(?:\s*\(\s*\ue000\d+\ue001\s*\))?(?:,[^,\ue000]{0,100}?,)?"
    + r"\s+(?:was|were|is|are|will\s+be)\s+(?:also\s+)?"
    + r"represented\s+(?:at\s+(?:the|a|an)\s+[a-z\- ]{1,40}?\s+)?by\s+(?:its|their)\s+"
    + r"([a-z][a-z\- ]{1,60}?),?\s+"
    + T
)
_LED_BY = re.compile(
    T + r"\s+(?:will\s+be|is|was|has\s+been|had\s+been|is\s+being)\s+(?:led|headed|run|chaired)"
    r"\s+by\s+(?:its\s+\w+\s+)?" + T
)
_SENT = re.compile(T + r"\s+(?:also\s+)?sent\s+" + T)
# The second tag of two-tag patterns sits in a lookahead so that overlapping pairs
# ("A met B chief executive C") are all seen.
NEXT_T = r"(?=\ue000(\d+)\ue001)"
_POSS_PERSON = re.compile(T + POSS + r"\s+" + NEXT_T)
_POSS_TITLE_PERSON = re.compile(
    T + POSS + r"\s+((?:[a-z][a-z\-]*\s+){0,3}[a-z][a-z\-]*)\s+" + NEXT_T
)
_ITS_TITLE_PERSON = re.compile(
    r"\b(?:its|their)\s+((?:[a-z][a-z\-]*\s+){0,3}(?:[a-z][a-z\-]*|CEO|CTO|CFO|COO)),?\s+" + T
)
_POSS_COUNTRY_BEFORE = re.compile(T + POSS + r"\s+(?:(?:[A-Z][\w\-]*|\ue000\d+\ue001)\s+){1,4}$")
_SIDE = re.compile(r"^(?:On|From)\s+the\s+" + T + r"\s+side,\s+")
_PERSON_OF_ORG = re.compile(T + r"\s+of\s+(?:the\s+)?" + T + r"(?!\s*(?:'s|'))")
# "Secretary of State Tara Vine for the Department of ...": a titled holder's body
_TITLED_PERSON_FOR_BODY = re.compile(T + r"\s+for\s+(?:the\s+)?" + T + r"(?!\s*(?:'s|'))")
_BEFORE_TITLE = re.compile(T + r"\.?('s|')?\s*(?:\(\s*\ue000\d+\ue001\s*\)\s*)?$")
_COUNTERPART = re.compile(r"\b(?:his|her|their|its)\s+" + T + r"\s+counterparts?,?\s+" + NEXT_T)
_PAREN_TITLE = re.compile(T + r"\s*\(\s*((?:[A-Z][\w\-.]*\s+){1,4}?)" + T + r"\s*\)")
_POSS_ROLE_PERSON = re.compile(T + POSS + r"\s+([a-z][a-z\- ]{1,60}?),\s+" + T)
_POSS_STATE_TITLE_PERSON = re.compile(
    T
    + POSS
    + r"\s+((?:Deputy\s+|Vice\s+|Acting\s+)?(?:Prime\s+)?Minister\s+(?:of|for)\s+[A-Z][\w\-]*"
    r"(?:(?:,\s+|\s+and\s+|\s+&\s+|\s+)[A-Z][\w\-]*)*),\s+" + T
)
_ORG_TITLE_PERSON = re.compile(T + r"\s+((?:[a-z][a-z\-]*\s+){0,3}[a-z][a-z\-]*)\s+" + NEXT_T)
_APPOINTED = re.compile(
    T
    + r"(?:[^.\ue000]|\ue000\d+\ue001){0,160}?\b(?:appointed|named|hired|promoted|picked|tapped)\s+"
    + T
    + r"(?:,[^,]{0,160}?,)?\s+as\s+(?:its|their|the)?\s*(?:new\s+|first\s+|next\s+)?"
    r"([a-z][a-z\- ]{1,60}?)(?=[,.;]|\s+(?:and|in|on|at|from|effective|after)\b|$)"
)
_JOINED = re.compile(
    T + r"(?:,\s*who|,[^,\ue000]{0,150}?(?:\ue000\d+\ue001[^,\ue000]{0,60})?,)?\s+"
    r"(?:has\s+|had\s+|recently\s+|also\s+)?joined\s+(?:the\s+)?(?:[a-z][a-z\-]*\s+){0,3}"
    + T
    + r"(?:\s+(?:in\s+\d{4}\s+)?as\s+(?:a\s+|an\s+|its\s+|their\s+)?([a-z][a-z\- ]{1,60}?)"
    r"(?=[,.;]|\s+(?:and|in|on|at|from|after)\b|$))?"
)
_LEFT = re.compile(T + r",?\s+who\s+(?:left|quit|departed|retired\s+from)\s+(?:the\s+)?" + T)
_AFTER_AT = re.compile(
    r"\b(?:after|following)\s+(?:[a-z0-9\-]+\s+){1,4}(?:at|with|in)\s+(?:the\s+)?" + T
)
_SPENT = re.compile(
    T + r"\s+(?:spent|served|worked)\s+(?:[a-z0-9\-]+\s+){0,5}(?:at|with|in|for)\s+(?:the\s+)?" + T
)
_TAIL_ROLE = re.compile(
    r",\s+(?:a|an|the)?\s*([a-z][a-z\- ]{1,60}?)"
    r"(?:\s+(?:in|at|of)\s+(?:its|their)\b[^,]*)?(?=,|\.|$)"
)
_PRESIDING = re.compile(r"(?:(?:Deputy|Vice|First\s+Vice)\s+)?Speaker")
_NOT_TITLE = re.compile(r"\b(?:and|or|with|said|told|met|at|of|for|by)\b")
# "the chief executive of Vexo Chips, Lars Holm,": an unnamed title, its body, then its holder
# ("the chief executive of Peruvian insurer Vexo Group, Lars Holm,": a descriptor before it)
_DESCRIBED = (
    r"(?:(?:\ue000\d+\ue001\s+)?(?:[a-z][\w\-]*\s+){0,2}(?:"
    + "|".join(sorted(ORG_DESCRIPTORS))
    + r")\s+)?"
)
_TITLE_OF_BODY_PERSON = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+"
    r"((?:[A-Za-z][\w\-]*\s+){0,3}?[A-Za-z][\w\-]*(?:\s+of\s+Mission)?)\s+(?:of|at)\s+(?:the\s+)?"
    + _DESCRIBED
    + T
    + r",\s+"
    + T
    + r"(?=\s*[,.;]|\s*$|\s+(?:and|who)\b)"
)
# "the heads of A and B, X and Y" / "X and Y, the chief executives of A and B": one each,
# in the order written
_PLURAL_ROLE = r"((?:[a-z][a-z\-]*\s+){0,3}[a-z][a-z\-]*s)"
_BODIES_THEN_PEOPLE = re.compile(
    r"\b(?:the|their)\s+"
    + _PLURAL_ROLE
    + r"\s+of\s+(?:the\s+)?"
    + T
    + r",?\s+and\s+(?:the\s+)?"
    + T
    + r",\s+"
    + T
    + r",?\s+and\s+"
    + T
)
_PEOPLE_THEN_BODIES = re.compile(
    T
    + r",?\s+and\s+"
    + T
    + r",\s+(?:the|their)\s+"
    + _PLURAL_ROLE
    + r"\s+of\s+(?:the\s+)?"
    + T
    + r",?\s+and\s+(?:the\s+)?"
    + T
)
_TITLE_OF_COUNTRY = re.compile(
    r"(?:the\s+)?(?:[A-Z][\w\-]*\s+(?:and\s+)?){1,5}(?:of|for)\s+"
    r"(?:the\s+(?:Republic|Kingdom)\s+of\s+)?(?:the\s+)?"
)
_FORMER_BEFORE = re.compile(r"\b(?:[Ff]ormer|FORMER|[Ee]x-?)\s*$")
_REPORTED = re.compile(r"\s(?:said|says|told|added|stated|announced|confirmed)\.?$")
# "Harbor Times, Kessler: ..." / "Reporter (Harbor Times, Kessler): ...": a transcript's
# question line names the outlet, then the reporter
_QUESTIONER = re.compile(
    r"^\W*(?:(?:Reporter|Question|Q|Journalist|Correspondent)\s*\(\s*)?"
    + T
    + r",\s*"
    + T
    + r"\s*\)?\s*:"
)
_REPORTING = re.compile(
    r"\b(?:reporting|reported|written|reports?|story|article)\s+by\s+"
    + T
    + r"\s+(?:for|of|at)\s+(?:the\s+)?"
    + T
)


@dataclass
class Found:
    person: Ref
    org: Ref
    role: str | None
    current: bool
    org_tag: int  # index into Tagged.refs of the org mention used


def _clean_role(text: str | None) -> str | None:
    if text is None:
        return None
    t = " ".join(text.split()).strip(" ,;:-")
    t = _ARTICLE.sub("", t)
    t = re.sub(r"\s+(?:of|at|for|in|with|to)(?:\s+the)?$", "", t)
    t = re.sub(r"\s+(?:the|a|an|its|their)$", "", t)
    return t or None


def _has_role_noun(text: str) -> bool:
    words = text.lower().replace(",", " ").split()
    nouns = lexicon().role_nouns
    return any(w in nouns for w in words)


_STATE_ROLES = frozenset(
    {"minister", "president", "premier", "chancellor", "ambassador", "envoy", "king", "queen"}
)


def _state_role(title: str | None) -> bool:
    """'energy minister', 'Prime Minister': an office of a state, held for its country."""
    return title is not None and any(w in _STATE_ROLES for w in title.lower().split())


def _is_person(r: Ref) -> bool:
    return r.type == EntityType.PERSON


def _is_org(r: Ref) -> bool:
    return r.type in ORG_TYPES


def _apposition(tg: Tagged, p_idx: int, p_end: int, out: list[Found]) -> None:
    """Parse ', <role> of/at <org>' / ', <org>'s <role>' after a person tag."""
    s = tg.s
    if not s.startswith(",", p_end) and not s.startswith(" \u2014", p_end):
        return
    start = p_end + 1
    end = len(s)
    for stop in (",", ";", "\ue002", ". ", " \u2014"):
        k = s.find(stop, start)
        if k != -1:
            end = min(end, k)
    if s.endswith(".") and end == len(s):
        end -= 1
    seg = s[start:end]
    person = tg.refs[p_idx]
    if _described_body_after(tg, person, seg, s[end:], out):
        return
    clauses = re.split(r"\s+and\s+(?=(?:a|an|the|former|formerly|its|their)\b)", seg)
    offset = start
    for clause in clauses:
        _role_clause(tg, person, clause, offset, out)
        offset += len(clause)


# "the chief executive of Norway's largest shipping company, Norvik Shipping,": a title of a
# company described by its country, then the company's name in apposition
_OF_DESCRIBED = re.compile(
    r"^\s*(?:the\s+|a\s+|an\s+)?((?:[a-z][a-z\-]*\s+){0,3}[a-z][a-z\-]*|C[EOFT]O)\s+of\s+"
    + T
    + POSS
    + r"\s+(?:[a-z][\w\-]*\s+){0,3}(?:"
    + "|".join(sorted(ORG_DESCRIPTORS))
    + r")\s*$"
)
_NAMED_AFTER = re.compile(r"^,\s+" + T + r"(?=\s*[,.;]|\s*$)")


def _described_body_after(tg: Tagged, person: Ref, seg: str, rest: str, out: list[Found]) -> bool:
    """'X, the chief executive of Norway's largest shipping company, Norvik Shipping,': the
    company named after the comma is X's, not the country that describes it."""
    dm = _OF_DESCRIBED.match(seg)
    nm = _NAMED_AFTER.match(rest)
    if dm is None or nm is None or not _has_role_noun(dm.group(1)):
        return False
    if tg.refs[int(dm.group(2))].type != EntityType.COUNTRY:
        return False
    org = tg.refs[int(nm.group(1))]
    if not _is_org(org):
        return False
    out.append(Found(person, org, _clean_role(dm.group(1)), True, int(nm.group(1))))
    return True


def _title_words(text: str) -> bool:
    """'Vice Chairman and CEO': capitalized titles, joined by 'and'; 'Director-General for
    North American Affairs': a title, then the policy area it covers."""
    words = _ARTICLE.sub("", text.strip()).replace(",", " ").split()
    nouns = lexicon().role_nouns
    if words[-1:] == ["Mission"] and [w.lower() for w in words[-3:-1]] in (
        ["head", "of"],
        ["chief", "of"],
    ):
        words = words[:-2]  # "Deputy Head of Mission": a diplomat's title, no body
    link = next((k for k, w in enumerate(words) if w in ("for", "of")), None)
    if link is not None and 0 < link < len(words) - 1 and _area_words(words[link + 1 :]):
        words = words[:link]
    return bool(words) and all(
        is_title_word(w) or w.lower() in nouns or w in ("and", "&") for w in words
    )


def _pair_each(
    tg: Tagged, role: str, bodies: list[str], people: list[str], out: list[Found]
) -> bool:
    """'the heads of A and B, X and Y': X is A's, Y is B's (a plural role, two of each)."""
    singular = role.split()[-1][:-1]
    if singular not in lexicon().role_nouns and not is_title_word(singular):
        return False
    orgs = [tg.refs[int(b)] for b in bodies]
    persons = [tg.refs[int(p)] for p in people]
    if not all(_is_org(o) for o in orgs) or not all(_is_person(p) for p in persons):
        return False
    if orgs[0] is orgs[1] or persons[0] is persons[1]:
        return False
    lone = _clean_role(" ".join(role.split()[:-1] + [singular]))
    for o, p, b in zip(orgs, persons, bodies, strict=True):
        out.append(Found(p, o, lone, True, int(b)))
    return True


def _area_words(words: list[str]) -> bool:
    """'North American Affairs', 'Policy Planning': capitalized words ending in a policy
    area, with no word that heads an organization's name."""
    lex = lexicon()
    return (
        words[-1] in lex.institutional
        and all(w[:1].isupper() or w in ("and", "&") for w in words)
        and not any(w in lex.org_heads for w in words)
    )


def _role_after_body(role: str) -> bool:
    """'a former Arkwell Japan executive', 'Ian Roe, Norvik Shipping CEO,': a role noun after
    the body, in lower case, or a title written capitalized ('Chairman', 'Chief Executive')."""
    words = role.split()
    if words[-1].lower() not in lexicon().role_nouns:
        return False
    return role.islower() or all(is_title_word(w) for w in words)


def _role_clause(tg: Tagged, person: Ref, clause: str, offset: int, out: list[Found]) -> None:
    text = clause.strip()
    if _REPORTED.search(text):
        return  # "met X, a spokesperson for the company said": the speaker, not X's job
    current = True
    fm = _FORMER.match(text)
    if fm:
        current = False
        text = text[fm.end() :]
    verb_role = None
    wm = _WHO_VERB.match(text)
    if wm:
        verb_role = _VERB_ROLE[wm.group(1).lower()]
        text = text[wm.end() :]
    elif text.lower().startswith("who "):
        return
    tags = list(TAG.finditer(text))
    if not tags:
        return
    first = tags[0]
    org = tg.refs[int(first.group(1))]
    state = re.match(r"^" + POSS + r"\s+([a-z][a-z\- ]{1,40}?)\s*$", text[first.end() :])
    if state is None:
        # "X, Canada's Minister of Energy and Natural Resources": a capitalized state title
        state = re.match(
            r"^" + POSS + r"\s+((?:Deputy\s+|Vice\s+|Acting\s+)?(?:Prime\s+)?Minister"
            r"(?:\s+(?:of|for)\s+[A-Z][\w\-]*(?:(?:,\s+|\s+and\s+|\s+&\s+|\s+)[A-Z][\w\-]*)*)?)"
            r"\s*$",
            text[first.end() :],
        )
    if org.type == EntityType.COUNTRY and first.start() == 0 and state is not None:
        # "Ida Lund, Norway's energy minister": a state office names the country
        if _state_role(state.group(1)):
            role = _clean_role(state.group(1))
            out.append(Found(person, org, role, current, int(first.group(1))))
        return
    if org.type == EntityType.COUNTRY and _TITLE_OF_COUNTRY.fullmatch(text[: first.start()]):
        # "X, Ambassador Extraordinary and Plenipotentiary of Sweden [to Japan]": the parser
        # often reads the joined title as a list of names; the title serves the country
        after = text[first.end() :].strip()
        words = re.sub(r"\b(?:of|for|and|the|Republic|Kingdom)\b", " ", text[: first.start()])
        if (not after or after.startswith("to ")) and all(is_title_word(w) for w in words.split()):
            out.append(Found(person, org, None, current, int(first.group(1))))
            return
    if not _is_org(org):
        # "of Dutch developer Quarry Labs": skip a country or place modifier
        later = [t for t in tags[1:] if _is_org(tg.refs[int(t.group(1))])]
        if not later or later[0].start() - first.end() > 60:
            return
        if re.fullmatch(r"\s+to\s+(?:the\s+)?", text[first.end() : later[0].start()]):
            return  # "Ambassador of Japan to the United Nations": the body is the post
        first = later[0]
        org = tg.refs[int(first.group(1))]
    before = text[: first.start()]
    after = text[first.end() :]
    orgs = [(org, int(first.group(1)))]
    if verb_role is not None:
        rest = re.sub(r"^" + POSS + r"\s*", "", after)
        rest = TAG.sub(lambda m: tg.refs[int(m.group(1))].mention.text, rest)
        role = _clean_role(f"{verb_role} {rest}") if verb_role.endswith("of") else verb_role
        if not re.match(r"^" + POSS, after):
            role = verb_role.replace(" of", "") if verb_role.endswith(" of") else verb_role
            if verb_role == "oversees":
                role = _clean_role("oversees " + after)
        out.append(Found(person, org, role, current, orgs[0][1]))
        return
    if not _ARTICLE.sub("", before.strip(" ,") + " ").strip():
        # "a former Arkwell Japan executive": the organization names the job
        rm = re.match(r"^\s+((?:[A-Za-z][a-z\-]*\s+){0,2}(?:[A-Za-z][a-z\-]*|C[EOFT]O))\s*$", after)
        if rm is not None and _role_after_body(rm.group(1)):
            out.append(Found(person, org, _clean_role(rm.group(1)), current, orgs[0][1]))
            return
    m_poss = re.match(r"^" + POSS + r"\s+(.*)$", after)
    if m_poss and not _ARTICLE.sub("", before.strip(" ,") + " ").strip():
        # "<org>'s <role>"
        role_text = m_poss.group(1)
        sub = TAG.search(role_text)
        if sub is not None:
            role_text = role_text[: sub.start()]
        if not _has_role_noun(role_text):
            return
        out.append(Found(person, org, _clean_role(role_text), current, orgs[0][1]))
        return
    # "<role> of/at/for [the] [modifiers] <org>['s <unit>]"
    bm = re.search(
        r"\s(?:of|at|for|in|with|from)\s+(?:the\s+)?(?:(?:[a-z][\w\-.]*'?s?|\ue000\d+\ue001)\s+){0,4}$",
        " " + before,
    )
    if bm is None:
        return
    role_text = (" " + before)[: bm.start()]
    # "X, Speaker of the National Assembly" presides over it ("a speaker at" names no body)
    presides = _PRESIDING.fullmatch(_ARTICLE.sub("", role_text.strip())) is not None and bm.group(
        0
    ).lstrip().startswith("of")
    if (
        not role_text.strip()
        or not _has_role_noun(role_text)
        and not role_text.strip().startswith("head")
        and not presides
    ):
        return
    if not _ROLE_WORDS.match(_ARTICLE.sub("", role_text.strip()) or "x") and not _title_words(
        role_text
    ):
        return
    role = _clean_role(role_text)
    unit = re.match(r"^" + POSS + r"\s+" + T, after)
    if unit is not None and _is_org(tg.refs[int(unit.group(1))]):
        u = tg.refs[int(unit.group(1))]
        full = f"{role} of the {u.mention.text}" if role else None
        out.append(Found(person, org, full, current, orgs[0][1]))
        out.append(Found(person, u, role, current, int(unit.group(1))))
        return
    out.append(Found(person, org, role, current, orgs[0][1]))


_PERSON_ITS_ROLE = re.compile(
    T
    + r",\s+(?:(former|formerly)\s+)?its\s+((?:[a-z][a-z\-]*\s+){0,3}[a-z][a-z\-]*|CEO|CTO|CFO|COO)"
    r"\s*(?=,|\.|$|\s+(?:said|told|met|and)\b)"
)


def its_appositions(tg: Tagged, before: Tagged | None) -> list[Found]:
    """'Velk Motors said ... Ian Roe, its chief executive, met ...': the organization named
    last in the sentence before the person, else the one the previous sentence names (when it
    names one only, or opens with it)."""
    out: list[Found] = []
    for m in _PERSON_ITS_ROLE.finditer(tg.s):
        p = tg.refs[int(m.group(1))]
        role = m.group(3)
        if not _is_person(p) or not _has_role_noun(role.lower()):
            continue
        here = [(pos, r) for pos, r in tg.tags(0, m.start()) if _is_org(r)]
        if here:
            org = here[-1][1]
        else:
            prev = [(pos, r) for pos, r in before.tags() if _is_org(r)] if before else []
            keys = {r.key for _, r in prev}
            if not prev or len(keys) > 1 and prev[0][0] > 4:
                continue
            org = prev[0][1]
        k = tg.refs.index(org) if org in tg.refs else -1
        out.append(Found(p, org, _clean_role(role), m.group(2) is None, k))
    return out


_PORTFOLIO_APPOSITION = re.compile(
    T + r",\s+(?:the\s+|a\s+)?(?:(?:former|deputy|vice|first|second|acting)\s+)?"
    r"(minister|secretary)\s+(?:of|for)\s+([a-z][a-z ,&\-]{2,80})"
)


def portfolio_affiliations(tg: Tagged, bodies: list[tuple[str, str]]) -> list[Found]:
    """'Kim, the minister of trade, industry and energy' -> the ministry the text names.

    ``bodies`` are (key, lowercased name) of the document's government bodies. The portfolio
    may run into the rest of the sentence ("..., arrived on Monday"), so every cut at a comma
    is tried, longest first.
    """
    out: list[Found] = []
    for m in _PORTFOLIO_APPOSITION.finditer(tg.s):
        p = tg.refs[int(m.group(1))]
        if not _is_person(p):
            continue
        raw = m.group(3)
        cuts = [k for k, ch in enumerate(raw) if ch == ","] + [len(raw)]
        found = None
        for k in sorted(cuts, reverse=True):
            area = " ".join(raw[:k].replace(",", " , ").split()).replace(" ,", ",")
            for key, name in bodies:
                if area and name.endswith((" of " + area, " for " + area)):
                    found = (key, area)
                    break
            if found:
                break
        if found is not None:
            org = Ref(found[0], EntityType.GOVERNMENT_BODY, p.mention, generic=True)
            out.append(Found(p, org, f"{m.group(2)} of {found[1]}", True, -1))
    return out


def find_affiliations(tg: Tagged) -> list[Found]:
    if len(tg.refs) < 2 or not any(_is_person(r) for r in tg.refs):
        return []  # every rule links a person to an organization named in the sentence
    s = tg.s
    out: list[Found] = []
    refs = tg.refs
    # titles written before the name ("QRA Commissioner Elsa Morvin")
    by_mention = {r.mention.id: (i, r) for i, r in enumerate(refs)}
    for pos_m in TAG.finditer(s):
        r = refs[int(pos_m.group(1))]
        ment = r.mention
        if not _is_person(r):
            continue
        if ment.link is not None and ment.link in by_mention:
            j, org = by_mention[ment.link]
            poss_country = _POSS_COUNTRY_BEFORE.search(s, 0, pos_m.start())
            if (
                org.mention.head == "portfolio"
                and _state_role(ment.title)
                and poss_country is not None
                and refs[int(poss_country.group(1))].type == EntityType.COUNTRY
            ):
                # "Norway's Trade Minister X": the office is held for the country named
                k = int(poss_country.group(1))
                out.append(Found(r, refs[k], ment.title, True, k))
                continue
            if (
                org.mention.head == "portfolio"
                and not org.mention.of_title
                and ment.country_link is not None
                and ment.country_link in by_mention
                and by_mention[ment.country_link][1].type == EntityType.COUNTRY
            ):
                # "Australian Trade Minister X": the office of that country, not a ministry
                # of the same area that the text names for another country
                k, country = by_mention[ment.country_link]
                out.append(Found(r, country, ment.title, True, k))
                continue
            if _is_org(org):
                # "Former Vexo Chips chief executive X": the post is behind X
                at = s.find(f"\ue000{j}\ue001")
                former = at > 0 and _FORMER_BEFORE.search(s, 0, at) is not None
                out.append(Found(r, org, ment.title, not former, j))
                continue
        if ment.country_link is not None and ment.country_link in by_mention:
            j, country = by_mention[ment.country_link]
            if country.type == EntityType.COUNTRY:
                out.append(Found(r, country, ment.title, True, j))
                continue
        if ment.title and ment.link is None:
            # "FSC (FSC) Chairman Lee", "South Korea's Trade Minister Yeo": the body or the
            # country written just before the title
            head = s[: pos_m.start()].rstrip()
            if head.endswith(ment.title):
                head = head[: -len(ment.title)]
                bm = _BEFORE_TITLE.search(head)
                if bm is not None:
                    k = int(bm.group(1))
                    o = refs[k]
                    if _is_org(o) or (o.type == EntityType.COUNTRY and bm.group(2)):
                        out.append(Found(r, o, ment.title, True, k))
    paired: set[int] = set()
    for m in _BODIES_THEN_PEOPLE.finditer(s):
        _pair_each(tg, m.group(1), [m.group(2), m.group(3)], [m.group(4), m.group(5)], out)
    for m in _PEOPLE_THEN_BODIES.finditer(s):
        if _pair_each(tg, m.group(3), [m.group(4), m.group(5)], [m.group(1), m.group(2)], out):
            paired.add(int(m.group(2)))  # its apposition names both bodies
    for m in TAG.finditer(s):
        r = refs[int(m.group(1))]
        if _is_person(r) and int(m.group(1)) not in paired:
            _apposition(tg, int(m.group(1)), m.end(), out)
    for m in _REPRESENTED.finditer(s):
        o, p = refs[int(m.group(1))], refs[int(m.group(3))]
        if _is_org(o) and _is_person(p):
            out.append(Found(p, o, _clean_role(m.group(2)), True, int(m.group(1))))
    for m in _LED_BY.finditer(s):
        # "Quillon Brazil will be led by Rui Matos"
        o, p = refs[int(m.group(1))], refs[int(m.group(2))]
        if _is_org(o) and _is_person(p):
            out.append(Found(p, o, "head", True, int(m.group(1))))
    for m in _SENT.finditer(s):
        o, p = refs[int(m.group(1))], refs[int(m.group(2))]
        if _is_org(o) and _is_person(p):
            out.append(Found(p, o, None, True, int(m.group(1))))
    for m in _TITLE_OF_BODY_PERSON.finditer(s):
        o, p = refs[int(m.group(2))], refs[int(m.group(3))]
        role = m.group(1)
        last = role.split()[-1].lower()
        if (
            _is_person(p)
            and (_is_org(o) or o.type == EntityType.COUNTRY)
            and (last in lexicon().role_nouns or is_title_word(last) or role.endswith("Mission"))
            and not (last.endswith("s") and last[:-1] in lexicon().role_nouns)  # "the heads of"
            and (_ROLE_WORDS.match(role) or _title_words(role))
        ):
            out.append(Found(p, o, _clean_role(role), True, int(m.group(2))))
    for m in _POSS_ROLE_PERSON.finditer(s):
        o, p = refs[int(m.group(1))], refs[int(m.group(3))]
        if _is_org(o) and _is_person(p) and _has_role_noun(m.group(2)):
            out.append(Found(p, o, _clean_role(m.group(2)), True, int(m.group(1))))
    for m in _POSS_STATE_TITLE_PERSON.finditer(s):
        # "Canada's Minister of Energy and Natural Resources, X,": the country's office
        o, p = refs[int(m.group(1))], refs[int(m.group(3))]
        if o.type == EntityType.COUNTRY and _is_person(p) and not any(f.person is p for f in out):
            out.append(Found(p, o, m.group(2), True, int(m.group(1))))
    for m in _POSS_PERSON.finditer(s):
        o, p = refs[int(m.group(1))], refs[int(m.group(2))]
        if _is_org(o) and _is_person(p):
            role = None
            app = [f for f in out if f.person.key == p.key and f.org.key == o.key]
            if not app:
                tail = _TAIL_ROLE.match(s, m.end())
                if tail and _has_role_noun(tail.group(1)):
                    role = _clean_role(tail.group(1))
                out.append(Found(p, o, role, True, int(m.group(1))))
    for m in _POSS_TITLE_PERSON.finditer(s):
        # "the company's co-founder Jack Clark"
        o, p = refs[int(m.group(1))], refs[int(m.group(3))]
        words = m.group(2).split()
        if _is_org(o) and _is_person(p) and words and words[-1] in lexicon().role_nouns:
            out.append(Found(p, o, _clean_role(m.group(2)), True, int(m.group(1))))
    for m in _ITS_TITLE_PERSON.finditer(s):
        # "...the headquarters of Varro Turbines and met with its CEO Lena Holt"
        p = refs[int(m.group(2))]
        role = m.group(1)
        if not _is_person(p) or not _has_role_noun(role.lower()):
            continue
        orgs = [m2 for m2 in TAG.finditer(s, 0, m.start()) if _is_org(refs[int(m2.group(1))])]
        if orgs:
            k = int(orgs[-1].group(1))
            out.append(Found(p, refs[k], _clean_role(role), True, k))
    for m in _COUNTERPART.finditer(s):
        # "his Chilean counterpart Rosa Ibarra"
        c, p = refs[int(m.group(1))], refs[int(m.group(2))]
        if c.type == EntityType.COUNTRY and _is_person(p):
            out.append(Found(p, c, "counterpart", True, int(m.group(1))))
    for m in _PERSON_OF_ORG.finditer(s):
        # "Rep. Ahn Cheol-soo of the People Power Party"
        p, o = refs[int(m.group(1))], refs[int(m.group(2))]
        if _is_person(p) and _is_org(o):
            out.append(Found(p, o, None, True, int(m.group(2))))
        elif (
            _is_person(p)
            and o.type == EntityType.COUNTRY
            and p.mention.link is None
            and _state_role(p.mention.title)
        ):
            # "Prime Minister Ida Rask of Norway"
            out.append(Found(p, o, p.mention.title, True, int(m.group(2))))
    for m in _TITLED_PERSON_FOR_BODY.finditer(s):
        p, o = refs[int(m.group(1))], refs[int(m.group(2))]
        if _is_person(p) and p.mention.title and o.type == EntityType.GOVERNMENT_BODY:
            out.append(Found(p, o, p.mention.title, True, int(m.group(2))))
    for m in _PAREN_TITLE.finditer(s):
        # "The Ministry of Science and ICT (Minister Bae Kyung-hoon)"
        o, p = refs[int(m.group(1))], refs[int(m.group(3))]
        title = m.group(2).strip()
        if (
            _is_org(o)
            and _is_person(p)
            and all(w.lower().rstrip(".") in lexicon().title_prefix for w in title.split())
        ):
            out.append(Found(p, o, title, True, int(m.group(1))))
    for m in _ORG_TITLE_PERSON.finditer(s):
        o, p = refs[int(m.group(1))], refs[int(m.group(3))]
        words = m.group(2).split()
        if (
            _is_org(o)
            and _is_person(p)
            and words
            and words[-1] in lexicon().role_nouns
            and not _NOT_TITLE.search(m.group(2))
        ):
            # "former Vexo Chips chief executive X": the post is behind X
            former = _FORMER_BEFORE.search(s, 0, m.start()) is not None
            out.append(Found(p, o, _clean_role(m.group(2)), not former, int(m.group(1))))
    for m in _APPOINTED.finditer(s):
        o, p = refs[int(m.group(1))], refs[int(m.group(2))]
        if _is_org(o) and _is_person(p):
            out.append(Found(p, o, _clean_role(m.group(3)), True, int(m.group(1))))
    for m in _JOINED.finditer(s):
        p, o = refs[int(m.group(1))], refs[int(m.group(2))]
        if _is_person(p) and _is_org(o):
            out.append(Found(p, o, _clean_role(m.group(3)), True, int(m.group(2))))
    for m in _LEFT.finditer(s):
        p, o = refs[int(m.group(1))], refs[int(m.group(2))]
        if _is_person(p) and _is_org(o):
            out.append(Found(p, o, None, False, int(m.group(2))))
    for m in _SPENT.finditer(s):
        p, o = refs[int(m.group(1))], refs[int(m.group(2))]
        if _is_person(p) and _is_org(o):
            out.append(Found(p, o, None, False, int(m.group(2))))
    for m in _AFTER_AT.finditer(s):
        o = refs[int(m.group(1))]
        persons = [(pos, r) for pos, r in tg.tags(0, m.start()) if _is_person(r)]
        if persons and _is_org(o):
            out.append(Found(persons[-1][1], o, None, False, int(m.group(1))))
    _shared_country(tg, out)
    _headquarters_title(tg, out)
    _sole_body_title(tg, out)
    _head_in_brackets(tg, out)
    side = _SIDE.match(s)
    if side is not None and refs[int(side.group(1))].type == EntityType.COUNTRY:
        # "On the Qatari side, Trade Minister X and ... attended": the delegation's country
        k = int(side.group(1))
        for pos_m in TAG.finditer(s, side.end()):
            p = refs[int(pos_m.group(1))]
            known = any(f.person.key == p.key and f.org.key == refs[k].key for f in out)
            if _is_person(p) and _state_role(p.mention.title) and not known:
                out.append(Found(p, refs[k], p.mention.title, True, k))
    q = _QUESTIONER.match(s)
    if q is not None:
        o, p = refs[int(q.group(1))], refs[int(q.group(2))]
        if _is_person(p) and _is_org(o):
            out.append(Found(p, o, None, True, int(q.group(1))))
    for m in _REPORTING.finditer(s):
        p, o = refs[int(m.group(1))], refs[int(m.group(2))]
        if _is_person(p) and _is_org(o):
            out.append(Found(p, o, "reporter", True, int(m.group(2))))
    return out


_WIRE_REPORTING = re.compile(
    r"^\W*(?:Additional\s+)?(?:[Rr]eporting|[Ww]riting)\s+by\s+([^;)]*)", re.I
)


def wire_credits(tg: Tagged, agency: Ref | None) -> list[Found]:
    """'(Reporting by A and B; Editing by C)' under a '(Wire) -' dateline: A and B report for
    the wire service; editors are left out."""
    if agency is None:
        return []
    if _WIRE_REPORTING.match(tg.s) is None:
        return []
    out = []
    for m in _WIRE_PART.finditer(tg.s):
        for pos in TAG.finditer(tg.s, m.start(1), m.end(1)):
            r = tg.refs[int(pos.group(1))]
            if _is_person(r):
                out.append(Found(r, agency, "reporter", True, -1))
    return out


# each "Reporting by ..." / "Additional reporting by ..." part of a credit line
_WIRE_PART = re.compile(r"(?:Additional\s+)?(?:[Rr]eporting|[Ww]riting)\s+by\s+([^;)]*)", re.I)


_AND_TITLE = re.compile(r"^\s+and\s+(?:[A-Z][\w\-]*\s+){1,4}$")


# "<body> (Minister <person>, ...)": a release names a body with its head in brackets
_HEAD_IN_BRACKETS = re.compile(
    r"\ue000(\d+)\ue001\s*\(\s*([A-Z][\w.'\- ]{1,60}?)\s+\ue000(\d+)\ue001"
)


def _head_in_brackets(tg: Tagged, out: list[Found]) -> None:
    """'The Ministry of Science and ICT (Minister Lee Jong Ho, ...)': the body's head."""
    for m in _HEAD_IN_BRACKETS.finditer(tg.s):
        org, person, title = tg.refs[int(m.group(1))], tg.refs[int(m.group(3))], m.group(2)
        known = any(f.person.key == person.key and f.org.key == org.key for f in out)
        if _is_org(org) and _is_person(person) and _bracket_title(title) and not known:
            out.append(Found(person, org, _clean_role(title), True, int(m.group(1))))


def _bracket_title(text: str) -> bool:
    """'Minister', 'Secretary of State': a title, its connectors and its policy words."""
    lex = lexicon()
    words = text.split()
    return (
        bool(words)
        and is_title_word(words[0])
        and all(
            is_title_word(w)
            or w.lower() in lex.role_nouns
            or w in lex.institutional
            or w in ("and", "&", "of", "for", "the")
            for w in words
        )
    )


def _shared_country(tg: Tagged, out: list[Found]) -> None:
    """'Japanese Foreign Minister A and Defense Minister B': B holds office for the same
    country as A, the demonym being written once for both."""
    tags = list(TAG.finditer(tg.s))
    tagged = {r.mention.id for r in tg.refs}
    for prev, cur in zip(tags, tags[1:], strict=False):
        p1, p2 = tg.refs[int(prev.group(1))], tg.refs[int(cur.group(1))]
        if not (_is_person(p1) and _is_person(p2) and p2.mention.title):
            continue
        t1, t2 = (p1.mention.title or "").split(), p2.mention.title.split()
        if not (_state_role(p2.mention.title) or (t1 and t1[-1] == t2[-1])):
            continue
        if p2.mention.link in tagged or p2.mention.country_link is not None:
            continue  # its own body or country is written out
        if any(f.person.key == p2.key for f in out):
            continue
        if not _AND_TITLE.match(tg.s[prev.end() : cur.start()]):
            continue
        for f in list(out):
            if f.person.key == p1.key and f.org.type == EntityType.COUNTRY:
                out.append(Found(p2, f.org, p2.mention.title, True, f.org_tag))
                break


_HEADQUARTERS = re.compile(
    r"\bheadquarters\s+of\s+(?:the\s+)?" + T + r"|" + T + POSS + r"\s+headquarters\b"
)


def _headquarters_title(tg: Tagged, out: list[Found]) -> None:
    """'visited the headquarters of X, where he met CEO Y': the bare title is X's."""
    hq = _HEADQUARTERS.search(tg.s)
    if hq is None:
        return
    k = int(hq.group(1) or hq.group(2))
    org = tg.refs[k]
    if not _is_org(org):
        return
    for m in TAG.finditer(tg.s, hq.end()):
        p = tg.refs[int(m.group(1))]
        title = p.mention.title
        if (
            _is_person(p)
            and title
            and p.mention.link is None
            and p.mention.country_link is None
            and not (_state_role(title) and "president" not in title.lower())
            and not any(f.person.key == p.key for f in out)
            and tg.s[: m.start()].rstrip().endswith(title)
        ):
            out.append(Found(p, org, title, True, k))


_BODY_TITLES = frozenset(
    {
        "chair",
        "chairman",
        "chairwoman",
        "chairperson",
        "governor",
        "commissioner",
        "ceo",
        "administrator",
        "secretary-general",
    }
)


# a verb or noun of meeting between an official and a body named after them
_MEETING_WORDS = re.compile(
    r"\b(?:met|meets|meet|meeting|visited|visits|visit|received|receives|hosted|hosts|toured|"
    r"tours|talks|spoke|called|with)\b"
)


def _met_after(s: str, end: int, k: int) -> bool:
    """'Governor X met executives of Velk Motors': the body named after the official's name,
    past a word of meeting, is whom they met, not their own."""
    at = s.find(f"\ue000{k}\ue001")
    return at > end and _MEETING_WORDS.search(s, end, at) is not None


def _sole_body_title(tg: Tagged, out: list[Found]) -> None:
    """'The Fed held rates steady, and Chair X said ...', 'The ministry said First Vice
    Minister X met ...': a bare title in a sentence naming one body only is that body's."""
    orgs = {r.key: (k, r) for k, r in enumerate(tg.refs) if _is_org(r)}
    ministries = {
        key: v for key, v in orgs.items() if v[1].mention.text.split()[0] in ("Ministry",)
    }
    if not orgs:
        return
    for m in TAG.finditer(tg.s):
        p = tg.refs[int(m.group(1))]
        title = (p.mention.title or "").lower().split()
        if (
            not _is_person(p)
            or not title
            or p.mention.link is not None
            or p.mention.country_link is not None
            or any(f.person.key == p.key for f in out)
            or not tg.s[: m.start()].rstrip().endswith(p.mention.title or "\0")
        ):
            continue
        minister = title[-1] == "minister" and len(title) >= 2 and title[0] != "prime"
        if minister and len(ministries) == 1:
            k, org = next(iter(ministries.values()))
            out.append(Found(p, org, p.mention.title, True, k))
        elif title[-1] in _BODY_TITLES and len(orgs) == 1:
            k, org = next(iter(orgs.values()))
            if not _met_after(tg.s, m.end(), k):
                out.append(Found(p, org, p.mention.title, True, k))
