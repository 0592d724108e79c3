"""What ``load`` reads from a folder and what it stores as a document's path: nothing a
symbolic link points at outside the folder, and never the server's absolute path; and a
run cut short by Neo4j going away still says which documents it stored."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import DatabaseUnavailable
from graph.ingest.corpus import extract_corpus, process_pool
from graph.ingest.corpus_load import load_extractions
from graph.ingest.loader import iter_sources, load_paths
from graph.model import Document, Extraction
from graph.store.reports import LoadReport

ARTICLE = "Title: A visit\n\nOn March 3, 2026, the minister met the chief executive in Seoul.\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "articles"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(ARTICLE)
    (root / "sub" / "b.md").write_text(ARTICLE.replace("visit", "second visit"))
    outside = tmp_path / "secret.txt"
    outside.write_text("root:x:0:0:root:/root:/bin/bash\n")
    (root / "link.txt").symlink_to(outside)
    (root / "inner-link.txt").symlink_to(root / "a.txt")
    return root


class RecordingStore:
    def __init__(self, fail_after: int | None = None) -> None:
        self.docs: list[Document] = []
        self.fail_after = fail_after

    def load(self, extraction: Extraction, *, force: bool = False) -> LoadReport:
        if self.fail_after is not None and len(self.docs) >= self.fail_after:
            raise DatabaseUnavailable("Neo4j at bolt://127.0.0.1:1 is not reachable")
        self.docs.append(extraction.document)
        return LoadReport(doc_id=extraction.document.id, status="added")


def _extract(doc: Document) -> Extraction:
    return Extraction(document=doc)


def test_a_link_out_of_the_folder_is_not_followed(folder: Path) -> None:
    names = [name for _, name in iter_sources([folder])]
    assert "link.txt" not in names
    assert names == ["a.txt", "inner-link.txt", "sub/b.md"]
    followed = [name for _, name in iter_sources([folder], follow_links=True)]
    assert "link.txt" in followed


def test_stored_paths_are_relative_to_what_was_loaded(folder: Path) -> None:
    store = RecordingStore()
    summary = load_paths(
        [folder.resolve(), folder / "a.txt"], store, extractor=_extract, progress=False
    )
    assert not summary.failures and summary.interrupted is None
    paths = sorted(d.path or "" for d in store.docs)
    assert paths == ["a.txt", "inner-link.txt", "sub/b.md"]
    assert all(not Path(p).is_absolute() and "root:x" not in p for p in paths)
    assert all("root:x" not in d.text for d in store.docs)


def test_a_file_given_by_name_is_stored_under_its_base_name(folder: Path) -> None:
    store = RecordingStore()
    load_paths([(folder / "sub" / "b.md").resolve()], store, extractor=_extract, progress=False)
    assert [d.path for d in store.docs] == ["b.md"]


@pytest.mark.parametrize("workers", [1, 3])
def test_a_lost_database_stops_the_run_and_keeps_what_was_stored(
    folder: Path, workers: int
) -> None:
    store = RecordingStore(fail_after=1)
    summary = load_paths([folder], store, extractor=_extract, progress=False, workers=workers)
    assert summary.interrupted is not None and "not reachable" in summary.interrupted
    assert [r.doc_id for r in summary.reports] == [d.id for d in store.docs]
    assert len(summary.reports) == 1


@pytest.mark.long
def test_extraction_processes_keep_the_names_and_stop_on_a_lost_database(folder: Path) -> None:
    """The real extractor on two processes (``graph.ingest.extraction_pool``): the documents still
    keep their names relative to the folder, and a lost database still stops the run."""
    store = RecordingStore()
    summary = load_paths([folder], store, progress=False, workers=2)
    assert summary.workers == 2 and not summary.failures and summary.interrupted is None
    assert sorted(d.path or "" for d in store.docs) == ["a.txt", "inner-link.txt", "sub/b.md"]
    cut = load_paths([folder], RecordingStore(fail_after=1), progress=False, workers=2)
    assert cut.interrupted is not None and "not reachable" in cut.interrupted
    assert len(cut.reports) == 1


def test_a_load_of_extractions_cut_short_says_what_it_stored(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "parts"
    extract_corpus([folder], out, engine=process_pool(1))
    store = RecordingStore(fail_after=2)
    summary = load_extractions(out, store)
    assert summary.interrupted is not None and "not reachable" in summary.interrupted
    assert [r.doc_id for r in summary.reports] == [d.id for d in store.docs]
    assert len(summary.reports) == 2
    assert sorted(d.path or "" for d in store.docs) == ["a.txt", "inner-link.txt"]
