"""Corpus extraction at scale: articles/s for 1 process, all local cores and the Dask engine
in local mode, on the same generated articles, and a check that all three wrote the same
partitions byte for byte. Optionally (``--load``) the load rate of those partitions into a
throwaway local Neo4j (``whomet load --extractions``), with 1 and ``--load-workers`` writers.

    .venv/bin/python bench/scaling_bench.py [-n 1000] [--dask-workers 2] [--load]

Prints figures and the arithmetic for a day; exits 1 if any engine's output differs.
Wall-clock figures: on a shared machine they move with what else runs (load average printed).
"""

from __future__ import annotations

import argparse
import filecmp
import logging
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate_articles, write_articles  # noqa: E402
from load_bench import SCRATCH, server, wipe  # noqa: E402
from neo4j import GraphDatabase  # noqa: E402

from graph.database.db import Graph  # noqa: E402
from graph.database.schema import apply_schema  # noqa: E402
from graph.ingest.corpus import CorpusSummary, Engine, extract_corpus, process_pool  # noqa: E402
from graph.ingest.corpus_load import load_extractions  # noqa: E402
from graph.model import EXTRACTOR_VERSION  # noqa: E402
from graph.store.graph_store import GraphStore  # noqa: E402

DAY_S = 86_400


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (pool workers)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def timed(label: str, inputs: list[str], out: Path, engine: Engine, size: int) -> float:
    began, cpu = time.perf_counter(), _cpu()
    summary: CorpusSummary = extract_corpus(inputs, out, engine=engine, partition_size=size)
    wall = time.perf_counter() - began
    spent = _cpu() - cpu
    rate = summary.documents / wall
    print(
        f"{label:<28} {summary.documents:>6} articles {wall:8.2f} s {rate:8.1f} articles/s"
        f"   ({rate * DAY_S / 1e6:5.2f} M/day)  CPU {spent:6.2f} s"
        f" = {1000 * spent / max(summary.documents, 1):5.1f} ms/article  errors {summary.errors}",
        flush=True,
    )
    return rate


def same_tree(a: Path, b: Path) -> bool:
    names = sorted(p.name for p in a.iterdir())
    if names != sorted(p.name for p in b.iterdir()):
        return False
    match, mismatch, errors = filecmp.cmpfiles(a, b, names, shallow=False)
    return not mismatch and not errors


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--partition-size", type=int, default=50)
    ap.add_argument("--dask-workers", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--load", action="store_true", help="also time loading into a local Neo4j")
    ap.add_argument("--load-workers", type=int, default=2)
    ap.add_argument("--uri", help="load into this running server instead (needs --wipe)")
    ap.add_argument("--user", default="neo4j")
    ap.add_argument("--password", default=os.environ.get("WHOMET_NEO4J_PASSWORD", ""))
    ap.add_argument("--database", default="neo4j")
    ap.add_argument("--wipe", action="store_true")
    ap.add_argument("--heap", default="2g")
    ap.add_argument("--pagecache", default="2g")
    args = ap.parse_args()

    cores = os.cpu_count() or 1
    print(
        f"extractor version {EXTRACTOR_VERSION}; {cores} cores; load average "
        f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )
    SCRATCH.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="scaling-bench-", dir=SCRATCH))
    try:
        write_articles(generate_articles(args.n, args.seed), work / "articles")
        inputs = [str(work / "articles")]
        size = args.partition_size
        one = timed("1 process", inputs, work / "one", process_pool(1), size)
        many = timed(f"process pool x{cores}", inputs, work / "pool", process_pool(cores), size)
        from graph.ingest.dask_engine import dask_engine

        logging.getLogger("distributed").setLevel(logging.ERROR)
        logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)
        began = time.perf_counter()
        dask = timed(
            f"dask LocalCluster x{args.dask_workers}",
            inputs,
            work / "dask",
            dask_engine(workers=args.dask_workers),
            size,
        )
        print(
            f"  (dask wall time includes starting the cluster: "
            f"{time.perf_counter() - began:.1f} s in all)"
        )
        ok = same_tree(work / "one", work / "pool") and same_tree(work / "one", work / "dask")
        parts = len(list((work / "one").glob("part-*.jsonl")))
        print(f"outputs identical (1 process, pool, dask; {parts} partitions): {ok}")
        print(f"speed-up: pool {many / one:.2f}x, dask {dask / one:.2f}x over one process")
        if args.load:
            with server(args) as settings:
                driver = GraphDatabase.driver(
                    settings.neo4j_uri,
                    auth=(settings.neo4j_user, settings.neo4j_password.get_secret_value()),
                )
                with driver:
                    graph = Graph(driver, settings.neo4j_database, settings.neo4j_uri)
                    apply_schema(graph)
                    store = GraphStore(Graph(driver, settings.neo4j_database, settings.neo4j_uri))
                    for writers in sorted({1, args.load_workers}):
                        wipe(driver, settings.neo4j_database)
                        began = time.perf_counter()
                        s = load_extractions(work / "one", store, workers=writers)
                        wall = time.perf_counter() - began
                        rate = len(s.reports) / wall
                        print(
                            f"load --extractions x{writers:<13} {len(s.reports):>6} docs "
                            f"{wall:8.2f} s {rate:8.1f} docs/s   ({rate * DAY_S / 1e6:5.2f} M/day)"
                            f"  failures {len(s.failures)}",
                            flush=True,
                        )
        print(
            f"1,000,000 articles/day = {1e6 / DAY_S:.1f} articles/s sustained; "
            f"at {one:.1f}/s per process that is {1e6 / DAY_S / one:.1f} extraction processes"
        )
        return 0 if ok else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
