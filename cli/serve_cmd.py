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
    shown = f"[{bind}]" if ":" in bind else bind
    typer.echo(f"whomet API on http://{shown}:{bind_port}  (docs: http://{shown}:{bind_port}/docs)")
    uvicorn.run(create_app(settings), host=bind, port=bind_port, log_level=log_level)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
