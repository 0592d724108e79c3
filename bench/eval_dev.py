"""Run the extractor over a folder of articles and write eval-schema predictions.

Usage: python bench/eval_dev.py ARTICLES_DIR OUT_DIR [--seed SEED_TXT]

Every ``*.txt``/``*.md``/``*.html`` in ARTICLES_DIR becomes OUT_DIR/<stem>.json; the
optional seed article is written as OUT_DIR/seed.json. Score the result with the
evaluation's own scorer (``score.py --dir GOLD_DIR --pred OUT_DIR``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.documents import read_path  # noqa: E402
from graph.extract import extract  # noqa: E402

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


def write_prediction(src: Path, dest: Path) -> None:
    result = extract(read_path(src))
    dest.write_text(json.dumps(result.to_eval(), indent=1, ensure_ascii=False) + "\n", "utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("articles", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=Path, default=None, help="seed article, written as seed.json")
    ap.add_argument("--glob", default="*.txt", help="which files of ARTICLES_DIR to read")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    n = 0
    for src in sorted(args.articles.glob(args.glob)):
        if src.suffix.lower() in SUFFIXES and src.is_file():
            write_prediction(src, args.out / f"{src.stem}.json")
            n += 1
    if args.seed is not None:
        write_prediction(args.seed, args.out / "seed.json")
        n += 1
    print(f"wrote {n} predictions to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
