"""``whomet extract FILE...``: print what the extractor reads in documents or URLs."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer

from graph.documents import read_source
from graph.errors import DocumentError
from graph.extract import extract


class OutputFormat(StrEnum):
    json = "json"
    eval = "eval"


def extract_command(
    sources: Annotated[list[str], typer.Argument(help="Files (.txt, .md, .html) or http(s) URLs.")],
    fmt: Annotated[
        OutputFormat,
        typer.Option(
            "--format", "-f", help="json: full typed result; eval: the evaluation schema."
        ),
    ] = OutputFormat.json,
) -> None:
    """Extract people, organizations, meetings and affiliations from documents."""
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
