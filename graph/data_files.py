"""The word and phrase lists under ``graph/data``, read as package resources.

One reader for the sectioned files (``[name]`` headers, ``#`` comments), so that the
document readers and the extractor agree on the format.
"""

from __future__ import annotations

from importlib import resources


def data_text(name: str) -> str:
    return resources.files("graph").joinpath(f"data/{name}").read_text("utf-8")


def phrase_sections(name: str) -> dict[str, list[str]]:
    """Each section's lines as written; lines before the first header go under ``""``."""
    out: dict[str, list[str]] = {}
    current = out.setdefault("", [])
    for raw in data_text(name).splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = out.setdefault(line[1:-1], [])
            continue
        current.append(line)
    return out
