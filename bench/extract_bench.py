"""Extraction throughput on one core: articles/s and words/s over generated articles.

Usage: python bench/extract_bench.py [-n 1000] [--seed 0]
Documents are built first (not timed); only ``extract`` is timed.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate_articles  # noqa: E402

from graph.documents import read_bytes  # noqa: E402
from graph.extract import extract  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    articles = generate_articles(args.n, args.seed)
    docs = [read_bytes(a.text.encode("utf-8"), f"{a.id}.txt") for a in articles]
    prep = time.perf_counter() - t0
    words = sum(len(d.text.split()) for d in docs)
    extract(docs[0])  # warm caches (lexicon load)
    t1 = time.perf_counter()
    c1 = time.process_time()
    meetings = people = 0
    for d in docs:
        x = extract(d)
        meetings += len(x.meetings)
        people += sum(1 for e in x.entities if e.type.value == "Person")
    wall = time.perf_counter() - t1
    cpu = time.process_time() - c1  # CPU time: a fair single-core figure on a busy machine
    print(f"articles: {len(docs)}  words: {words}  (generation+reading {prep:.2f}s, not timed)")
    print(f"extraction CPU time: {cpu:.2f}s  (wall {wall:.2f}s)")
    print(
        f"throughput (one core): {len(docs) / cpu:.1f} articles/s  {words / cpu:,.0f} words/s"
        f"  [wall clock: {len(docs) / wall:.1f} articles/s]"
    )
    print(f"found: {meetings} meetings, {people} people")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
