"""The statistical backbone: one pretrained spaCy pipeline per process, loaded lazily.

Loading takes about a second, so it happens once per process (CLI, API worker,
extraction worker), never per document. The pipeline is named by
``WHOMET_NLP_MODEL`` (an installed package or a path); nothing is downloaded.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from graph.errors import WhometError
from graph.extract.version import configured_model

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# The lemmatizer's rule tables are what trigger rules match on; nothing is excluded.
BATCH = 64


class NlpModelMissing(WhometError):
    """The configured spaCy pipeline is not installed (it is never fetched at run time)."""


@lru_cache(maxsize=2)
def pipeline(name: str | None = None) -> Language:
    """The loaded pipeline (cached per process)."""
    import spacy

    chosen = name or configured_model()
    try:
        nlp = spacy.load(chosen)
    except OSError as exc:
        raise NlpModelMissing(
            f"spaCy pipeline {chosen!r} is not installed; install it as a package "
            f"(the default is pinned in pyproject.toml) or set WHOMET_NLP_MODEL: {exc}"
        ) from exc
    _keep_co_verbs_whole(nlp)
    # "(ANI): Lee met ..." : the tokenizer keeps "):" whole (an emoticon), which hangs the
    # sentence after a dateline on the dateline
    tokenizer = nlp.tokenizer
    if hasattr(tokenizer, "add_special_case"):
        tokenizer.add_special_case("):", [{"ORTH": ")"}, {"ORTH": ":"}])
    if "parser" in nlp.pipe_names and ONE_SENTENCE not in nlp.pipe_names:
        from spacy.language import Language

        if not Language.has_factory(ONE_SENTENCE):
            Language.component(ONE_SENTENCE, func=_one_sentence)
        nlp.add_pipe(ONE_SENTENCE, before="parser")
    return nlp


ONE_SENTENCE = "whomet_one_sentence"


def _one_sentence(doc: Doc) -> Doc:
    """The reader has already cut sentences at their full stops, so a word ending in one
    inside the text is an abbreviation ("Corp.", "Jr.", "Y."): the parser may not start a
    sentence after it ("X, Velk Motors Corp. CEO, met Y" was cut after "Corp." and lost its
    subject). Elsewhere (a colon after a dateline) it still may."""
    for prev, tok in zip(doc[:-1], doc[1:], strict=True):
        if len(prev.text) > 1 and prev.text.endswith("."):
            tok.is_sent_start = False
    return doc


# "co-chaired", "co-hosts": verbs the tokenizer would split at the hyphen ("co" "-"
# "chaired"), which wrecks the parse of the whole clause; the rules' governors name them.
_CO_VERB = re.compile(r"(co-[a-z]+?)(?:s|ed|ing)?")
_CO_ENDINGS = ("", "s", "ed", "ing")


def _co_verbs() -> list[str]:
    from graph.extract.rulebook import meeting_rules

    return sorted(g for g in meeting_rules().nouns.governors if g.startswith("co-"))


def _keep_co_verbs_whole(nlp: Language) -> None:
    """Each inflection of a 'co-' verb is one token ('co-hosted' -> 'co-host' below)."""
    from spacy.symbols import ORTH
    from spacy.tokenizer import Tokenizer

    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return  # a custom tokenizer: nothing to teach
    for verb in _co_verbs():
        for ending in _CO_ENDINGS:
            for form in (verb + ending, (verb + ending).capitalize()):
                tokenizer.add_special_case(form, [{ORTH: form}])


def _fix_co_lemmas(doc: Doc, verbs: frozenset[str]) -> Doc:
    """The lemmatizer does not know 'co-chaired'; its lemma is the verb the rules name."""
    for tok in doc:
        if tok.lower_.startswith("co-"):
            m = _CO_VERB.fullmatch(tok.lower_)
            if m is not None and m.group(1) in verbs:
                tok.lemma_ = m.group(1)
    return doc


# A "sentence" longer than this is not prose (a run of quotes, a table flattened into one
# line): it is tokenized but not parsed, which would take seconds and find nothing.
MAX_PARSED_CHARS = 5000


# Text with no word of two letters ('"""...', '"a" "a" ...') states nothing to parse.
_WORD = re.compile(r"[^\W\d_]{2}")


def _parsable(text: str) -> bool:
    return len(text) <= MAX_PARSED_CHARS and _WORD.search(text) is not None


# "Park Min-ho", "CHO Tae-yul": a hyphenated given name after an East Asian family name. The
# tokenizer splits it at the hyphen ("Min" "-" "ho"), and the small model then misreads the
# clause around it: the verb after a titled name becomes a modifier of its object
# ("Minister Park Min-ho held talks with": "held" an adjective of "talks"). Kept whole, the
# name reads like an adjective ("High-level"). So the text is parsed with the hyphen left
# out ("Minho", a name), and the parse is laid back over the text as written.
_GIVEN_NAME = re.compile(r"\b([A-Za-z]{1,8}) ([A-Z][a-z]{1,4})-([a-z]{2,5})\b")


def _name_hyphens(text: str) -> list[int]:
    """Where the hyphens inside East Asian given names are (their offsets)."""
    from graph.extract.lexicon import lexicon

    surnames = lexicon().east_asian_surnames
    return [m.end(2) for m in _GIVEN_NAME.finditer(text) if m.group(1).casefold() in surnames]


def _without(text: str, cuts: list[int]) -> str:
    out, last = [], 0
    for c in cuts:
        out.append(text[last:c])
        last = c + 1
    out.append(text[last:])
    return "".join(out)


def _as_written(doc: Doc, text: str, cuts: list[int]) -> Doc:
    """``doc`` (parsed from ``text`` without the hyphens at ``cuts``) over ``text`` itself."""
    from spacy.tokens import Doc as _Doc

    def shift(pos: int) -> int:  # an offset of the parsed text -> one of ``text``
        for c in cuts:
            if c <= pos:
                pos += 1
        return pos

    words, spaces = [], []
    for tok in doc:
        start = shift(tok.idx)
        end = shift(tok.idx + len(tok.text) - 1) + 1
        words.append(text[start:end])
        spaces.append(bool(tok.whitespace_))
    ents = [f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in ("B", "I") else "O" for t in doc]
    out = _Doc(
        doc.vocab,
        words=words,
        spaces=spaces,
        tags=[t.tag_ for t in doc],
        pos=[t.pos_ for t in doc],
        morphs=[str(t.morph) for t in doc],
        lemmas=[t.lemma_ if t.text == w else w for t, w in zip(doc, words, strict=True)],
        heads=[t.head.i for t in doc],
        deps=[t.dep_ for t in doc],
        ents=ents,
    )
    return out


def parse_all(texts: list[str], name: str | None = None) -> list[Doc]:
    """Parse several texts in one batch (much faster than one call each)."""
    nlp = pipeline(name)
    verbs = frozenset(_co_verbs())
    cuts = [_name_hyphens(t) for t in texts]
    fed = [_without(t, c) if c else t for t, c in zip(texts, cuts, strict=True)]
    parsed = iter(nlp.pipe([f for f in fed if _parsable(f)], batch_size=BATCH))
    out: list[Doc] = []
    for t, f, c in zip(texts, fed, cuts, strict=True):
        if not _parsable(f):
            out.append(nlp.make_doc(t))
            continue
        doc = _fix_co_lemmas(next(parsed), verbs)
        out.append(_as_written(doc, t, c) if c else doc)
    return out
