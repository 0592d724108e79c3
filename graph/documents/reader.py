"""Build a ``Document`` from a file, a URL, or bytes/text sent to the API.

Every path ends in ``make_document``: metadata header, chrome cut, stable id.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from graph.documents.chrome import clean_body
from graph.documents.decode import check_text, decode_bytes
from graph.documents.fetch import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_S, fetch_url
from graph.documents.frontmatter import apply_pairs, split_front_matter
from graph.documents.html import html_to_text, looks_like_html
from graph.errors import DocumentSourceError, DocumentTooLarge, EmptyDocument, InvalidDocumentId
from graph.model import Document, DocumentMeta

# One article, never a dump: the same cap as a fetched page and an API upload, so every
# path refuses in a second what would otherwise take minutes to extract in one transaction.
MAX_DOCUMENT_BYTES = DEFAULT_MAX_BYTES
_ID_OK = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:\-]{0,127}$")
_MD_LINK = re.compile(r"!?\[([^\]\n]{0,500})\]\([^)\n]{0,2000}\)")
_MD_EMPH = re.compile(r"(\*\*|__)(?=\S)([^*_\n]{1,500}?)(?<=\S)\1")
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+", re.M)
_MD_QUOTE = re.compile(r"^>[ \t]?", re.M)


def _markdown_to_text(text: str) -> str:
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_EMPH.sub(r"\2", text)
    text = _MD_HEADING.sub("", text)
    return _MD_QUOTE.sub("", text)


def _normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\t", " ").replace("\u00a0", " ").replace("\u200b", "")


def content_hash(text: str, meta: DocumentMeta) -> str:
    """sha256 of body + metadata: a corrected document is seen as changed."""
    payload = json.dumps(
        {"text": text, "meta": meta.model_dump(mode="json")}, sort_keys=True, ensure_ascii=False
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _meta_from(metadata: Mapping[str, Any] | None) -> DocumentMeta:
    meta = DocumentMeta()
    if metadata:
        apply_pairs([(str(k), v) for k, v in metadata.items() if v is not None], meta)
    return meta


def make_document(
    text: str,
    *,
    kind: str = "text",
    metadata: Mapping[str, Any] | None = None,
    doc_id: str | None = None,
    path: str | None = None,
    url: str | None = None,
) -> Document:
    """Turn decoded text of a given kind ('text', 'markdown', 'html') into a Document."""
    name = path or url or "input"
    text = check_text(text, name)
    meta = _meta_from(metadata)
    if url and meta.url is None:
        meta.url = url
    if kind == "html" or (kind == "text" and looks_like_html(text)):
        text = html_to_text(text, meta, url)
    text = _normalise(text)
    text = split_front_matter(text, meta)
    if kind == "markdown":
        text = _markdown_to_text(text)
    body = clean_body(text, meta)
    if not body.text.strip():
        raise EmptyDocument(f"{name}: no article text left after removing headers and chrome")
    digest = content_hash(body.text, meta)
    if doc_id is not None:
        if not _ID_OK.match(doc_id):
            raise InvalidDocumentId(f"document id {doc_id!r} must be 1-128 of [A-Za-z0-9._:-]")
        ident = doc_id
    else:
        ident = digest[:16]
    return Document(
        id=ident,
        text=body.text,
        meta=meta,
        content_hash=digest,
        path=path,
        boilerplate_starts_at=body.boilerplate_starts_at,
    )


def _kind_for(filename: str | None, data_head: str = "") -> str:
    suffix = Path(filename).suffix.lower() if filename else ""
    if suffix in {".html", ".htm", ".xhtml"}:
        return "html"
    if suffix in {".md", ".markdown"}:
        return "markdown"
    return "text"


def read_bytes(
    data: bytes | str,
    filename: str | None = None,
    metadata: Mapping[str, Any] | None = None,
    doc_id: str | None = None,
) -> Document:
    """A document sent by the API: bytes or text, with an optional file name, metadata, id."""
    if isinstance(data, bytes):
        if len(data) > MAX_DOCUMENT_BYTES:
            raise DocumentTooLarge(
                f"{filename or 'input'}: over the {MAX_DOCUMENT_BYTES}-byte limit"
            )
        text = decode_bytes(data, filename or "input")
    else:
        text = data
    return make_document(
        text, kind=_kind_for(filename), metadata=metadata, doc_id=doc_id, path=filename
    )


def read_path(
    path: str | Path, metadata: Mapping[str, Any] | None = None, doc_id: str | None = None
) -> Document:
    """A ``.txt``, ``.md`` or ``.html`` file on disk."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            raise DocumentTooLarge(f"{p}: {size} bytes, over the {MAX_DOCUMENT_BYTES}-byte limit")
        data = p.read_bytes()
    except FileNotFoundError:
        raise DocumentSourceError(f"{p}: no such file") from None
    except IsADirectoryError:
        raise DocumentSourceError(f"{p}: is a directory") from None
    except OSError as exc:
        raise DocumentSourceError(f"{p}: cannot read: {exc.strerror}") from None
    text = decode_bytes(data, str(p))
    return make_document(
        text, kind=_kind_for(p.name), metadata=metadata, doc_id=doc_id, path=str(p)
    )


def read_url(
    url: str,
    metadata: Mapping[str, Any] | None = None,
    doc_id: str | None = None,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Document:
    """Fetch an http(s) page and read its main text."""
    data, ctype = fetch_url(url, timeout_s=timeout_s, max_bytes=max_bytes)
    text = decode_bytes(data, url)
    ctype = ctype.lower()
    if "html" in ctype or looks_like_html(text):
        kind = "html"
    elif "markdown" in ctype or url.lower().endswith((".md", ".markdown")):
        kind = "markdown"
    else:
        kind = "text"
    return make_document(text, kind=kind, metadata=metadata, doc_id=doc_id, url=url)


def read_source(source: str | Path) -> Document:
    """A path or an http(s) URL, as given on the command line."""
    s = str(source)
    if s.lower().startswith(("http://", "https://")):
        return read_url(s)
    return read_path(s)
