"""``whomet extract FILE...``: print what the extractor reads in documents or URLs."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from cli.corpus_cmd import EngineName, extract_to_dir
from graph.documents import read_source
from graph.errors import DocumentError
from graph.extract import extract


class OutputFormat(StrEnum):
    json = "json"
    eval = "eval"


def extract_command(
    sources: Annotated[
        list[str],
        typer.Argument(
            help="Files (.txt, .md, .html) or http(s) URLs; with --out also folders and "
            ".jsonl files of {id, url, date, title, text} records."
        ),
    ],
    fmt: Annotated[
        OutputFormat,
        typer.Option(
            "--format", "-f", help="json: full typed result; eval: the evaluation schema."
        ),
    ] = OutputFormat.json,
    out: Annotated[
        Path | None,
        typer.Option(help="Write JSON-lines partitions here (resumable) instead of printing."),
    ] = None,
    workers: Annotated[
        int | None, typer.Option(min=1, help="With --out: processes (default: all cores).")
    ] = None,
    engine: Annotated[
        EngineName, typer.Option(help="With --out: local processes, or Dask (whomet[dask]).")
    ] = EngineName.local,
    scheduler: Annotated[
        str | None, typer.Option(help="With --engine dask: a scheduler address (default: local).")
    ] = None,
    partition_size: Annotated[
        int, typer.Option(min=1, help="With --out: documents per partition file.")
    ] = 100,
) -> None:
    """Extract people, organizations, meetings and affiliations from documents."""
    if out is not None:
        extract_to_dir(
            sources,
            out,
            workers=workers,
            engine=engine,
            scheduler=scheduler,
            partition_size=partition_size,
        )
        return
    results = []
    failed = False
    for src in sources:
        try:
            doc = read_source(src)
        except DocumentError as exc:
            typer.echo(f"error: {exc}", err=True)
            failed = True
            continue
        result = extract(doc)
        if fmt is OutputFormat.eval:
            results.append(result.to_eval())
        else:
            results.append(result.model_dump(mode="json"))
    payload = results[0] if len(results) == 1 and len(sources) == 1 else results
    if results:
        typer.echo(json.dumps(payload, indent=2, ensure_ascii=False))
    if failed:
        raise typer.Exit(code=1)


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_command)
