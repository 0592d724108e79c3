"""``whomet serve``: run the HTTP API with uvicorn (loopback by default)."""

from __future__ import annotations

from typing import Annotated

import typer

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
    for line in urls(settings, bind, bind_port, set(app.openapi()["paths"])):
        typer.echo(line)
    uvicorn.run(app, host=bind, port=bind_port, log_level=log_level)


def urls(settings: Settings, host: str, port: int, paths: set[str]) -> list[str]:
    """Where to look once the server is up: the API docs, the graph view, Neo4j Browser."""
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    shown = f"[{shown}]" if ":" in shown else shown
    base = f"http://{shown}:{port}"
    lines = [f"API docs:      {base}/docs"]
    if "/graph" in paths:
        lines.append(f"Graph view:    {base}/graph")
    neo4j_host = (
        "127.0.0.1" if settings.listen_address in ("0.0.0.0", "::", "") else settings.listen_address
    )
    lines.append(f"Neo4j Browser: http://{neo4j_host}:{settings.http_port}/browser/")
    if settings.api_key is None:
        lines.append("(writes are off: set WHOMET_API_KEY to enable POST/DELETE /documents)")
    return lines


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
