"""``whomet neo4j start|stop|status|fetch`` (the local server) and ``whomet init`` (the schema)."""

from __future__ import annotations

import dataclasses
import json
import time
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError

from cli.reports import Neo4jReport
from graph.database.db import Graph
from graph.database.launcher import LocalNeo4j, ServerStatus
from graph.database.schema import apply_schema
from graph.database.warm_plans import read_statements, store_statements, warm_plans
from graph.errors import WhometError
from graph.settings import Settings, get_settings

neo4j_app = typer.Typer(
    help="Run a local Neo4j 5.26 Community server from Maven jars (no Docker needed).",
    no_args_is_help=True,
)


def _fail(exc: WhometError) -> typer.Exit:
    typer.secho(f"error: {exc}", fg=typer.colors.RED, err=True)
    return typer.Exit(code=1)


def _server() -> tuple[Settings, LocalNeo4j]:
    try:
        settings = get_settings()
    except ValidationError as exc:  # a bad WHOMET_* value; never echo the value (a password)
        for problem in exc.errors(include_input=False):
            field = ".".join(str(part) for part in problem["loc"])
            typer.secho(f"error: setting {field}: {problem['msg']}", fg=typer.colors.RED, err=True)
        raise typer.Exit(code=2) from exc
    return settings, LocalNeo4j(settings)


_JSON_HELP = "Print the outcome as JSON (status, bolt_uri, http_uri, pid, lib, logs, seconds)."


def _report(
    server: LocalNeo4j,
    status: str,
    began: float,
    state: ServerStatus,
    plans_warmed: int | None = None,
) -> str:
    return Neo4jReport(
        status=status,
        bolt_uri=state.bolt_uri,
        http_uri=state.http_uri,
        pid=state.pid,
        running=state.running,
        version=state.version,
        lib=str(server.paths.lib),
        logs=str(server.paths.logs),
        seconds=round(time.monotonic() - began, 2),
        plans_warmed=plans_warmed,
    ).model_dump_json()


@neo4j_app.command()
def fetch(
    maven_repo: Annotated[
        Path | None,
        typer.Option(help="Maven local repository to use (default: Maven's, ~/.m2/repository)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help=_JSON_HELP)] = False,
) -> None:
    """Fetch the server's jars with Maven (done by start too; skipped when complete)."""
    _, server = _server()
    began = time.monotonic()
    try:
        fetched = server.ensure_jars(maven_repo=maven_repo)
    except WhometError as exc:
        raise _fail(exc) from exc
    what = "fetched" if fetched else "already complete"
    if as_json:
        typer.echo(_report(server, what, began, server.status()))
        return
    typer.echo(f"Neo4j jars {what} in {server.paths.lib} ({time.monotonic() - began:.1f} s)")


def warm_started_server(settings: Settings) -> tuple[int, str]:
    """Plan the API's and the store's statements on the server just started (bounded; its
    failures are reported, never fatal): the first loads and requests then skip planning."""
    try:
        with Graph.connect(settings) as graph:
            report = warm_plans(
                graph,
                read_statements() + store_statements(),
                budget_s=settings.warm_plans_budget_s,
            )
    except WhometError as exc:
        return 0, f"not done ({exc})"
    return len(report.planned), report.describe()


@neo4j_app.command()
def start(
    as_json: Annotated[bool, typer.Option("--json", help=_JSON_HELP)] = False,
    warm: Annotated[
        bool,
        typer.Option(
            help="Plan the named statements once the server answers (WHOMET_WARM_PLANS=0 "
            "turns it off by default), so the first loads and requests do not."
        ),
    ] = True,
) -> None:
    """Start the server in the background and wait until Bolt answers."""
    settings, server = _server()
    began = time.monotonic()
    try:
        status = server.start()
    except WhometError as exc:
        raise _fail(exc) from exc
    ready_s = time.monotonic() - began
    warmed = warm_started_server(settings) if warm and settings.warm_plans else None
    if as_json:
        planned = warmed[0] if warmed else None
        typer.echo(_report(server, "started", began, status, plans_warmed=planned))
        return
    typer.echo(status.describe())
    typer.echo(f"  Ready after {ready_s:.1f} s; logs in {server.paths.logs}")
    if warmed is not None:
        typer.echo(f"  Plan warming: {warmed[1]}")


@neo4j_app.command()
def stop(as_json: Annotated[bool, typer.Option("--json", help=_JSON_HELP)] = False) -> None:
    """Stop the server started by ``whomet neo4j start`` (its data stays)."""
    _, server = _server()
    began = time.monotonic()
    pid = server.pid()
    try:
        stopped = server.stop()
    except WhometError as exc:
        raise _fail(exc) from exc
    if as_json:
        state = dataclasses.replace(server.status(), pid=pid)  # the pid that was stopped
        typer.echo(_report(server, "stopped" if stopped else "not running", began, state))
        return
    typer.echo("Neo4j stopped." if stopped else "Neo4j was not running.")


@neo4j_app.command()
def status(
    as_json: Annotated[bool, typer.Option("--json", help="Print the status as JSON.")] = False,
) -> None:
    """Say whether the server runs, and its version. Exit code 3 when it does not run."""
    _, server = _server()
    state = server.status()
    if as_json:
        typer.echo(json.dumps({**dataclasses.asdict(state), "browser_uri": state.browser_uri}))
    else:
        typer.echo(state.describe())
    if not state.running:
        raise typer.Exit(code=3)


def init(
    as_json: Annotated[bool, typer.Option("--json", help="Print the outcome as JSON.")] = False,
) -> None:
    """Create whomet's constraints and indexes in the database (safe to run again)."""
    settings, _ = _server()
    try:
        with Graph.connect(settings) as graph:
            graph.verify()  # fail at once, not after the driver's retries
            count = apply_schema(graph)
    except WhometError as exc:
        raise _fail(exc) from exc
    if as_json:
        typer.echo(json.dumps({"uri": settings.neo4j_uri, "statements": count}))
        return
    typer.echo(f"Schema applied to {settings.neo4j_uri} ({count} statements, all idempotent).")


def register(app: typer.Typer) -> None:
    app.add_typer(neo4j_app, name="neo4j")
    app.command("init")(init)
