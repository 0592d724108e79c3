"""``make eval``: run the extractor over every evaluation set, print a table per set, and fail
when a figure drops below its floor, so that a new rule cannot silently break another.

Usage: python -m graph.evaluation.run [--json] [--pred-dir DIR] [--sets dev,seed] [-v]

The sets are listed in ``eval/sets.json``, the floors in ``eval/floors.json``. Each document
is extracted once (on every core) and turned into the gold schema by
``Extraction.to_eval``; ``--pred-dir`` keeps those predictions as ``DIR/<folder>/<name>.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from graph.evaluation.score import (
    METRICS,
    AnnotationError,
    DocScore,
    Tally,
    gold_annotation,
    macro_f1,
    micro,
    predicted_annotation,
    read_json,
    score,
)
from graph.ingest.extraction_pool import available_cores, extract_files
from graph.settings import REPO_ROOT

DEFAULT_EVAL_DIR = REPO_ROOT / "eval"
FIGURES = tuple(f"{m}_{k}" for m in METRICS for k in ("precision", "recall", "f1")) + (
    "meetings_macro_f1",
)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class EvalSet(_Strict):
    folder: str
    documents: list[str]


class SetsFile(_Strict):
    note: str = ""
    sets: dict[str, EvalSet]


class FloorsFile(_Strict):
    note: str = ""
    floors: dict[str, dict[str, float]]


@dataclass
class SetResult:
    """One set's documents and their scores."""

    name: str
    documents: dict[str, DocScore]

    @property
    def total(self) -> DocScore:
        return micro(self.documents.values())

    def figures(self) -> dict[str, float]:
        """Every figure a floor may name: ``<metric>_<precision|recall|f1>`` (micro) and
        ``meetings_macro_f1`` (the mean of the documents' meeting F1)."""
        total = self.total
        out: dict[str, float] = {}
        for m in METRICS:
            t = total.metric(m)
            out |= {f"{m}_precision": t.precision, f"{m}_recall": t.recall, f"{m}_f1": t.f1}
        out["meetings_macro_f1"] = macro_f1(list(self.documents.values()), "meetings")
        return out


class EvalError(Exception):
    """The sets, floors or gold files cannot be used."""


def _parse(model: type[_Strict], path: Path) -> Any:
    try:
        return model.model_validate(read_json(path))
    except (ValidationError, AnnotationError) as exc:
        raise EvalError(f"{path}: {exc}") from None


def load_sets(eval_dir: Path, names: list[str] | None = None) -> dict[str, EvalSet]:
    sets: dict[str, EvalSet] = _parse(SetsFile, eval_dir / "sets.json").sets
    unknown = sorted(set(names or []) - set(sets))
    if unknown:
        raise EvalError(f"no such set: {', '.join(unknown)} (known: {', '.join(sets)})")
    return {n: s for n, s in sets.items() if names is None or n in names}


def load_floors(path: Path) -> dict[str, dict[str, float]]:
    floors: dict[str, dict[str, float]] = _parse(FloorsFile, path).floors
    for set_name, figures in floors.items():
        wrong = sorted(set(figures) - set(FIGURES))
        if wrong:
            raise EvalError(f"{path}: {set_name}: unknown figures {wrong}; known: {FIGURES}")
    return floors


def predict(
    eval_dir: Path, sets: dict[str, EvalSet], workers: int
) -> dict[tuple[str, str], dict[str, Any]]:
    """Each document of the sets extracted once, in the gold schema: (folder, name) -> it."""
    wanted = sorted({(s.folder, d) for s in sets.values() for d in s.documents})
    paths = [eval_dir / folder / f"{name}.txt" for folder, name in wanted]
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for key, (path, outcome) in zip(wanted, extract_files(paths, workers=workers), strict=True):
        if isinstance(outcome, str):
            raise EvalError(f"{path}: {outcome}")
        out[key] = outcome.to_eval()
    return out


def evaluate(
    eval_dir: Path,
    sets: dict[str, EvalSet],
    predictions: dict[tuple[str, str], dict[str, Any]],
) -> list[SetResult]:
    results = []
    for name, s in sets.items():
        docs: dict[str, DocScore] = {}
        for doc in s.documents:
            gold_path = eval_dir / s.folder / f"{doc}.gold.json"
            try:
                gold = gold_annotation(read_json(gold_path), str(gold_path))
                pred = predicted_annotation(predictions[(s.folder, doc)], f"prediction of {doc}")
            except AnnotationError as exc:
                raise EvalError(str(exc)) from None
            docs[doc] = score(gold, pred)
        results.append(SetResult(name, docs))
    return results


def below_floors(results: list[SetResult], floors: dict[str, dict[str, float]]) -> list[str]:
    """One line per figure under its floor, naming the set and the figure."""
    by_name = {r.name: r for r in results}
    missed = []
    for set_name, minimums in floors.items():
        result = by_name.get(set_name)
        if result is None:
            continue  # a set not run this time (--sets)
        figures = result.figures()
        for figure, floor in minimums.items():
            if figures[figure] < floor:
                missed.append(f"{set_name} {figure} = {figures[figure]:.3f} < floor {floor:.3f}")
    return missed


def write_predictions(out_dir: Path, predictions: dict[tuple[str, str], dict[str, Any]]) -> None:
    for (folder, name), pred in predictions.items():
        (out_dir / folder).mkdir(parents=True, exist_ok=True)
        text = json.dumps(pred, indent=1, ensure_ascii=False) + "\n"
        (out_dir / folder / f"{name}.json").write_text(text, encoding="utf-8")


# --- output -----------------------------------------------------------------------------------


def set_table(result: SetResult, verbose: bool = False) -> str:
    total = result.total
    macro = result.figures()["meetings_macro_f1"]
    lines = [
        f"{result.name} ({len(result.documents)} documents)",
        f"  {'metric':<13}{'P':>7}{'R':>7}{'F1':>7}{'macro F1':>10}{'tp':>6}{'fp':>6}{'fn':>6}",
    ]
    for m in METRICS:
        t = total.metric(m)
        mac = f"{macro:.3f}" if m == "meetings" else "-"
        lines.append(
            f"  {m:<13}{t.precision:7.3f}{t.recall:7.3f}{t.f1:7.3f}{mac:>10}"
            f"{t.tp:6d}{t.fp:6d}{t.fn:6d}"
        )
    if verbose:
        for doc, s in result.documents.items():
            for m in METRICS:
                t = s.metric(m)
                lines += [f"    {doc} {m} FP {item}" for item in t.false_positives]
                lines += [f"    {doc} {m} FN {item}" for item in t.false_negatives]
    return "\n".join(lines)


def summary_table(results: list[SetResult]) -> str:
    head = f"{'set':<14}{'docs':>5}{'entities':>10}{'meetings':>10}{'macro':>8}{'affil.':>8}"
    lines = ["micro F1 (macro: meetings, per document)", head]
    for r in results:
        f = r.figures()
        lines.append(
            f"{r.name:<14}{len(r.documents):>5}{f['entities_f1']:10.3f}{f['meetings_f1']:10.3f}"
            f"{f['meetings_macro_f1']:8.3f}{f['affiliations_f1']:8.3f}"
        )
    return "\n".join(lines)


def _tally_json(t: Tally, details: bool) -> dict[str, Any]:
    out: dict[str, Any] = {k: round(v, 4) for k, v in t.counts().items()}
    if details:
        out |= {"false_positives": t.false_positives, "false_negatives": t.false_negatives}
    return out


def as_json(results: list[SetResult], missed: list[str]) -> dict[str, Any]:
    sets: dict[str, Any] = {}
    for r in results:
        total = r.total
        entry: dict[str, Any] = {m: _tally_json(total.metric(m), False) for m in METRICS}
        entry["meetings"]["macro_f1"] = round(r.figures()["meetings_macro_f1"], 4)
        entry["documents"] = {
            doc: {m: _tally_json(s.metric(m), True) for m in METRICS}
            for doc, s in r.documents.items()
        }
        sets[r.name] = entry
    return {"sets": sets, "below_floors": missed}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    ap.add_argument("--floors", type=Path, default=None, help="default: EVAL_DIR/floors.json")
    ap.add_argument("--no-floors", action="store_true", help="print the figures, check nothing")
    ap.add_argument("--sets", default=None, help="comma-separated set names (default: all)")
    ap.add_argument("--json", action="store_true", help="print one JSON document")
    ap.add_argument("--pred-dir", type=Path, default=None, help="write the predictions here")
    ap.add_argument("--workers", type=int, default=available_cores(), help="extraction processes")
    ap.add_argument("-v", "--verbose", action="store_true", help="list false positives/negatives")
    args = ap.parse_args(argv)
    try:
        names = args.sets.split(",") if args.sets else None
        sets = load_sets(args.eval_dir, names)
        floors = {} if args.no_floors else load_floors(args.floors or args.eval_dir / "floors.json")
        predictions = predict(args.eval_dir, sets, max(1, args.workers))
        results = evaluate(args.eval_dir, sets, predictions)
    except EvalError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.pred_dir is not None:
        write_predictions(args.pred_dir, predictions)
    missed = below_floors(results, floors)
    if args.json:
        print(json.dumps(as_json(results, missed), indent=2, ensure_ascii=False))
    else:
        for r in results:
            print(set_table(r, args.verbose), end="\n\n")
        print(summary_table(results))
    for line in missed:
        print(f"below floor: {line}", file=sys.stderr)
    if floors and not missed and not args.json:
        checked = sum(len(f) for n, f in floors.items() if n in sets)
        print(f"floors: all {checked} figures at or above their floor")
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
