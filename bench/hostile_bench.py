"""Figures for issue 16's attacks: time to refuse, API memory under huge values, the
same-day document's load time and the lock wait of an upload behind it.

    .venv/bin/python bench/hostile_bench.py [-n 8000] [--uri bolt://... --password ... --wipe]
    .venv/bin/python bench/hostile_bench.py --distinct 990 --same-day-only

``--distinct N`` replaces the repeated sentence (which the extractor now folds into one
meeting) with a hand-built extraction of N different meetings on one day, all sharing one
host (no spaCy): the reports the store groups inside its write transaction, near the cap
of 1,000 per day. The second upload reports one of those meetings again.

By default it starts a throwaway Neo4j (as ``bench/load_bench.py`` does) and stops it at
the end. The API runs in its own process (uvicorn), so its memory is measured alone:
the peak resident size (``VmHWM``) before and after each query.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import functools
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from load_bench import server, wipe  # noqa: E402

from graph.database.db import (
    Graph,  # noqa: E402
    open_driver,  # noqa: E402
)
from graph.database.schema import apply_schema  # noqa: E402
from graph.documents import read_bytes  # noqa: E402
from graph.errors import NotFound  # noqa: E402
from graph.extract import extract  # noqa: E402
from graph.settings import Settings  # noqa: E402
from graph.store import transaction  # noqa: E402
from graph.store.graph_store import GraphStore  # noqa: E402
from graph.store.plan import plan  # noqa: E402
from tests.support.child_server import api_in_child_process, neo4j_env  # noqa: E402
from tests.support.store import (  # noqa: E402
    PER,
    made_up_word,
    one_meeting,
    same_day_meetings,
)

SENTENCE = (
    "On March 3, 2026, Korean Science Minister Bae Kyung-hoon met OpenAI chief executive"
    " Sam Altman and Anthropic chief executive Dario Amodei in Seoul."
)
SECOND = (
    "Title: A second report\nDate: 2026-03-04\n\nOn March 3, 2026, Korean Science Minister"
    " Bae Kyung-hoon met OpenAI chief executive Sam Altman in Seoul, officials said.\n"
)
ATTACKS = [
    "//\rCALL dbms.listConfig() YIELD name RETURN name LIMIT 2",
    "//\u2028SHOW USERS",
    "//\u0085SHOW TRANSACTIONS",
    "//\rTERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    "//\rCALL dbms.killConnections(['x'])",
    "//\rCALL db.clearQueryCaches()",
    "//\rLOAD CSV FROM 'http://127.0.0.1:9/x' AS l RETURN l",
]
HUGE = [
    "RETURN range(1, 100000000) AS r",
    "RETURN range(1, 30000000) AS r",
    "RETURN size(reduce(s = '', x IN range(1, 10000000) | s + 'xxxxxxxxxx')) AS n",
]


def api_pid(port: str) -> int:
    """The uvicorn process serving ``port`` (our own child), found by its command line."""
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmd = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"uvicorn" in b" ".join(cmd) and port.encode() in cmd:
            return int(proc.name)
    raise RuntimeError(f"no uvicorn process on port {port}")


def peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def api_figures(settings: Settings, timeout_s: float) -> None:
    env = {**neo4j_env(settings), "WHOMET_CYPHER_TIMEOUT_S": str(timeout_s)}
    env["PATH"] = "/usr/bin:/bin"
    with api_in_child_process(env) as base:
        pid = api_pid(base.rsplit(":", 1)[1])
        print(f"API pid {pid}, peak RSS at start {peak_mb(pid):.0f} MB; time limit {timeout_s} s")
        for query in ATTACKS:
            started = time.monotonic()
            r = httpx.post(f"{base}/api/v1/cypher", json={"query": query}, timeout=120)
            took = (time.monotonic() - started) * 1000
            print(f"  refuse {query[:46]!r:50} {r.status_code} {took:6.1f} ms")
        for query in HUGE:
            started = time.monotonic()
            r = httpx.post(f"{base}/api/v1/cypher", json={"query": query}, timeout=900)
            took = time.monotonic() - started
            code = r.json().get("error", {}).get("code")
            print(
                f"  {query[:60]!r:64} {r.status_code} {code} {took:5.1f} s,"
                f" API peak RSS {peak_mb(pid):.0f} MB"
            )


def distinct_figures(settings: Settings, n: int) -> None:
    """The store step of ``n`` different same-day meetings sharing one host, and the lock
    wait of a second upload that reports one of them again (hand-built, no extraction)."""
    hub = "Ministry of Hubs"
    started = time.monotonic()
    extraction = same_day_meetings(f"distinct-{n}", hub, n)
    other = one_meeting("distinct-second", hub, f"Jo {made_up_word(0)}", PER)
    print(
        f"distinct same-day document: {n} different meetings of one host on 2026-05-18,"
        f" {len(extraction.document.text) / 1e3:.0f} kB of text;"
        f" built in {time.monotonic() - started:.2f} s (no extraction)"
    )
    store_figures(settings, extraction, other)


def same_day_figures(settings: Settings, n: int, folder: Path) -> None:
    big = folder / f"same-day-{n}.txt"
    body = "\n\n".join([SENTENCE] * n)
    big.write_text(f"Title: One day {n} times\nDate: 2026-03-04\n\n{body}\n", encoding="utf-8")
    second = folder / "second.txt"
    second.write_text(SECOND, encoding="utf-8")
    started = time.monotonic()
    extraction = extract(read_bytes(big.read_bytes(), filename=big.name))
    print(
        f"same-day document: {n} sentences, {big.stat().st_size / 1e6:.1f} MB;"
        f" extraction {time.monotonic() - started:.1f} s (outside the transaction),"
        f" {len(extraction.meetings)} meetings"
    )
    other = extract(read_bytes(second.read_bytes(), filename=second.name))
    store_figures(settings, extraction, other)


def store_figures(settings: Settings, extraction: Any, other: Any) -> None:
    with open_driver(settings) as driver:
        wipe(driver, settings.neo4j_database)
        apply_schema(Graph(driver, settings.neo4j_database))
        store = GraphStore(Graph(driver, settings.neo4j_database, settings.neo4j_uri))
        started_plan = time.monotonic()
        plan(extraction)
        print(
            f"  the store's plan of it (checks and rows, before any transaction):"
            f" {time.monotonic() - started_plan:.2f} s"
        )
        # Twice: on the fresh server, whose first run of each statement plans and compiles it
        # (what the first upload after a start pays), then once every statement is planned.
        for label in ("cold (fresh server: statements planned on first use)", "warm"):
            print(f"  {label}:")
            race(driver, settings, store, extraction, other)
            for doc in (extraction, other):
                # NotFound: the big load failed (its figure says why)
                with contextlib.suppress(NotFound):
                    store.remove(store_doc_id(doc))


def race(driver: Any, settings: Settings, store: GraphStore, extraction: Any, other: Any) -> None:
    """Load the big document; once its write transaction holds its locks, a second upload
    about the same parties and day; then that second upload alone, to tell its lock wait."""
    times: dict[str, float] = {}
    # The big load's write transaction signals when it starts, and when its locks are taken
    # (``document_upsert`` returned: the resolution keys and the days); the second upload
    # starts then, so it is sure to meet them held.
    in_write, locked = threading.Event(), threading.Event()
    attempts: list[float] = []
    big_store = GraphStore(Graph(driver, settings.neo4j_database, settings.neo4j_uri))
    real_write = big_store.graph.write
    real_run = transaction.Work.run

    def signalling_write(work: Any, *a: Any, **k: Any) -> Any:
        @functools.wraps(work)  # keeps unit_of_work's timeout (an attribute of ``work``)
        def wrapped(tx: Any, *aa: Any, **kk: Any) -> Any:
            attempts.append(time.monotonic())  # the driver runs it again after a retry
            in_write.set()
            return work(tx, *aa, **kk)

        return real_write(wrapped, *a, **k)

    def signalling_run(w: transaction.Work, name: str, **params: Any) -> Any:
        out = real_run(w, name, **params)
        if name == "document_upsert" and threading.current_thread().name == "big-load":
            times.setdefault("locked", time.monotonic())
            locked.set()
        return out

    def load_big() -> None:
        t0 = time.monotonic()
        try:
            big_store.load(extraction)
        except Exception as exc:  # a timed-out write transaction is a figure too
            print(f"    the same-day document's load FAILED: {type(exc).__name__}: {exc}"[:400])
        times["big_end"] = time.monotonic()
        times["big"] = times["big_end"] - t0
        locked.set()

    big_store.graph.write = signalling_write  # type: ignore[method-assign]
    transaction.Work.run = signalling_run  # type: ignore[method-assign]
    try:
        thread = threading.Thread(target=load_big, name="big-load")
        thread.start()
        seen = in_write.wait(timeout=600)
        tx_started = time.monotonic()
        locked.wait(timeout=600)
        t0 = time.monotonic()
        try:
            store.load(other)
        except Exception as exc:  # it waits inside its own transaction: its timeout counts
            print(f"    the second upload FAILED: {type(exc).__name__}: {exc}"[:300])
        times["second_end"] = time.monotonic()
        times["second"] = times["second_end"] - t0
        thread.join()
    finally:
        transaction.Work.run = real_run  # type: ignore[method-assign]
    print(f"    load of the same-day document (plan + write transaction): {times['big']:.2f} s")
    print(
        f"    its write transaction: {times['big_end'] - tx_started:.2f} s (seen starting: {seen});"
        f" attempts {len(attempts)}, the last began"
        f" {(attempts[-1] if attempts else tx_started) - tx_started:.2f} s after the first;"
        f" its locks taken {times.get('locked', float('nan')) - tx_started:.2f} s in"
    )
    held_after = times["big_end"] - t0  # how long the big write still ran after it started
    print(
        f"    a second upload about the same parties and day, started once the big write held"
        f" its locks:"
        f" {times['second']:.2f} s; it finished {times['second_end'] - times['big_end']:.2f} s"
        f" after the big write committed, which ran {held_after:.2f} s after it started"
    )
    with contextlib.suppress(NotFound):  # not there when it failed above
        store.remove(store_doc_id(other))
    t0 = time.monotonic()
    store.load(other)
    alone = time.monotonic() - t0
    print(
        f"    the same second upload alone (removed and loaded again): {alone:.2f} s;"
        f" write-lock wait behind the big document: {times['second'] - alone:.2f} s"
    )


def store_doc_id(extraction: Any) -> str:
    doc_id: str = extraction.document.id
    return doc_id


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=8000, help="sentences in the same-day document")
    ap.add_argument("--timeout", type=float, default=10.0, help="the API's /cypher time limit")
    ap.add_argument("--uri")
    ap.add_argument("--user", default="neo4j")
    ap.add_argument("--password", default="whomet-bench-password")
    ap.add_argument("--database", default="neo4j")
    ap.add_argument("--wipe", action="store_true")
    ap.add_argument("--heap", default="1g")
    ap.add_argument("--pagecache", default="256m")
    ap.add_argument("--same-day-only", action="store_true", help="skip the API's attacks")
    ap.add_argument(
        "--distinct",
        type=int,
        metavar="N",
        help="instead of -n repeats: N different same-day meetings sharing one host",
    )
    args = ap.parse_args()
    print(f"hostile_bench {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC")
    with server(args) as settings:
        if args.distinct:
            distinct_figures(settings, args.distinct)
        else:
            with tempfile.TemporaryDirectory() as tmp:
                same_day_figures(settings, args.n, Path(tmp))
        if not args.same_day_only:
            api_figures(settings, args.timeout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
