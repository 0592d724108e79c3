"""Helpers for the reliability tests: an invented overlapping corpus, graph invariants,
per-document fact signatures and full dumps without load times."""

from __future__ import annotations

import datetime as dt
import random
import threading
import time
from pathlib import Path
from typing import Any

from neo4j import Driver

from graph.settings import Settings
from graph.store.plan import FACT_TYPES
from tests.support.servers import free_port
from tests.support.store import rows

# Properties that record WHEN something was loaded: they differ between two equal loads.
VOLATILE = frozenset({"loaded_at", "first_seen", "updated_at", "at"})

_BODIES = [
    ("Ministry of Coastal Affairs", "MCA"),
    ("National Grid Agency", "NGA"),
    ("Harbor Data Office", "HDO"),
    ("Veltra Bank", None),
    ("Kestrel Robotics", None),
    ("Orlan Systems", None),
    ("Tidewater Council", None),
]
_PEOPLE = [
    ("Jana Holm", "chief executive", "Veltra Bank"),
    ("Tomas Brenner", "director", "National Grid Agency"),
    ("Mei Sato", "head of policy", "Kestrel Robotics"),
    ("Oskar Lind", "spokesperson", "Ministry of Coastal Affairs"),
]
_DAYS = [dt.date(2026, 3, d) for d in (3, 10, 17, 24)]


def article(i: int, *, day_fixes_parties: bool = False) -> str:
    """An invented news article; articles share bodies, people and meeting days.

    With ``day_fixes_parties`` every report of one day names the same parties, so which
    reports are one event does not depend on the order they are loaded in.
    """
    rng = random.Random(i)
    day = rng.choice(_DAYS)
    if day_fixes_parties:
        rng = random.Random(day.toordinal())
    host, guest = rng.sample(_BODIES, 2)
    person, role, org = rng.choice(_PEOPLE)
    host_name = f"the {host[0]}" if host[0].startswith(("Ministry", "National")) else host[0]
    host_ref = f"{host_name} ({host[1]})" if host[1] else host_name
    lines = [
        f"Talks on port data, report {i}",
        "",
        f"{host_ref[0].upper()}{host_ref[1:]} held talks with {guest[0]} in Harborview on "
        f"{day:%B} {day.day}, {day.year}, to discuss shared port data, officials said.",
        "",
        f"{person}, {role} of {org}, attended the talks. \u201cWe agreed on next steps,\u201d "
        f"{person.split()[1]} said after the meeting.",
        "",
        f"The two sides plan to meet again later this year, according to a statement "
        f"published on {day:%B} {day.day + 1}.",
    ]
    return "\n".join(lines) + "\n"


def write_corpus(folder: Path, n: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + n):
        path = folder / f"report-{i:03d}.txt"
        path.write_text(article(i), encoding="utf-8")
        paths.append(path)
    return paths


def counts(driver: Driver) -> tuple[int, int]:
    row = rows(
        driver, "MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS n, count(r) AS r"
    )[0]
    return row["n"], row["r"]


def invariant_violations(driver: Driver) -> dict[str, list[Any]]:
    """Everything that would mean a fact is orphaned or a write was left half done."""
    facts = sorted(FACT_TYPES)
    checks = {
        "fact without sources": (
            "MATCH (a)-[r]->(b) WHERE type(r) IN $facts "
            "AND (r.doc_ids IS NULL OR size(r.doc_ids) = 0) RETURN type(r) AS t, a.id, b.id"
        ),
        "evidence lists of unequal length": (
            "MATCH ()-[r]->() WHERE type(r) IN $facts AND NOT "
            "(size(r.doc_ids) = size(r.sentences) = size(r.starts) = size(r.ends)) "
            "RETURN type(r) AS t"
        ),
        "source that is not a document": (
            "MATCH ()-[r]->() WHERE r.doc_ids IS NOT NULL UNWIND r.doc_ids AS d "
            "WITH DISTINCT d WHERE NOT EXISTS { MATCH (:Document {id: d}) } RETURN d"
        ),
        "event source that is not a document": (
            "MATCH (e:Event) UNWIND e.doc_ids AS d WITH DISTINCT e, d "
            "WHERE NOT EXISTS { MATCH (:Document {id: d})-[:REPORTS]->(e) } RETURN e.id, d"
        ),
        "entity nobody mentions": (
            "MATCH (e:Entity) WHERE NOT EXISTS { MATCH (:Document)-[:MENTIONS]->(e) } RETURN e.id"
        ),
        "event nobody reports": (
            "MATCH (e:Event) WHERE NOT EXISTS { MATCH (:Document)-[:REPORTS]->(e) } RETURN e.id"
        ),
        "quote nobody printed": (
            "MATCH (q:Quote) WHERE NOT EXISTS { MATCH (q)-[:QUOTED_IN]->(:Document) } RETURN q.id"
        ),
        "name key of nothing": (
            "MATCH (k:NameKey) WHERE NOT EXISTS { MATCH (k)-[:KEY_OF]->(:Entity) } RETURN k.key"
        ),
        "write lock left behind": "MATCH (l:WriteLock) RETURN l.key",
        "two entities share a name": (
            "MATCH (e:Entity) UNWIND e.norm_names AS n WITH n, e.type AS t, "
            "collect(e.id) AS ids WHERE size(ids) > 1 RETURN n, t, ids"
        ),
    }
    out = {}
    for name, cypher in checks.items():
        found = rows(driver, cypher, facts=facts)
        if found:
            out[name] = found
    return out


def doc_signature(driver: Driver, doc_id: str) -> dict[str, Any]:
    """What one document contributed: its support links and, for every fact it backs, the
    type and the sentence it gave. Names and ids are left out: they depend on the other
    documents loaded."""
    support = rows(
        driver,
        "MATCH (d:Document {id: $id}) RETURN "
        "COUNT { (d)-[:MENTIONS]->() } AS mentions, COUNT { (d)-[:REPORTS]->() } AS reports, "
        "COUNT { (d)<-[:QUOTED_IN]-() } AS quotes, d.content_hash AS hash, size(d.text) AS chars",
        id=doc_id,
    )
    facts = rows(
        driver,
        "MATCH ()-[r]->() WHERE $id IN r.doc_ids "
        "UNWIND range(0, size(r.doc_ids) - 1) AS i WITH r, i WHERE r.doc_ids[i] = $id "
        "RETURN type(r) AS t, r.sentences[i] AS s",
        id=doc_id,
    )
    return {
        "support": support[0] if support else None,
        "facts": sorted((f["t"], f["s"]) for f in facts),
    }


def shape(driver: Driver) -> dict[str, Any]:
    """The graph without ids (ids depend on which document came first): bodies, events,
    facts with their sources."""
    entities = rows(driver, "MATCH (e:Entity) RETURN e.type AS t, e.norm_names AS n")
    events = rows(driver, "MATCH (e:Event) RETURN toString(e.date) AS d, e.doc_ids AS docs")
    facts = rows(
        driver,
        "MATCH (a)-[r]->(b) WHERE r.doc_ids IS NOT NULL "
        "RETURN type(r) AS t, a.name AS a, coalesce(b.name, toString(b.date), b.text) AS b, "
        "r.doc_ids AS docs",
    )
    return {
        "entities": sorted((e["t"], tuple(e["n"])) for e in entities),
        "events": sorted((e["d"], tuple(e["docs"])) for e in events),
        "facts": sorted((f["t"], f["a"], f["b"], tuple(f["docs"])) for f in facts),
        "documents": sorted(r["id"] for r in rows(driver, "MATCH (d:Document) RETURN d.id AS id")),
    }


def answer_within_s(limit_s: float) -> float:
    """How long a request its limit stops at ``limit_s`` may take to answer on a busy machine.

    Twice the limit plus 30 s: without the limit the runaway work runs for minutes, so the
    bound still tells the two apart, while a slow child start-up or a loaded CPU cannot
    fail it. Speed itself is measured in ``bench/``, not here.
    """
    return 2 * limit_s + 30


def wipe(driver: Driver) -> None:
    driver.execute_query("MATCH (n) DETACH DELETE n", database_="neo4j")


class ApiServer:
    """The real app under uvicorn in a thread, on a free loopback port (a real socket, so
    requests can run in parallel and the app's lifespan runs as in production)."""

    def __init__(self, settings: Settings) -> None:
        import uvicorn

        from api.app import create_app

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(
            create_app(settings), host="127.0.0.1", port=self.port, log_level="warning"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> ApiServer:
        self.thread.start()
        deadline = time.monotonic() + 180  # ends the wait only
        while not self.server.started:
            assert self.thread.is_alive(), "uvicorn exited while starting"
            assert time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)
