"""Issue 16's attacks on the write path: a write transaction that cannot finish is stopped
by its timeout, and a small upload about the same party and day as a big one waits for
the big one's commit only, not minutes more.

Real Neo4j, hand-built extractions (no spaCy): the holder of a lock is an open
transaction of the test's own, and the big document is hundreds of distinct meetings
sharing one participant on one day (the shape the store groups within its transaction).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from neo4j import Driver

from graph.errors import WriteTimedOut
from graph.model import Extraction
from graph.settings import Settings
from graph.store import transaction
from graph.store.graph_store import GraphStore
from tests.support.store import (
    MAY18,
    PER,
    made_up_word,
    one_meeting,
    rows,
    same_day_meetings,
)

pytestmark = [pytest.mark.db, pytest.mark.long]

# The lowered limit, and what may come on top: the server checks running transactions'
# timeouts every couple of seconds, and this machine is shared.
LIMIT_S = 2.0
MARGIN_S = 10.0
# How long the holder would keep its lock if nothing stopped the load (so that a store
# without a timeout fails this test instead of hanging it).
HOLD_S = 45.0
# Codes of a transaction stopped by its timeout: while it runs a statement, or while it
# waits for a lock (the server stops the lock client).
TIMED_OUT = {
    "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
    "Neo.ClientError.Transaction.LockClientStopped",
    "Neo.TransientError.Transaction.LockClientStopped",
}
DAY_LOCK = f"date:{MAY18.isoformat()}"


@contextmanager
def holding(driver: Driver, database: str, key: str) -> Iterator[threading.Event]:
    """An open write transaction that has taken the ``:WriteLock`` of ``key`` (as another
    load would), kept until the yielded event is set or ``HOLD_S`` passed, then rolled back."""
    taken, done = threading.Event(), threading.Event()
    failed: list[BaseException] = []

    def hold() -> None:
        try:
            with driver.session(database=database) as session:
                tx = session.begin_transaction()
                tx.run("MERGE (:WriteLock {key: $key})", key=key).consume()
                taken.set()
                done.wait(HOLD_S)
                tx.rollback()
        except BaseException as exc:  # noqa: BLE001 - reported to the test below
            failed.append(exc)
            taken.set()

    thread = threading.Thread(target=hold, daemon=True)
    thread.start()
    assert taken.wait(60), "the holder never took its lock"
    assert not failed, failed
    try:
        yield done
    finally:
        done.set()
        thread.join(60)
    assert not failed, failed


def test_a_load_stuck_behind_a_lock_is_stopped_by_the_write_timeout(
    store: GraphStore, driver: Driver, neo4j_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Plans compiled first (a cold server spends seconds there), with the real limit.
    assert store.load(one_meeting("warm", "Ministry of Warmth", "Warm Corp")).status == "added"
    stuck = one_meeting("stuck", "Ministry of Hubs", "OpenAI")
    original = transaction.load_work.timeout  # type: ignore[attr-defined]
    assert original == transaction.WRITE_TIMEOUT_S
    # neo4j's unit_of_work keeps the timeout on the function; the store passes that function.
    monkeypatch.setattr(transaction.load_work, "timeout", LIMIT_S)

    # Another writer holds the lock of the day the load's meeting is on.
    with holding(driver, neo4j_settings.neo4j_database, DAY_LOCK) as release:
        started = time.monotonic()
        with pytest.raises(WriteTimedOut) as caught:
            store.load(stuck)
        took = time.monotonic() - started
        print(f"stopped after {took:.1f} s with a {LIMIT_S} s limit: {caught.value!r}"[:160])
        assert took < LIMIT_S + MARGIN_S, f"stopped after {took:.1f} s"
        # whomet's own error (the API answers it 503 `write_timed_out`), from the server's code.
        code = getattr(caught.value.__cause__, "code", None)
        assert code in TIMED_OUT, repr(caught.value.__cause__)
        assert "nothing of it was stored" in str(caught.value)
        # Nothing of the document was written (its transaction took its own document lock
        # and wrote before it blocked: all of that was rolled back).
        assert rows(driver, "MATCH (d:Document) RETURN d.id AS id") == [{"id": "warm"}]
        names = rows(driver, "MATCH (e:Entity) RETURN e.name AS name ORDER BY name")
        assert names == [{"name": "Ministry of Warmth"}, {"name": "Warm Corp"}]
        release.set()

    monkeypatch.setattr(transaction.load_work, "timeout", original)
    report = store.load(stuck)
    assert report.status == "added"
    met = rows(
        driver,
        "MATCH (h:Entity {name: 'Ministry of Hubs'})-[:HOSTED]->(ev:Event)"
        "<-[:ATTENDED]-(g:Entity) RETURN g.name AS guest, ev.date AS day",
    )
    assert [(r["guest"], r["day"].to_native()) for r in met] == [("OpenAI", MAY18)]
    assert rows(driver, "MATCH (w:WriteLock) RETURN count(w) AS n") == [{"n": 0}]


# The big document: distinct meetings sharing one host on one day (every pair of them is
# compared when the day is grouped, inside the load's write transaction).
BIG_MEETINGS = 200
# How long after the big document's commit the small one may take to commit (it only
# waited for the day's lock; its own work is a handful of statements, some planned for the
# first time: 7.5-24.6 s at load averages of 17-28 on the 2-core machine). The attack it
# guards against held the next upload for 22 minutes.
AFTER_BIG_S = 45.0


def test_a_small_upload_about_the_same_party_and_day_waits_only_for_the_big_commit(
    store: GraphStore, driver: Driver, monkeypatch: pytest.MonkeyPatch
) -> None:
    hub = "Ministry of Hubs"
    assert store.load(one_meeting("warm", "Ministry of Warmth", "Warm Corp")).status == "added"
    large = same_day_meetings("big", hub, BIG_MEETINGS)
    # The small one reports one of the big one's meetings again: same host, guest and day.
    late = one_meeting("late", hub, f"Jo {made_up_word(0)}", PER)
    done: dict[str, float] = {}
    failed: list[BaseException] = []
    # Each statement the loads run, by thread: the small load is sent once the big one has
    # taken its locks (``document_upsert`` returned), so it must wait for them.
    steps: list[tuple[str, str, float]] = []
    locked = threading.Event()
    run = transaction.Work.run

    def watched(w: transaction.Work, name: str, **params: Any) -> list[dict[str, Any]]:
        out = run(w, name, **params)
        who = threading.current_thread().name
        steps.append((who, name, time.monotonic()))
        if who == "big" and name == "document_upsert":
            locked.set()
        return out

    monkeypatch.setattr(transaction.Work, "run", watched)

    def load(x: Extraction) -> None:
        try:
            assert store.load(x).status == "added"
        except BaseException as exc:  # noqa: BLE001 - reported below
            failed.append(exc)
        done[x.document.id] = time.monotonic()

    started = time.monotonic()
    first = threading.Thread(target=load, args=(large,), name="big", daemon=True)
    first.start()
    assert locked.wait(transaction.WRITE_TIMEOUT_S), failed
    second = threading.Thread(target=load, args=(late,), name="late", daemon=True)
    second.start()
    first.join(transaction.WRITE_TIMEOUT_S + 60)
    second.join(transaction.WRITE_TIMEOUT_S + 60)
    assert not failed, failed
    assert set(done) == {"big", "late"}
    big_s = done["big"] - started
    after = done["late"] - done["big"]
    upserts = [t for who, name, t in steps if who == "big" and name == "document_upsert"]
    print(f"big load {big_s:.1f} s; small one committed {after:+.1f} s after it")
    print(f"big: locks taken {upserts[0] - started:.1f} s, {len(upserts)} attempt(s); steps:")
    last = started
    for who, name, t in steps:
        if t - last > 0.5:
            print(f"  {who} {name} {t - last:.1f} s")
        last = t
    # It did wait: it committed after the big one, which held the day's lock before it began.
    assert after > 0
    # ...and not much later: its own handful of statements (cold plans, a busy machine).
    assert after < AFTER_BIG_S

    # Both documents' facts: one event per meeting of the big document, the small one's
    # report grouped with the big one's meeting of the same pair.
    events = rows(
        driver,
        "MATCH (:Entity {name: $hub})-[:HOSTED]->(ev:Event)<-[:ATTENDED]-(g:Entity) "
        "RETURN g.name AS guest, ev.date AS day, ev.doc_ids AS docs ORDER BY guest",
        hub=hub,
    )
    assert len(events) == BIG_MEETINGS
    assert {r["day"].to_native() for r in events} == {MAY18}
    docs = {r["guest"]: r["docs"] for r in events}
    assert docs[f"Jo {made_up_word(0)}"] == ["big", "late"]
    assert all(d == ["big"] for g, d in docs.items() if g != f"Jo {made_up_word(0)}")
    assert rows(driver, "MATCH (w:WriteLock) RETURN count(w) AS n") == [{"n": 0}]
