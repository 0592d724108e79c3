"""Extraction on every core: worker processes that each load the extractor once (word lists,
the NLP pipeline) and then read and extract many documents.

Results come back in input order, a bounded number ahead of the consumer, so the caller (the
loader, ``whomet reextract``, the evaluation) stores or scores them one at a time in its own
process while the workers go on. Workers are spawned, not forked: the parent holds a Neo4j
driver with threads, which a fork would copy mid-flight.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import TypeVar

from graph.errors import WhometError
from graph.model import Document, Extraction

T = TypeVar("T")
Outcome = Extraction | str  # the extraction, or why the document could not be read
Reader = Callable[[Path], Document]
Extractor = Callable[[Document], Extraction]

AHEAD_PER_WORKER = 4  # results queued per worker before the consumer must catch up
# A worker process loads its own NLP model (~2-3 s on one core here, the time of extracting
# some 30-40 articles), so by default a load starts one process per this many files.
FILES_PER_PROCESS = 32
PARENT_CHECK_S = 1.0
_WARM_UP_TEXT = "The Ministry of Finance met Acme Corp officials in Seoul on Monday, May 4, 2026."

# Set in each worker process by ``_start_worker``.
_reader: Reader | None = None
_extractor: Extractor | None = None


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _defaults(id_from_name: bool) -> tuple[Reader, Extractor]:
    # Imported here: the loader imports this module.
    from graph.ingest.loader import default_extractor, default_reader

    return default_reader(id_from_name), default_extractor()


def _exit_with_parent(parent: int) -> None:
    """A worker whose parent was killed (SIGKILL leaves it no time to stop the pool) would
    wait for work forever: it exits instead."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_S)
    os._exit(1)


def _start_worker(id_from_name: bool) -> None:
    """Runs once per worker: load the extractor and warm its lazy caches on a one-line
    document, so no real document pays for loading."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    global _reader, _extractor
    _reader, _extractor = _defaults(id_from_name)
    from graph.documents import make_document

    _extractor(make_document(_WARM_UP_TEXT, doc_id="warm-up"))


def _read_and_extract(path: Path) -> Outcome:
    assert _reader is not None and _extractor is not None, "worker not started"
    return _guarded(_reader, _extractor, path)


def _extract_document(doc: Document) -> Outcome:
    assert _extractor is not None, "worker not started"
    return _guarded(lambda d: d, _extractor, doc)


def _guarded(read: Callable[[T], Document], extract: Extractor, item: T) -> Outcome:
    """A document that cannot be read (or is refused) is an outcome, not an error: the
    other documents go on."""
    try:
        return extract(read(item))
    except WhometError as exc:
        return str(exc)


def _in_pool(
    task: Callable[[T], Outcome],
    items: Iterable[T],
    workers: int,
    id_from_name: bool,
    ahead: int = 0,
) -> Generator[tuple[T, Outcome]]:
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_worker,
        initargs=(id_from_name,),
    )
    pending: deque[tuple[T, Future[Outcome]]] = deque()
    try:
        for item in items:
            pending.append((item, pool.submit(task, item)))
            if len(pending) >= max(ahead, workers * AHEAD_PER_WORKER):
                first, future = pending.popleft()
                yield first, future.result()
        while pending:
            first, future = pending.popleft()
            yield first, future.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def default_workers(files: int) -> int:
    """The extraction processes a load starts when not told: one per ``FILES_PER_PROCESS``
    files, up to the cores; a few files are extracted in this process, with no model load per
    worker."""
    return max(1, min(available_cores(), files // FILES_PER_PROCESS))


def processes_for(files: int, workers: int, own_code: bool = False) -> int:
    """How many worker processes ``extract_files`` starts: none (0, this process extracts)
    for a single file, one worker asked for, or a caller's own reader or extractor (which
    may not survive the trip to another process)."""
    return 0 if workers < 2 or files < 2 or own_code else min(workers, files)


def extract_files(
    files: list[Path],
    *,
    workers: int = 1,
    id_from_name: bool = False,
    reader: Reader | None = None,
    extractor: Extractor | None = None,
    ahead: int = 0,
) -> Generator[tuple[Path, Outcome]]:
    """Read and extract ``files`` on up to ``workers`` processes (``processes_for``), up to
    ``ahead`` results in advance (a caller that stores a batch at a time asks for a batch,
    so the workers extract the next batch while it writes)."""
    processes = processes_for(len(files), workers, reader is not None or extractor is not None)
    if processes:
        yield from _in_pool(_read_and_extract, files, processes, id_from_name, ahead)
        return
    default_read, default_extract = _defaults(id_from_name)
    read, extract = reader or default_read, extractor or default_extract
    for path in files:
        yield path, _guarded(read, extract, path)


def extract_documents(
    docs: Iterable[Document], *, workers: int = 1, extractor: Extractor | None = None
) -> Generator[tuple[Document, Outcome]]:
    """Extract documents already read (``whomet reextract``), on ``workers`` processes."""
    if workers > 1 and extractor is None:
        yield from _in_pool(_extract_document, docs, workers, False)
        return
    extract = extractor or _defaults(False)[1]
    for doc in docs:
        yield doc, _guarded(lambda d: d, extract, doc)
