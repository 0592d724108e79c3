"""The benchmark article generator (bench/corpus.py), importable from tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

_PATH = Path(__file__).resolve().parents[2] / "bench" / "corpus.py"


def corpus_module() -> ModuleType:
    name = "whomet_bench_corpus"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, _PATH)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up while the class is built
        spec.loader.exec_module(module)
    return sys.modules[name]


def write_generated(folder: Path, n: int, seed: int = 0) -> list[Path]:
    """``n`` generated articles as ``.txt`` files under ``folder``."""
    mod = corpus_module()
    paths: list[Path] = mod.write_articles(mod.generate_articles(n, seed), folder)
    return paths
