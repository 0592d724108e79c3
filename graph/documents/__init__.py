"""Reading documents: files, URLs and API uploads become ``graph.model.Document``."""

from graph.documents.reader import (
    content_hash,
    make_document,
    read_bytes,
    read_path,
    read_source,
    read_url,
)

__all__ = ["content_hash", "make_document", "read_bytes", "read_path", "read_source", "read_url"]
