"""Corrections made from the pages: merge another entity (named, with a chooser when the
name fits several) into the one on screen. Recorded as a manual merge (``:MergeRecord``)
by the store, so loading the documents again keeps the two together. Needs the API key."""

from __future__ import annotations

import hmac
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from api.deps import GraphDep, ReadsDep, SettingsDep
from api.explorer.pages import render
from graph.errors import Ambiguous, NotFound, WhometError
from graph.settings import Settings
from graph.store.graph_store import GraphStore

router = APIRouter(include_in_schema=False)
FormText = Annotated[str, Form(min_length=1, max_length=300)]


def key_problem(settings: Settings, given: str) -> tuple[int, str] | None:
    """Why this key may not write (status, words), or None when it may."""
    if settings.api_key is None:
        return 403, "Writes are turned off on this server: start it with WHOMET_API_KEY set."
    expected = settings.api_key.get_secret_value().encode("utf-8")
    if not hmac.compare_digest(given.encode("utf-8"), expected):
        return 401, "That is not the server's API key."
    return None


def key_refused(request: Request, settings: Settings, given: str, back: str) -> Response | None:
    """The page that refuses a write with this key, or None when the key may write."""
    problem = key_problem(settings, given)
    if problem is None:
        return None
    status, words = problem
    return render(request, "correction_failed.html", status, message=words, back=back)


@router.post("/entity/{keep_ref:path}/merge", response_model=None)
def merge(
    request: Request,
    keep_ref: str,
    other: FormText,
    api_key: Annotated[str, Form(max_length=500)],
    reads: ReadsDep,
    graph: GraphDep,
    settings: SettingsDep,
) -> Response:
    refused = key_refused(request, settings, api_key, keep_ref)
    if refused is not None:
        return refused
    try:
        keep = reads.resolve(keep_ref)
        drop = reads.resolve(other)
    except Ambiguous as exc:
        return render(
            request,
            "merge_choose.html",
            409,
            keep_ref=keep_ref,
            asked=other,
            message=str(exc),
            candidates=exc.candidates,
        )
    except NotFound as exc:
        return render(
            request,
            "correction_failed.html",
            404,
            message=str(exc),
            back=keep_ref,
            closest=exc.closest,
        )
    if keep.id == drop.id:
        return render(
            request,
            "correction_failed.html",
            400,
            message=f"{other!r} is {keep.name} itself.",
            back=keep.id,
        )
    try:
        GraphStore(graph).merge(keep.id, drop.id)
    except WhometError as exc:
        return render(request, "correction_failed.html", 400, message=str(exc), back=keep.id)
    target = f"/entity/{quote(keep.id, safe='')}?merged={quote(drop.name, safe='')}"
    return RedirectResponse(target, status_code=303)


__all__ = ["HTMLResponse", "router"]
