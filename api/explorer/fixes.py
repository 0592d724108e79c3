"""Corrections made from an entity page besides merge: rename, split an alias off, mark one
of its facts wrong and put it back. Each needs the API key and is recorded by
``graph.corrections`` so that loading the documents again keeps it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from api.deps import GraphDep, ReadsDep, SettingsDep
from api.explorer.corrections import FormText, key_refused
from api.explorer.pages import render
from graph.corrections.service import CorrectionOut, Corrections
from graph.errors import Ambiguous, NotFound, WhometError
from graph.read.models import EntityProfile

router = APIRouter(include_in_schema=False)
KeyText = Annotated[str, Form(max_length=500)]


def fact_choices(profile: EntityProfile) -> list[tuple[str, str]]:
    """The entity's facts a user may mark wrong, as (form value, words)."""
    out: list[tuple[str, str]] = []
    for e in profile.events:
        if e.role == "name":  # held under its name: no fact of the entity to mark wrong
            continue
        kind = "HOSTED" if e.role == "host" else "ATTENDED"
        out.append((f"{kind}|{e.event.id}", f"{kind.lower()}: {e.event.label}"))
    for a in profile.affiliations:
        if a.direction == "out":
            out.append((f"{a.type}|{a.other.id}", f"{a.text} {a.other.name}"))
    for q in profile.quotes:
        out.append((f"SAID|{q.id}", f"said: {(q.text or '')[:80]}"))
    return out


def _apply(
    request: Request,
    ref: str,
    api_key: str,
    reads: ReadsDep,
    settings: SettingsDep,
    work: Callable[[str], CorrectionOut],
    done: str,
) -> Response:
    refused = key_refused(request, settings, api_key, ref)
    if refused is not None:
        return refused
    try:
        entity = reads.resolve(ref).id
        work(entity)
    except (NotFound, Ambiguous, WhometError) as exc:
        status = 404 if isinstance(exc, NotFound) else 409 if isinstance(exc, Ambiguous) else 400
        return render(request, "correction_failed.html", status, message=str(exc), back=ref)
    return RedirectResponse(
        f"/entity/{quote(entity, safe='')}?corrected={quote(done, safe='')}", status_code=303
    )


@router.post("/entity/{ref:path}/rename", response_model=None)
def rename(
    request: Request,
    ref: str,
    name: FormText,
    api_key: KeyText,
    reads: ReadsDep,
    graph: GraphDep,
    settings: SettingsDep,
) -> Response:
    fix = Corrections(graph)
    return _apply(
        request, ref, api_key, reads, settings, lambda e: fix.rename(e, name), f"Renamed: {name}"
    )


@router.post("/entity/{ref:path}/split-alias", response_model=None)
def split_alias(
    request: Request,
    ref: str,
    alias: FormText,
    api_key: KeyText,
    reads: ReadsDep,
    graph: GraphDep,
    settings: SettingsDep,
) -> Response:
    fix = Corrections(graph)
    words = f"Split {alias} off into an entity of its own"
    return _apply(
        request, ref, api_key, reads, settings, lambda e: fix.split_alias(e, alias), words
    )


@router.post("/entity/{ref:path}/wrong", response_model=None)
def mark_wrong(
    request: Request,
    ref: str,
    fact: FormText,
    api_key: KeyText,
    reads: ReadsDep,
    graph: GraphDep,
    settings: SettingsDep,
    undo: Annotated[str, Form(max_length=10)] = "",
) -> Response:
    fix = Corrections(graph)
    fact_type, _, target = fact.partition("|")
    do = fix.unmark if undo else fix.mark_wrong
    words = "Fact put back" if undo else "Fact marked wrong (kept, hidden from every answer)"
    return _apply(request, ref, api_key, reads, settings, lambda e: do(fact_type, e, target), words)
