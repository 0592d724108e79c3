"""Extract every stored document again, from the text and metadata the graph keeps, and
store what the current extractor reads: after an extractor change, the graph catches up
without the original files, and each document reports what changed.

The store decides per document: a stored version equal to the running extractor's (and
the same content) is left unchanged unless ``force``; otherwise the document's facts are
replaced in one transaction and the difference reported (``LoadReport.diff``).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import closing
from typing import Any

from graph.database.cypher import query
from graph.database.db import Graph
from graph.errors import DatabaseUnavailable, WhometError
from graph.ingest.extraction_pool import Extractor, extract_documents, processes_for
from graph.ingest.loader import Failure, LoadSummary, Store
from graph.model import Document, DocumentMeta
from graph.progress import file_progress

PAGE_SIZE = 100


def _document(row: dict[str, Any]) -> Document:
    published = row["published"]
    return Document(
        id=row["id"],
        text=row["text"] or "",
        meta=DocumentMeta(
            title=row["title"],
            published=published.to_native() if published is not None else None,
            source=row["source"],
            author=row["author"],
            url=row["url"],
        ),
        content_hash=row["content_hash"],
        path=row["path"],
        boilerplate_starts_at=row["boilerplate_starts_at"],
    )


def stored_documents(graph: Graph, page_size: int = PAGE_SIZE) -> Iterator[Document]:
    """Every stored document as the extractor reads it, in id order, a page per query."""
    after = ""
    while True:
        rows = graph.read(query("store/documents_page"), {"after": after, "limit": page_size})
        yield from (_document(r) for r in rows)
        if len(rows) < page_size:
            return
        after = rows[-1]["id"]


def reextract_all(
    graph: Graph,
    store: Store,
    *,
    workers: int = 1,
    force: bool = False,
    progress: bool = True,
    extractor: Extractor | None = None,
) -> LoadSummary:
    """Re-extract and store every document, each in its own transaction; a document that
    the extractor or the store refuses is listed as failed and the rest go on."""
    began = time.perf_counter()
    total = graph.read(query("store/documents_count"))[0]["documents"]
    processes = processes_for(total, workers, extractor is not None)
    summary = LoadSummary(workers=processes)
    docs = stored_documents(graph)
    outcomes = extract_documents(docs, workers=max(1, processes), extractor=extractor)
    with closing(outcomes), file_progress(total, "re-extracting", progress) as bar:
        for doc, outcome in outcomes:
            bar.start(doc.path or doc.id)
            try:
                if isinstance(outcome, str):
                    raise WhometError(outcome)
                report = store.load(outcome, force=force)
            except DatabaseUnavailable:
                raise
            except WhometError as exc:
                summary.failures.append(Failure(path=doc.id, error=str(exc)))
            else:
                summary.reports.append(report)
                summary.sources[doc.id] = doc.path or ""
            bar.done()
    summary.seconds = time.perf_counter() - began
    return summary
