"""Metadata written at the top of a text file.

Two shapes are read: a YAML block between ``---`` lines, and MultiMarkdown-style
``Key: value`` lines followed by a blank line (``DATE: 2025-09-19``). Keys are
case-insensitive; keys whomet does not know are kept in ``meta.extra``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml

from graph.model import DocumentMeta

# Known keys and the DocumentMeta field each fills.
_KEY_FIELDS: dict[str, str] = {
    "title": "title",
    "headline": "title",
    "date": "published",
    "published": "published",
    "publication date": "published",
    "pubdate": "published",
    "published_at": "published",
    "date published": "published",
    "source": "source",
    "publisher": "source",
    "site": "source",
    "sitename": "source",
    "author": "author",
    "authors": "author",
    "byline": "author",
    "url": "url",
    "link": "url",
    "canonical": "url",
}

_KV_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9 _-]{0,30}):[ \t]*(.*?)[ \t]*$")
_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.+\-Z]*)?$")
_SLASH = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$")
_MDY = re.compile(r"^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$")
_DMY = re.compile(r"^(\d{1,2}) ([A-Za-z]{3,9})\.? (\d{4})$")


class _DatesAsText(yaml.SafeLoader):
    """YAML without implicit timestamps: ``date: 2026-02-30`` stays text for
    :func:`parse_meta_date` to judge, instead of crashing PyYAML's date constructor."""


_DatesAsText.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class MetadataDateError(ValueError):
    """A metadata date that names no real day (``2026-02-30``)."""


def parse_meta_date(value: str) -> dt.date | None:
    """A publication date from metadata; None when it is absent or 'unknown'.

    Raises MetadataDateError for a well-formed but impossible date; the reader
    then ignores it and keeps the raw string (see ``reader``).
    """
    text = value.strip()
    if not text or text.lower() in {"unknown", "none", "null", "n/a", "-"}:
        return None
    parts: tuple[int, int, int] | None = None
    if m := _ISO.match(text) or _SLASH.match(text):
        parts = (int(m.group(1)), int(m.group(2)), int(m.group(3)))
    elif m := _MDY.match(text):
        month = _MONTHS.get(m.group(1).lower())
        if month:
            parts = (int(m.group(3)), month, int(m.group(2)))
    elif m := _DMY.match(text):
        month = _MONTHS.get(m.group(2).lower())
        if month:
            parts = (int(m.group(3)), month, int(m.group(1)))
    if parts is None:
        raise MetadataDateError(f"unrecognised date {text!r}")
    try:
        return dt.date(*parts)
    except ValueError:
        raise MetadataDateError(f"impossible date {text!r}") from None


def _as_str(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_as_str(v) for v in value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def apply_pairs(pairs: list[tuple[str, Any]], meta: DocumentMeta) -> None:
    """Fill ``meta`` from key/value pairs; unknown keys go to ``extra``."""
    for raw_key, raw_value in pairs:
        key = raw_key.strip().lower().replace("-", " ").replace("_", " ")
        key = " ".join(key.split())
        value = _as_str(raw_value)
        field = _KEY_FIELDS.get(key) or _KEY_FIELDS.get(key.replace(" ", "_"))
        if field is None:
            meta.extra[key] = value
            continue
        if field == "published":
            if meta.published is not None:
                continue
            try:
                meta.published = parse_meta_date(value)
            except MetadataDateError as exc:
                meta.extra["date_raw"] = value
                meta.extra["date_error"] = str(exc)
            else:
                if meta.published is None and value:
                    meta.extra["date_raw"] = value
        elif value and getattr(meta, field) is None:
            setattr(meta, field, value)


def split_front_matter(text: str, meta: DocumentMeta) -> str:
    """Strip a YAML or ``Key: value`` header from ``text`` into ``meta``; return the rest."""
    stripped = text.lstrip("\n")
    if stripped.startswith("---\n") or stripped.startswith("---\r\n"):
        body = _yaml_block(stripped, meta)
        if body is not None:
            return body
    return _kv_block(stripped, meta)


def _yaml_block(text: str, meta: DocumentMeta) -> str | None:
    lines = text.splitlines(keepends=True)
    for i in range(1, min(len(lines), 200)):
        if lines[i].strip() in {"---", "..."}:
            block = "".join(lines[1:i])
            try:
                data = yaml.load(block, Loader=_DatesAsText)  # noqa: S506 (a SafeLoader)
            except yaml.YAMLError:
                return None
            if not isinstance(data, dict):
                return None
            apply_pairs([(str(k), v) for k, v in data.items() if v is not None], meta)
            return "".join(lines[i + 1 :])
    return None


def _kv_block(text: str, meta: DocumentMeta) -> str:
    lines = text.splitlines(keepends=True)
    pairs: list[tuple[str, str]] = []
    end = 0
    for i, line in enumerate(lines[:40]):
        if not line.strip():
            end = i
            break
        m = _KV_LINE.match(line.rstrip("\r\n"))
        if m is None:
            return text
        pairs.append((m.group(1), m.group(2)))
    else:
        return text
    if not pairs:
        return text
    keys = {p[0].strip().lower().replace("_", " ").replace("-", " ") for p in pairs}
    if not keys & set(_KEY_FIELDS):
        return text
    apply_pairs(pairs, meta)
    return "".join(lines[end + 1 :])
