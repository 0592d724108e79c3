"""Page times of the explorer on a generated graph of >= 100,000 relationships.

Builds the same synthetic graph as ``bench/api_bench.py`` (a dedicated Neo4j in a
throwaway folder unless ``--uri`` names an empty one), serves the API in a subprocess,
then requests each kind of explorer page in turn from an httpx client and prints
p50/p95 per page (sequential requests over loopback, after a warm-up). The pages are the
ones a user opens: the lists, an entity page and the ego-graph frame it loads, a meeting,
a document, the "did X meet Y" form, a month of the events graph, and the page of a named
event (a summit that is also an entity: ``--named`` of them are added to the graph).

    .venv/bin/python bench/explorer_bench.py                 # ~125k relationships
    .venv/bin/python bench/explorer_bench.py --requests 100
    .venv/bin/python bench/explorer_bench.py --home .whomet/tmp/explorer-s1 \
        --before-tree ../main --pages events "frame"   # before/after, interleaved

``--home`` keeps the server's folder and reuses its graph on the next run (same scale, seed
and named events). ``--before-tree`` serves another checkout's API too, on the same graph, and
sends each page to both in turn (before-after, then after-before: ABBA), so both meet the
same machine load; ``--pages`` keeps the pages whose name contains one of the words given.
"""

from __future__ import annotations

import argparse
import calendar
import json
import random
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from urllib.parse import quote

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from api_bench import (  # noqa: E402
    Synthetic,
    _entity,
    api_server,
    dedicated_neo4j,
    event_degree,
    generate,
    report,
    write,
)

from graph.database.cypher import CYPHER_DIR, query  # noqa: E402
from graph.database.db import Graph  # noqa: E402
from graph.database.schema import apply_schema  # noqa: E402
from graph.settings import Settings  # noqa: E402
from graph.store.summaries import backfill  # noqa: E402


def name_meetings(data: Synthetic, n_names: int, seed: int) -> list[str]:
    """Hold some meetings under a name, as the store keeps a summit: an ``EventName``
    entity the reporting document mentions by that name, and the meeting reported with
    it (``cypher/README.md``, "A named event"). Each name names one to three meetings;
    returns the ids of the named-event entities."""
    rng = random.Random(seed + 2)
    held = [e for e in data.events if e["props"]["status"] == "held"]
    ids: list[str] = []
    for i in range(n_names):
        name = f"Synthetic Summit {i}"
        entity = _entity("Event", "EventName", "evn", name)
        data.entities.append(entity)
        ids.append(entity["id"])
        for event in rng.sample(held, rng.randint(1, 3)):
            event["props"]["name"] = name
            event["report"]["name"] = name
            data.mentions.append(
                {"doc_id": event["doc_id"], "entity_id": entity["id"], "names": [name]}
            )
    return ids


def month(rng: random.Random) -> str:
    """``start=..&end=..`` of a random month of 2024-2025 (the generated meetings' dates)."""
    year, m = rng.choice((2024, 2025)), rng.randint(1, 12)
    last = calendar.monthrange(year, m)[1]
    return f"start={year}-{m:02d}-01&end={year}-{m:02d}-{last:02d}"


def timed_pair(clients: list[httpx.Client], paths: list[str], warmup: int) -> list[list[float]]:
    """Milliseconds per request for each client on the same ``paths``: each path goes to
    every client in turn, the order reversed on every other path (ABBA), so a burst of load
    on the machine falls on both alike."""
    for path in paths[:warmup]:
        for client in clients:
            client.get(path).raise_for_status()
    out: list[list[float]] = [[] for _ in clients]
    for i, path in enumerate(paths):
        order = list(range(len(clients)))
        for k in order if i % 2 == 0 else order[::-1]:
            began = time.perf_counter()
            response = clients[k].get(path)
            out[k].append((time.perf_counter() - began) * 1000)
            response.raise_for_status()
    return out


def load_average() -> str:
    """The 1-minute load average, to print beside each page's figures."""
    with open("/proc/loadavg", encoding="ascii") as f:
        return f.read().split()[0]


@contextmanager
def bench_graph(args: argparse.Namespace, data: Synthetic) -> Iterator[Settings]:
    """The server with the benchmark's graph: written once, or reused from ``--home`` when
    the graph there was built with the same scale, seed and named events."""
    stamp = args.home / "explorer-graph.json" if args.home else None
    wanted = {"scale": args.scale, "seed": args.seed, "named": args.named}
    with dedicated_neo4j(args.uri, args.home) as settings:
        with Graph.connect(settings) as graph:
            counts = graph.read(query("api/bench/counts"))[0]
            if stamp is not None and stamp.is_file() and json.loads(stamp.read_text()) == wanted:
                rels = int(counts["relationships"])
                print(f"reusing the graph in {args.home}: {counts['nodes']} nodes, {rels} rels")
                if not counts["met"]:  # built by a version that wrote no MET summary
                    began = time.perf_counter()
                    backfill(graph, force=True)
                    print(f"MET summary built ({time.perf_counter() - began:.0f} s)")
            elif counts["nodes"]:
                raise SystemExit(f"{settings.neo4j_uri} is not empty; the benchmark needs its own")
            else:
                apply_schema(graph)
                began = time.perf_counter()
                nodes, rels = write(graph, data)
                # Written around the store: the pages read the MET summary, so build it as a
                # load would have (apply_schema found an empty graph and marked it built).
                backfill(graph, force=True)
                took = time.perf_counter() - began
                print(f"graph: {nodes} nodes, {rels} relationships ({took:.0f} s)")
                if stamp is not None:
                    stamp.write_text(json.dumps(wanted))
            if rels < 100_000:
                raise SystemExit("fewer than 100,000 relationships: raise --scale")
        yield settings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="1 = ~125k relationships")
    parser.add_argument("--requests", type=int, default=200, help="timed requests per page")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--uri", help="an EMPTY Neo4j to use instead of starting one")
    parser.add_argument("--named", type=int, default=100, help="named events to add")
    parser.add_argument(
        "--home", type=Path, help="keep the server's folder here; reuse its graph if built"
    )
    parser.add_argument(
        "--before-tree",
        type=Path,
        help="another checkout (e.g. main) whose API to time beside this one, interleaved",
    )
    parser.add_argument(
        "--pages", nargs="+", help="time only the pages whose name contains one of these words"
    )
    args = parser.parse_args()

    data = generate(args.scale, args.seed)
    summits = name_meetings(data, args.named, args.seed)
    with bench_graph(args, data) as settings:
        rng = random.Random(args.seed + 1)
        n = args.requests
        q = quote
        active = sorted({f["source"] for f in data.facts if f["target_kind"] == "event"})
        names = {e["id"]: e["props"]["name"] for e in data.entities}
        events = [e["props"]["id"] for e in data.events]
        docs = [d["id"] for d in data.documents]
        words = [names[i].split()[0][:4] for i in active]
        degree = event_degree(data)
        busiest = sorted(degree, key=lambda i: (-degree[i], i))[:10]
        met = [(a, b) for a, b in data.met_pairs if a != b]
        ego = "hops=2&max_nodes=60"  # as the entity page's frame asks

        def who_met(a: str, b: str | None = None) -> str:
            while b is None or b == a:
                b = rng.choice(active)
            return f"/who-met?a={q(a)}&b={q(b)}"

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
            (
                "/graph/entity/{id} frame (random)",
                pages(lambda: f"/graph/entity/{q(rng.choice(active))}?{ego}"),
            ),
            (
                "/graph/entity/{id} frame (busiest)",
                pages(lambda: f"/graph/entity/{q(rng.choice(busiest))}?{ego}"),
            ),
            ("/entity/{id} (named event)", pages(lambda: f"/entity/{q(rng.choice(summits))}")),
            ("/who-met?a&b (a pair that met)", pages(lambda: who_met(*rng.choice(met)))),
            (
                "/who-met?a&b (random pair)",
                pages(lambda: who_met(rng.choice(active))),
            ),
            (
                "/who-met?a&b (busiest + random)",
                pages(lambda: who_met(rng.choice(busiest))),
            ),
            ("/meeting/{id}", pages(lambda: f"/meeting/{q(rng.choice(events))}")),
            ("/document/{id}", pages(lambda: f"/document/{q(rng.choice(docs))}")),
            ("/meetings?page=N", pages(lambda: f"/meetings?page={rng.randint(1, 200)}")),
            (
                "/meetings?since&until (a month)",
                pages(lambda: f"/meetings?since=2025-{rng.randint(1, 12):02d}-01&until=2025-12-31"),
            ),
            ("/documents?page=N", pages(lambda: f"/documents?page={rng.randint(1, 100)}")),
            ("/graph/events (a month)", pages(lambda: f"/graph/events?{month(rng)}")),
            (
                "/api/v1/entities?q= (type-ahead)",
                pages(lambda: f"/api/v1/entities?limit=8&q={q(rng.choice(words))}"),
            ),
        ]
        if args.pages:
            scenarios = [s for s in scenarios if any(w in s[0] for w in args.pages)]
        trees: list[tuple[str, Path | None]] = [("this checkout", None)]
        if args.before_tree is not None:
            trees = [("before", args.before_tree.resolve()), ("after", None)]
        with ExitStack() as stack:
            clients = []
            for label, tree in trees:  # "before" first: the API applies its schema on start
                cypher_dir = tree / "cypher" if tree is not None else CYPHER_DIR
                base = stack.enter_context(api_server(settings, cypher_dir, tree))
                print(f"{label}: API at {base} (statements from {cypher_dir})")
                clients.append(stack.enter_context(httpx.Client(base_url=base, timeout=60)))
            print("sequential requests over loopback; load average (1 min) after each page:")
            for name, make in scenarios:
                samples = timed_pair(clients, make(), warmup=10)
                for (label, _), times in zip(trees, samples, strict=True):
                    report(f"{name} [{label}]" if len(trees) > 1 else name, times)
                print(f"    load average {load_average()}")


if __name__ == "__main__":
    main()
