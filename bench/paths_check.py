"""/paths' bounded search against the former statement: the same shortest paths, pair by pair.

Reuses the generated graph ``bench/api_bench.py --home DIR`` built (and its MET summary), picks
pairs 1 to 6 hops apart, and compares every shortest path (as its node ids and relationship
types) that ``cypher/api/shortest_paths.cypher`` (Neo4j's allShortestPaths over the facts)
finds with what ``graph.read.paths.search`` finds, each with a limit high enough for all.

    .venv/bin/python bench/paths_check.py --home .whomet/tmp/bench-s8 --scale 8
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from api_bench import dedicated_neo4j, generate, hop_pairs  # noqa: E402

from graph.database.cypher import query  # noqa: E402
from graph.database.db import Graph  # noqa: E402
from graph.read.paths import search  # noqa: E402
from graph.read.reads import Reads  # noqa: E402

ALL = 1000  # paths per pair, more than any pair here has


def shape(row: dict[str, Any]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    nodes = tuple(str(n["props"]["id"]) for n in row["nodes"])
    return nodes, tuple(str(r["type"]) for r in row["rels"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--scale", type=float, default=8.0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--pairs", type=int, default=10, help="pairs per distance")
    args = parser.parse_args()
    data = generate(args.scale, args.seed)
    rng = random.Random(args.seed + 2)
    differ = 0
    with dedicated_neo4j(None, args.home) as settings, Graph.connect(settings) as graph:
        reads = Reads(graph)
        for hops in range(1, 7):
            for a, b in hop_pairs(data, hops, args.pairs, rng):
                began = time.perf_counter()
                old = graph.read(query("api/shortest_paths"), {"from": a, "to": b, "limit": ALL})
                mid = time.perf_counter()
                new = search(reads, a, b, 6, ALL)
                done = time.perf_counter()
                same = sorted(map(shape, old)) == sorted(map(shape, new))
                full = len(old) == len(new) == ALL  # both cut at the limit: any ALL of them
                differ += not same and not full
                verdict = "same" if same else "both at the limit" if full else "DIFFERENT"
                print(
                    f"{hops} hops  {a} -> {b}: {len(old)} / {len(new)} paths  {verdict}"
                    f"  ({(mid - began) * 1000:.0f} ms / {(done - mid) * 1000:.0f} ms)"
                )
    print("all the same" if not differ else f"{differ} pairs differ")
    raise SystemExit(1 if differ else 0)


if __name__ == "__main__":
    main()
