"""The ``whomet`` command: one Typer app; each command group lives in its own module."""

from __future__ import annotations

import typer

from cli import (
    correct_cmd,
    extract_cmd,
    neo4j_cmd,
    reextract_cmd,
    serve_cmd,
    store_cmd,
    viz_cmd,
    watch_cmd,
)

app = typer.Typer(
    name="whomet",
    help="Read news, build a who-met-whom graph in Neo4j, query and view it.",
    no_args_is_help=True,
    add_completion=False,
)

# Each command module defines ``register(app)``.
for _module in (
    neo4j_cmd,
    extract_cmd,
    store_cmd,
    correct_cmd,
    reextract_cmd,
    serve_cmd,
    viz_cmd,
    watch_cmd,
):
    _module.register(app)

if __name__ == "__main__":
    app()
