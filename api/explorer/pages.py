"""The explorer's pages at the root: search, entity, meeting, document, lists, who-met.

Every page is rendered on the server from the same reads as the JSON API; the only
script is a small type-ahead served from ``/static/explorer``. A name that fits several
entities gets a chooser (409), an unknown one the closest names (404), never raw JSON.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from api.deps import ReadsDep
from api.explorer.highlight import Span, pieces
from graph.errors import Ambiguous, NotFound
from graph.model import EntityType
from graph.read.explorer import ExplorerReads
from graph.read.models import DocumentDetail, EntityHit, IsoDate, MeetingOut
from graph.read.reads import Reads
from graph.read.words import date_words

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
STATIC_URL = "/static/explorer"
PAGE_SIZE = 20
FOCUS = "\x00focus"  # the span a link asked to show; never a fact label

templates = Jinja2Templates(directory=HERE / "templates")
templates.env.globals["static"] = STATIC_URL
templates.env.filters["when"] = lambda event: date_words(event.model_dump()) or "undated"

PAGE_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; frame-src 'self'; form-action 'self'; base-uri 'none'; "
        "frame-ancestors 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}

router = APIRouter(include_in_schema=False)
# Dates as the JSON API takes them: YYYY-MM-DD only (``0`` is not 1970-01-01).
Since = Annotated[IsoDate | None, Query()]
Text = Annotated[str | None, Query(max_length=300)]


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    response = templates.TemplateResponse(request, name, context, status_code=status)
    response.headers.update(PAGE_HEADERS)
    return response


def pager(request: Request, total: int, page: int) -> dict[str, Any]:
    """Links to the previous and next pages, keeping every other filter of the request."""
    pages = max(1, math.ceil(total / PAGE_SIZE))
    params = {k: v for k, v in request.query_params.items() if k != "page"}

    def link(n: int) -> str | None:
        if n < 1 or n > pages or n == page:
            return None
        return f"{request.url.path}?{urlencode({**params, 'page': n})}"

    return {
        "page": page,
        "pages": pages,
        "total": total,
        "prev": link(page - 1),
        "next": link(page + 1),
    }


def lookup_failure(
    request: Request, exc: NotFound | Ambiguous, asked: str, link: str = "/entity/"
) -> HTMLResponse:
    """The chooser (several entities fit) or the closest names (none does); each name links
    to ``link`` + its id (the entity page, or the graph page that asked)."""
    if isinstance(exc, Ambiguous):
        page, status, names = "choose.html", 409, {"candidates": exc.candidates}
    else:
        page, status, names = "not_found.html", 404, {"closest": exc.closest}
    return render(request, page, status, asked=asked, message=str(exc), link=link, **names)


def _offset(page: int) -> int:
    return (page - 1) * PAGE_SIZE


@router.get("/", response_class=HTMLResponse)
def home(request: Request, reads: ReadsDep) -> HTMLResponse:
    more = ExplorerReads(reads)
    docs = reads.documents(8, 0)
    return render(
        request,
        "home.html",
        counts=more.counts(),
        meetings=more.latest_meetings(8),
        documents=docs.items,
    )


@router.get("/search", response_class=HTMLResponse)
def search(
    request: Request,
    reads: ReadsDep,
    q: Text = None,
    type: Annotated[EntityType | None, Query()] = None,
    page: Annotated[int, Query(ge=1, le=5000)] = 1,
) -> HTMLResponse:
    words = (q or "").strip() or None
    found = reads.search(words, type.value if type else None, PAGE_SIZE, _offset(page))
    counts = ExplorerReads(reads).hit_counts([h.id for h in found.items])
    return render(
        request,
        "search.html",
        q=words or "",
        type=type.value if type else "",
        types=[t.value for t in EntityType],
        hits=found.items,
        counts=counts,
        pager=pager(request, found.total, page),
    )


def _timeline(meetings: list[MeetingOut]) -> tuple[list[MeetingOut], list[MeetingOut]]:
    """Dated meetings in date order, and the undated ones apart."""
    dated = [m for m in meetings if date_words(m.event.model_dump()) and m.event.year]
    undated = [m for m in meetings if m not in dated]
    dated.sort(key=lambda m: (m.event.year or 0, m.event.month or 0, m.event.day or 0, m.event.id))
    return dated, undated


def _missing_entity(request: Request, reads: Reads, exc: NotFound, ref: str) -> HTMLResponse:
    """The 404 of an entity page; when ``ref`` names an entity removed by hand, it says so and
    offers to restore it (the reads no longer find it, so its page is the place to undo)."""
    from graph.corrections.removal import Removals

    try:
        gone = Removals(reads.graph).find(ref)
    except (NotFound, Ambiguous):
        return lookup_failure(request, exc, ref)
    words = f"{gone.name} was removed by hand: it is left out of every answer and view."
    return render(
        request, "not_found.html", 404, asked=ref, message=words, closest=[], removed=gone
    )


@router.get("/entity/{ref:path}", response_class=HTMLResponse)
def entity(request: Request, ref: str, reads: ReadsDep) -> HTMLResponse:
    try:
        profile = reads.profile(ref)
    except Ambiguous as exc:
        return lookup_failure(request, exc, ref)
    except NotFound as exc:
        return _missing_entity(request, reads, exc, ref)
    dated, undated = _timeline(ExplorerReads(reads).entity_meetings(profile.id))
    from api.explorer.fixes import fact_choices
    from graph.corrections.service import Corrections

    wrong = Corrections(reads.graph).wrong_of(profile.id)
    return render(
        request,
        "entity.html",
        entity=profile,
        dated=dated,
        undated=undated,
        merged=request.query_params.get("merged"),
        corrected=request.query_params.get("corrected"),
        facts=fact_choices(profile),
        wrong=wrong,
    )


@router.get("/who-met", response_class=HTMLResponse)
def who_met(request: Request, reads: ReadsDep, a: Text = None, b: Text = None) -> HTMLResponse:
    if not a or not b:
        return render(request, "who_met.html", a=a or "", b=b or "", answer=None)
    for asked in (a, b):
        try:
            reads.resolve(asked)
        except (NotFound, Ambiguous) as exc:
            return lookup_failure(request, exc, asked)
    return render(request, "who_met.html", a=a, b=b, answer=reads.who_met(a, b))


@router.get("/meeting/{event_id:path}", response_class=HTMLResponse)
def meeting(request: Request, event_id: str, reads: ReadsDep) -> HTMLResponse:
    more = ExplorerReads(reads)
    try:
        found = more.meeting(event_id)
    except NotFound as exc:
        return render(request, "not_found.html", 404, asked=event_id, message=str(exc), closest=[])
    return render(request, "meeting.html", meeting=found, names=more.meeting_names(found.event.id))


def _fact_spans(doc: DocumentDetail) -> list[Span]:
    """Every fact of the document with its offsets, labelled in words."""
    spans: list[Span] = []
    for m in doc.facts.meetings:
        for e in m.evidence:
            if e.start is not None and e.end is not None:
                spans.append(Span(e.start, e.end, f"meeting: {m.event.label}"))
        for p in m.participants:
            for e in p.evidence:
                if e.start is not None and e.end is not None:
                    spans.append(
                        Span(e.start, e.end, f"{p.entity.name}: {p.role}, {m.event.label}")
                    )
    for r in doc.facts.relations:
        for e in r.evidence:
            if e.start is not None and e.end is not None:
                words = r.type.lower().replace("_", " ")
                spans.append(Span(e.start, e.end, f"{r.source.name} {words} {r.target.name}"))
    return spans


def _focus(at: str | None) -> Span | None:
    """``?at=START-END``: the span a link from another page asked to show."""
    if not at:
        return None
    start, _, end = at.partition("-")
    if not (start.isdigit() and end.isdigit()):
        return None
    return Span(int(start), int(end), FOCUS)


@router.get("/document/{doc_id:path}", response_class=HTMLResponse)
def document(
    request: Request,
    doc_id: str,
    reads: ReadsDep,
    at: Annotated[str | None, Query(max_length=40)] = None,
) -> HTMLResponse:
    try:
        doc = reads.document(doc_id)
    except NotFound as exc:
        return render(request, "not_found.html", 404, asked=doc_id, message=str(exc), closest=[])
    spans = _fact_spans(doc)
    focus = _focus(at)
    text = doc.text or ""
    cut = pieces(text, spans + ([focus] if focus else []))
    focus_index = next((i for i, p in enumerate(cut) if FOCUS in p.labels), -1)
    return render(
        request,
        "document.html",
        doc=doc,
        pieces=cut,
        focus=FOCUS,
        focus_index=focus_index,
        facts=len(spans),
    )


@router.get("/documents", response_class=HTMLResponse)
def documents(
    request: Request,
    reads: ReadsDep,
    since: Since = None,
    until: Since = None,
    include_undated: bool = False,
    source: Text = None,
    entity: Text = None,
    page: Annotated[int, Query(ge=1, le=5000)] = 1,
) -> HTMLResponse:
    entity_id = None
    if entity:
        try:
            entity_id = reads.resolve(entity).id
        except (NotFound, Ambiguous) as exc:
            return lookup_failure(request, exc, entity)
    found = ExplorerReads(reads).documents(
        since=since,
        until=until,
        include_undated=include_undated,
        source=source or None,
        entity_id=entity_id,
        limit=PAGE_SIZE,
        offset=_offset(page),
    )
    return render(
        request,
        "documents.html",
        found=found,
        filters={
            "since": since or "",
            "until": until or "",
            "include_undated": include_undated,
            "source": source or "",
            "entity": entity or "",
        },
        pager=pager(request, found.total, page),
    )


@router.get("/meetings", response_class=HTMLResponse)
def meetings(
    request: Request,
    reads: ReadsDep,
    since: Since = None,
    until: Since = None,
    include_undated: bool = False,
    kind: Text = None,
    status: Text = None,
    entity: Text = None,
    page: Annotated[int, Query(ge=1, le=5000)] = 1,
) -> HTMLResponse:
    try:
        found = reads.meetings(
            entity=entity or None,
            since=since,
            until=until,
            kind=kind or None,
            status=status if status in ("held", "planned", "cancelled") else None,
            include_undated=include_undated,
            limit=PAGE_SIZE,
            offset=_offset(page),
        )
    except (NotFound, Ambiguous) as exc:
        return lookup_failure(request, exc, entity or "")
    return render(
        request,
        "meetings.html",
        found=found,
        filters={
            "since": since or "",
            "until": until or "",
            "include_undated": include_undated,
            "kind": kind or "",
            "status": status or "",
            "entity": entity or "",
        },
        pager=pager(request, found.total, page),
    )


def hit_label(hit: EntityHit) -> str:
    return f"{hit.name} ({hit.type})" if hit.type else hit.name


templates.env.filters["hit_label"] = hit_label
__all__ = ["Reads", "router"]
