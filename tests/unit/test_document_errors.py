"""Each kind of unreadable document has its own DocumentError subclass, and the API picks
the HTTP status from the class alone, never from the words of the message."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.errors import document_status, install
from graph.documents import read_bytes, read_path
from graph.documents.decode import check_text, decode_bytes
from graph.documents.fetch import fetch_url
from graph.errors import (
    DocumentError,
    DocumentSourceError,
    DocumentTooLarge,
    EmptyDocument,
    InvalidDocumentId,
    UnsupportedDocument,
    WhometError,
)
from graph.ingest.loader import iter_files
from tests.support.bad_inputs import ARTICLE, BAD_INPUTS, BadInput

CLASS_STATUS: list[tuple[type[DocumentError], int, str]] = [
    (DocumentTooLarge, 413, "document_too_large"),
    (UnsupportedDocument, 415, "unsupported_document"),
    (EmptyDocument, 400, "bad_document"),
    (InvalidDocumentId, 400, "bad_document"),
    (DocumentSourceError, 400, "bad_document"),
    (DocumentError, 400, "bad_document"),
]


@pytest.mark.parametrize(("cls", "status", "code"), CLASS_STATUS, ids=lambda v: str(v))
def test_each_class_has_its_status(cls: type[DocumentError], status: int, code: str) -> None:
    assert issubclass(cls, DocumentError) and issubclass(cls, WhometError)
    # The message no longer decides: words that used to pick a status change nothing.
    for message in ("x: too large, over the byte limit", "x: binary, not valid UTF-8", "x"):
        assert document_status(cls(message)) == (status, code)


@pytest.mark.parametrize(("cls", "status", "code"), CLASS_STATUS, ids=lambda v: str(v))
def test_the_api_answers_the_class_status_as_json(
    cls: type[DocumentError], status: int, code: str
) -> None:
    app = FastAPI()
    install(app)

    @app.get("/boom")
    def boom() -> None:
        raise cls("boom.txt: the message is passed through")

    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/boom")
    assert response.status_code == status
    assert response.json() == {
        "error": {"code": code, "message": "boom.txt: the message is passed through"}
    }


@pytest.mark.parametrize(
    "case", [c for c in BAD_INPUTS if c.refused and c.api_status != 413], ids=lambda c: c.name
)
def test_refused_inputs_raise_the_class_of_their_api_status(case: BadInput) -> None:
    """The catalogue's API statuses follow from the class the reader raises.

    (The 413 case is cut off by the body limit before the reader sees it: below.)"""
    with pytest.raises(DocumentError) as refused:
        read_bytes(case.make(), case.filename)
    assert document_status(refused.value)[0] == case.api_status


def test_raising_sites_use_the_subclasses(tmp_path: Path) -> None:
    with pytest.raises(EmptyDocument):
        decode_bytes(b"", "a.txt")
    with pytest.raises(EmptyDocument):
        check_text(" \n\t", "a.txt")
    with pytest.raises(UnsupportedDocument):
        decode_bytes(b"\x89PNG\r\n\x1a\n....", "a.png")
    with pytest.raises(UnsupportedDocument):
        decode_bytes("Hölm".encode("latin-1"), "a.txt")
    with pytest.raises(UnsupportedDocument):
        decode_bytes(b"\xff\xfe\x00\xd8", "a.txt")  # UTF-16 BOM, then a lone surrogate
    with pytest.raises(UnsupportedDocument):
        check_text("a\x00b", "a.txt")
    with pytest.raises(DocumentTooLarge):
        read_bytes(b"x" * 6_000_000, "big.txt")
    with pytest.raises(InvalidDocumentId):
        read_bytes(ARTICLE.encode(), "a.txt", doc_id="../etc/passwd")
    with pytest.raises(EmptyDocument):
        read_bytes(b"<html><body></body></html>", "nav.html")
    with pytest.raises(DocumentSourceError):
        read_path(tmp_path / "missing.txt")
    with pytest.raises(DocumentSourceError):
        read_path(tmp_path)
    with pytest.raises(DocumentSourceError):
        iter_files([tmp_path / "missing"])
    with pytest.raises(DocumentSourceError):
        fetch_url("file:///etc/passwd")
