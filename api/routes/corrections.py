"""Corrections by hand over HTTP: merge, rename, split an alias, mark a fact wrong (or right),
remove an entity (or restore it).

Each needs the API key (``X-API-Key``), like document writes, and is recorded in the graph
so that loading the documents again does not undo it (see ``graph/corrections``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, TypeVar

from fastapi import APIRouter, Path
from pydantic import BaseModel, ConfigDict, Field

from api.deps import GraphDep, ReadsDep, WriteAccess
from api.errors import ERROR_RESPONSES, ApiError
from graph.corrections.removal import RemovalOut, Removals
from graph.corrections.service import CorrectionOut, Corrections
from graph.database.db import Graph
from graph.errors import Ambiguous, NotFound, WhometError
from graph.store.graph_store import GraphStore
from graph.store.reports import MergeReport

router = APIRouter(tags=["corrections"], responses=ERROR_RESPONSES)
T = TypeVar("T")
Ref = Annotated[str, Path(min_length=1, max_length=300, description="Id, name or alias.")]


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RenameIn(_In):
    name: str = Field(min_length=1, max_length=300)


class SplitIn(_In):
    alias: str = Field(min_length=1, max_length=300)


class MergeIn(_In):
    other: str = Field(min_length=1, max_length=300, description="Id, name or alias merged in.")


class FactIn(_In):
    type: str = Field(min_length=1, max_length=40, examples=["ATTENDED"])
    source: str = Field(min_length=1, max_length=300, description="Entity: id, name or alias.")
    target: str = Field(min_length=1, max_length=300, description="Meeting, entity or quote id.")


def _write(work: Callable[[], T]) -> T:
    """A correction's own refusals (nothing to split, not a fact type) answer 400."""
    try:
        return work()
    except (NotFound, Ambiguous):
        raise
    except WhometError as exc:
        raise ApiError(400, "bad_correction", str(exc)) from exc


def _fix(graph: Graph) -> Corrections:
    return Corrections(graph)


@router.get("/corrections", response_model=list[CorrectionOut], summary="Corrections made")
def list_corrections(graph: GraphDep) -> list[CorrectionOut]:
    return _fix(graph).all()


@router.post("/entities/{ref}/merge", response_model=MergeReport, summary="Merge an entity in")
def merge(ref: Ref, body: MergeIn, graph: GraphDep, reads: ReadsDep, _: WriteAccess) -> MergeReport:
    keep, drop = reads.resolve(ref).id, reads.resolve(body.other).id
    store = GraphStore(graph)
    return _write(lambda: store.merge(keep, drop))


@router.post("/entities/{ref}/rename", response_model=CorrectionOut, summary="Rename an entity")
def rename(
    ref: Ref, body: RenameIn, graph: GraphDep, reads: ReadsDep, _: WriteAccess
) -> CorrectionOut:
    entity = reads.resolve(ref).id
    return _write(lambda: _fix(graph).rename(entity, body.name))


@router.post(
    "/entities/{ref}/split-alias", response_model=CorrectionOut, summary="Split an alias off"
)
def split_alias(
    ref: Ref, body: SplitIn, graph: GraphDep, reads: ReadsDep, _: WriteAccess
) -> CorrectionOut:
    entity = reads.resolve(ref).id
    return _write(lambda: _fix(graph).split_alias(entity, body.alias))


@router.post("/facts/wrong", response_model=CorrectionOut, summary="Mark a fact wrong")
def mark_wrong(body: FactIn, graph: GraphDep, reads: ReadsDep, _: WriteAccess) -> CorrectionOut:
    source = reads.resolve(body.source).id
    return _write(lambda: _fix(graph).mark_wrong(body.type.upper(), source, body.target))


@router.post("/facts/right", response_model=CorrectionOut, summary="Undo a fact marked wrong")
def unmark(body: FactIn, graph: GraphDep, reads: ReadsDep, _: WriteAccess) -> CorrectionOut:
    source = reads.resolve(body.source).id
    return _write(lambda: _fix(graph).unmark(body.type.upper(), source, body.target))


@router.post("/entities/{ref}/remove", response_model=RemovalOut, summary="Remove an entity")
def remove(ref: Ref, graph: GraphDep, _: WriteAccess) -> RemovalOut:
    """Hide a bogus entity from every read (its documents and facts stay; recorded, so loading
    the documents again keeps it removed). Removing it again answers the same."""
    fix = Removals(graph)
    entity = fix.target(ref).id
    return _write(lambda: fix.remove(entity))


@router.post(
    "/entities/{ref}/restore", response_model=RemovalOut, summary="Undo an entity's removal"
)
def restore(ref: Ref, graph: GraphDep, _: WriteAccess) -> RemovalOut:
    """Bring a removed entity back; ``ref`` names it among the removed ones."""
    fix = Removals(graph)
    entity = fix.find(ref).id
    return _write(lambda: fix.restore(entity))
