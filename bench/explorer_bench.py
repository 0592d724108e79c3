"""Page times of the explorer on a generated graph of >= 100,000 relationships.

Builds the same synthetic graph as ``bench/api_bench.py`` (a dedicated Neo4j in a
throwaway folder unless ``--uri`` names an empty one), serves the API in a subprocess,
then requests each kind of explorer page in turn from an httpx client and prints
p50/p95 per page (sequential requests over loopback, after a warm-up).

    .venv/bin/python bench/explorer_bench.py                 # ~125k relationships
    .venv/bin/python bench/explorer_bench.py --requests 100
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from api_bench import api_server, dedicated_neo4j, generate, report, timed, write  # noqa: E402

from graph.database.cypher import CYPHER_DIR, query  # noqa: E402
from graph.database.db import Graph  # noqa: E402
from graph.database.schema import apply_schema  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="1 = ~125k relationships")
    parser.add_argument("--requests", type=int, default=200, help="timed requests per page")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--uri", help="an EMPTY Neo4j to use instead of starting one")
    args = parser.parse_args()

    data = generate(args.scale, args.seed)
    with dedicated_neo4j(args.uri) as settings:
        with Graph.connect(settings) as graph:
            if graph.read(query("api/bench/counts"))[0]["nodes"]:
                raise SystemExit(f"{settings.neo4j_uri} is not empty; the benchmark needs its own")
            apply_schema(graph)
            began = time.perf_counter()
            nodes, rels = write(graph, data)
            print(
                f"graph: {nodes} nodes, {rels} relationships ({time.perf_counter() - began:.0f} s)"
            )
            if rels < 100_000:
                raise SystemExit("fewer than 100,000 relationships: raise --scale")
        rng = random.Random(args.seed + 1)
        n = args.requests
        q = quote
        active = sorted({f["source"] for f in data.facts if f["target_kind"] == "event"})
        names = {e["id"]: e["props"]["name"] for e in data.entities}
        events = [e["props"]["id"] for e in data.events]
        docs = [d["id"] for d in data.documents]
        words = [names[i].split()[0][:4] for i in active]

        def pages(make: Callable[[], str]) -> Callable[[], list[str]]:
            return lambda: [make() for _ in range(n)]

        scenarios: list[tuple[str, Callable[[], list[str]]]] = [
            ("/ (home)", lambda: ["/"] * max(20, n // 5)),
            ("/search?q= (4 letters)", pages(lambda: f"/search?q={q(rng.choice(words))}")),
            (
                "/entity/{id} (random participant)",
                pages(lambda: f"/entity/{q(rng.choice(active))}"),
            ),
            ("/entity/{name}", pages(lambda: f"/entity/{q(names[rng.choice(active)])}")),
            ("/meeting/{id}", pages(lambda: f"/meeting/{q(rng.choice(events))}")),
            ("/document/{id}", pages(lambda: f"/document/{q(rng.choice(docs))}")),
            ("/meetings?page=N", pages(lambda: f"/meetings?page={rng.randint(1, 200)}")),
            (
                "/meetings?since&until (a month)",
                pages(lambda: f"/meetings?since=2025-{rng.randint(1, 12):02d}-01&until=2025-12-31"),
            ),
            ("/documents?page=N", pages(lambda: f"/documents?page={rng.randint(1, 100)}")),
            (
                "/api/v1/entities?q= (type-ahead)",
                pages(lambda: f"/api/v1/entities?limit=8&q={q(rng.choice(words))}"),
            ),
        ]
        with (
            api_server(settings, CYPHER_DIR) as base,
            httpx.Client(base_url=base, timeout=60) as client,
        ):
            print(f"API at {base}; sequential requests over loopback:")
            for name, make in scenarios:
                report(name, timed(client, make(), warmup=10))


if __name__ == "__main__":
    main()
