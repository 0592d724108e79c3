"""The parties of a clause, read from the dependency parse.

A party is an entity mention that fills an argument of the trigger (its subject, object or
a "with"/"between" phrase), or a conjunct of one. Names deeper in the phrase count only
when they say whom an unnamed person stands for ("ambassadors from Sweden") or, as
optional parties, what a named person's title says ("the Minister of X, Kim").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from graph.extract.anchors import Anchored
from graph.extract.context import Ref
from graph.extract.lexicon import lexicon
from graph.extract.rulebook import meeting_rules
from graph.extract.shapes import head_type, is_title_word
from graph.model import EntityType

if TYPE_CHECKING:
    from spacy.tokens import Token

PARTY_TYPES = frozenset(
    {
        EntityType.PERSON,
        EntityType.GOVERNMENT_BODY,
        EntityType.COMPANY,
        EntityType.ORGANIZATION,
        EntityType.COUNTRY,
    }
)
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
# phrases that say whom an unnamed person represents: "officials from X", "CEO of X"
REPRESENT_PREPS = frozenset({"of", "from", "for"})
WORKPLACE_PREPS = frozenset({"in", "at"})
BODY_TYPES = frozenset({EntityType.GOVERNMENT_BODY, EntityType.COMPANY, EntityType.ORGANIZATION})
LIST_DEPS = frozenset({"conj", "appos"})
MAX_DEPTH = 8
MAX_TITLE_WORDS = 5  # "Deputy National Security Advisor" before a name
GROUP_NOUNS = frozenset(
    {
        "delegation",
        "delegate",
        "team",
        "staff",
        "side",
        "government",
        "regulator",
        "lawmaker",
        "negotiator",
        "representative",
        "leader",
        "envoy",
        "employee",
        "worker",
    }
)
# "business leaders including A and B": the names after these are the people meant
INCLUDING = frozenset({"including", "like"})
# participles that describe a person met rather than say what they did ("visiting X")
DESCRIBING = frozenset({"visit"})
RELATIVES = frozenset({"which", "who", "that", "whom"})


@dataclass(frozen=True)
class Party:
    ref: Ref
    optional: bool


def _is_clause(tok: Token) -> bool:
    return tok.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis")


def parties(a: Anchored, tok: Token, optional: bool = False, depth: int = 0) -> list[Party]:
    """The parties named by the phrase headed by ``tok`` (conjuncts included)."""
    if depth > MAX_DEPTH:
        return []
    out: list[Party] = []
    ref = a.ref(tok)
    if ref is not None and ref.type in PARTY_TYPES:
        out.append(Party(ref, optional))
    lost = None
    also: list[Token] = []
    if ref is None and stands_for(tok) and not any(c.dep_ == "appos" for c in tok.children):
        lost_tok = _lost_token(a, tok)
        if lost_tok is not None:
            lost = a.ref(lost_tok)
            also = _listed_after(a, lost_tok) if tok.tag_ == "NNS" else []
    for ch in tok.children:
        dep = ch.dep_
        if dep in ("cc", "punct", "det", "case"):
            continue
        own = ref is not None and a.ref(ch) is ref
        if dep == "acl" and ref is None and _led_by(tok, ch):
            # "a delegation led by X": the leader stands for the group
            for g in passive_agents(ch):
                out += parties(a, g, optional, depth + 1)
            continue
        if ref is None and _members_named(tok, ch):
            # "met a delegation which included A and B": the clause names who it was
            for o in objects(ch):
                out += parties(a, o, optional, depth + 1)
            continue
        if _is_clause(ch):
            continue
        if dep == "conj":
            # "met A of X and B of Y": the parser hangs B on X, inside A's title; a person
            # is never part of a title, so B is listed with A
            listed = optional and _person(a, ch) and ref is not None and not _person(a, tok)
            out += parties(a, ch, optional and not listed, depth + 1)
        elif dep == "appos":
            # "X, Vice-Minister of Japan": the title's bodies are optional; "the two NSAs,
            # A and B": a list of names in apposition to a common noun is the argument; a
            # person "in apposition" to another person is a list the parser misread
            listed = _person(a, tok) and _person(a, ch) and a.ref(ch) is not ref
            out += parties(a, ch, optional or (ref is not None and not listed), depth + 1)
            if ref is not None and a.ref(ch) is None:
                # "A, the US president, and B, the German chancellor,": the parser hangs
                # the next name of the list on the description
                for g in ch.children:
                    if g.dep_ == "conj" and a.ref(g) is not None:
                        out += parties(a, g, optional, depth + 1)
        elif dep in ("compound", "amod", "nmod", "poss", "npadvmod", "nummod", "quantmod"):
            if own:
                out += [p for p in parties(a, ch, optional, depth + 1) if p.ref is not ref]
            elif ref is None and (stands_for(tok) or _unnamed_body(tok)) and _names_body(a, ch):
                # "Poland's secretary of state", "Quenbry executives": unnamed officials
                # stand for the body; "Japan's foreign minister, X": a named holder's
                # country is a title, as in "Foreign Minister X of Japan"
                found = parties(a, ch, optional, depth + 1)
                if _named_holder(a, tok):
                    found = [_optional_country(p) for p in found]
                # "President X's adviser (Y)": a person is never stood for by an aide
                out += [Party(p.ref, True) if p.ref.type == EntityType.PERSON else p for p in found]
            elif dep in ("compound", "nmod") and _person(a, tok):
                # "Minister A and CEO B": the small model may hang one name, with its
                # title, on the next; a person never modifies another person's name. But
                # "President X's adviser Y met Z": X owns the title and was not there
                owners = {
                    r.key for t in ch.subtree if t.dep_ == "poss" and (r := a.ref(t)) is not None
                }
                out += [
                    Party(p.ref, optional)
                    if p.ref.type == EntityType.PERSON and p.ref.key not in owners
                    else p
                    for p in parties(a, ch, True, depth + 1)
                ]
            else:
                out += parties(a, ch, True, depth + 1)
        elif dep == "prep" and _including(ch) and (ref is None or ref.type in BODY_TYPES):
            # "officials, including X", "the Chamber of Commerce, including its president X"
            for obj in ch.children:
                if obj.dep_ == "pobj":
                    out += parties(a, obj, optional, depth + 1)
        elif dep == "prep" and ch.lower_ == "with" and ref is None and tok.tag_ == "NNS":
            # "executives with JETRO and Kawasaki": unnamed people of the bodies named
            if stands_for(tok):
                for obj in ch.children:
                    if obj.dep_ == "pobj":
                        out += [
                            p
                            for p in parties(a, obj, optional, depth + 1)
                            if p.ref.type in BODY_TYPES
                        ]
        elif dep == "prep" and ch.lower_ in WORKPLACE_PREPS and ref is None and stands_for(tok):
            # "Poland's secretary of state in the Ministry of National Defense": an unnamed
            # official stands for the body they work in
            for obj in ch.children:
                ob = a.ref(obj)
                if obj.dep_ == "pobj" and ob is not None and ob.type in BODY_TYPES:
                    out += parties(a, obj, optional, depth + 1)
        elif dep == "prep" and ch.lower_ in REPRESENT_PREPS:
            for obj in ch.children:
                if obj.dep_ == "pobj":
                    if lost is None and ref is None and stands_for(tok):
                        # "the chief executive of Vexo Chips, Lars Holm,": the parser hangs
                        # the name on the body, the nearer noun; the name holds the title
                        lost = _holder_after(a, obj)
                    # a named person's "of Sweden" is a title; an unnamed one's is whom
                    # they represent; "Ministry of Trade [and B]" is still the name itself
                    inside = ref is not None and a.ref(obj) is ref
                    found = parties(a, obj, optional or (ref is not None and not inside), depth + 1)
                    if ch.lower_ == "for" and not inside:
                        # "the U.S. envoy for North Korea": a country after "for" is the
                        # title's brief, not the side the envoy stands for
                        found = [_optional_country(p) for p in found]
                    if lost is not None:
                        # "Ambassador of the United States, X": the country is X's title
                        found = [_optional_country(p) for p in found]
                    out += found
                    if ref is None and tok.lemma_.lower() in GROUP_NOUNS:
                        # "a delegation from the Estonian parliament led by X": the parser
                        # hangs "led by" on the nearer noun; X leads the delegation
                        for c in obj.children:
                            if c.dep_ == "acl" and _led_by(tok, c):
                                for g in passive_agents(c):
                                    out += parties(a, g, optional, depth + 1)
    if lost is not None:
        # the country on a named person's title is whom they serve, as for any title
        out = [_optional_country(p) for p in out] + [Party(lost, optional)]
        for t in also:
            # "his counterparts, A of Sweden and B of Brazil": every one listed
            out += parties(a, t, optional, depth + 1)
    return _dedupe(out)


def _including(prep: Token) -> bool:
    """'including X', 'like X', 'such as X': the members of a group just named."""
    if prep.lower_ in INCLUDING:
        return True
    return prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children)


def _holder_after(a: Anchored, body: Token) -> Ref | None:
    """The person in apposition to the body of an unnamed title ('the president of Chile,
    Mateo Rojas,'), when the body is named and the person follows its comma."""
    ref = a.ref(body)
    if ref is None or ref.type not in PARTY_TYPES:
        return None
    doc = body.doc
    for c in body.children:
        k = c.left_edge.i
        if (
            c.dep_ == "appos"
            and _person(a, c)
            and k >= 2
            and doc[k - 1].text == ","
            and a.ref(doc[k - 2]) is ref
        ):
            return a.ref(c)
    return None


def _names_body(a: Anchored, ch: Token) -> bool:
    """'Poland's minister', 'Quenbry executives' (parsed as a compound or, often, as an
    adjective): the modifier says whom the unnamed people stand for; a nationality
    adjective ('Korean officials') does not make the country a party."""
    if ch.dep_ in ("poss", "compound"):
        return True
    ref = a.ref(ch)
    return ch.dep_ in ("amod", "nmod") and ref is not None and ref.type != EntityType.COUNTRY


def _named_holder(a: Anchored, title: Token) -> bool:
    """The title has the person who holds it in apposition ("its minister, X")."""
    return any(c.dep_ == "appos" and _person(a, c) for c in title.children)


def _optional_country(p: Party) -> Party:
    return Party(p.ref, True) if p.ref.type == EntityType.COUNTRY else p


def lost_apposition(a: Anchored, tok: Token) -> Ref | None:
    """'its chief technology officer, Yoon Ji-hoon,': the parser often hangs the name on
    the verb; the person named right after the comma is the one the noun describes."""
    found = _lost_token(a, tok)
    return a.ref(found) if found is not None else None


def _lost_token(a: Anchored, tok: Token) -> Token | None:
    doc = tok.doc
    k = tok.right_edge.i + 1
    posted = _posted_holder(a, tok, doc[k] if k < len(doc) else None)
    if posted is not None:
        return posted
    near = _titled_name(a, doc[k]) if k < len(doc) else None
    if near is not None and tok not in near.ancestors:
        # "her Polish counterpart Jan Kowal" with no comma: the name was hung on the verb
        return near
    # "Ambassador of X to Korea, Philip Goldberg": a short phrase may come between
    limit = min(k + 6, len(doc))
    while k < limit and doc[k].text != ",":
        if doc[k].pos_ in ("VERB", "AUX") or _person(a, doc[k]):
            return None
        k += 1
    if k + 1 >= len(doc) or doc[k].text != ",":
        return None
    return _titled_name(a, doc[k + 1])


def _posted_holder(a: Anchored, title: Token, after: Token | None) -> Token | None:
    """'Ambassador to Korea Paulo Reis': the parser makes the name the object of the
    title's 'to' (or of a 'to' hung on the verb right after the title); the person named
    there holds the title, the place is where they serve."""
    if not _title_token(title):
        return None
    preps = [c for c in title.children if c.dep_ == "prep" and c.lower_ == "to"]
    if after is not None and after.lower_ == "to" and after.dep_ == "prep":
        preps.append(after)
    for prep in preps:
        for obj in prep.children:
            if obj.dep_ == "pobj" and _person(a, obj) and _place_before(a, prep, obj):
                return obj
    return None


def _title_token(tok: Token) -> bool:
    """'Ambassador', or 'designate' of 'Ambassador-designate', which the parser splits in
    three and heads by its last word."""
    if is_title_word(tok.text):
        return True
    doc, i = tok.doc, tok.i
    return i >= 2 and doc[i - 1].text == "-" and is_title_word(f"{doc[i - 2].text}-{tok.text}")


def _place_before(a: Anchored, prep: Token, name: Token) -> bool:
    """A country or place is written between 'to' and the name ('to the ROK X')."""
    between = [t for t in prep.doc[prep.i + 1 : name.i] if a.ref(t) is not a.ref(name)]
    return any(a.ref(t) is not None for t in between) or any(
        t.pos_ == "PROPN" and t.ent_type_ in ("GPE", "LOC") for t in between
    )


def _titled_name(a: Anchored, first: Token) -> Token | None:
    """The person a phrase opens with, past a title written before the name ('his
    counterparts, National Security Advisor X of Sweden')."""
    doc = first.doc
    j = first.i
    while j < min(first.i + MAX_TITLE_WORDS, len(doc)) and a.ref(doc[j]) is None:
        if doc[j].dep_ != "compound" or not doc[j].text[:1].isupper():
            return None
        j += 1
    if j >= len(doc) or not _person(a, doc[j]):
        return None
    person = a.ref(doc[j])
    if j > first.i and not any(a.ref(t) is person for t in doc[first.i].ancestors):
        return None  # the capitalized words are not the name's own title
    name = doc[j]
    while name.head.i != name.i and a.ref(name.head) is a.ref(name):
        name = name.head  # the head of the name's own words
    return name


def _listed_after(a: Anchored, name: Token) -> list[Token]:
    """People listed after a name the parser hung on the verb ('A of Sweden and B')."""
    return [c for c in name.children if c.dep_ == "conj" and _person(a, c)]


def _person(a: Anchored, tok: Token) -> bool:
    ref = a.ref(tok)
    return ref is not None and ref.type == EntityType.PERSON


def _members_named(group: Token, clause: Token) -> bool:
    """'a group that included A, B and C': a relative clause of a group noun that lists its
    members (``representation.member_lemmas`` / ``member_subjects`` in the rules)."""
    rules = meeting_rules().representation
    if clause.dep_ != "relcl" or clause.lemma_.lower() not in rules.member_lemmas:
        return False
    if group.lemma_.lower() not in rules.member_subjects:
        return False
    return all(c.lower_ in RELATIVES for c in clause.children if c.dep_ in SUBJECTS)


def _led_by(group: Token, clause: Token) -> bool:
    return group.lemma_.lower() in GROUP_NOUNS and clause.lemma_.lower() in ("lead", "head")


def workplace(a: Anchored, verb: Token, unnamed: list[Token]) -> list[Party]:
    """'met with Poland's secretary of state in the Ministry of National Defense': the parser
    hangs the body on the verb; with an unnamed official as the other side, it is whom
    that official stands for."""
    if not any(a.ref(t) is None and stands_for(t) and not _represents_named(a, t) for t in unnamed):
        return []  # "the leaders of Japan ... at the White House": they stand for Japan
    if any(_lists_members(t) for t in [verb, *unnamed]):
        return []  # "met business leaders at the White House, including X": named already
    out: list[Party] = []
    for ch in verb.children:
        if ch.dep_ == "prep" and ch.lower_ in WORKPLACE_PREPS:
            for obj in ch.children:
                ob = a.ref(obj)
                if obj.dep_ == "pobj" and ob is not None and ob.type in BODY_TYPES:
                    out.append(Party(ob, False))
    return out


def site_owners(a: Anchored, site: Token) -> list[Party]:
    """'toured Vexo Motors' plant', 'the headquarters of Vexo Motors': an unnamed site stands
    for whoever is named as owning it (possessor, modifier or "of" phrase)."""
    if a.ref(site) is not None:
        return []
    out: list[Party] = []
    for ch in site.children:
        if ch.dep_ in ("poss", "compound", "nmod") and a.ref(ch) is not None:
            out += parties(a, ch)
        elif ch.dep_ == "prep" and ch.lower_ == "of":
            for obj in ch.children:
                if obj.dep_ == "pobj":
                    out += parties(a, obj)
    return _dedupe(out)


def _lists_members(tok: Token) -> bool:
    """'officials, including X and Y': the people are named by the list."""
    return any(c.dep_ == "prep" and c.lower_ in INCLUDING for c in tok.children)


def _represents_named(a: Anchored, tok: Token) -> bool:
    """'the leaders of Japan': an 'of'/'from' phrase names whom they stand for."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in REPRESENT_PREPS
        and any(g.dep_ == "pobj" and a.ref(g) is not None for g in c.children)
        for c in tok.children
    )


def _unnamed_body(tok: Token) -> bool:
    """'Peru's trade ministry', 'the Velk agency': a body's head word in lower case, a body
    the text does not name; its owner acts through it."""
    return tok.text.islower() and head_type(tok.text.capitalize()) == "GovernmentBody"


def stands_for(tok: Token) -> bool:
    """A common noun for people who act for a body: officials, a minister, a delegation."""
    lex = lexicon()
    low = tok.lemma_.lower()
    if low in lex.role_nouns or low in lex.title_prefix or low in GROUP_NOUNS:
        return True
    return _title_token(tok)  # "designate" of "Ambassador-designate"


def _dedupe(found: list[Party]) -> list[Party]:
    seen: dict[str, Party] = {}
    for p in found:
        have = seen.get(p.ref.key)
        if have is None or (have.optional and not p.optional):
            seen[p.ref.key] = p
    return list(seen.values())


def subjects(tok: Token) -> list[Token]:
    """The subject tokens of a verb, borrowed from the verb it is conjoined to or serves."""
    found = [c for c in tok.children if c.dep_ in ("nsubj", "csubj")]
    if tok.dep_ == "relcl" and all(c.lower_ in RELATIVES for c in found):
        # "the session, which brought together ...": the noun it describes
        return _among(tok.head) or [tok.head]
    if found:
        return found
    if tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return [tok.head]
    lost = _lost_main_verb(tok)
    if lost is not None:
        return [lost]
    if tok.dep_ in ("conj", "xcomp", "advcl", "ccomp", "pcomp", "acomp") and tok.head.i != tok.i:
        if tok.dep_ == "advcl" and any(c.dep_ == "mark" for c in tok.children):
            # "after X met Y, Z said": a subordinate clause has its own subject or none
            return []
        head = tok.head
        if tok.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
            head = head.head  # "X said after meeting Y": the clause's subject met Y
        if tok.dep_ == "xcomp" and not any(c.dep_ in ("nsubj", "csubj") for c in head.children):
            # "X is scheduled to meet Y": the passive verb's subject does the meeting
            passive = [c for c in head.children if c.dep_ == "nsubjpass"]
            if passive:
                return passive
        return subjects(head)
    return []


def _lost_main_verb(tok: Token) -> Token | None:
    """'A delegation of X called on Y on Friday': the small model may read the sentence's
    verb, in the past tense, as a modifier of its subject (or of the last noun of the
    subject's "of" phrase), and the subject becomes the root. Returns that subject. A
    participle ('a delegation led by X') stays a modifier."""
    if (
        tok.dep_ != "acl"
        or tok.tag_ != "VBD"
        or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children)
    ):
        return None
    root = tok.head
    while root.dep_ in ("pobj", "prep") and root.head.i != root.i:
        root = root.head
    if root.dep_ != "ROOT" or root.pos_ not in ("NOUN", "PROPN") or root.i > tok.i:
        return None
    return root


def _among(noun: Token) -> list[Token]:
    """'A and B were among the executives who attended': the subjects of 'be among'."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "among" or prep.head.lemma_ != "be":
        return []
    return [c for c in prep.head.children if c.dep_ == "nsubj"]


def misread_modifier(tok: Token) -> tuple[list[Token], list[Token]] | None:
    """'A, head of X, briefed officials on Y and showed Z': the small model sometimes reads
    the verb as a modifier of its object, which then becomes a second subject of the next
    verb. Returns the (subjects, objects) the sentence states, or None for a true modifier.
    """
    if tok.dep_ != "amod" or tok.tag_ not in ("VBN", "VBD") or tok.i == 0:
        return None
    noun = tok.head
    if tok.doc[tok.i - 1].lower_ != "," or noun.i < tok.i or noun.dep_ != "nsubj":
        return None
    own = [c for c in tok.children if c.dep_ == "nsubj"]
    others = own or [c for c in noun.head.children if c.dep_ == "nsubj" and c.i < tok.i]
    return (others, [noun]) if others else None


def passive_agents(tok: Token) -> list[Token]:
    """``by`` objects of a passive verb ("was attended by A and B")."""
    out = []
    for c in tok.children:
        if c.dep_ == "agent":
            out += [g for g in c.children if g.dep_ == "pobj"]
    return out


def prep_objects(tok: Token, preps: list[str], depth: int = 1) -> list[Token]:
    """Objects of the named prepositions attached to ``tok`` ("with X", "between A and B").

    With ``depth`` > 1 the phrase may hang lower, on the object of another preposition
    ("a workshop on AI security with X"), as the parser often attaches it.
    """
    out = []
    for c in tok.children:
        if c.dep_ != "prep":
            continue
        objs = [g for g in c.children if g.dep_ == "pobj"] or _described_objects(c)
        if c.lower_ in preps:
            out += objs + _cut_off(tok, objs)
        elif depth > 1:
            for g in objs:
                out += prep_objects(g, preps, depth - 1)
    return out


def _described_objects(prep: Token) -> list[Token]:
    """'met with visiting Prime Minister X': the parser reads the participle as the object
    of "with" and the name as its object; the name is whom the phrase names."""
    return [
        g
        for p in prep.children
        if p.dep_ == "pcomp" and p.tag_ == "VBG" and p.lemma_.lower() in DESCRIBING
        for g in p.children
        if g.dep_ == "dobj"
    ]


def _cut_off(head: Token, objs: list[Token]) -> list[Token]:
    """'had lunch with Vexo Chips chief executive Lena Wirth': the small model ends the phrase
    at the company and hangs the titled name, right after it, on the verb."""
    ends = {g.right_edge.i + 1 for g in objs}
    return [
        x
        for x in head.children
        if x.dep_ in ("dobj", "npadvmod") and x.pos_ == "PROPN" and x.left_edge.i in ends
    ]


def objects(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ in ("dobj", "attr", "oprd")]
