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
from collections import deque
from collections.abc import Callable, Iterable, Iterator
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
    from graph.loader import default_extractor, default_reader

    return default_reader(id_from_name), default_extractor()


def _start_worker(id_from_name: bool) -> None:
    """Runs once per worker: load the extractor and warm its lazy caches on a one-line
    document, so no real document pays for loading."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
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
    task: Callable[[T], Outcome], items: Iterable[T], workers: int, id_from_name: bool
) -> Iterator[tuple[T, Outcome]]:
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
            if len(pending) >= workers * AHEAD_PER_WORKER:
                first, future = pending.popleft()
                yield first, future.result()
        while pending:
            first, future = pending.popleft()
            yield first, future.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def extract_files(
    files: list[Path],
    *,
    workers: int = 1,
    id_from_name: bool = False,
    reader: Reader | None = None,
    extractor: Extractor | None = None,
) -> Iterator[tuple[Path, Outcome]]:
    """Read and extract ``files`` on ``workers`` processes (in this process when 1, when
    there is a single file, or when the caller brings its own reader or extractor)."""
    if workers > 1 and len(files) > 1 and reader is None and extractor is None:
        yield from _in_pool(_read_and_extract, files, min(workers, len(files)), id_from_name)
        return
    default_read, default_extract = _defaults(id_from_name)
    read, extract = reader or default_read, extractor or default_extract
    for path in files:
        yield path, _guarded(read, extract, path)


def extract_documents(
    docs: Iterable[Document], *, workers: int = 1, extractor: Extractor | None = None
) -> Iterator[tuple[Document, Outcome]]:
    """Extract documents already read (``whomet reextract``), on ``workers`` processes."""
    if workers > 1 and extractor is None:
        yield from _in_pool(_extract_document, docs, workers, False)
        return
    extract = extractor or _defaults(False)[1]
    for doc in docs:
        yield doc, _guarded(lambda d: d, extract, doc)
