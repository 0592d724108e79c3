"""Removing a bogus entity from its page, and restoring it from the page that says it was
removed. Needs the API key, like the other corrections; recorded by
``graph.corrections.removal`` so that loading the documents again keeps it removed."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from api.deps import GraphDep, SettingsDep
from api.explorer.corrections import key_refused
from api.explorer.fixes import KeyText
from api.explorer.pages import render
from graph.corrections.removal import RemovalOut, Removals
from graph.errors import Ambiguous, NotFound, WhometError
from graph.read.models import EntityRef

router = APIRouter(include_in_schema=False)


def _apply(
    request: Request,
    ref: str,
    api_key: str,
    settings: SettingsDep,
    find: Callable[[str], EntityRef],
    work: Callable[[str], RemovalOut],
) -> Response:
    refused = key_refused(request, settings, api_key, ref)
    if refused is not None:
        return refused
    try:
        done = work(find(ref).id)
    except Ambiguous as exc:
        return render(request, "correction_failed.html", 409, message=str(exc), back=ref)
    except NotFound as exc:
        return render(
            request, "correction_failed.html", 404, message=str(exc), back=ref, closest=exc.closest
        )
    except WhometError as exc:
        return render(request, "correction_failed.html", 400, message=str(exc), back=ref)
    # A removed entity's page is the 404 that offers to restore it; a restored one's, itself.
    words = "" if done.removed else f"?corrected={quote('Restored', safe='')}"
    return RedirectResponse(f"/entity/{quote(done.id, safe='')}{words}", status_code=303)


@router.post("/entity/{ref:path}/remove", response_model=None)
def remove(
    request: Request, ref: str, api_key: KeyText, graph: GraphDep, settings: SettingsDep
) -> Response:
    fix = Removals(graph)
    return _apply(request, ref, api_key, settings, fix.target, fix.remove)


@router.post("/entity/{ref:path}/restore", response_model=None)
def restore(
    request: Request, ref: str, api_key: KeyText, graph: GraphDep, settings: SettingsDep
) -> Response:
    fix = Removals(graph)
    return _apply(request, ref, api_key, settings, fix.find, fix.restore)
