"""Does extracting a long text slow down later extraction in the same process?

Times (CPU, this process) 20 short real texts of ``eval/real``, then one 400,000-character
text of each kind (the real texts repeated, and each adversarial family of
``tests/support/slow_texts.py``), each followed by the 20 short texts again; prints the
ratio after/before. A cache that grew with what was read would show here as a ratio > 1.

    .venv/bin/python bench/extract_after_long.py [family ...]
"""

from __future__ import annotations

import gc
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.documents import read_bytes, read_path  # noqa: E402
from graph.extract import extract  # noqa: E402
from graph.model import Document  # noqa: E402
from tests.support.slow_texts import FAMILIES, adversarial  # noqa: E402

REAL = Path(__file__).resolve().parents[1] / "eval" / "real"
LONG = 400_000


def cpu(docs: list[Document]) -> float:
    began = time.process_time()
    for doc in docs:
        extract(doc)
    return time.process_time() - began


def main() -> None:
    shorts = [read_path(p) for p in sorted(REAL.glob("*.txt"))][:20]
    body = "\n\n".join(d.text for d in shorts)
    kinds = {"real, repeated": (body + "\n\n") * (LONG // len(body) + 1)}
    for family in sys.argv[1:] or list(FAMILIES):
        kinds[family] = adversarial(family, LONG)
    cpu(shorts[:1])  # the pipeline and word lists load once
    cpu(shorts)
    before = cpu(shorts)
    print(f"20 short texts ({sum(len(d.text) for d in shorts):,} chars): {before:.2f} s CPU")
    for label, text in kinds.items():
        doc = read_bytes(text[:LONG].encode("utf-8"), "long.txt")
        took = cpu([doc])
        after = cpu(shorts)
        print(
            f"after {label} ({len(doc.text):,} chars, {took:.1f} s): 20 short {after:.2f} s"
            f" = {after / before:.1f}x; gc objects {len(gc.get_objects()):,}",
            flush=True,
        )


if __name__ == "__main__":
    main()
