"""A person's country, read from the title the parse hangs on the name.

"Swedish National Security Advisor Henrik Landerholm", "Landerholm of Sweden",
"MORI Takeo, Vice-Minister for Foreign Affairs of Japan", "U.S. Secretary of the Treasury
Janet Yellen": a national title with no body named serves that country. Only people the
other rules tie to no body or country get one, so a named ministry still wins.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.extract.anchors import Anchored
from graph.extract.arguments import lost_apposition
from graph.extract.context import Ref
from graph.extract.lexicon import lexicon
from graph.extract.shapes import is_title_word
from graph.model import EntityType

if TYPE_CHECKING:
    from spacy.tokens import Token

MAX_DEPTH = 6  # "Minister for Foreign Affairs of the Kingdom of Sweden": six levels down


def title_countries(a: Anchored) -> list[tuple[Ref, Ref]]:
    """(person, country) pairs a sentence states through titles."""
    out: list[tuple[Ref, Ref]] = []
    for i, ref in a.head_tokens().items():
        if ref.type != EntityType.PERSON:
            continue
        tok = a.doc[i]
        country = _country_near(a, tok, ref)
        if country is not None:
            out.append((ref, country))
    for tok in a.doc:
        if a.ref(tok) is not None or not is_title_word(tok.text):
            continue
        # "Ambassador of the United States to Korea, Philip Goldberg" with the name lost
        # by the parser: the person after the comma holds the title
        person = lost_apposition(a, tok)
        country = next(
            (
                c
                for ch in tok.children
                if ch.dep_ == "prep" and ch.lower_ == "of"
                for c in [_of_country(a, ch)]
                if c is not None
            ),
            None,
        )
        if person is not None and country is not None:
            out.append((person, country))
    return out


def _country_near(a: Anchored, tok: Token, person: Ref) -> Ref | None:
    titled = False
    for ch in tok.children:
        if ch.dep_ in ("compound", "amod", "nmod") and a.ref(ch) is not person:
            found, has_title = _scan(a, ch, 0)
            titled = titled or has_title
            if found is not None and (has_title or _title_between(a, ch, tok)):
                return found
    for ch in tok.children:
        if ch.dep_ == "appos":
            found, has_title = _scan(a, ch, 0)
            if found is not None and has_title:
                return found
        if ch.dep_ == "prep" and ch.lower_ == "of" and titled_person(a, tok):
            found = _of_country(a, ch)
            if found is not None:
                return found
    title = tok.head
    posted = tok.dep_ == "pobj" and title.lower_ == "to" and title.head.i < title.i
    if posted:
        # "Brazil's Ambassador to Korea X": the parser makes the name the object of "to"
        title = title.head
    if (tok.dep_ == "appos" or posted) and title.i < tok.i and is_title_word(title.text):
        # "Ambassador of the United States to Korea, Philip Goldberg": the name stands in
        # apposition to its title; "of" names whom the title serves ("to" where it serves)
        for ch in title.children:
            if ch.dep_ == "prep" and ch.lower_ == "of":
                found = _of_country(a, ch)
                if found is not None:
                    return found
            elif ch.dep_ in ("compound", "amod", "nmod", "poss") and ch.i < title.i:
                # "Japan's foreign minister, X" as "the Japanese foreign minister, X"
                found, _ = _scan(a, ch, 0)
                if found is not None:
                    return found
    return None


# "of the Republic of Estonia": the country's formal name, hung on its head word
_STATE_WORDS = frozenset({"republic", "kingdom", "state", "federation", "commonwealth"})


def _of_country(a: Anchored, prep: Token) -> Ref | None:
    for obj in prep.children:
        if obj.dep_ != "pobj":
            continue
        ref = a.ref(obj)
        if ref is None and obj.lower_ in _STATE_WORDS:
            inner = [c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"]
            return _of_country(a, inner[0]) if inner else None
        if ref is not None and ref.type == EntityType.COUNTRY:
            return ref
    return None


def titled_person(a: Anchored, tok: Token) -> bool:
    """A title stands before the name or in apposition after it."""
    words = [c for c in tok.subtree if c.i < tok.i]
    if any(is_title_word(w.text) for w in words) or any(c.dep_ == "appos" for c in tok.children):
        return True
    # "Minister of National Defense Lars Holm of Estonia": the parser hangs the name on the
    # title's own "of" phrase
    prep = tok.head
    return (
        tok.dep_ == "pobj"
        and prep.lower_ == "of"
        and prep.head.i < prep.i
        and is_title_word(prep.head.text)
    )


def _posted_abroad(word: str) -> bool:
    """'Ambassador', 'Envoy-designate': an office held abroad, whose 'to' names the post."""
    lex = lexicon()
    low = word.lower()
    for suffix in lex.title_suffixes:
        low = low.removesuffix(suffix)
    return low in lex.abroad_titles


def _title_between(a: Anchored, left: Token, name: Token) -> bool:
    return any(is_title_word(t.text) for t in a.doc[left.i + 1 : name.i])


def _scan(a: Anchored, tok: Token, depth: int) -> tuple[Ref | None, bool]:
    """The first country in a title phrase, and whether the phrase holds a title word."""
    if depth > MAX_DEPTH:
        return None, False
    ref = a.ref(tok)
    if ref is not None and ref.type != EntityType.COUNTRY:
        return None, False  # a body in the title: that is an affiliation of its own
    found = ref
    titled = is_title_word(tok.text) or any(is_title_word(p) for p in tok.text.split("-"))
    for ch in tok.children:
        if ch.dep_ in ("relcl", "acl", "advcl", "cc", "punct"):
            continue
        if ch.dep_ == "conj" and not is_title_word(ch.text):
            continue  # "Ambassador Extraordinary and Plenipotentiary of X": one title
        if ch.dep_ == "prep" and ch.lower_ == "to" and _posted_abroad(tok.text):
            continue  # "Ambassador to Japan X": the post, not the country X serves
        sub, sub_titled = _scan(a, ch, depth + 1)
        titled = titled or sub_titled
        if found is None:
            found = sub
    return found, titled
