"""API docs that work offline: Swagger UI at ``/docs`` and ReDoc at ``/redoc``.

FastAPI's defaults load both from a CDN, so an offline browser showed a blank page.
The assets come from the ``fastapi-offline`` wheel (MIT; Swagger UI Apache-2.0, ReDoc
MIT) and are served from ``/static/apidocs``; no page asks any other host for anything.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import fastapi_offline
from fastapi import FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

ASSETS = Path(fastapi_offline.__file__).resolve().parent / "static"
ASSETS_URL = "/static/apidocs"
# Swagger UI would ask an online validator about the spec; the badge is not worth a request.
SWAGGER_PARAMETERS = {"validatorUrl": None, "tryItOutEnabled": False}
# ReDoc's sidebar shows its makers' logo from their CDN: served with that one URL pointed
# at the local favicon instead. The header keeps any other asset same-origin.
REDOC_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"
DOCS_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; base-uri 'none'; "
        "frame-ancestors 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
}


@lru_cache(maxsize=1)
def redoc_script() -> bytes:
    """ReDoc's bundle with its one remote image pointed at a local file."""
    text = (ASSETS / "redoc.standalone.js").read_text(encoding="utf-8")
    return text.replace(REDOC_LOGO, f"{ASSETS_URL}/favicon.png").encode("utf-8")


def install(app: FastAPI, openapi_url: str = "/openapi.json") -> None:
    """Mount the assets and the two pages (call with ``docs_url=None, redoc_url=None``)."""

    @app.get(f"{ASSETS_URL}/redoc.js", include_in_schema=False)
    def redoc_js() -> Response:
        return Response(
            redoc_script(),
            media_type="text/javascript",
            headers={"Cache-Control": "public, max-age=86400"},
        )

    app.mount(ASSETS_URL, StaticFiles(directory=ASSETS), name="apidocs")
    title = f"{app.title} API"

    @app.get("/docs", include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        page = get_swagger_ui_html(
            openapi_url=openapi_url,
            title=title,
            swagger_js_url=f"{ASSETS_URL}/swagger-ui-bundle.js",
            swagger_css_url=f"{ASSETS_URL}/swagger-ui.css",
            swagger_favicon_url=f"{ASSETS_URL}/favicon.png",
            swagger_ui_parameters=SWAGGER_PARAMETERS,
        )
        page.headers.update(DOCS_HEADERS)
        return page

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> HTMLResponse:
        page = get_redoc_html(
            openapi_url=openapi_url,
            title=title,
            redoc_js_url=f"{ASSETS_URL}/redoc.js",
            redoc_favicon_url=f"{ASSETS_URL}/favicon.png",
            with_google_fonts=False,
        )
        page.headers.update(DOCS_HEADERS)
        return page
