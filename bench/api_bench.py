"""Latency of the API's central questions on a generated graph of >= 100,000 relationships.

Starts a dedicated Neo4j (the local launcher, in a throwaway folder, on free ports)
unless ``--uri`` names an empty server to use; writes a synthetic who-met graph in
the store's shape with UNWIND batches; serves the API with uvicorn in a
subprocess on a loopback port; then times ``GET /entities/{ref}/met`` and
``GET /who-met`` from an httpx client and prints p50/p95 per question.

    .venv/bin/python bench/api_bench.py            # ~125k relationships
    .venv/bin/python bench/api_bench.py --scale 2  # twice as many
    git archive main | tar -x -C /tmp/main-tree        # before/after in one run:
    .venv/bin/python bench/api_bench.py --scale 8 --home .whomet/tmp/bench-s8 \
        --before-tree /tmp/main-tree --profile
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, LiteralString, cast
from urllib.parse import quote

import httpx
from neo4j import Driver

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.database.cypher import CYPHER_DIR, query  # noqa: E402
from graph.database.db import Graph  # noqa: E402
from graph.database.launcher import LocalNeo4j, free_port  # noqa: E402
from graph.database.schema import apply_schema  # noqa: E402
from graph.read import paths as paths_module  # noqa: E402
from graph.read.lucene import exact_query  # noqa: E402
from graph.read.paths import search  # noqa: E402
from graph.read.reads import Reads, encode_cursor, rank, ref_params  # noqa: E402
from graph.settings import REPO_ROOT, Settings  # noqa: E402
from graph.store.resolve import lookup_names, normalize_name  # noqa: E402
from graph.store.summaries import backfill  # noqa: E402
from tests.support.child_server import api_in_child_process, neo4j_env  # noqa: E402

BATCH = 2_000
OLD_PAGE = "limit=50&events_limit=20"
RANGE = "since=2025-01-01&until=2025-06-30"  # inside the synthetic documents' 800 days
PASSWORD = "whomet-bench-password"
SHARED_LIB = REPO_ROOT / ".whomet" / "neo4j-home" / "lib"
SCRATCH = REPO_ROOT / ".whomet" / "tmp"

_FIRST = [
    "Ana",
    "Ben",
    "Chloe",
    "Dmitri",
    "Elif",
    "Farid",
    "Grace",
    "Hiro",
    "Ines",
    "Jonas",
    "Kofi",
    "Lina",
    "Mateo",
    "Nadia",
    "Omar",
    "Priya",
    "Quinn",
    "Rosa",
    "Sven",
    "Tara",
    "Umar",
    "Vera",
    "Wen",
    "Ximena",
    "Yusuf",
    "Zoe",
    "Arjun",
    "Beatriz",
    "Carlos",
    "Dalia",
]
_LAST = [
    "Adler",
    "Baptiste",
    "Castillo",
    "Dubois",
    "Eriksen",
    "Fischer",
    "Garcia",
    "Haddad",
    "Ito",
    "Jensen",
    "Kowalski",
    "Larsen",
    "Moreau",
    "Novak",
    "Okafor",
    "Petrov",
    "Quispe",
    "Rossi",
    "Sato",
    "Tanaka",
    "Ueda",
    "Vargas",
    "Weber",
    "Xu",
    "Yilmaz",
    "Zhou",
    "Andersen",
    "Bianchi",
    "Costa",
    "Duarte",
    "Ek",
    "Falk",
    "Grant",
    "Holm",
    "Iqbal",
]
_ORG_A = [
    "Northern",
    "Coastal",
    "Federal",
    "National",
    "Regional",
    "Central",
    "Pacific",
    "Atlantic",
    "Alpine",
    "Baltic",
    "Delta",
    "Eastern",
    "Western",
    "Southern",
    "Highland",
    "Lakeside",
    "Metro",
    "Harbor",
    "Summit",
    "Orbit",
    "Quantum",
    "Vector",
    "Lumen",
    "Cobalt",
    "Granite",
    "Silver",
    "Crimson",
    "Amber",
]
_ORG_B = [
    "Energy",
    "Robotics",
    "Data",
    "Health",
    "Transport",
    "Water",
    "Security",
    "Finance",
    "Trade",
    "Space",
    "Climate",
    "Labor",
    "Mining",
    "Shipping",
    "Telecom",
    "Farming",
    "Education",
    "Research",
    "Defense",
    "Housing",
]
_COMPANY = ["Systems", "Labs", "Industries", "Holdings", "Networks", "Dynamics", "Works"]
_GOV = ["Ministry", "Agency", "Commission", "Authority", "Office", "Council"]
_ORG = ["Institute", "Foundation", "Association", "Alliance", "Forum", "Society"]
_KINDS = ["meeting", "talks", "workshop", "briefing", "signing", "summit", "consultation"]


@dataclass
class Synthetic:
    entities: list[dict[str, Any]] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    facts: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    met_pairs: list[tuple[str, str]] = field(default_factory=list)


def _entity(kind: str, label: str, prefix: str, name: str) -> dict[str, Any]:
    slug = normalize_name(name).replace(" ", "-")
    return {
        "id": f"{prefix}:{slug}",
        "label": label,
        "props": {
            "name": name,
            "type": kind,
            "aliases": [],
            "norm_names": [normalize_name(name)],
            "lookup": lookup_names(name, [], [normalize_name(name)]),
        },
    }


def _evidence(doc_id: str, sentence: str) -> dict[str, Any]:
    return {"doc_ids": [doc_id], "sentences": [sentence], "starts": [0], "ends": [len(sentence)]}


def generate(scale: float, seed: int) -> Synthetic:
    """A who-met graph in the store's shape: a few busy hubs, many occasional participants."""
    rng = random.Random(seed)
    out = Synthetic()
    # First and last names, then with a middle initial, until there are enough people.
    people = [
        f"{first} {middle}{last}"
        for middle in ["", *(f"{c}. " for c in "ABCDEFGHJKLMNPRSTW")]
        for first in _FIRST
        for last in _LAST
    ][: int(1000 * scale)]
    orgs: list[dict[str, Any]] = []
    names: set[str] = set()
    for a in _ORG_A:
        for b in _ORG_B:
            for suffix, kind, label, prefix in (
                (rng.choice(_COMPANY), "Company", "Company", "com"),
                (rng.choice(_GOV), "GovernmentBody", "GovernmentBody", "gov"),
                (rng.choice(_ORG), "Organization", "Organization", "org"),
            ):
                name = f"{a} {b} {suffix}"
                if name not in names:
                    names.add(name)
                    orgs.append(_entity(kind, label, prefix, name))
    orgs = orgs[: int(1500 * scale)]
    persons = [_entity("Person", "Person", "per", n) for n in people]
    out.entities = orgs + persons
    everyone = out.entities
    # Zipf-like weights: a few entities take part in very many events.
    weights = [1.0 / (rank + 1) ** 0.9 for rank in range(len(everyone))]
    rng.shuffle(weights)
    start = dt.date(2024, 1, 1)
    n_docs = int(4000 * scale)
    for d in range(n_docs):
        doc_id = f"bench-{d:06d}"
        published = start + dt.timedelta(days=rng.randrange(0, 800))
        out.documents.append(
            {
                "id": doc_id,
                "title": f"Synthetic report {d}",
                "published": published,
                "source": "bench",
                "text": "synthetic",
                "content_hash": f"{d:064x}",
            }
        )
        named: dict[str, str] = {}
        for k in range(4):
            ev_id = f"ev:{doc_id}:{k}"
            day = published - dt.timedelta(days=rng.randrange(0, 10))
            kind = rng.choice(_KINDS)
            held = rng.random() < 0.9
            sentence = f"A {kind} took place on {day.isoformat()} ({doc_id}, {k})."
            out.events.append(
                {
                    "doc_id": doc_id,
                    "props": {
                        "id": ev_id,
                        "kind": kind,
                        "description": f"{kind} {d}-{k}",
                        "date": day,
                        "year": day.year,
                        "month": day.month,
                        "day": day.day,
                        "date_text": f"on {day.isoformat()}",
                        "date_precision": "day",
                        "status": "held" if held else "planned",
                        "doc_ids": [doc_id],
                    },
                    "report": {"sentence": sentence, "start": 0, "end": len(sentence)},
                }
            )
            cast = rng.choices(everyone, weights=weights, k=rng.randint(2, 5))
            seen: list[str] = []
            for i, ent in enumerate(cast):
                if ent["id"] in seen:
                    continue
                seen.append(ent["id"])
                named[ent["id"]] = ent["props"]["name"]
                props = _evidence(doc_id, sentence)
                if i == 0:
                    rel = "HOSTED"
                else:
                    rel = "ATTENDED"
                    implied = rng.random() < 0.05
                    props |= {
                        "roles": ["attendee"],
                        "implied_flags": [implied],
                        "role": "attendee",
                        "implied": implied,
                    }
                out.facts.append(
                    {
                        "source": ent["id"],
                        "target": ev_id,
                        "target_kind": "event",
                        "type": rel,
                        "props": props,
                    }
                )
            if held and len(seen) > 1:
                out.met_pairs.append((seen[0], seen[1]))
        out.mentions.extend(
            {"doc_id": doc_id, "entity_id": eid, "names": [name]} for eid, name in named.items()
        )
    for person in persons:
        org = rng.choice(orgs)
        sentence = f"{person['props']['name']} works for {org['props']['name']}."
        props = _evidence("bench-000000", sentence) | {
            "titles": ["adviser"],
            "current_flags": [True],
            "title": "adviser",
            "current": True,
        }
        out.facts.append(
            {
                "source": person["id"],
                "target": org["id"],
                "target_kind": "entity",
                "type": "REPRESENTS",
                "props": props,
            }
        )
    return out


def _batches(rows: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    for i in range(0, len(rows), BATCH):
        yield rows[i : i + BATCH]


def write(graph: Graph, data: Synthetic) -> tuple[int, int]:
    """Write the synthetic graph in UNWIND batches; returns (nodes, relationships)."""
    for name, rows in (
        ("entities", data.entities),
        ("documents", data.documents),
        ("events", data.events),
        ("facts", data.facts),
        ("mentions", data.mentions),
    ):
        began = time.perf_counter()
        for batch in _batches(rows):
            graph.write_query(query(f"api/bench/{name}"), {"rows": batch})
        print(f"  wrote {len(rows):>7} {name:<9} in {time.perf_counter() - began:6.1f} s")
    counts = graph.read(query("api/bench/counts"))[0]
    return int(counts["nodes"]), int(counts["relationships"])


@contextmanager
def dedicated_neo4j(uri: str | None, keep: Path | None = None) -> Iterator[Settings]:
    """A Neo4j for the benchmark: the one named, a throwaway local server, or a local
    server in ``keep`` (created if needed, stopped but not removed at the end)."""
    if uri:
        password = os.environ.get("WHOMET_BENCH_NEO4J_PASSWORD", PASSWORD)
        yield Settings(neo4j_uri=uri, neo4j_password=password)
        return
    SCRATCH.mkdir(parents=True, exist_ok=True)
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
    home = keep.resolve() if keep else Path(tempfile.mkdtemp(prefix="bench-", dir=SCRATCH))
    settings = Settings(
        home=home,
        bolt_port=free_port(),
        http_port=free_port(),
        neo4j_password=PASSWORD,
        heap_size="1g",
        pagecache_size="512m",
    )
    server = LocalNeo4j(
        settings,
        lib=SHARED_LIB if SHARED_LIB.is_dir() else None,
        extra_conf={"db.tx_log.preallocate": "false"},
    )
    try:
        print(f"starting a dedicated Neo4j in {home} ...")
        server.start()
        yield settings
    finally:
        server.stop()
        if keep is None:
            shutil.rmtree(home, ignore_errors=True)


@contextmanager
def api_server(settings: Settings, cypher_dir: Path, tree: Path | None = None) -> Iterator[str]:
    """uvicorn serving the API (statements from ``cypher_dir``; code from ``tree``, another
    checkout, when given) in a subprocess on a free loopback port; yields its base URL."""
    env = {**os.environ, **neo4j_env(settings), "WHOMET_CYPHER_DIR": str(cypher_dir)}
    if tree is not None:
        env["PYTHONPATH"] = str(tree)
    with api_in_child_process(env, cwd=tree, ready_timeout_s=300) as base:  # a cold 1M graph
        yield base


def hop_pairs(data: Synthetic, hops: int, k: int, rng: random.Random) -> list[tuple[str, str]]:
    """Up to ``k`` pairs of entities exactly ``hops`` relationships apart along what
    /paths follows (stated attendance of held events, affiliations), by breadth-first search."""
    held = {e["props"]["id"] for e in data.events if e["props"]["status"] == "held"}
    near: dict[str, list[str]] = {}
    for f in data.facts:
        if f["props"].get("implied") or (f["target_kind"] == "event" and f["target"] not in held):
            continue
        near.setdefault(f["source"], []).append(f["target"])
        near.setdefault(f["target"], []).append(f["source"])
    entities = sorted(e["id"] for e in data.entities if e["id"] in near)
    pairs: list[tuple[str, str]] = []
    for _ in range(k * 20):
        if len(pairs) >= k:
            break
        source = rng.choice(entities)
        seen, frontier = {source}, [source]
        for _ in range(hops):
            nxt = [m for n in frontier for m in near[n] if m not in seen]
            seen.update(nxt)
            frontier = list(dict.fromkeys(nxt))
        ends = sorted(n for n in frontier if not n.startswith("ev:"))
        if ends:
            pairs.append((source, rng.choice(ends)))
    return pairs


def profile(driver: Driver, database: str, cypher_dir: Path, name: str, **params: Any) -> int:
    """Total db hits of one statement (read from ``cypher_dir``), run under ``PROFILE``."""
    text = (cypher_dir / f"{name}.cypher").read_text(encoding="utf-8")
    statement: LiteralString = "PROFILE " + text  # type: ignore[assignment, unused-ignore]

    def hits(plan: Any) -> int:
        return int(plan.get("dbHits", 0)) + sum(hits(c) for c in plan.get("children", []))

    with driver.session(database=database, default_access_mode="READ") as session:
        summary = session.run(statement, params).consume()
    return hits(summary.profile or {})


def timed(client: httpx.Client, paths: list[str], warmup: int) -> list[float]:
    for path in paths[:warmup]:
        client.get(path).raise_for_status()
    out: list[float] = []
    for path in paths:
        began = time.perf_counter()
        response = client.get(path)
        out.append((time.perf_counter() - began) * 1000)
        response.raise_for_status()
    return out


def report(name: str, samples: list[float]) -> None:
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    print(
        f"  {name:<34} n={len(samples):>4}  p50={cuts[49]:7.1f} ms  p95={cuts[94]:7.1f} ms"
        f"  max={max(samples):7.1f} ms"
    )


def event_degree(data: Synthetic) -> dict[str, int]:
    """How many meetings each entity takes part in (the facts that point at an event)."""
    degree: dict[str, int] = {}
    for fact in data.facts:
        if fact["target_kind"] == "event":
            degree[fact["source"]] = degree.get(fact["source"], 0) + 1
    return degree


def scenarios(
    data: Synthetic, n: int, seed: int
) -> tuple[list[tuple[str, list[str]]], dict[str, Any]]:
    """The timed questions (name, request paths) and the sample values used for PROFILE."""
    rng = random.Random(seed + 1)
    by_id = {e["id"]: e["props"]["name"] for e in data.entities}
    degree = event_degree(data)
    hub = max(degree, key=lambda k: degree[k])
    active = sorted(degree)
    typical = sorted(active, key=lambda k: (degree[k], k))[len(active) // 2]
    pairs = rng.choices(data.met_pairs, k=n)
    far = hop_pairs(data, 4, 30, rng)
    q = quote
    out = [
        (
            "met, by id (random participant)",
            [f"/api/v1/entities/{q(rng.choice(active))}/met" for _ in range(n)],
        ),
        (
            "met, by name (random participant)",
            [f"/api/v1/entities/{q(by_id[rng.choice(active)])}/met" for _ in range(n)],
        ),
        (
            f"met, busiest entity ({degree[hub]} events)",
            [f"/api/v1/entities/{q(hub)}/met"] * max(20, n // 10),
        ),
        (
            "who-met, by name (pairs that met)",
            [f"/api/v1/who-met?a={q(by_id[a])}&b={q(by_id[b])}" for a, b in pairs],
        ),
        (
            "who-met, by id (random pairs)",
            [
                f"/api/v1/who-met?a={q(rng.choice(active))}&b={q(rng.choice(active))}"
                for _ in range(n)
            ],
        ),
        (
            f"paths, 4 hops apart ({len(far)} pairs)",
            [f"/api/v1/paths?from={q(a)}&to={q(b)}&max_hops=4" for a, b in rng.choices(far, k=n)],
        ),
        # A date range reads the meetings themselves (api/entity_met), not the MET summary.
        (
            "met, by id, half-year range",
            [f"/api/v1/entities/{q(rng.choice(active))}/met?{RANGE}" for _ in range(n)],
        ),
        (
            "met, busiest, half-year range",
            [f"/api/v1/entities/{q(hub)}/met?{RANGE}"] * max(20, n // 10),
        ),
        # the page that was the default before round 6 (50 counterparts x 20 meetings);
        # last, so that the questions before it draw the same entities as in earlier rounds
        (
            "met, by id, limit=50&events_limit=20",
            [f"/api/v1/entities/{q(rng.choice(active))}/met?{OLD_PAGE}" for _ in range(n)],
        ),
        (
            "met, busiest, limit=50&events_limit=20",
            [f"/api/v1/entities/{q(hub)}/met?{OLD_PAGE}"] * max(20, n // 10),
        ),
    ]
    small = sorted(active, key=lambda k: (degree[k], k))[0]
    samples = {
        "typical": typical,
        "hub": hub,
        "pair": pairs[0],
        "hub_pair": (hub, small),
        "far": far[0],
    }
    return out, samples


def paged(graph: Graph, hub: str, n: int) -> list[tuple[str, list[str]]]:
    """The busiest entity's /met as a paging client asks for it: 10 counterparts with 5
    meetings each, the first page and the next (by cursor; a server without cursors ignores
    it and answers the first page again, the same amount of work)."""
    first = {"id": hub, "type": None, "limit": 10, "offset": 0, "after": None}
    first |= ref_params(hub)  # since round 6 the statement resolves the reference itself
    rows = graph.read(query("api/entity_met_summary"), first | {"per_counterpart": 5})[0]
    cursor = encode_cursor(sorted(rows["page"], key=rank)[-1])
    base = f"/api/v1/entities/{quote(hub)}/met?limit=10&events_limit=5"
    return [
        ("met, busiest, limit=10, first page", [base] * n),
        ("met, busiest, limit=10, next by cursor", [f"{base}&cursor={cursor}"] * n),
    ]


def profiles(graph: Graph, cypher_dir: Path, samples: dict[str, Any]) -> dict[str, int]:
    """db hits of the statements behind each question, for the sample entities (the MET
    summary's statements when ``cypher_dir`` has them)."""
    out: dict[str, int] = {}
    drv, db = graph.driver, graph.database
    no_filter = {"since": None, "until": None}
    summary = (cypher_dir / "api" / "entity_met_summary.cypher").is_file()
    met, events = (
        ("entity_met_summary", "entity_met_summary_events")
        if summary
        else (
            "entity_met",
            "entity_met_events",
        )
    )
    # Since round 5 the summary's statement reads the page's meetings too (no _events file).
    separate = (cypher_dir / "api" / f"{events}.cypher").is_file()
    # the page of 50 counterparts x 20 meetings (the default before round 6) and of 20 x 5
    # (the default since); `id` for the statements before round 6, the reference after
    for who, (limit, per) in (
        ("typical", (50, 20)),
        ("hub", (50, 20)),
        ("typical", (20, 5)),
        ("hub", (20, 5)),
    ):
        if not summary and (limit, per) != (50, 20):
            continue
        eid = samples[who]
        first = {"id": eid, "type": None, "limit": limit, "offset": 0, **no_filter}
        if summary:
            first |= {"after": None, "per_counterpart": per, **ref_params(eid)}
        out[f"{met} ({who}, {limit}x{per})"] = profile(drv, db, cypher_dir, f"api/{met}", **first)
        if not separate or (limit, per) != (50, 20):
            continue
        # that checkout's statement: its rows carry the meeting keys its _events statement takes
        text = cast(LiteralString, (cypher_dir / "api" / f"{met}.cypher").read_text("utf-8"))
        page = graph.read(text, first)[0]["page"]
        pages = [{"other": r["counterpart"]["id"], "meetings": r.get("meetings")} for r in page]
        out[f"{events} ({who})"] = profile(
            drv,
            db,
            cypher_dir,
            f"api/{events}",
            id=eid,
            others=[p["other"] for p in pages],
            pages=pages,
            per_counterpart=20,
            **no_filter,
        )
    if summary:  # a date range still reads the meetings (include_undated: ignored before it)
        since, until = (dt.date.fromisoformat(p.split("=")[1]) for p in RANGE.split("&"))
        for who in ("typical", "hub"):
            ranged = {"id": samples[who], "type": None, "limit": 50, "offset": 0}
            ranged |= {"since": since, "until": until, "include_undated": False}
            out[f"entity_met, range ({who})"] = profile(
                drv, db, cypher_dir, "api/entity_met", **ranged
            )
    name = str(
        graph.read(query("api/entity_by_id"), {"ids": [samples["typical"]]})[0]["entity"]["name"]
    )
    lower, norm = name.lower(), normalize_name(name)
    out["entity_by_name (typical)"] = profile(
        drv,
        db,
        cypher_dir,
        "api/entity_by_name",
        lower=lower,
        norm=norm,
        exact=exact_query([lower, norm]),
    )
    if (cypher_dir / "api" / "entity_by_refs.cypher").is_file():  # /who-met's two names at once
        a, b = samples["pair"]
        names = [
            str(graph.read(query("api/entity_by_id"), {"ids": [x]})[0]["entity"]["name"])
            for x in (a, b)
        ]
        out["entity_by_refs (a pair's names)"] = profile(
            drv, db, cypher_dir, "api/entity_by_refs", refs=[ref_params(n) for n in names]
        )
    if (cypher_dir / "api" / "who_met_refs.cypher").is_file():  # since round 6: /who-met in one
        a, b = samples["pair"]
        out["who_met_refs (a pair that met, by id)"] = profile(
            drv, db, cypher_dir, "api/who_met_refs", refs=[ref_params(a), ref_params(b)]
        )
        names = [
            str(graph.read(query("api/entity_by_id"), {"ids": [x]})[0]["entity"]["name"])
            for x in (a, b)
        ]
        out["who_met_refs (a pair that met, by name)"] = profile(
            drv, db, cypher_dir, "api/who_met_refs", refs=[ref_params(n) for n in names]
        )
    who = "who_met_summary" if summary else "who_met"
    a, b = samples["pair"]
    out[f"{who} (a pair that met)"] = profile(drv, db, cypher_dir, f"api/{who}", a=a, b=b)
    a, b = samples["hub_pair"]
    out[f"{who} (busiest with a small one)"] = profile(drv, db, cypher_dir, f"api/{who}", a=a, b=b)
    a, b = samples["far"]
    if summary:  # /paths is a few statements (graph/read/paths.py): their db hits summed
        counter = Profiled(graph)
        refs = {"refs": [ref_params(a), ref_params(b)]}
        start = cypher_dir / "api" / "path_start.cypher"
        if start.is_file():  # since round 8: the look-up and both first rings, then the search
            head = counter.read(cast(LiteralString, start.read_text("utf-8")), refs)[0]
            known: dict[str, list[dict[str, Any]]] = {}
            paths_module._keep(known, [a, b], head["near"])
            search(Reads(cast(Graph, counter)), a, b, 4, 5, known=known)
        else:  # before: the look-up, then one statement per widening, no ring read ahead
            counter.read(query("api/entity_by_refs"), refs)
            also, paths_module.ALSO_ROWS = paths_module.ALSO_ROWS, -1
            try:
                search(Reads(cast(Graph, counter)), a, b, 4, 5)
            finally:
                paths_module.ALSO_ROWS = also
        out[f"/paths, {counter.statements} statements (4 hops)"] = counter.hits
    else:
        out["shortest_paths (4 hops)"] = profile(
            drv, db, cypher_dir, "api/shortest_paths", **{"from": a, "to": b, "limit": 5}
        )
    return out


class Profiled:
    """Stands in for :class:`Graph` in a read path: runs each statement under PROFILE and sums
    its db hits."""

    def __init__(self, graph: Graph) -> None:
        self.graph, self.hits, self.statements = graph, 0, 0

    def read(
        self, text: LiteralString, params: dict[str, Any] | None = None, **_: Any
    ) -> list[dict[str, Any]]:
        statement: LiteralString = "PROFILE " + text
        with self.graph.driver.session(database=self.graph.database) as session:
            result = session.run(statement, params or {})
            rows = [record.data() for record in result]
            summary = result.consume()

        def hits(plan: Any) -> int:
            return int(plan.get("dbHits", 0)) + sum(hits(c) for c in plan.get("children", []))

        self.hits += hits(summary.profile or {})
        self.statements += 1
        return rows


def run_api(
    label: str,
    settings: Settings,
    cypher_dir: Path,
    questions: list[tuple[str, list[str]]],
    warmup: int,
    tree: Path | None = None,
) -> None:
    with (
        api_server(settings, cypher_dir, tree) as base,
        httpx.Client(base_url=base, timeout=120) as client,
    ):
        print(f"{label}: API at {base}, statements from {cypher_dir} (sequential, loopback):")
        for name, paths in questions:
            report(name, timed(client, paths, warmup=warmup))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--scale", type=float, default=1.0, help="graph size factor (1 = ~125k rels)"
    )
    parser.add_argument("--requests", type=int, default=300, help="timed requests per question")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--uri", help="an EMPTY Neo4j to use instead of starting one (it is written)"
    )
    parser.add_argument(
        "--home", type=Path, help="keep the local server's folder here; reuse its graph if built"
    )
    parser.add_argument(
        "--before", type=Path, help="a cypher/ folder to time first (the 'before' statements)"
    )
    parser.add_argument(
        "--before-tree",
        type=Path,
        help="another checkout (e.g. `git archive main`) whose API, code and cypher/, to time"
        " first; this checkout's schema (and the MET backfill) is applied after it",
    )
    parser.add_argument(
        "--after-first",
        action="store_true",
        help="time this checkout before the --before/--before-tree one (the other order; a run"
        " can then be paired with one in the default order, each side once first)",
    )
    parser.add_argument(
        "--pairs",
        type=int,
        default=1,
        help="time the before/after rounds this many times in turn (the first round of a run"
        " meets a cold server: compare the later pairs)",
    )
    parser.add_argument("--profile", action="store_true", help="print db hits per statement")
    args = parser.parse_args()
    # PROFILE of a plan over relationship types a bench graph lacks (PART_OF) warns per call.
    logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)

    data = generate(args.scale, args.seed)
    stamp = args.home / "bench-graph.json" if args.home else None
    wanted = {"scale": args.scale, "seed": args.seed}
    with dedicated_neo4j(args.uri, args.home) as settings, Graph.connect(settings) as graph:
        counts = graph.read(query("api/bench/counts"))[0]
        built = stamp is not None and stamp.is_file()
        if built and stamp and json.loads(stamp.read_text()) == wanted:
            nodes, rels = int(counts["nodes"]), int(counts["relationships"])
            print(f"reusing the graph in {args.home}: {nodes} nodes, {rels} relationships")
        elif counts["nodes"]:
            raise SystemExit(f"{settings.neo4j_uri} is not empty; the benchmark needs its own")
        else:
            apply_schema(graph)
            began = time.perf_counter()
            print("writing the synthetic graph ...")
            nodes, rels = write(graph, data)
            print(
                f"graph: {nodes} nodes, {rels} relationships ({time.perf_counter() - began:.0f} s)"
            )
            if stamp is not None:
                stamp.write_text(json.dumps(wanted))
        if not graph.read(query("api/bench/counts"))[0]["met"]:
            # Written around the store: build the MET summary the store would have kept.
            began = time.perf_counter()
            backfill(graph, force=True)
            print(f"MET summary built (backfill): {time.perf_counter() - began:.0f} s")
        if rels < 100_000:
            raise SystemExit("fewer than 100,000 relationships: raise --scale")
        questions, samples = scenarios(data, args.requests, args.seed)
        questions += paged(graph, samples["hub"], max(20, args.requests // 10))
        tree = args.before_tree.resolve() if args.before_tree else None
        rounds: list[tuple[str, Path, Path | None]] = []
        if tree is not None:
            rounds.append(("before", tree / "cypher", tree))
        elif args.before:
            rounds.append(("before", args.before.resolve(), None))
        rounds.append(("after" if rounds else "this checkout", CYPHER_DIR, None))
        if args.after_first:  # both checkouts apply the same schema.cypher on start
            rounds.reverse()
        # The first round meets a freshly started server (cold page cache and plans) and is
        # slower whichever code it runs; with --pairs 2 the second pair is on a warm server.
        for n, (label, cypher_dir, code) in enumerate(rounds * args.pairs):
            if args.pairs > 1:
                label = f"{label} (pair {n // len(rounds) + 1})"
            if code is None and n < len(rounds):  # this checkout's schema, with the MET backfill
                began = time.perf_counter()
                apply_schema(graph)
                print(
                    f"schema applied (MET backfill if needed): {time.perf_counter() - began:.0f} s"
                )
            # The API applies its schema.cypher on start: the 'before' round runs first.
            run_api(label, settings, cypher_dir, questions, warmup=10, tree=code)
            if args.profile and n < len(rounds):
                print(f"{label}: db hits (PROFILE)")
                for name, hits in profiles(graph, cypher_dir, samples).items():
                    print(f"  {name:<34} {hits:>10,} db hits")


if __name__ == "__main__":
    main()
