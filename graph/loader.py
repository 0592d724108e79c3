"""Load files and folders into the graph: read -> extract -> store, one document at a time.

Each document is read, extracted and written in its own transaction, so a bad
file is reported and skipped without touching what is already stored.
"""

from __future__ import annotations

import importlib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Protocol

from pydantic import BaseModel, Field
from rich.console import Console
from rich.progress import track

from graph.errors import DatabaseUnavailable, DocumentSourceError, WhometError
from graph.model import Document, Extraction
from graph.store import LoadReport

SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
_ID_CHARS = re.compile(r"[^A-Za-z0-9._:-]+")

Reader = Callable[[Path], Document]
Extractor = Callable[[Document], Extraction]


class Store(Protocol):
    def load(self, extraction: Extraction, *, force: bool = False) -> LoadReport: ...


class Failure(BaseModel):
    path: str
    error: str


class LoadSummary(BaseModel):
    """What a run of ``load_paths`` did, document by document."""

    reports: list[LoadReport] = Field(default_factory=list)
    failures: list[Failure] = Field(default_factory=list)
    sources: dict[str, str] = Field(default_factory=dict)  # doc_id -> path it was read from
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
    """The project's extractor, looked up when first needed (``graph.extract.extract``)."""
    module = importlib.import_module("graph.extract")
    fn = getattr(module, "extract", None)
    if not callable(fn):
        raise WhometError("graph.extract has no extract(document) function")
    return fn  # type: ignore[no-any-return]


def load_paths(
    paths: Iterable[str | Path],
    store: Store,
    *,
    reader: Reader | None = None,
    extractor: Extractor | None = None,
    force: bool = False,
    workers: int = 1,
    progress: bool = True,
    id_from_name: bool = False,
    follow_links: bool = False,
) -> LoadSummary:
    """Load every file under ``paths``; failures are collected, not raised, so one bad file
    does not stop the rest (each document is its own transaction)."""
    sources = iter_sources(paths, follow_links=follow_links)
    names = dict(sources)
    files = [path for path, _ in sources]
    read = reader or default_reader(id_from_name)
    extract = extractor or default_extractor()
    summary = LoadSummary()

    def one(path: Path) -> tuple[Path, LoadReport | Failure]:
        try:
            doc = read(path).model_copy(update={"path": names[path]})
            return path, store.load(extract(doc), force=force)
        except DatabaseUnavailable:
            raise  # every other file would fail the same way
        except WhometError as exc:
            return path, Failure(path=str(path), error=str(exc))

    results: Iterator[tuple[Path, LoadReport | Failure]]
    if workers > 1:
        pool = ThreadPoolExecutor(max_workers=workers)
        results = pool.map(one, files)
    else:
        pool = None
        results = map(one, files)
    try:
        bar = track(
            results,
            total=len(files),
            description="loading",
            disable=not progress or len(files) < 2,
            transient=True,
            console=Console(stderr=True),
        )
        for path, result in bar:
            if isinstance(result, Failure):
                summary.failures.append(result)
            else:
                summary.reports.append(result)
                summary.sources[result.doc_id] = str(path)
    except DatabaseUnavailable as exc:
        summary.interrupted = str(exc)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    return summary
