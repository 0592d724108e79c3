"""Load files and folders into the graph: read -> extract -> store, one document at a time.

Each document is read, extracted and written in its own transaction, so a bad
file is reported and skipped without touching what is already stored.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from contextlib import closing
from pathlib import Path
from typing import Protocol, runtime_checkable

from pydantic import BaseModel, Field

from graph.errors import DatabaseUnavailable, DocumentSourceError, WhometError
from graph.ingest.extraction_pool import default_workers, extract_files, processes_for
from graph.model import Document, Extraction
from graph.progress import FileProgress, file_progress
from graph.store.reports import LoadReport

SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
_ID_CHARS = re.compile(r"[^A-Za-z0-9._:-]+")

Reader = Callable[[Path], Document]
Extractor = Callable[[Document], Extraction]


class Store(Protocol):
    def load(self, extraction: Extraction, *, force: bool = False) -> LoadReport: ...


@runtime_checkable
class BatchStore(Store, Protocol):
    """A store that writes several documents per transaction (``GraphStore.load_many``)."""

    def load_many(
        self,
        extractions: Sequence[Extraction],
        *,
        force: bool = False,
        on_outcome: Callable[[int, LoadReport | WhometError], None] | None = None,
    ) -> list[LoadReport | WhometError]: ...


# Documents per load_many call: the extraction workers run this far ahead of the writer.
LOAD_BATCH = 64


class Failure(BaseModel):
    path: str
    error: str


class LoadSummary(BaseModel):
    """What a run of ``load_paths`` did, document by document."""

    reports: list[LoadReport] = Field(default_factory=list)
    failures: list[Failure] = Field(default_factory=list)
    sources: dict[str, str] = Field(default_factory=dict)  # doc_id -> path it was read from
    workers: int = 0  # extraction processes (0: this process extracted)
    seconds: float = 0.0
    # Why the run stopped early (Neo4j went away): the reports above were stored, the
    # files not listed were not tried.
    interrupted: str | None = None

    def by_status(self) -> dict[str, int]:
        return dict(Counter(r.status for r in self.reports))

    def totals(self) -> dict[str, int]:
        keys = ("nodes_created", "nodes_removed", "relationships_created", "relationships_removed")
        return {k: sum(getattr(r, k) for r in self.reports) for k in keys}


def _inside(path: Path, root: Path) -> bool:
    """True when ``path``, with every link followed, is still under ``root``."""
    return path.resolve().is_relative_to(root.resolve())


def iter_sources(
    paths: Iterable[str | Path], *, follow_links: bool = False
) -> list[tuple[Path, str]]:
    """The readable files under ``paths`` with the name each is stored under, sorted.

    A file given by name is stored under its base name; a file found in a folder, under its
    path relative to that folder (never the server's absolute path). Inside a folder, a
    symbolic link that leads out of it (``link.txt -> /etc/passwd``) is skipped unless
    ``follow_links``: loading a folder must not read what the folder only points at.
    """
    found: dict[Path, str] = {}
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for p in sorted(path.rglob("*")):
                if not p.is_file() or p.suffix.lower() not in SUFFIXES:
                    continue
                if not follow_links and not _inside(p, path):
                    continue
                found.setdefault(p, p.relative_to(path).as_posix())
        elif path.is_file():
            found.setdefault(path, path.name)
        else:
            raise DocumentSourceError(f"{path}: no such file or folder")
    return list(found.items())


def iter_files(paths: Iterable[str | Path], *, follow_links: bool = False) -> list[Path]:
    """The readable files under ``paths`` (files as given, folders recursively), sorted."""
    return [path for path, _ in iter_sources(paths, follow_links=follow_links)]


def default_reader(id_from_name: bool = False) -> Reader:
    """``graph.documents.read_path``; the id comes from a front-matter ``id`` when the file has
    one, or from the file name with ``id_from_name`` (so a corrected file replaces its old
    version), else from the content."""
    from graph.documents import read_path

    def read(path: Path) -> Document:
        doc = read_path(path)
        wanted = doc.meta.extra.get("id")
        if not wanted and id_from_name:
            # an id starts with a letter or digit ("..\\x.txt" gives "x", not "..-x")
            wanted = _ID_CHARS.sub("-", path.stem).strip("-._:")[:128]
        if wanted and wanted != doc.id:
            doc = read_path(path, doc_id=wanted)
        return doc

    return read


def default_extractor() -> Extractor:
    """The project's extractor (``graph.extract.extract``), imported when first needed: the
    NLP pipeline is heavy, and a load from ``--extractions`` never needs it."""
    from graph.extract import extract

    return extract


def _named(extraction: Extraction, name: str) -> Extraction:
    """``extraction`` with its document stored under ``name`` (what ``iter_sources`` gives)."""
    doc = extraction.document.model_copy(update={"path": name})
    return extraction.model_copy(update={"document": doc})


def load_paths(
    paths: Iterable[str | Path],
    store: Store,
    *,
    reader: Reader | None = None,
    extractor: Extractor | None = None,
    force: bool = False,
    workers: int | None = 1,
    progress: bool = True,
    id_from_name: bool = False,
    follow_links: bool = False,
) -> LoadSummary:
    """Load every file under ``paths``; failures are collected, not raised, so one bad file
    does not stop the rest (a document's facts commit all or none). ``workers`` processes
    (``None``: ``default_workers`` for the number of files) read and extract
    (``graph.ingest.extraction_pool``); this process stores, in file order, ``LOAD_BATCH``
    documents per ``load_many`` call when the store has it (group transactions, while the
    workers extract the next batch), else one at a time. Each document keeps the name
    ``iter_sources`` gives its file, not the path it was read from; a run that loses Neo4j
    stops and says so in ``interrupted``."""
    began = time.perf_counter()
    sources = iter_sources(paths, follow_links=follow_links)
    names = dict(sources)
    files = [path for path, _ in sources]
    if workers is None:
        workers = default_workers(len(files))
    summary = LoadSummary(
        workers=processes_for(len(files), workers, reader is not None or extractor is not None)
    )
    outcomes = extract_files(
        files,
        workers=workers,
        id_from_name=id_from_name,
        reader=reader,
        extractor=extractor,
        ahead=LOAD_BATCH if isinstance(store, BatchStore) else 0,
    )
    with closing(outcomes), file_progress(len(files), "loading", progress) as bar:
        if isinstance(store, BatchStore):
            _load_batches(outcomes, store, names, force, summary, bar)
            summary.seconds = time.perf_counter() - began
            return summary
        try:
            for path, outcome in outcomes:
                bar.start(path.name)
                if isinstance(outcome, str):
                    summary.failures.append(Failure(path=str(path), error=outcome))
                else:
                    try:
                        report = store.load(_named(outcome, names[path]), force=force)
                    except DatabaseUnavailable:
                        raise  # every other file would fail the same way
                    except WhometError as exc:
                        summary.failures.append(Failure(path=str(path), error=str(exc)))
                    else:
                        summary.reports.append(report)
                        summary.sources[report.doc_id] = str(path)
                bar.done()
        except DatabaseUnavailable as exc:
            summary.interrupted = str(exc)
    summary.seconds = time.perf_counter() - began
    return summary


def _load_batches(
    outcomes: Iterable[tuple[Path, Extraction | str]],
    store: BatchStore,
    names: dict[Path, str],
    force: bool,
    summary: LoadSummary,
    bar: FileProgress,
) -> None:
    """Store ``LOAD_BATCH`` extractions per ``load_many`` call (group transactions) while the
    extraction workers go on with the next ones; each outcome is recorded as it commits."""
    batch: list[tuple[Path, Extraction]] = []

    def flush() -> None:
        def tell(i: int, outcome: LoadReport | WhometError) -> None:
            path = batch[i][0]
            bar.start(path.name)
            if isinstance(outcome, LoadReport):
                summary.reports.append(outcome)
                summary.sources[outcome.doc_id] = str(path)
            else:
                summary.failures.append(Failure(path=str(path), error=str(outcome)))
            bar.done()

        store.load_many([_named(x, names[p]) for p, x in batch], force=force, on_outcome=tell)
        batch.clear()

    try:
        for path, outcome in outcomes:
            if isinstance(outcome, str):
                bar.start(path.name)
                summary.failures.append(Failure(path=str(path), error=outcome))
                bar.done()
                continue
            batch.append((path, outcome))
            if len(batch) >= LOAD_BATCH:
                flush()
        if batch:
            flush()
    except DatabaseUnavailable as exc:
        summary.interrupted = str(exc)
