"""Four parallel loaders of overlapping documents: one node per body and per event, no errors."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
from neo4j import Driver

from graph.model import EntityType, Extraction
from graph.store.graph_store import GraphStore
from tests.support.reliability import shape
from tests.support.store import COM, GOV, PER, Doc, rows

pytestmark = [pytest.mark.db, pytest.mark.slow, pytest.mark.long]

# (forms a document may use: name and aliases), type
BODIES: dict[str, tuple[list[tuple[str, ...]], EntityType]] = {
    "msit": (
        [("Ministry of Science and ICT", "MSIT"), ("MSIT",), ("Ministry of Science and ICT",)],
        GOV,
    ),
    "nis": ([("National Intelligence Service", "NIS"), ("NIS",)], GOV),
    "kisa": ([("Korea Internet & Security Agency", "KISA"), ("KISA",)], GOV),
    "openai": ([("OpenAI",)], COM),
    "anthropic": ([("Anthropic",)], COM),
    "baker": ([("Sasha Baker",), ("Sasha Baker",)], PER),
    "choi": ([("Choi Woo-hyuk",), ("Choi Woohyuk",), ("Woo-hyuk Choi",)], PER),
}
# Meetings: the day fixes who took part, so every report of one day is one event.
DAYS = {
    dt.date(2026, 5, 11): ("anthropic", ["nis", "choi"]),
    dt.date(2026, 5, 18): ("openai", ["baker", "kisa"]),
    dt.date(2026, 5, 20): ("anthropic", ["kisa", "choi"]),
}


def corpus(n: int, seed: int) -> list[Extraction]:
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        day = rng.choice(sorted(DAYS))
        guest, others = DAYS[day]
        picked = rng.sample(others, k=rng.randint(1, len(others)))
        host_form = ("Ministry of Science and ICT", "MSIT")
        sentences = [f"The {host_form[0]} ({host_form[1]}) met {guest} on {day:%B} {day.day}."]
        d_entities: dict[str, tuple[str, ...]] = {"msit": host_form, guest: BODIES[guest][0][0]}
        for key in picked:
            d_entities[key] = rng.choice(BODIES[key][0])
            sentences.append(f"{d_entities[key][0]} also attended.")
        extra = rng.choice(["msit-short", "msit-long", "none"])
        if extra != "none":
            sentences.append("Another body made a remark.")
        text = " ".join(sentences)
        doc = Doc(f"c{i:03d}", text)
        for key, forms in d_entities.items():
            doc.entity(key, forms[0], BODIES[key][1], *forms[1:])
        if extra != "none":
            form = "MSIT" if extra == "msit-short" else "Ministry of Science and ICT"
            doc.entity("x", form, GOV)
            doc.relation("REQUESTED", "x", guest, "Another body made a remark.")
        doc.meeting("m", sentences[0], "msit", [guest, *picked], day=day)
        if "baker" in picked and "openai" in d_entities:
            doc.affiliation("baker", "openai", "head of policy", sentences[0])
        docs.append(doc.build())
    return docs


def _shape(driver: Driver) -> dict[str, object]:
    """What must not depend on the order of loading (bodies, events, facts and their sources,
    documents), and no write lock left behind."""
    return shape(driver) | {
        "locks": rows(driver, "MATCH (l:WriteLock) RETURN count(l) AS n")[0]["n"]
    }


def test_four_parallel_loads_leave_one_node_per_body_and_event(
    store: GraphStore, driver: Driver
) -> None:
    docs = corpus(40, seed=7)
    for d in docs:
        store.load(d)
    sequential = _shape(driver)
    assert len(sequential["entities"]) == len(BODIES)  # type: ignore[arg-type]
    assert len(sequential["events"]) == len(DAYS)  # type: ignore[arg-type]

    driver.execute_query("MATCH (n) DETACH DELETE n")
    # Four workers, overlapping slices (every document is loaded by two of them), each in its
    # own shuffled order.
    slices = [docs[i * 10 : i * 10 + 20] + docs[: max(0, i * 10 + 20 - 40)] for i in range(4)]
    for i, part in enumerate(slices):
        random.Random(i).shuffle(part)

    def work(part: list[Extraction]) -> Counter[str]:
        return Counter(store.load(d).status for d in part)

    with ThreadPoolExecutor(max_workers=4) as pool:
        outcomes = list(pool.map(work, slices))
    total: Counter[str] = sum(outcomes, Counter())
    assert total["added"] == len(docs)
    assert total["unchanged"] == len(docs)
    assert _shape(driver) == sequential
    # And no duplicate under any name: every normalized name belongs to one entity.
    owners = rows(
        driver,
        "MATCH (e:Entity) UNWIND e.norm_names AS n "
        "WITH n, count(DISTINCT e) AS c WHERE c > 1 RETURN n, c",
    )
    assert owners == []
