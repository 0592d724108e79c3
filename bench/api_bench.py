"""Latency of the API's central questions on a generated graph of >= 100,000 relationships.

Starts a dedicated Neo4j (the local launcher, in a throwaway folder, on free ports)
unless ``--uri`` names an empty server to use; writes a synthetic who-met graph in
the store's shape with UNWIND batches; serves the API with uvicorn in a
subprocess on a loopback port; then times ``GET /entities/{ref}/met`` and
``GET /who-met`` from an httpx client and prints p50/p95 per question.

    .venv/bin/python bench/api_bench.py            # ~125k relationships
    .venv/bin/python bench/api_bench.py --scale 2  # twice as many
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.database.cypher import query  # noqa: E402
from graph.database.db import Graph  # noqa: E402
from graph.database.launcher import LocalNeo4j, free_port  # noqa: E402
from graph.database.schema import apply_schema  # noqa: E402
from graph.settings import REPO_ROOT, Settings  # noqa: E402
from graph.store.resolve import normalize_name  # noqa: E402
from tests.support.child_server import api_in_child_process, neo4j_env  # noqa: E402

BATCH = 2_000
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
def dedicated_neo4j(uri: str | None) -> Iterator[Settings]:
    """An empty Neo4j for the benchmark: the one named, or a throwaway local server."""
    if uri:
        password = os.environ.get("WHOMET_BENCH_NEO4J_PASSWORD", PASSWORD)
        yield Settings(neo4j_uri=uri, neo4j_password=password)
        return
    SCRATCH.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="bench-", dir=SCRATCH))
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
        shutil.rmtree(home, ignore_errors=True)


@contextmanager
def api_server(settings: Settings) -> Iterator[str]:
    """uvicorn serving the API in a subprocess on a free loopback port; yields its base URL."""
    with api_in_child_process({**os.environ, **neo4j_env(settings)}) as base:
        yield base


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
    args = parser.parse_args()

    data = generate(args.scale, args.seed)
    with dedicated_neo4j(args.uri) as settings:
        with Graph.connect(settings) as graph:
            if graph.read(query("api/bench/counts"))[0]["nodes"]:
                raise SystemExit(f"{settings.neo4j_uri} is not empty; the benchmark needs its own")
            apply_schema(graph)
            began = time.perf_counter()
            print("writing the synthetic graph ...")
            nodes, rels = write(graph, data)
            print(
                f"graph: {nodes} nodes, {rels} relationships ({time.perf_counter() - began:.0f} s)"
            )
            if rels < 100_000:
                raise SystemExit("fewer than 100,000 relationships: raise --scale")
        rng = random.Random(args.seed + 1)
        n = args.requests
        ents = data.entities
        by_id = {e["id"]: e["props"]["name"] for e in ents}
        degree: dict[str, int] = {}
        for fact in data.facts:
            if fact["target_kind"] == "event":
                degree[fact["source"]] = degree.get(fact["source"], 0) + 1
        hub = max(degree, key=lambda k: degree[k])
        active = sorted(degree)
        pairs = rng.choices(data.met_pairs, k=n)
        q = quote
        scenarios: list[tuple[str, Callable[[], list[str]]]] = [
            (
                "met, by id (random participant)",
                lambda: [f"/api/v1/entities/{q(rng.choice(active))}/met" for _ in range(n)],
            ),
            (
                "met, by name (random participant)",
                lambda: [f"/api/v1/entities/{q(by_id[rng.choice(active)])}/met" for _ in range(n)],
            ),
            (
                f"met, busiest entity ({degree[hub]} events)",
                lambda: [f"/api/v1/entities/{q(hub)}/met"] * max(20, n // 10),
            ),
            (
                "who-met, by name (pairs that met)",
                lambda: [f"/api/v1/who-met?a={q(by_id[a])}&b={q(by_id[b])}" for a, b in pairs],
            ),
            (
                "who-met, by id (random pairs)",
                lambda: [
                    f"/api/v1/who-met?a={q(rng.choice(active))}&b={q(rng.choice(active))}"
                    for _ in range(n)
                ],
            ),
        ]
        with api_server(settings) as base, httpx.Client(base_url=base, timeout=60) as client:
            print(f"API at {base}; {n} timed requests per question (sequential, loopback):")
            for name, make in scenarios:
                report(name, timed(client, make(), warmup=10))


if __name__ == "__main__":
    main()
