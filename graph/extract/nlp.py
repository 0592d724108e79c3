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
        return spacy.load(chosen)
    except OSError as exc:
        raise NlpModelMissing(
            f"spaCy pipeline {chosen!r} is not installed; install it as a package "
            f"(the default is pinned in pyproject.toml) or set WHOMET_NLP_MODEL: {exc}"
        ) from exc


# A "sentence" longer than this is not prose (a run of quotes, a table flattened into one
# line): it is tokenized but not parsed, which would take seconds and find nothing.
MAX_PARSED_CHARS = 5000


# Text with no word of two letters ('"""...', '"a" "a" ...') states nothing to parse.
_WORD = re.compile(r"[^\W\d_]{2}")


def _parsable(text: str) -> bool:
    return len(text) <= MAX_PARSED_CHARS and _WORD.search(text) is not None


def parse_all(texts: list[str], name: str | None = None) -> list[Doc]:
    """Parse several texts in one batch (much faster than one call each)."""
    nlp = pipeline(name)
    parsed = iter(nlp.pipe([t for t in texts if _parsable(t)], batch_size=BATCH))
    return [next(parsed) if _parsable(t) else nlp.make_doc(t) for t in texts]
