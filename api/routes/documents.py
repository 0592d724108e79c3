"""Documents: list, read with their extracted facts, add (JSON or file upload), remove."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PureWindowsPath
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from starlette.datastructures import UploadFile

from api.deps import GraphDep, ReadsDep, WriteAccess
from api.errors import ERROR_RESPONSES, ApiError
from api.models import DocumentIn, DocumentMetaIn, ErrorResponse, LoadResult, RemoveResult
from graph.database.db import Graph
from graph.documents import read_bytes
from graph.extract import extract
from graph.model import Document
from graph.read.models import DocumentDetail, DocumentSummary, Page
from graph.store.graph_store import GraphStore

router = APIRouter(prefix="/documents", tags=["documents"], responses=ERROR_RESPONSES)

Upload = tuple[bytes | str, str | None, dict[str, Any], str | None]
"""What a POST carried: the data, its file name, its metadata and the id asked for."""
DocId = Annotated[str, Path(min_length=1, max_length=200, description="The document's id.")]
_META_FIELDS = tuple(DocumentMetaIn.model_fields)
WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorResponse, "description": "The document cannot be read"},
    401: {"model": ErrorResponse, "description": "Missing or wrong X-API-Key"},
    403: {"model": ErrorResponse, "description": "Writes are turned off on this server"},
    413: {"model": ErrorResponse, "description": "The body is over the size limit"},
    415: {"model": ErrorResponse, "description": "Not JSON or multipart, or not a text document"},
}


def _inline(schema: Any, defs: Mapping[str, Any] | None = None) -> Any:
    """``schema`` with its ``$defs`` references replaced by their bodies (for openapi_extra)."""
    if defs is None and isinstance(schema, dict):
        defs = schema.get("$defs", {})
    if isinstance(schema, dict):
        ref = schema.get("$ref", "")
        if isinstance(ref, str) and ref.startswith("#/$defs/") and defs is not None:
            return _inline(defs[ref.removeprefix("#/$defs/")], defs)
        return {k: _inline(v, defs) for k, v in schema.items() if k != "$defs"}
    if isinstance(schema, list):
        return [_inline(v, defs) for v in schema]
    return schema


_JSON_SCHEMA = _inline(DocumentIn.model_json_schema())
_UPLOAD_SCHEMA = {
    "type": "object",
    "required": ["file"],
    "properties": {
        "file": {"type": "string", "format": "binary", "description": ".txt, .md or .html"},
        "id": {"type": "string", "maxLength": 200},
        **{name: {"type": "string", "maxLength": 1000} for name in _META_FIELDS},
    },
}


@router.get("", response_model=Page[DocumentSummary], summary="Documents, newest first")
def list_documents(
    reads: ReadsDep,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> Page[DocumentSummary]:
    return reads.documents(limit, offset)


@router.get(
    "/{doc_id}",
    response_model=DocumentDetail,
    responses={404: {"model": ErrorResponse, "description": "No such document"}},
    summary="A document: metadata, text and the facts read from it",
)
def get_document(doc_id: DocId, reads: ReadsDep) -> DocumentDetail:
    return reads.document(doc_id)


def _invalid(exc: ValidationError) -> RequestValidationError:
    return RequestValidationError(
        [{**e, "loc": ("body", *e.get("loc", ()))} for e in exc.errors(include_url=False)]
    )


def _load(graph: Graph, document: Document) -> LoadResult:
    extraction = extract(document)
    report = GraphStore(graph).load(extraction)
    return LoadResult(id=document.id, status=report.status, report=report)


async def _from_json(request: Request) -> Upload:
    raw = await request.body()
    try:
        body = DocumentIn.model_validate_json(raw)
    except ValidationError as exc:
        raise _invalid(exc) from None
    return body.text, None, body.meta.model_dump(exclude_none=True), body.id


def _base_name(filename: str | None) -> str | None:
    """The upload's own name without the client's folders (``../../x.txt`` -> ``x.txt``):
    it only labels the document and tells its format."""
    name = PureWindowsPath(filename or "").name  # splits on both / and \\
    return name if name not in ("", ".", "..") else None


async def _from_form(request: Request) -> Upload:
    form = await request.form(max_files=1, max_fields=len(_META_FIELDS) + 2)
    upload = form.get("file")
    if not isinstance(upload, UploadFile):
        raise ApiError(422, "invalid_request", "multipart upload needs a 'file' part")
    fields = {k: v for k, v in form.items() if k != "file" and isinstance(v, str)}
    unknown = sorted(set(fields) - set(_META_FIELDS) - {"id"})
    if unknown:
        raise ApiError(422, "invalid_request", f"unknown form fields: {', '.join(unknown)}")
    doc_id = fields.pop("id", None) or None
    try:
        meta = DocumentMetaIn.model_validate({k: v for k, v in fields.items() if v != ""})
    except ValidationError as exc:
        raise _invalid(exc) from None
    data = await upload.read()
    return data, _base_name(upload.filename), meta.model_dump(exclude_none=True), doc_id


@router.post(
    "",
    response_model=LoadResult,
    responses=WRITE_ERRORS,
    summary="Add or replace a document: JSON text with metadata, or a multipart file upload",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": _JSON_SCHEMA},
                "multipart/form-data": {"schema": _UPLOAD_SCHEMA},
            },
        }
    },
)
async def add_document(request: Request, graph: GraphDep, _: WriteAccess) -> LoadResult:
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "application/json":
        data, filename, meta, doc_id = await _from_json(request)
    elif ctype == "multipart/form-data":
        data, filename, meta, doc_id = await _from_form(request)
    else:
        raise ApiError(
            415, "unsupported_media_type", "send application/json or multipart/form-data"
        )
    metadata = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in meta.items()}
    document = await run_in_threadpool(read_bytes, data, filename, metadata, doc_id)
    return await run_in_threadpool(_load, graph, document)


@router.delete(
    "/{doc_id}",
    response_model=RemoveResult,
    responses={**WRITE_ERRORS, 404: {"model": ErrorResponse, "description": "No such document"}},
    summary="Remove a document and every fact only it supported",
)
def remove_document(doc_id: DocId, graph: GraphDep, _: WriteAccess) -> RemoveResult:
    report = GraphStore(graph).remove(doc_id)  # NotFound when absent
    return RemoveResult(id=doc_id, status=report.status, report=report)
