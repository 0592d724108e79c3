"""Load extraction partitions (``whomet load --extractions DIR``) without extracting again."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from itertools import islice
from pathlib import Path

from pydantic import ValidationError

from graph.errors import DatabaseUnavailable, WhometError
from graph.ingest.corpus import ExtractionLine, partition_files
from graph.ingest.loader import BatchStore, Failure, LoadSummary, Store
from graph.model import Extraction
from graph.store.reports import LoadReport

BATCH = 256


def iter_extractions(out_dir: str | Path) -> Iterator[Extraction | Failure]:
    """Each line of each partition as an Extraction, or a Failure naming file and line."""
    for path in partition_files(out_dir):
        with path.open(encoding="utf-8") as fh:
            for n, raw in enumerate(fh, 1):
                if not raw.strip():
                    continue
                try:
                    line = ExtractionLine.model_validate_json(raw)
                except ValidationError as exc:
                    yield Failure(path=f"{path}:{n}", error=f"not an extraction line: {exc}")
                    continue
                if line.extraction is None:
                    yield Failure(path=line.source, error=line.error or "no extraction")
                else:
                    yield line.extraction


def load_extractions(
    out_dir: str | Path, store: Store, *, force: bool = False, workers: int = 1
) -> LoadSummary:
    """Load every extraction found under ``out_dir``. A store with ``load_many`` writes new
    documents in group transactions (``workers`` writers, each on a slice of a batch);
    otherwise one transaction per document."""
    if isinstance(store, BatchStore):
        return _load_batched(out_dir, store, force=force, workers=workers)
    began = time.perf_counter()
    summary = LoadSummary()

    def one(item: Extraction | Failure) -> LoadReport | Failure:
        if isinstance(item, Failure):
            return item
        try:
            return store.load(item, force=force)
        except DatabaseUnavailable:
            raise
        except WhometError as exc:
            return Failure(path=item.document.path or item.document.id, error=str(exc))

    items = iter_extractions(out_dir)
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        try:
            # A bounded batch at a time: a partition folder may hold millions of lines.
            while batch := list(islice(items, BATCH)):
                for result in pool.map(one, batch) if workers > 1 else map(one, batch):
                    if isinstance(result, Failure):
                        summary.failures.append(result)
                    else:
                        summary.reports.append(result)
                        summary.sources[result.doc_id] = str(out_dir)
        except DatabaseUnavailable as exc:
            # As ``load_paths``: what was stored is listed, and the run says why it stopped.
            summary.interrupted = str(exc)
    summary.seconds = time.perf_counter() - began
    return summary


def _load_batched(
    out_dir: str | Path, store: BatchStore, *, force: bool, workers: int
) -> LoadSummary:
    began = time.perf_counter()
    summary = LoadSummary()
    lock = threading.Lock()

    def write(part: list[Extraction]) -> None:
        def tell(i: int, outcome: LoadReport | WhometError) -> None:
            with lock:  # recorded as each document commits: an interrupted run lists them
                if isinstance(outcome, LoadReport):
                    summary.reports.append(outcome)
                    summary.sources[outcome.doc_id] = str(out_dir)
                else:
                    doc = part[i].document
                    summary.failures.append(Failure(path=doc.path or doc.id, error=str(outcome)))

        store.load_many(part, force=force, on_outcome=tell)

    items = iter_extractions(out_dir)
    writers = max(1, workers)
    with ThreadPoolExecutor(max_workers=writers) as pool:
        try:
            while batch := list(islice(items, BATCH)):
                summary.failures.extend(x for x in batch if isinstance(x, Failure))
                docs = [x for x in batch if not isinstance(x, Failure)]
                step = -(-len(docs) // writers)
                parts = [docs[k : k + step] for k in range(0, len(docs), step)]
                for _ in pool.map(write, parts):
                    pass
        except DatabaseUnavailable as exc:
            summary.interrupted = str(exc)
    summary.seconds = time.perf_counter() - began
    return summary
