"""Event reads of a group load, interleaved on one graph: every report of the groups' days
(``event_day_reports``, the read before) against the events the groups' meetings can join
(``event_day_linked``, the read after).

Starts a throwaway Neo4j like ``load_bench.py``, loads ``n`` documents grouped (the bench
corpus: ``--base`` extracted articles and renamed variants), then takes the meetings of the
last ``--tail`` documents in calls of ``--per-call`` documents (as a group would send them)
and times both statements in the order old, new, new, old, repeated ``--rounds`` times.

    .venv/bin/python bench/event_read_bench.py -n 3000 --cache bench/out/ext-1000-0.jsonl
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import load_bench as lb  # noqa: E402
from neo4j import GraphDatabase  # noqa: E402

from graph.store.graph_store import GraphStore  # noqa: E402

STORE = lb.REPO_ROOT / "cypher" / "store"
PARTS = """
UNWIND $ids AS id
MATCH (d:Document {id: id})-[rp:REPORTS]->(ev:Event)
WHERE rp.date IS NOT NULL
RETURN id, rp.date AS date,
  COLLECT {
    MATCH (p:Entity)-[r:HOSTED|ATTENDED]->(ev) WHERE d.id IN r.doc_ids RETURN DISTINCT p.id
  } AS parts
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=3000)
    ap.add_argument("--base", type=int, default=1000)
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--tail", type=int, default=512)
    ap.add_argument("--per-call", type=int, default=10)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--chunk", type=int, default=512)
    ap.add_argument("--heap", default="2g")
    ap.add_argument("--pagecache", default="2g")
    args = ap.parse_args()
    args.uri = None
    logging.getLogger("neo4j").setLevel(logging.ERROR)
    extracted = lb.extract_corpus(args.base, 0, args.cache)
    docs = [lb.variant(extracted[i % args.base], i // args.base) for i in range(args.n)]
    old_q = (STORE / "event_day_reports.cypher").read_text()
    new_q = (STORE / "event_day_linked.cypher").read_text()
    with lb.server(args) as s:
        auth = (s.neo4j_user, s.neo4j_password.get_secret_value())
        with GraphDatabase.driver(s.neo4j_uri, auth=auth) as drv:
            db = s.neo4j_database
            lb.wipe(drv, db)
            lb.apply_schema(lb.Graph(drv, db, s.neo4j_uri))
            t0 = time.perf_counter()
            lb.load_grouped(GraphStore(lb.Graph(drv, db)), docs, args.chunk)
            rels = drv.execute_query("MATCH ()-[r]->() RETURN count(r) AS c").records[0]["c"]
            print(f"loaded {args.n} docs, {rels} relationships in {time.perf_counter() - t0:.0f} s")
            ids = [d.document.id for d in docs[-args.tail :]]
            with drv.session(database=db) as ses:
                per_day = ses.run(
                    "MATCH ()-[rp:REPORTS]->() WITH rp.date AS d, count(*) AS c "
                    "RETURN avg(c) AS avg, max(c) AS max"
                ).single()
                assert per_day is not None
                print(f"reports a day: {per_day['avg']:.1f} on average, {per_day['max']} at most")
                by_doc: dict[str, list[dict[str, Any]]] = {}
                for r in ses.run(PARTS, ids=ids).data():
                    by_doc.setdefault(r["id"], []).append(r)
                order = list(by_doc)
                calls: list[tuple[list[dt.date], list[dict[str, Any]]]] = []
                for k in range(0, len(order), args.per_call):
                    ms = [r for d in order[k : k + args.per_call] for r in by_doc[d]]
                    days = sorted({r["date"] for r in ms})
                    rows = [
                        {"date": r["date"], "participants": sorted(r["parts"])}
                        for r in ms
                        if len(r["parts"]) >= 2
                    ]
                    calls.append((days, rows))

                def run(name: str) -> tuple[float, int]:
                    t = time.perf_counter()
                    n = 0
                    for days, meetings in calls:
                        if name == "old":
                            n += len(ses.run(old_q, dates=days).data())
                        else:
                            n += len(ses.run(new_q, meetings=meetings).data())
                    return time.perf_counter() - t, n

                run("old")  # plans compiled, not timed
                run("new")
                for i, name in enumerate(["old", "new", "new", "old"] * args.rounds):
                    spent, n = run(name)
                    load = Path("/proc/loadavg").read_text().split()[0]
                    print(
                        f"{i + 1} {name}: {len(calls)} calls {spent:.2f} s = "
                        f"{1000 * spent / len(calls):.1f} ms/call, {n} rows, load {load}"
                    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
