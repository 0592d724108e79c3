"""The explorer: server-rendered pages (Jinja2, no build step, no CDN) over the API's reads."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles


def install(app: FastAPI) -> None:
    """Mount the pages at the root and their stylesheet and script under /static/explorer."""
    from api.explorer import corrections, fixes, pages, removal

    app.mount(pages.STATIC_URL, StaticFiles(directory=pages.STATIC), name="explorer")
    app.include_router(pages.router)
    app.include_router(corrections.router)
    app.include_router(fixes.router)
    app.include_router(removal.router)
