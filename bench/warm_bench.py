"""First-request latency of a few API routes right after a Neo4j restart, with and without
plan warming (graph.database.warm_plans), side by side in one run.

Builds (or reuses, with ``--home``) api_bench's synthetic graph on a dedicated local Neo4j.
Each round restarts the server for each mode, starts the API in a child process, and times
each route's first request and then its second (the plan cached by the first):

* ``off``: WHOMET_WARM_PLANS=0, nothing planned before the first request;
* ``warmed``: the read statements explained first (what ``whomet neo4j start`` does once the
  server answers; its time is printed), then the API with warming off;
* ``api``: the API's own background warming on, the requests sent as soon as it is ready
  (so they race with it: this shows that readiness does not wait, not a best case).

    .venv/bin/python bench/warm_bench.py --home .whomet/tmp/warm-bench --rounds 2
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import statistics
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from api_bench import (  # noqa: E402
    PASSWORD,
    SCRATCH,
    SHARED_LIB,
    event_degree,
    generate,
    hop_pairs,
    write,
)

from graph.database.cypher import query  # noqa: E402
from graph.database.db import Graph  # noqa: E402
from graph.database.launcher import LocalNeo4j, free_port  # noqa: E402
from graph.database.schema import apply_schema  # noqa: E402
from graph.database.warm_plans import read_statements, warm_plans  # noqa: E402
from graph.settings import Settings  # noqa: E402
from graph.store.summaries import backfill  # noqa: E402
from tests.support.child_server import api_in_child_process, neo4j_env  # noqa: E402

MODES = ("off", "warmed", "api")


@dataclass
class Result:
    """One restart in one mode: its times, and the seconds of each route's two requests."""

    restart_s: float = 0.0
    ready_s: float = 0.0
    warm: str = ""
    times: dict[str, list[float]] = field(default_factory=dict)


def routes(scale: float, seed: int) -> list[tuple[str, str]]:
    """(label, path) of the timed routes, on entities of the synthetic graph."""
    import random

    data = generate(scale, seed)
    rng = random.Random(seed + 3)
    name = {e["id"]: e["props"]["name"] for e in data.entities}
    degree = event_degree(data)
    active = sorted(degree, key=lambda k: (degree[k], k))
    typical = active[len(active) // 2]
    a, b = data.met_pairs[0]
    far = hop_pairs(data, 4, 5, rng)[0]
    q = quote
    return [
        ("met, typical, by name", f"/api/v1/entities/{q(name[typical])}/met"),
        ("met, half-year range", f"/api/v1/entities/{q(typical)}/met?since=2025-01-01"),
        ("who-met, by name", f"/api/v1/who-met?a={q(name[a])}&b={q(name[b])}"),
        ("paths, 4 hops", f"/api/v1/paths?from={q(far[0])}&to={q(far[1])}&max_hops=4"),
        ("search entities", f"/api/v1/entities?q={q(name[typical].split()[0])}"),
        ("profile", f"/api/v1/entities/{q(typical)}"),
        ("meetings of one", f"/api/v1/meetings?entity={q(typical)}"),
        ("stats", "/api/v1/stats"),
    ]


@contextmanager
def server_in(home: Path) -> Iterator[LocalNeo4j]:
    home.mkdir(parents=True, exist_ok=True)
    settings = Settings(
        home=home.resolve(),
        bolt_port=free_port(),
        http_port=free_port(),
        neo4j_password=PASSWORD,
        heap_size="1g",
        pagecache_size="512m",
        warm_plans=False,
    )
    server = LocalNeo4j(
        settings,
        lib=SHARED_LIB if SHARED_LIB.is_dir() else None,
        extra_conf={"db.tx_log.preallocate": "false"},
    )
    server.start()
    try:
        yield server
    finally:
        server.stop()


def build(settings: Settings, scale: float, seed: int, stamp: Path) -> None:
    wanted = {"scale": scale, "seed": seed}
    with Graph.connect(settings) as graph:
        if stamp.is_file() and json.loads(stamp.read_text()) == wanted:
            return
        counts = graph.read(query("api/bench/counts"))[0]
        if counts["nodes"]:
            raise SystemExit(f"{settings.home} holds another graph; pick another --home")
        apply_schema(graph)
        print("writing the synthetic graph ...", flush=True)
        nodes, rels = write(graph, generate(scale, seed))
        backfill(graph, force=True)
        print(f"graph: {nodes} nodes, {rels} relationships", flush=True)
        stamp.write_text(json.dumps(wanted))


def one_mode(server: LocalNeo4j, mode: str, paths: list[tuple[str, str]]) -> Result:
    """Restart the server, apply ``mode``, start the API; time each route twice."""
    server.stop()
    began = time.monotonic()
    server.start()
    out = Result(restart_s=time.monotonic() - began)
    settings = server.settings
    if mode == "warmed":
        with Graph.connect(settings) as graph:
            out.warm = warm_plans(graph, read_statements()).describe()
    env = {**os.environ, **neo4j_env(settings), "WHOMET_WARM_PLANS": "1" if mode == "api" else "0"}
    began = time.monotonic()
    with (
        api_in_child_process(env, ready_timeout_s=300) as base,
        httpx.Client(base_url=base, timeout=120) as client,
    ):
        out.ready_s = time.monotonic() - began
        for label, path in paths:
            times = []
            for _ in range(2):
                t0 = time.perf_counter()
                status = client.get(path).status_code
                times.append(time.perf_counter() - t0)
                if status != 200:
                    raise SystemExit(f"{path}: HTTP {status}")
            out.times[label] = times
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="graph size (1 = ~125k rels)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=1, help="restarts per mode")
    parser.add_argument("--home", type=Path, default=SCRATCH / "warm-bench")
    args = parser.parse_args()
    logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)
    paths = routes(args.scale, args.seed)
    with server_in(args.home) as server:
        build(server.settings, args.scale, args.seed, args.home / "bench-graph.json")
        results: dict[str, list[Result]] = {m: [] for m in MODES}
        for r in range(args.rounds):
            for mode in MODES:
                res = one_mode(server, mode, paths)
                results[mode].append(res)
                extra = f"; warming: {res.warm}" if res.warm else ""
                print(
                    f"round {r + 1} {mode}: restart {res.restart_s:.1f} s, "
                    f"API ready {res.ready_s:.1f} s{extra}",
                    flush=True,
                )
    print(f"\nfirst / second request, ms (median of {args.rounds} restart(s) per mode)")
    print(f"{'route':<24}" + "".join(f"{m:>18}" for m in MODES))
    for label, _ in paths:
        cells = []
        for mode in MODES:
            runs = [res.times[label] for res in results[mode]]
            first = statistics.median(t[0] for t in runs)
            second = statistics.median(t[1] for t in runs)
            cells.append(f"{first * 1000:>8.0f} / {second * 1000:<7.0f}")
        print(f"{label:<24}" + "".join(f"{c:>18}" for c in cells))
    for mode in MODES:
        total = sum(t[0] for res in results[mode] for t in res.times.values())
        print(f"{mode}: all first requests {total / args.rounds:.2f} s per restart")


if __name__ == "__main__":
    main()
