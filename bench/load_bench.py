"""Store throughput: documents/s and relationships/s loading a generated corpus into Neo4j,
compared with one transaction per document, one statement per fact and with
``neo4j-admin database import``.

    .venv/bin/python bench/load_bench.py [-n 10000] [--compare-n 2048] [--per-fact-n 0]
        [--chunk 512] [--seed 0] [--cache bench/out/extractions-10000-0.jsonl]

By default it starts a throwaway Neo4j (launcher, free ports, a scratch folder under
``.whomet/tmp``) and stops it at the end. ``--uri`` uses a running server instead and
then needs ``--wipe``: the benchmark empties that database.

Stages (extraction is timed separately and excluded from the load figures):
1. generate and extract ``n`` articles (``bench/corpus.py``, on every core; ``--cache``
   keeps the extractions in a file for the next run); warm the server up on ``--warmup``
   of them, then empty it again;
2. per-fact baseline (``--per-fact-n`` > 0): the first documents with every batched row
   sent as its own statement;
3. one transaction per document (``GraphStore.load``, the path before group loads): the
   first ``--compare-n`` documents into an empty graph;
4. grouped (``GraphStore.load_many``, ``--chunk`` documents a call): all ``n`` documents
   into an empty graph, printing the curve (relationships/s over each 100,000
   relationships loaded) and the time at the ``--compare-n`` mark (like for like with 3);
5. bulk import: export that graph to CSV and time ``neo4j-admin database import full``
   of it into a throwaway home (an offline, empty-database-only tool: a lower bound).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import logging
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate_articles  # noqa: E402
from neo4j import Driver, GraphDatabase  # noqa: E402

from graph.database.db import Graph  # noqa: E402
from graph.database.launcher import LocalNeo4j, find_java, free_port  # noqa: E402
from graph.database.schema import apply_schema  # noqa: E402
from graph.documents import read_bytes  # noqa: E402
from graph.model import Extraction  # noqa: E402
from graph.settings import REPO_ROOT, Settings  # noqa: E402
from graph.store import batching  # noqa: E402
from graph.store import transaction as store_tx  # noqa: E402
from graph.store.graph_store import GraphStore  # noqa: E402

SHARED_LIB = REPO_ROOT / ".whomet" / "neo4j-home" / "lib"
SCRATCH = REPO_ROOT / ".whomet" / "tmp"
ARRAY_DELIMITER = "\x1f"  # unit separator: never inside a sentence


@contextmanager
def server(args: argparse.Namespace) -> Iterator[Settings]:
    if args.uri:
        if not args.wipe:
            sys.exit("--uri needs --wipe: the benchmark deletes everything in that database")
        yield Settings(
            neo4j_uri=args.uri,
            neo4j_user=args.user,
            neo4j_password=args.password,
            neo4j_database=args.database,
        )
        return
    SCRATCH.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="load-bench-", dir=SCRATCH))
    settings = Settings(
        home=home,
        bolt_port=free_port(),
        http_port=free_port(),
        neo4j_password="whomet-bench-password",
        heap_size=args.heap,
        pagecache_size=args.pagecache,
        start_timeout_s=180.0,
        tx_timeout_s=7200,  # the CSV export reads the whole graph in one transaction
    )
    local = LocalNeo4j(settings, lib=SHARED_LIB, extra_conf={"db.tx_log.preallocate": "false"})
    local.start()
    try:
        yield local.settings
    finally:
        local.stop()
        shutil.rmtree(home, ignore_errors=True)


def wipe(driver: Driver, database: str) -> None:
    """Empty the database in batches (one big DETACH DELETE would need a huge transaction)."""
    while True:
        records, _, _ = driver.execute_query(
            "MATCH (n) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS c",
            database_=database,
        )
        if records[0]["c"] == 0:
            return


KEPT_TYPES = {"GovernmentBody", "Country"}  # names shared across variants (the busy nodes)


def _cipher(v: int) -> dict[int, int]:
    """A letter permutation per variant (case kept): names keep their length."""
    plain = "abcdefghijklmnopqrstuvwxyz"
    letters = list(plain)
    random.Random(v).shuffle(letters)
    pairs = list(zip(plain, letters, strict=True))
    return {ord(a): ord(b) for a, b in pairs} | {ord(a.upper()): ord(b.upper()) for a, b in pairs}


def variant(ex: Extraction, v: int) -> Extraction:
    """Another document of the same shape: id ``<id>-v<v>``, and every name of a person,
    company or organization (not government bodies or countries, which stay shared, so busy
    nodes get busier as the corpus grows) spelled with letters permuted, in the names and
    in the text alike. Lengths are kept, so every evidence offset still holds."""
    if v == 0:
        return ex
    table = _cipher(v)
    names = sorted(
        {n for e in ex.entities if e.type.value not in KEPT_TYPES for n in (e.name, *e.aliases)},
        key=len,
        reverse=True,
    )

    def swap(text: str) -> str:
        for name in names:
            if name:
                text = text.replace(name, name.translate(table))
        return text

    data = json.loads(ex.model_dump_json())

    def walk(node: Any, key: str = "") -> Any:
        if isinstance(node, dict):
            return {k: walk(val, k) for k, val in node.items()}
        if isinstance(node, list):
            return [walk(x, key) for x in node]
        if isinstance(node, str) and key in {"text", "sentence", "name", "aliases", "title"}:
            return swap(node)
        return node

    data = walk(data)
    data["document"]["id"] = f"{ex.document.id}-v{v}"
    data["document"]["content_hash"] = hashlib.sha256(
        f"{ex.document.content_hash}|{v}".encode()
    ).hexdigest()
    return Extraction.model_validate(data)


def extract_corpus(n: int, seed: int, cache: Path | None) -> list[Extraction]:
    """The extractions of ``n`` generated articles, read from ``cache`` when it holds them."""
    if cache is not None and cache.exists():
        lines = cache.read_text(encoding="utf-8").splitlines()
        if len(lines) == n:
            return [Extraction.model_validate_json(line) for line in lines]
    from graph.ingest.extraction_pool import available_cores, extract_documents

    articles = generate_articles(n, seed)
    docs = [read_bytes(a.text.encode("utf-8"), f"{a.id}.txt") for a in articles]
    out: list[Extraction] = []
    for _, outcome in extract_documents(docs, workers=available_cores()):
        if isinstance(outcome, str):
            raise RuntimeError(outcome)
        out.append(outcome)
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text("".join(e.model_dump_json() + "\n" for e in out), encoding="utf-8")
    return out


class StatementClock:
    """Wall time per named store statement (round trip included), while ``on``: where a
    grouped load spends its time at a given graph size (``--profile``)."""

    def __init__(self) -> None:
        self.on = False
        self.spent: dict[str, list[float]] = {}  # name -> [seconds, calls, rows]
        self.wall = 0.0
        real = store_tx.Work._run

        def timed(work: store_tx.Work, name: str, params: dict[str, Any]) -> list[dict[str, Any]]:
            if not self.on:
                return real(work, name, params)
            began = time.perf_counter()
            try:
                return real(work, name, params)
            finally:
                entry = self.spent.setdefault(name, [0.0, 0, 0])
                entry[0] += time.perf_counter() - began
                entry[1] += 1
                batch: Any = next((params[k] for k in ("rows", "ids", "keys") if k in params), [])
                entry[2] += len(batch) if isinstance(batch, list) else 1

        store_tx.Work._run = timed  # type: ignore[method-assign,assignment]

    def report(self, docs: int) -> None:
        inside = sum(v[0] for v in self.spent.values())
        print(
            f"  profile of the last {docs} documents: {self.wall:.1f} s, of which "
            f"{inside:.1f} s in store statements (round trips included), the rest in Python "
            "(plans, grouping, resolution) and the driver"
        )
        for name, (sec, calls, rows) in sorted(self.spent.items(), key=lambda kv: -kv[1][0]):
            print(
                f"    {name:26} {sec:6.2f} s {int(calls):5} calls {int(rows):7} rows "
                f"{1000 * sec / max(calls, 1):6.1f} ms/call"
            )


def load_grouped(
    store: GraphStore,
    docs: list[Extraction],
    chunk: int,
    mark: int = 0,
    curve: bool = False,
    clock: StatementClock | None = None,
    profile_from: int = 0,
) -> tuple[float, int, float]:
    """``load_many`` in chunks: (seconds, relationships created, seconds at the ``mark``-th
    document); with ``curve``, a line per 100,000 relationships loaded (net of removals)."""
    began = time.perf_counter()
    created = net = 0
    at_mark = 0.0
    step, next_step = 100_000, 100_000
    last_t, last_net = began, 0
    # Calls end at every ``chunk`` and at the mark, so the mark's time is that of exactly
    # ``mark`` documents.
    ends = sorted({*range(chunk, len(docs), chunk), len(docs)} | ({mark} if mark else set()))
    if clock is not None:
        ends = sorted({*ends, profile_from} - {0})
    for start, end in zip([0, *ends[:-1]], ends, strict=True):
        if clock is not None and start >= profile_from and not clock.on:
            clock.on, clock_began = True, time.perf_counter()
        for r in store.load_many(docs[start:end]):
            if isinstance(r, Exception):
                raise r
            created += r.relationships_created
            net += r.relationships_created - r.relationships_removed
        now = time.perf_counter()
        done = end
        if mark and not at_mark and done >= mark:
            at_mark = now - began
        if curve and (net >= next_step or done == len(docs)):
            rate = (net - last_net) / (now - last_t)
            print(
                f"  {net:>9} relationships  {done:>6} docs  {now - began:7.1f} s  "
                f"last {net - last_net:>7}: {rate:7.0f} relationships/s  "
                f"(overall {net / (now - began):6.0f}/s, {done / (now - began):5.1f} docs/s)",
                flush=True,
            )
            last_t, last_net = now, net
            while next_step <= net:
                next_step += step
    if clock is not None and clock.on:
        clock.wall += time.perf_counter() - clock_began
        clock.on = False
    return time.perf_counter() - began, created, at_mark


def load_all(
    store: GraphStore, docs: list[Extraction], mark: int = 0, label: str = ""
) -> tuple[float, int, float]:
    """Seconds for all docs, relationships created, seconds at the ``mark``-th document."""
    began = time.perf_counter()
    rels = 0
    at_mark = 0.0
    step = max(1, len(docs) // 10)
    for i, doc in enumerate(docs, 1):
        rels += store.load(doc).relationships_created
        if i == mark:
            at_mark = time.perf_counter() - began
        if label and i % step == 0:
            spent = time.perf_counter() - began
            print(f"  {label}: {i:>6} docs  {spent:7.1f} s  {i / spent:6.1f} docs/s", flush=True)
    return time.perf_counter() - began, rels, at_mark


# --- CSV export and neo4j-admin import -------------------------------------------------


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    name = type(value).__name__
    if name == "Date":
        return "date"
    if name == "DateTime":
        return "datetime"
    return "string"


def _cell(value: Any) -> str:
    if isinstance(value, list):
        return ARRAY_DELIMITER.join(_cell(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "iso_format"):
        return str(value.iso_format())
    return str(value)


def _types(props: dict[str, Any], known: dict[str, str]) -> None:
    for key, value in props.items():
        if key in known:
            continue
        if isinstance(value, list):
            if value:
                known[key] = _kind(value[0]) + "[]"
        else:
            known[key] = _kind(value)


def export_csv(driver: Driver, database: str, folder: Path) -> tuple[list[Path], list[Path]]:
    """Write the graph as neo4j-admin import CSVs: one node file per label set, one
    relationship file per type, element ids as import ids."""
    nodes: dict[tuple[str, ...], list[tuple[str, dict[str, Any]]]] = {}
    with driver.session(database=database) as session:
        for rec in session.run("MATCH (n) RETURN elementId(n) AS eid, labels(n) AS l, n AS n"):
            nodes.setdefault(tuple(sorted(rec["l"])), []).append((rec["eid"], dict(rec["n"])))
        rels: dict[str, list[tuple[str, str, dict[str, Any]]]] = {}
        for rec in session.run(
            "MATCH (a)-[r]->(b) RETURN elementId(a) AS a, elementId(b) AS b, type(r) AS t, r AS r"
        ):
            rels.setdefault(rec["t"], []).append((rec["a"], rec["b"], dict(rec["r"])))
    node_files: list[Path] = []
    for i, (labels, items) in enumerate(sorted(nodes.items())):
        known: dict[str, str] = {}
        for _, props in items:
            _types(props, known)
        keys = sorted(known)
        path = folder / f"nodes_{i}.csv"
        with path.open("w", newline="", encoding="utf-8") as fh:
            out = csv.writer(fh)
            out.writerow([":ID", ":LABEL", *(f"{k}:{known[k]}" for k in keys)])
            for eid, props in items:
                out.writerow(
                    [eid, ARRAY_DELIMITER.join(labels), *(_cell(props.get(k, "")) for k in keys)]
                )
        node_files.append(path)
    rel_files: list[Path] = []
    for rtype, items in sorted(rels.items()):
        known = {}
        for _, _, props in items:
            _types(props, known)
        keys = sorted(known)
        path = folder / f"rels_{rtype}.csv"
        with path.open("w", newline="", encoding="utf-8") as fh:
            out = csv.writer(fh)
            out.writerow([":START_ID", ":END_ID", ":TYPE", *(f"{k}:{known[k]}" for k in keys)])
            for a, b, props in items:
                out.writerow([a, b, rtype, *(_cell(props.get(k, "")) for k in keys)])
        rel_files.append(path)
    return node_files, rel_files


def admin_import(node_files: list[Path], rel_files: list[Path], work: Path) -> tuple[float, str]:
    """Run ``neo4j-admin database import full`` into a throwaway home; (seconds, summary)."""
    home = work / "import-home"
    for sub in ("conf", "data", "logs", "run", "import"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    (home / "conf" / "neo4j.conf").write_text(
        "\n".join(
            [
                f"server.directories.data={home / 'data'}",
                f"server.directories.logs={home / 'logs'}",
                f"server.directories.run={home / 'run'}",
                f"server.directories.import={home / 'import'}",
                "server.memory.pagecache.size=512m",
                "dbms.usage_report.enabled=false",
                "",
            ]
        ),
        encoding="utf-8",
    )
    cmd = [
        find_java(),
        "-Xmx2g",
        "-cp",
        f"{SHARED_LIB}/*",
        "org.neo4j.cli.AdminTool",
        "database",
        "import",
        "full",
        *(f"--nodes={p}" for p in node_files),
        *(f"--relationships={p}" for p in rel_files),
        "--array-delimiter=U+001F",
        "--multiline-fields=true",
        "--overwrite-destination=true",
        "neo4j",
    ]
    env = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")}
    began = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False, cwd=home)
    spent = time.perf_counter() - began
    if done.returncode != 0:
        raise RuntimeError(
            f"neo4j-admin import failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
        )
    found = re.search(r"IMPORT DONE.*", done.stdout + done.stderr, re.S)
    summary = found.group(0).strip().replace("\n", " ") if found else "(no summary printed)"
    return spent, summary


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=10_000, help="documents (default 10000)")
    ap.add_argument("--compare-n", type=int, default=2048, help="documents, one per transaction")
    ap.add_argument("--per-fact-n", type=int, default=0, help="documents, slow path (0: skip)")
    ap.add_argument("--chunk", type=int, default=512, help="documents per load_many call")
    ap.add_argument(
        "--group-docs",
        type=int,
        default=batching.GROUP_DOCS,
        help="most documents one group transaction writes (the store's bound; to compare sizes)",
    )
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--cache", type=Path, help="extractions file (written when absent)")
    ap.add_argument(
        "--base",
        type=int,
        default=0,
        help="extract this many articles and make the n documents as variants of them "
        "(renamed people and companies, see variant; 0: extract all n)",
    )
    ap.add_argument("--no-import", action="store_true", help="skip neo4j-admin import")
    ap.add_argument("--warmup", type=int, default=300, help="documents loaded first, untimed")
    ap.add_argument("--uri", help="use this running server (needs --wipe)")
    ap.add_argument("--user", default="neo4j")
    ap.add_argument("--password", default=os.environ.get("WHOMET_NEO4J_PASSWORD", ""))
    ap.add_argument("--database", default="neo4j")
    ap.add_argument("--wipe", action="store_true", help="allow emptying --uri's database")
    ap.add_argument(
        "--profile",
        type=int,
        default=0,
        help="time each store statement over the grouped load's last N documents",
    )
    ap.add_argument("--heap", default="2g")
    ap.add_argument("--pagecache", default="2g")
    args = ap.parse_args()
    logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)
    subset = min(args.per_fact_n, args.n)
    compare = min(args.compare_n, args.n)

    t0 = time.perf_counter()
    base = min(args.base or args.n, args.n)
    cached = args.cache is not None and args.cache.exists()
    extracted = extract_corpus(base, args.seed, args.cache)
    spent = time.perf_counter() - t0
    how = "read from the cache" if cached else "read+extracted"
    print(
        f"corpus: {base} generated articles (seed {args.seed}), {how} in "
        f"{spent:.1f} s ({base / spent:.1f} docs/s; not part of the load figures)"
    )
    docs = [variant(extracted[i % base], i // base) for i in range(args.n)]
    if base < args.n:
        print(
            f"  {args.n} documents: the {base} and {args.n // base - 1}+ variants of each "
            "(people and companies renamed, government bodies and days shared)"
        )

    batching.GROUP_DOCS = args.group_docs
    with server(args) as settings:
        driver = GraphDatabase.driver(
            settings.neo4j_uri,
            auth=(settings.neo4j_user, settings.neo4j_password.get_secret_value()),
        )
        db = settings.neo4j_database
        with driver:
            graph = Graph(driver, db, settings.neo4j_uri)
            wipe(driver, db)
            apply_schema(graph)
            warm = docs[: min(args.warmup, args.n)]
            if warm:
                # A fresh server compiles its query plans and JIT code on first use: warm every
                # path up on a few documents so that none pays for it alone.
                load_all(GraphStore(Graph(driver, db)), warm)
                wipe(driver, db)
                load_grouped(GraphStore(Graph(driver, db)), warm, args.chunk)
                wipe(driver, db)
                if subset:
                    load_all(GraphStore(Graph(driver, db), batched=False), warm[:50])
                    wipe(driver, db)
                print(f"\nwarm-up: {len(warm)} documents loaded and wiped (not timed)")

            if subset:
                print(f"\none statement per fact: first {subset} documents (this path is slow)")
                per_fact = GraphStore(Graph(driver, db), batched=False)
                slow_s, slow_rels, _ = load_all(per_fact, docs[:subset], label="per-fact")
                print(
                    f"  {subset} docs in {slow_s:.1f} s: {subset / slow_s:.1f} docs/s, "
                    f"{slow_rels / slow_s:.0f} relationships/s"
                )
                wipe(driver, db)

            print(f"\none transaction per document (load): first {compare} documents")
            single = GraphStore(Graph(driver, db))
            one_s, one_rels, _ = load_all(single, docs[:compare], label="one per tx")
            print(
                f"  {compare} docs in {one_s:.1f} s: {compare / one_s:.1f} docs/s, "
                f"{one_rels / one_s:.0f} relationships/s"
            )
            wipe(driver, db)

            print(
                f"\ngrouped (load_many, {args.chunk} documents a call): {args.n} documents; "
                "relationships/s over each 100,000 loaded"
            )
            grouped = GraphStore(Graph(driver, db))
            clock = StatementClock() if args.profile else None
            profile_from = max(0, args.n - args.profile)
            fast_s, fast_rels, fast_mark = load_grouped(
                grouped,
                docs,
                args.chunk,
                mark=compare,
                curve=True,
                clock=clock,
                profile_from=profile_from,
            )
            stats = grouped.stats()
            nodes = graph.read("MATCH (n) RETURN count(n) AS c")[0]["c"]
            total_rels = sum(stats.relationships.values())
            print(
                f"  {args.n} docs in {fast_s:.1f} s: {args.n / fast_s:.1f} docs/s, "
                f"{fast_rels / fast_s:.0f} relationships/s"
            )
            print(
                f"  graph: {nodes} nodes, {total_rels} relationships "
                f"({stats.labels.get('Entity', 0)} entities, {stats.labels.get('Event', 0)} events)"
            )
            print(f"  first {compare} docs: {fast_mark:.1f} s ({compare / fast_mark:.1f} docs/s)")
            if clock is not None:
                clock.report(args.n - profile_from)

            print("\nratios")
            print(
                f"  grouped vs one transaction per document (same first {compare} docs, empty "
                f"graph): {one_s / fast_mark:.2f}x faster"
            )
            if subset:
                print(f"  one statement per fact, first {subset} docs: {slow_s:.1f} s")

            if not args.no_import:
                with tempfile.TemporaryDirectory(prefix="import-", dir=SCRATCH) as tmp:
                    work = Path(tmp)
                    t1 = time.perf_counter()
                    node_files, rel_files = export_csv(driver, db, work)
                    export_s = time.perf_counter() - t1
                    import_s, summary = admin_import(node_files, rel_files, work)
                bulk = total_rels / import_s
                online = total_rels / fast_s
                print(
                    f"  neo4j-admin database import full of the same graph: {import_s:.1f} s, "
                    f"{bulk:.0f} relationships/s (CSV export {export_s:.1f} s, not counted)"
                )
                print(
                    f"  grouped online load: {online:.0f} relationships/s = "
                    f"{online / bulk:.2f} of the offline bulk import's rate "
                    f"(takes {fast_s / import_s:.1f}x as long)"
                )
                print(f"  import: {summary}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
