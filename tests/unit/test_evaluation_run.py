"""``make eval``'s runner: the project's sets and floors are consistent, and the runner
scores, reports and enforces floors on a small evaluation folder of its own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.documents import read_path
from graph.evaluation.run import DEFAULT_EVAL_DIR, FIGURES, load_floors, load_sets, main
from graph.evaluation.score import gold_annotation, read_json
from graph.extract import extract

HELD_OUT = {"r03", "r06", "r09", "r12", "r15", "r18", "r21", "r24"}

ARTICLE = """DATE: 2026-03-04
TITLE: Port authority and shipping line hold talks

The Harbor Development Authority met Meridian Shipping in Busan on March 3, 2026, to discuss
berth schedules. Lena Ortiz, Meridian Shipping's head of operations, attended the talks.
"""


def test_every_gold_file_is_in_a_set_and_the_real_set_is_split_as_documented() -> None:
    sets = load_sets(DEFAULT_EVAL_DIR)
    docs = {name: set(s.documents) for name, s in sets.items()}
    assert docs["real-heldout"] == HELD_OUT
    assert not docs["real-tune"] & docs["real-heldout"]
    assert docs["real-tune"] | docs["real-heldout"] == docs["real-all"]
    on_disk = {
        (p.parent.name, p.name.removesuffix(".gold.json"))
        for p in DEFAULT_EVAL_DIR.glob("*/*.gold.json")
    }
    listed = {(s.folder, d) for s in sets.values() for d in s.documents}
    assert listed == on_disk
    for folder, doc in listed:
        assert (DEFAULT_EVAL_DIR / folder / f"{doc}.txt").is_file()
        path = DEFAULT_EVAL_DIR / folder / f"{doc}.gold.json"
        gold_annotation(read_json(path), str(path))  # every gold file follows the schema


def test_the_floors_name_known_sets_and_figures() -> None:
    floors = load_floors(DEFAULT_EVAL_DIR / "floors.json")
    assert set(floors) == set(load_sets(DEFAULT_EVAL_DIR))
    for figures in floors.values():
        assert set(figures) <= set(FIGURES)
        assert all(0 <= v <= 1 for v in figures.values())


@pytest.fixture
def eval_dir(tmp_path: Path) -> Path:
    """One article whose gold is what today's extractor reads from it."""
    folder = tmp_path / "eval" / "mini"
    folder.mkdir(parents=True)
    (folder / "m01.txt").write_text(ARTICLE, encoding="utf-8")
    own = extract(read_path(folder / "m01.txt")).to_eval()
    assert own["meetings"], "the article should state a meeting"
    (folder / "m01.gold.json").write_text(json.dumps(own), encoding="utf-8")
    sets = {"sets": {"mini": {"folder": "mini", "documents": ["m01"]}}}
    (tmp_path / "eval" / "sets.json").write_text(json.dumps(sets), encoding="utf-8")
    return tmp_path / "eval"


def _floors(path: Path, value: float) -> Path:
    floors = {"floors": {"mini": {"meetings_f1": value, "entities_f1": value}}}
    path.write_text(json.dumps(floors), encoding="utf-8")
    return path


def test_the_extractors_own_reading_as_gold_scores_one_and_meets_the_floors(
    eval_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    floors = _floors(tmp_path / "floors.json", 1.0)
    args = ["--eval-dir", str(eval_dir), "--floors", str(floors), "--workers", "1"]
    assert main([*args, "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    mini = result["sets"]["mini"]
    for metric in ("entities", "meetings", "affiliations"):
        assert mini[metric]["f1"] == 1.0
        assert mini[metric]["fp"] == mini[metric]["fn"] == 0
    assert mini["meetings"]["macro_f1"] == 1.0
    assert result["below_floors"] == []

    assert main(args) == 0
    table = capsys.readouterr().out
    assert "mini (1 documents)" in table
    assert "all 2 figures at or above their floor" in table


def test_a_figure_under_its_floor_fails_and_is_named(
    eval_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold_path = eval_dir / "mini" / "m01.gold.json"
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    gold["meetings"] = []  # now every predicted pair is a false positive
    gold_path.write_text(json.dumps(gold), encoding="utf-8")
    floors = _floors(tmp_path / "floors.json", 0.5)
    code = main(["--eval-dir", str(eval_dir), "--floors", str(floors), "--workers", "1"])
    assert code == 1
    err = capsys.readouterr().err
    assert "below floor: mini meetings_f1 = 0.000 < floor 0.500" in err
    assert "entities_f1" not in err


def test_predictions_are_written_in_the_gold_schema(eval_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "pred"
    args = ["--eval-dir", str(eval_dir), "--no-floors", "--workers", "1", "--pred-dir", str(out)]
    assert main(args) == 0
    written = json.loads((out / "mini" / "m01.json").read_text(encoding="utf-8"))
    assert written == json.loads((eval_dir / "mini" / "m01.gold.json").read_text("utf-8"))


def test_unknown_sets_and_figures_are_refused(eval_dir: Path, tmp_path: Path) -> None:
    assert main(["--eval-dir", str(eval_dir), "--sets", "nope", "--no-floors"]) == 2
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"floors": {"mini": {"meetings_f2": 0.1}}}), encoding="utf-8")
    assert main(["--eval-dir", str(eval_dir), "--floors", str(bad)]) == 2
