"""A read route's answer written to JSON in the route's own thread.

FastAPI checks a plain-function route's returned model against its ``response_model`` in its
thread pool (one more hand-off to a worker thread and back per request, after the route's
own) and then writes it with pydantic's serializer (``serialize_json``, by alias). A route
that returns a :class:`~fastapi.Response` skips both: :func:`json_answer` writes the same
bytes (the same serializer and options) from the thread the route already runs in. The
route keeps ``response_model`` for the OpenAPI schema. Only for models this code built
itself, which need no check.
"""

from __future__ import annotations

from fastapi import Response
from pydantic import BaseModel


def json_answer(model: BaseModel) -> Response:
    """``model`` as FastAPI answers it for ``response_model=type(model)``: JSON by alias."""
    body = type(model).__pydantic_serializer__.to_json(model, by_alias=True)
    return Response(content=body, media_type="application/json")
