"""Main text and metadata of an HTML page (trafilatura does the heavy lifting)."""

from __future__ import annotations

import re

import trafilatura

from graph.documents.frontmatter import apply_pairs
from graph.errors import EmptyDocument
from graph.model import DocumentMeta

_HTML_SNIFF = re.compile(r"^\s*(?:<!doctype html|<html|<head|<body|<article|<meta|<title)", re.I)


def looks_like_html(text: str) -> bool:
    return _HTML_SNIFF.match(text[:2048]) is not None


def html_to_text(html: str, meta: DocumentMeta, url: str | None = None) -> str:
    """Extract the article text; fill ``meta`` from the page's metadata tags."""
    found = trafilatura.extract_metadata(html, default_url=url)
    if found is not None:
        pairs: list[tuple[str, object]] = []
        for key in ("title", "author", "url", "sitename"):
            value = getattr(found, key, None)
            if value:
                pairs.append(("source" if key == "sitename" else key, value))
        if found.date:
            pairs.append(("date", found.date))
        apply_pairs(pairs, meta)
    text = trafilatura.extract(
        html,
        url=url,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
        deduplicate=False,
    )
    if not text or not text.strip():
        raise EmptyDocument(f"{url or 'html'}: no article text found in the page")
    return str(text)
