"""``whomet load URL``: fetch pages (the same fetcher ``whomet extract`` uses), extract, store.

Pages are fetched one after the other in this process (a handful on a command line, not a
crawl: ``whomet watch`` follows feeds politely). Failures are collected like a file's.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from graph.documents import read_url
from graph.errors import DatabaseUnavailable, WhometError
from graph.ingest.loader import Extractor, Failure, LoadSummary, Store, default_extractor


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def load_urls(
    urls: Iterable[str],
    store: Store,
    *,
    extractor: Extractor | None = None,
    force: bool = False,
) -> LoadSummary:
    """Fetch, extract and store each page (its own transaction); a run that loses Neo4j
    stops and says so in ``interrupted``."""
    began = time.perf_counter()
    extract = extractor or default_extractor()
    summary = LoadSummary()
    for url in urls:
        try:
            report = store.load(extract(read_url(url)), force=force)
        except DatabaseUnavailable as exc:
            summary.interrupted = str(exc)
            break
        except WhometError as exc:
            summary.failures.append(Failure(path=url, error=str(exc)))
        else:
            summary.reports.append(report)
            summary.sources[report.doc_id] = url
    summary.seconds = time.perf_counter() - began
    return summary


def combine(first: LoadSummary, second: LoadSummary) -> LoadSummary:
    """One summary of two runs (files, then URLs)."""
    return LoadSummary(
        reports=first.reports + second.reports,
        failures=first.failures + second.failures,
        sources={**first.sources, **second.sources},
        workers=first.workers,
        seconds=first.seconds + second.seconds,
        interrupted=first.interrupted or second.interrupted,
    )
