"""The ``whomet`` command: one Typer app; each command group lives in its own module."""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="whomet",
    help="Read news, build a who-met-whom graph in Neo4j, query and view it.",
    no_args_is_help=True,
    add_completion=False,
)

# Each module defines ``register(app)``; a module not written yet is skipped.
_COMMAND_MODULES = (
    "cli.neo4j_cmd",
    "cli.extract_cmd",
    "cli.store_cmd",
    "cli.serve_cmd",
    "cli.viz_cmd",
)

for _name in _COMMAND_MODULES:
    try:
        _module = importlib.import_module(_name)
    except ModuleNotFoundError as exc:
        if exc.name != _name:
            raise
        continue
    _module.register(app)


if __name__ == "__main__":
    app()
