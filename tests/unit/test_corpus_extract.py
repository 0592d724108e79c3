"""``extract_corpus``: partitions that are the same whoever writes them, and resumable runs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.extract import extract
from graph.ingest.corpus import (
    MANIFEST,
    ExtractionLine,
    extract_corpus,
    list_sources,
    partition_files,
    process_pool,
    read_source,
)
from tests.support.generated import write_generated


def _files(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if not p.name.startswith(".")}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    write_generated(folder / "articles", 24, seed=3)
    records = [
        {
            "id": f"rec-{k}",
            "url": f"https://news.example/{k}",
            "date": "2026-05-04",
            "title": f"Record {k}",
            "text": "Mara Velden of the Orlin Agency met Tomas Greer "
            f"of Kestrel Systems in Brandt on May {k + 1}, 2026.",
        }
        for k in range(3)
    ]
    lines = [json.dumps(r) for r in records]
    lines.insert(1, "{this is not json")
    lines.append(json.dumps({"id": "no text here"}))
    (folder / "records.jsonl").write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    return folder


def _inputs(corpus: Path) -> list[str]:
    return [str(corpus / "articles"), str(corpus / "records.jsonl")]


def test_lines_are_the_typed_extraction_of_each_input(corpus: Path, tmp_path: Path) -> None:
    summary = extract_corpus(_inputs(corpus), tmp_path, engine=process_pool(1), partition_size=7)
    sources = list_sources(_inputs(corpus))
    assert len(sources) == 24 + 5  # blank lines are not records
    lines = [
        ExtractionLine.model_validate_json(raw)
        for f in partition_files(tmp_path)
        for raw in f.read_text(encoding="utf-8").splitlines()
    ]
    assert [line.source for line in lines] == [s.key() for s in sources]
    for line, ref in zip(lines, sources, strict=True):
        if line.extraction is not None:
            assert line.extraction == extract(read_source(ref))
            assert line.extractor_version == line.extraction.extractor_version
    failed = [line for line in lines if line.error]
    assert len(failed) == summary.errors == 2
    assert all(
        line.extraction is None and "not a {id, text" in (line.error or "") for line in failed
    )
    records = [line.extraction for line in lines if line.source.startswith(str(corpus / "records"))]
    assert {x.document.id for x in records if x} == {"rec-0", "rec-1", "rec-2"}
    assert {x.document.meta.url for x in records if x} == {
        f"https://news.example/{k}" for k in range(3)
    }


@pytest.mark.long
def test_all_cores_write_what_one_process_writes(corpus: Path, tmp_path: Path) -> None:
    one, many = tmp_path / "one", tmp_path / "many"
    extract_corpus(_inputs(corpus), one, engine=process_pool(1), partition_size=5)
    extract_corpus(_inputs(corpus), many, engine=process_pool(2), partition_size=5)
    assert _files(one) == _files(many)
    assert len(_files(one)) == 6 + 1  # 29 items in partitions of 5, and the manifest


def test_a_rerun_writes_only_what_is_missing(corpus: Path, tmp_path: Path) -> None:
    first = extract_corpus(_inputs(corpus), tmp_path, engine=process_pool(1), partition_size=10)
    before = _files(tmp_path)
    lost = sorted(tmp_path.glob("part-*.jsonl"))[1]
    lost.unlink()
    (tmp_path / f".{lost.name}.999.tmp").write_text("half a partition from a killed run")
    again = extract_corpus(_inputs(corpus), tmp_path, engine=process_pool(1), partition_size=10)
    assert [p.skipped for p in again.partitions] == [True, False, True]
    assert [p.skipped for p in first.partitions] == [False, False, False]
    assert _files(tmp_path) == before


def test_the_manifest_names_the_current_partitions_only(corpus: Path, tmp_path: Path) -> None:
    extract_corpus([str(corpus / "articles")], tmp_path, engine=process_pool(1), partition_size=8)
    old = set(partition_files(tmp_path))
    extract_corpus(_inputs(corpus), tmp_path, engine=process_pool(1), partition_size=8)
    current = partition_files(tmp_path)
    names = json.loads((tmp_path / MANIFEST).read_text())["partitions"]
    assert [p.name for p in current] == names
    assert set(current) != old  # the stale last partition of the first run is not read


def test_files_keep_the_name_load_gives_them_and_links_out_are_skipped(
    corpus: Path, tmp_path: Path
) -> None:
    """As ``whomet load``: a document's path is relative to the folder given (never the
    absolute path it was read from), and a link out of the folder is not read."""
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    first = sorted((corpus / "articles").iterdir())[0]
    (folder / "sub" / "a.txt").write_bytes(first.read_bytes())
    secret = tmp_path / "secret.txt"
    secret.write_text("not for the graph\n")
    (folder / "link.txt").symlink_to(secret)
    refs = list_sources([folder, folder / "sub" / "a.txt"])
    assert [(r.path, r.name) for r in refs] == [(str(folder / "sub" / "a.txt"), "sub/a.txt")]
    extract_corpus([folder], tmp_path / "out", engine=process_pool(1))
    (line,) = [
        ExtractionLine.model_validate_json(raw)
        for f in partition_files(tmp_path / "out")
        for raw in f.read_text(encoding="utf-8").splitlines()
    ]
    assert line.extraction is not None
    assert line.extraction.document.path == "sub/a.txt"
