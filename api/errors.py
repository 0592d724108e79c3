"""Map every failure to one JSON shape, ``{"error": {"code", "message"}}``, never a stack trace.

The graph layer raises whomet's own errors (graph.errors); the HTTP status is
decided here and nowhere else.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from neo4j import exceptions as neo4j_errors
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from api.models import ErrorResponse
from graph.errors import (
    Ambiguous,
    DatabaseBusy,
    DatabaseUnavailable,
    DocumentError,
    DocumentSourceError,
    DocumentTooLarge,
    EmptyDocument,
    InvalidDocumentId,
    NotFound,
    QueryRefused,
    UnsupportedDocument,
    WhometError,
    WriteTimedOut,
)

log = logging.getLogger("whomet.api")


class ApiError(Exception):
    """An HTTP-level refusal raised by the API itself (bad key, same entity twice...)."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


# Seconds a client is asked to wait before it retries a 503 (Neo4j down, busy or warming up).
RETRY_AFTER_S = 5


def error_response(status: int, code: str, message: str, **extra: Any) -> JSONResponse:
    body: dict[str, Any] = {"code": code, "message": message, **extra}
    headers: dict[str, str] = {}
    if status == 401:
        headers["WWW-Authenticate"] = "X-API-Key"
    if status == 503:
        headers["Retry-After"] = str(RETRY_AFTER_S)
    return JSONResponse(
        {"error": jsonable_encoder(body)}, status_code=status, headers=headers or None
    )


# Each kind of unreadable document, most specific first; any other DocumentError is a 400.
DOCUMENT_STATUSES: tuple[tuple[type[DocumentError], int, str], ...] = (
    (DocumentTooLarge, 413, "document_too_large"),
    (UnsupportedDocument, 415, "unsupported_document"),
    (EmptyDocument, 400, "bad_document"),
    (InvalidDocumentId, 400, "bad_document"),
    (DocumentSourceError, 400, "bad_document"),
)


def document_status(exc: DocumentError) -> tuple[int, str]:
    """The HTTP status and error code for an unreadable document, chosen by its class:
    413 for too large, 415 for a type that cannot be read, 400 for the rest."""
    for cls, status, code in DOCUMENT_STATUSES:
        if isinstance(exc, cls):
            return status, code
    return 400, "bad_document"


_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    503: "database_unavailable",
}

# For the OpenAPI document: what an error answer looks like on every route.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    422: {"model": ErrorResponse, "description": "The request is not valid"},
    500: {"model": ErrorResponse, "description": "Unexpected failure (no details are exposed)"},
    503: {
        "model": ErrorResponse,
        "description": "Neo4j is not reachable, too busy to finish the read in time, or "
        "stopped a write at its time limit (`write_timed_out`: nothing of it was stored); "
        "`Retry-After` says when to try again",
    },
}


def as_json_errors(responses: Mapping[int | str, Mapping[str, Any]]) -> dict[int | str, Any]:
    """``responses`` for a route whose own answer is not JSON (a page, a file): FastAPI would
    document each error ``model`` under the route's media type; spell it out as the
    ``application/json`` it is (``ErrorResponse`` must be in the schema, as every API route
    has it)."""
    out: dict[int | str, Any] = {}
    for status, response in responses.items():
        if response.get("model") is not ErrorResponse:
            out[status] = dict(response)
            continue
        out[status] = {
            **{k: v for k, v in response.items() if k != "model"},
            "content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/ErrorResponse"}}
            },
        }
    return out


_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


def _allowed_methods(request: Request) -> list[str]:
    """Every method some route of this path answers (Starlette names only the first route's)."""
    routes = request.app.router.routes
    return [
        method
        for method in _METHODS
        if any(r.matches({**request.scope, "method": method})[0] is Match.FULL for r in routes)
    ]


def install(app: FastAPI) -> None:
    """Register the handlers on ``app``."""

    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.code, exc.message)

    @app.exception_handler(NotFound)
    async def _not_found(_: Request, exc: NotFound) -> JSONResponse:
        closest = {"closest": exc.closest} if exc.closest else {}
        return error_response(404, "not_found", str(exc), **closest)

    @app.exception_handler(Ambiguous)
    async def _ambiguous(_: Request, exc: Ambiguous) -> JSONResponse:
        return error_response(409, "ambiguous", str(exc), candidates=exc.candidates)

    @app.exception_handler(QueryRefused)
    async def _refused(_: Request, exc: QueryRefused) -> JSONResponse:
        return error_response(400, "query_refused", str(exc))

    @app.exception_handler(DatabaseBusy)
    async def _busy(_: Request, exc: DatabaseBusy) -> JSONResponse:
        log.warning("database busy: %s", exc)
        return error_response(
            503, "database_busy", "Neo4j did not finish the read in time; retry later"
        )

    @app.exception_handler(WriteTimedOut)
    async def _write_timed_out(_: Request, exc: WriteTimedOut) -> JSONResponse:
        log.warning("write stopped: %s", exc)
        return error_response(
            503,
            "write_timed_out",
            "Neo4j stopped the write at its time limit; nothing of it was stored; retry later",
        )

    @app.exception_handler(DatabaseUnavailable)
    async def _unavailable(_: Request, exc: DatabaseUnavailable) -> JSONResponse:
        log.warning("database unavailable: %s", exc)
        return error_response(503, "database_unavailable", "Neo4j is not reachable; retry later")

    @app.exception_handler(DocumentError)
    async def _document(_: Request, exc: DocumentError) -> JSONResponse:
        status, code = document_status(exc)
        return error_response(status, code, str(exc))

    @app.exception_handler(WhometError)
    async def _whomet(_: Request, exc: WhometError) -> JSONResponse:
        log.error("unhandled whomet error", exc_info=exc)
        return error_response(500, "internal_error", f"{type(exc).__name__}: the request failed")

    @app.exception_handler(neo4j_errors.ServiceUnavailable)
    async def _driver_unavailable(_: Request, exc: Exception) -> JSONResponse:
        log.warning("database unavailable: %s", exc)
        return error_response(503, "database_unavailable", "Neo4j is not reachable; retry later")

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [
            {"loc": list(e.get("loc", ())), "msg": str(e.get("msg", ""))} for e in exc.errors()
        ]
        first = problems[0] if problems else {"loc": [], "msg": "invalid request"}
        where = ".".join(str(p) for p in first["loc"])
        return error_response(
            422,
            "invalid_request",
            f"{where}: {first['msg']}" if where else str(first["msg"]),
            details=problems,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _CODES.get(exc.status_code, "error")
        message = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
        response = error_response(exc.status_code, code, message)
        response.headers.update(exc.headers or {})
        if exc.status_code == 405:
            response.headers["Allow"] = ", ".join(_allowed_methods(request))
        return response

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.error("unexpected error", exc_info=exc)
        return error_response(500, "internal_error", "unexpected failure; see the server log")
