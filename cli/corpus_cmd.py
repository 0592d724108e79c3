"""``whomet extract --out DIR`` and ``whomet load --extractions DIR``: corpora in two steps.

Extraction and loading can then run on different machines at different times: the
partitions in DIR are the hand-over (``graph.ingest.corpus``).
"""

from __future__ import annotations

import os
import time
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console

from graph.errors import WhometError
from graph.ingest.corpus import Engine, extract_corpus, process_pool

err = Console(stderr=True, soft_wrap=True)


class EngineName(StrEnum):
    local = "local"
    dask = "dask"


def extract_to_dir(
    sources: list[str],
    out: Path,
    *,
    workers: int | None,
    engine: EngineName,
    scheduler: str | None,
    partition_size: int,
) -> None:
    """Run the corpus extraction and print one summary line (errors go to stderr)."""
    n = workers or os.cpu_count() or 1
    run: Engine
    try:
        if engine is EngineName.dask:
            from graph.ingest.dask_engine import dask_engine

            run = dask_engine(scheduler=scheduler, workers=n)
        else:
            run = process_pool(n)
        t0 = time.perf_counter()
        summary = extract_corpus(sources, out, engine=run, partition_size=partition_size)
    except WhometError as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(code=1) from exc
    wall = time.perf_counter() - t0
    done = len(summary.partitions) - summary.skipped
    typer.echo(
        f"{out}: {done} partitions written ({summary.documents} documents, "
        f"{summary.errors} errors), {summary.skipped} already done; {wall:.1f}s "
        f"with {engine.value} x{n}"
    )
    if summary.errors:
        err.print(f"{summary.errors} inputs failed; their lines in {out} say why", highlight=False)
