"""Extraction throughput on one core: articles/s and words/s over generated articles and
over the real texts of the evaluation set (``eval/real``).

Usage: python bench/extract_bench.py [-n 1000] [--seed 0] [--real eval/real] [--rounds 5]
Documents are read first (not timed); only ``extract`` is timed, in CPU time of this one
process. The real texts are few (24), so they are extracted ``--rounds`` times.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate_articles  # noqa: E402

from graph.documents import read_bytes, read_path  # noqa: E402
from graph.extract import extract  # noqa: E402
from graph.model import Document  # noqa: E402

REAL = Path(__file__).resolve().parents[1] / "eval" / "real"


def timed(docs: list[Document], rounds: int = 1) -> tuple[float, float, int, int]:
    """CPU and wall seconds to extract ``docs`` ``rounds`` times; meetings and people found."""
    t1 = time.perf_counter()
    c1 = time.process_time()
    meetings = people = 0
    for _ in range(rounds):
        for d in docs:
            x = extract(d)
            meetings += len(x.meetings)
            people += sum(1 for e in x.entities if e.type.value == "Person")
    return time.process_time() - c1, time.perf_counter() - t1, meetings, people


def report(label: str, docs: list[Document], rounds: int = 1) -> None:
    cpu, wall, meetings, people = timed(docs, rounds)
    n = len(docs) * rounds
    words = sum(len(d.text.split()) for d in docs) * rounds
    print(f"{label}: {len(docs)} articles x {rounds}, {words // rounds} words per round")
    print(f"  extraction CPU time: {cpu:.2f}s  (wall {wall:.2f}s)")
    print(
        f"  throughput (one core): {n / cpu:.1f} articles/s  {words / cpu:,.0f} words/s"
        f"  [wall clock: {n / wall:.1f} articles/s]"
    )
    print(f"  found: {meetings // rounds} meetings, {people // rounds} people per round")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("-n", type=int, default=1000, help="generated articles")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--real", type=Path, default=REAL, help="folder of real .txt articles")
    ap.add_argument("--rounds", type=int, default=5, help="passes over the real articles")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    articles = generate_articles(args.n, args.seed)
    generated = [read_bytes(a.text.encode("utf-8"), f"{a.id}.txt") for a in articles]
    real = [read_path(p) for p in sorted(args.real.glob("*.txt"))]
    print(f"(generation and reading {time.perf_counter() - t0:.2f}s, not timed)")
    extract(generated[0])  # warm caches (word lists, the NLP pipeline)
    report("generated corpus (bench/corpus.py)", generated)
    if real:
        report(f"real texts ({args.real})", real, args.rounds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
