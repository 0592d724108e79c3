"""The reader and extractor cannot be made to crash or hang.

Hypothesis throws random and adversarial text (and bytes) at
``graph.documents`` + ``graph.extract``: the only exception allowed out is a
:class:`DocumentError` from the reader, and every extraction passes the store's
consistency checks (``graph.store.plan.plan``). A second test compares the CPU time
of the same adversarial family at 50k and 400k characters in one process: the ratio must
stay far under quadratic. No test bounds the time itself (that depends on the machine);
``bench/reliability_bench.py`` prints the figures.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.documents import make_document, read_bytes
from graph.errors import DocumentError
from graph.extract import extract
from graph.model import Document, Extraction
from graph.store.plan import plan
from tests.support.slow_texts import FAMILIES, TOKENS, adversarial, growth

adversarial_text = st.lists(
    st.one_of(st.sampled_from(TOKENS), st.text(max_size=6)), min_size=0, max_size=400
).map(lambda parts: " ".join(parts))


def run_pipeline(read: Callable[[], Document]) -> Extraction | None:
    """Read then extract; ``None`` when the reader refused the input (the one allowed error)."""
    try:
        doc = read()
    except DocumentError as exc:
        assert str(exc).strip()
        return None
    extraction = extract(doc)
    plan(extraction)  # keys known, evidence offsets inside the text, no empty names
    for entity in extraction.entities:
        for ev in entity.evidence:
            assert doc.text[ev.start : ev.end].strip()
    return extraction


PROPERTY = settings(
    max_examples=150,
    deadline=None,  # wall time per example measures the machine; growth is checked below
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,
)


@PROPERTY
@given(text=st.text(max_size=3000))
def test_random_unicode_text(text: str) -> None:
    run_pipeline(lambda: make_document(text))


@PROPERTY
@given(text=adversarial_text, kind=st.sampled_from(["text", "markdown", "html"]))
def test_adversarial_token_soup(text: str, kind: str) -> None:
    run_pipeline(lambda: make_document(text, kind=kind))


@PROPERTY
@given(data=st.binary(max_size=4000), name=st.sampled_from(["a.txt", "a.md", "a.html", None]))
def test_random_bytes(data: bytes, name: str | None) -> None:
    run_pipeline(lambda: read_bytes(data, name))


@PROPERTY
@given(text=adversarial_text, encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_adversarial_text_in_every_accepted_encoding(text: str, encoding: str) -> None:
    run_pipeline(lambda: read_bytes(text.encode(encoding, errors="surrogatepass"), "a.txt"))


# --- time grows linearly -----------------------------------------------------------------------


def read_and_extract(text: str) -> None:
    """Read then extract ``text``, checking the reader passed (nearly) all of it on."""
    doc = make_document(text)
    assert len(doc.text) > 0.9 * len(text)
    extract(doc)


@pytest.mark.long
@pytest.mark.slow
@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_time_grows_linearly_with_length(family: str) -> None:
    small, large = 50_000, 400_000
    t_small, t_large = growth(
        lambda n: adversarial(family, n), read_and_extract, small, large // small
    )
    print(f"{family}: {t_small:.2f}s CPU at {small:,} chars, {t_large:.2f}s at {large:,}")
    linear = large / small
    # A ratio of the same work in one process, so the machine's speed cancels out: quadratic
    # growth would give 64x; allow 3x the linear 8x for noise (the floor keeps a tiny t_small
    # from making the bound flap). The absolute figures: bench/reliability_bench.py.
    assert t_large < 3 * linear * max(t_small, 0.05), (family, t_small, t_large)
