"""Load extraction partitions (``whomet load --extractions DIR``) without extracting again."""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from itertools import islice
from pathlib import Path

from pydantic import ValidationError

from graph.errors import DatabaseUnavailable, WhometError
from graph.ingest.corpus import ExtractionLine, partition_files
from graph.ingest.loader import Failure, LoadSummary, Store
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
    """Load every extraction found under ``out_dir``; one transaction per document."""
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
