"""``whomet serve``: run the HTTP API with uvicorn (loopback by default)."""

from __future__ import annotations

from typing import Annotated

import typer

from cli.reports import ServeReport
from graph.settings import Settings, get_settings


def _settings() -> Settings:
    try:
        return get_settings()
    except ValueError as exc:  # pydantic's ValidationError: a bad WHOMET_* value
        typer.secho(f"error: {exc}", fg=typer.colors.RED, err=True)
        raise typer.Exit(code=2) from exc


def serve(
    host: Annotated[
        str | None,
        typer.Option(help="Address to bind (default WHOMET_API_HOST, 127.0.0.1)."),
    ] = None,
    port: Annotated[
        int | None,
        typer.Option(min=0, max=65535, help="Port (default WHOMET_API_PORT, 8000)."),
    ] = None,
    log_level: Annotated[str, typer.Option(help="uvicorn log level.")] = "info",
    as_json: Annotated[
        bool,
        typer.Option(
            "--json",
            help="Print where it serves as one JSON line (host, port, api_docs, graph_view, "
            "neo4j_browser, writes_enabled) before starting.",
        ),
    ] = False,
) -> None:
    """Serve the API; the docs are at /docs. Writes need WHOMET_API_KEY set."""
    import uvicorn

    from api.app import create_app

    settings = _settings()
    bind = host or settings.api_host
    bind_port = settings.api_port if port is None else port
    if bind not in ("127.0.0.1", "localhost", "::1"):
        typer.secho(
            f"warning: binding {bind}: the API is reachable from other machines",
            fg=typer.colors.YELLOW,
            err=True,
        )
    app = create_app(settings)
    paths = set(app.openapi()["paths"])
    if as_json:
        typer.echo(serve_report(settings, bind, bind_port, paths).model_dump_json())
    else:
        for line in urls(settings, bind, bind_port, paths):
            typer.echo(line)
    uvicorn.run(app, host=bind, port=bind_port, log_level=log_level)


def serve_report(settings: Settings, host: str, port: int, paths: set[str]) -> ServeReport:
    """Where to look once the server is up: the API docs, the graph view, Neo4j Browser."""
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    shown = f"[{shown}]" if ":" in shown else shown
    base = f"http://{shown}:{port}"
    neo4j_host = (
        "127.0.0.1" if settings.listen_address in ("0.0.0.0", "::", "") else settings.listen_address
    )
    return ServeReport(
        host=host,
        port=port,
        api_docs=f"{base}/docs",
        graph_view=f"{base}/graph" if "/graph" in paths else None,
        neo4j_browser=f"http://{neo4j_host}:{settings.http_port}/browser/",
        writes_enabled=settings.api_key is not None,
    )


def urls(settings: Settings, host: str, port: int, paths: set[str]) -> list[str]:
    """The same addresses as :func:`serve_report`, as lines for a person."""
    report = serve_report(settings, host, port, paths)
    lines = [f"API docs:      {report.api_docs}"]
    if report.graph_view is not None:
        lines.append(f"Graph view:    {report.graph_view}")
    lines.append(f"Neo4j Browser: {report.neo4j_browser}")
    if not report.writes_enabled:
        lines.append("(writes are off: set WHOMET_API_KEY to enable POST/DELETE /documents)")
    return lines


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
