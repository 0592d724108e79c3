"""Hostile documents, generated on the fly, and what the reader must make of each.

The catalogue ``BAD_INPUTS`` (``tests/support/bad_inputs.py``) is shared with the
integration tests that send the same inputs through ``whomet load`` and
``POST /api/v1/documents``; here each one goes through the reader and the extractor
alone (no database): it is refused with a clear :class:`DocumentError`, or read into
a Document whose extraction passes the store's own consistency checks. How long that
takes is printed by ``bench/reliability_bench.py``; that it grows linearly with the
text is checked in ``test_extract_robustness.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.documents import read_bytes, read_path
from graph.documents.reader import MAX_DOCUMENT_BYTES
from graph.errors import DocumentError
from graph.extract import extract
from graph.model import Document
from graph.store.plan import plan
from tests.support.bad_inputs import BAD_INPUTS, BadInput, check_document

BY_NAME = {case.name: case for case in BAD_INPUTS}


def read_one(case: BadInput, data: bytes) -> Document:
    return read_bytes(data, case.filename)


@pytest.mark.parametrize("case", BAD_INPUTS, ids=lambda c: c.name)
def test_reader_and_extractor_on_hostile_bytes(case: BadInput) -> None:
    data = case.make()
    if case.refused:
        with pytest.raises(DocumentError) as refused:
            read_one(case, data)
        assert case.message in str(refused.value).lower()
        assert case.filename in str(refused.value) or case.name.endswith("html")
    else:
        doc = read_one(case, data)
        check_document(case, doc)
        extraction = extract(doc)
        plan(extraction)  # the store's checks: keys known, evidence inside the text
        if case.name == "impossible-dates":
            assert all(m.date is None or m.date.month != 2 for m in extraction.meetings)


@pytest.mark.parametrize("case", BAD_INPUTS, ids=lambda c: c.name)
def test_files_on_disk_behave_like_uploads(case: BadInput, tmp_path: Path) -> None:
    path = tmp_path / case.filename
    path.write_bytes(case.make())
    if case.refused:
        with pytest.raises(DocumentError) as refused:
            read_path(path)
        assert case.message in str(refused.value).lower()
    else:
        doc = read_path(path)
        check_document(case, doc)


def test_the_size_cap_is_checked_before_the_file_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file over the cap is refused from its size alone: not one byte of it is read
    (checked by forbidding reads, not by timing them)."""
    big = tmp_path / "sparse.txt"
    with big.open("wb") as handle:
        handle.truncate(1_000_000_000)

    def no_read(self: Path, *args: object, **kwargs: object) -> None:
        raise AssertionError(f"{self} was opened")

    monkeypatch.setattr(Path, "read_bytes", no_read)
    monkeypatch.setattr(Path, "read_text", no_read)
    monkeypatch.setattr(Path, "open", no_read)
    small = tmp_path / "small.txt"
    small.touch()
    with pytest.raises(AssertionError, match="was opened"):
        read_path(small)  # the trap catches the reader's way of reading a file
    with pytest.raises(DocumentError, match="limit"):
        read_path(big)
    assert MAX_DOCUMENT_BYTES <= 5_000_000


def test_a_directory_and_a_missing_file_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="is a directory"):
        read_path(tmp_path)
    with pytest.raises(DocumentError, match="no such file"):
        read_path(tmp_path / "nope.txt")
