"""Figures for docs/reliability.md that the tests no longer assert: how long each hostile
input takes to read and extract, how fast an oversized file is refused, and the CPU time of
the slow text families at two sizes (the tests assert only the ratio, which a busy machine
does not change).

    .venv/bin/python bench/reliability_bench.py [--only inputs,size-cap,families,pathological]

No database: the reader and the extractor alone, the part of an upload or a ``whomet load``
that grows with the text. Times are this machine's; the load average is printed with them
(on a shared 2-core machine the same run varies by 2x or more).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.documents import make_document, read_bytes, read_path  # noqa: E402
from graph.errors import DocumentError  # noqa: E402
from graph.extract import extract  # noqa: E402
from graph.model import Document  # noqa: E402
from graph.store.plan import plan  # noqa: E402
from tests.support.bad_inputs import ARTICLE, BAD_INPUTS  # noqa: E402
from tests.support.slow_texts import (  # noqa: E402
    FAMILIES,
    PATHOLOGICAL,
    adversarial,
    cpu_seconds,
    growth,
)

SECTIONS = ("inputs", "size-cap", "families", "pathological")


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.1f} {five:.1f} {fifteen:.1f}"


def timed(work: Callable[[], object]) -> tuple[float, float]:
    """Wall and CPU seconds of ``work()``."""
    started = time.monotonic()
    cpu = cpu_seconds(work)
    return time.monotonic() - started, cpu


def inputs() -> None:
    """Each input of tests/support/bad_inputs.py through the reader, and the extractor when
    read (what test_reliability_inputs.py runs, and most of an upload's time)."""
    print(f"\nhostile inputs: read (+ extract + plan when read)  [{load()}]")
    read_one(ARTICLE.encode(), "warm-up.txt")  # the lexicon and regexes load once
    for case in BAD_INPUTS:
        data = case.make()
        started, cpu = time.monotonic(), time.process_time()
        outcome = read_one(data, case.filename)
        wall, cpu = time.monotonic() - started, time.process_time() - cpu
        print(f"  {case.name:24} {outcome:24} {wall:7.2f} s wall {cpu:7.2f} s CPU")


def read_one(data: bytes, filename: str) -> str:
    """Read, then extract and plan what was read; what happened, in a few words."""
    try:
        doc = read_bytes(data, filename)
    except DocumentError:
        return "refused"
    plan(extract(doc))
    return f"read, {len(doc.text):,} chars"


def size_cap() -> None:
    """A sparse 1 GB file: refused from its size (the test checks that nothing is read)."""
    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "sparse.txt"
        with big.open("wb") as handle:
            handle.truncate(1_000_000_000)

        def refuse() -> None:
            try:
                read_path(big)
            except DocumentError:
                return
            raise SystemExit("a 1 GB file was read")

        wall, _ = timed(refuse)
    print(f"\nsparse 1 GB file refused in {wall * 1000:.1f} ms  [{load()}]")


def read_and_extract(text: str) -> Document:
    doc = make_document(text)
    extract(doc)
    return doc


def show_growth(title: str, rows: list[tuple[str, int, int, tuple[float, float]]]) -> None:
    print(f"\n{title}  [{load()}]")
    for name, n, factor, (small, large) in rows:
        ratio = large / small if small else float("inf")
        print(
            f"  {name:16} {small:6.2f} s CPU at {n:,} chars, {large:6.2f} s at {factor * n:,}"
            f"  ({ratio:.1f}x for {factor}x the text)"
        )


def families() -> None:
    """test_reliability_extraction.py::test_time_grows_linearly_with_length's texts."""
    rows = []
    for family in sorted(FAMILIES):

        def make(n: int, family: str = family) -> str:
            return adversarial(family, n)

        rows.append((family, 50_000, 8, growth(make, read_and_extract, 50_000, 8)))
    show_growth("adversarial families, read + extract (quadratic would be 64x)", rows)


def pathological() -> None:
    """test_extract_robustness.py::test_pathological_text_grows_linearly's texts, at the
    sizes the tests asserted absolute bounds on before (100,000 and 200,000 characters)."""
    sizes = {"long-line": 50_000}

    def run(text: str) -> None:
        extract(Document(id="b", text=text, content_hash="b"))

    rows = []
    for name in sorted(PATHOLOGICAL):
        n = sizes.get(name, 25_000)
        rows.append((name, n, 4, growth(PATHOLOGICAL[name], run, n, 4)))
    show_growth("pathological texts, extract only (quadratic would be 16x)", rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default=",".join(SECTIONS), help="comma-separated sections")
    args = parser.parse_args()
    chosen = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = set(chosen) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section(s): {', '.join(sorted(unknown))}")
    runs = {"inputs": inputs, "size-cap": size_cap, "families": families}
    runs |= {"pathological": pathological}
    for section in chosen:
        runs[section]()


if __name__ == "__main__":
    main()
