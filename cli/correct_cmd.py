"""``whomet rename | split-alias | mark-wrong | remove-entity | corrections``: corrections by hand.

Like ``whomet merge``, each is recorded in the graph (``:Correction``) and applied again
after every load, so reloading or re-extracting the documents does not undo it. An entity
may be named by id, name or alias; a name that fits several lists the candidates.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, TypeVar

import typer

from cli.store_cmd import _fail, _graph, out
from graph.corrections.removal import RemovalOut, Removals
from graph.corrections.service import CorrectionOut, Corrections
from graph.database.db import Graph
from graph.errors import Ambiguous, WhometError

T = TypeVar("T")
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def _entity(graph: Graph, ref: str) -> str:
    """The id of the entity ``ref`` names (id, name or alias)."""
    from graph.read.reads import Reads

    return Reads(graph).resolve(ref).id


def _run(work: Callable[[Graph], T]) -> T:
    with _graph() as graph:
        try:
            return work(graph)
        except Ambiguous as exc:
            lines = [f"  {c['id']}  {c['name']} ({c.get('type') or '?'})" for c in exc.candidates]
            raise _fail("\n".join([f"{exc}:", *lines])) from exc
        except WhometError as exc:
            raise _fail(str(exc)) from exc


def _show(c: CorrectionOut | RemovalOut, words: str, as_json: bool) -> None:
    if as_json:
        out.print_json(c.model_dump_json())
    else:
        out.print(words, highlight=False)


def rename(
    entity: Annotated[str, typer.Argument(help="Id, name or alias of the entity.")],
    name: Annotated[str, typer.Argument(help="The name it should go by.")],
    as_json: JsonOpt = False,
) -> None:
    """Give an entity the name you choose (the old one stays an alias); survives reloads."""
    c = _run(lambda g: Corrections(g).rename(_entity(g, entity), name))
    _show(c, f"renamed {c.entity_id}: {c.old_name} -> {c.name} (recorded)", as_json)


def split_alias(
    entity: Annotated[str, typer.Argument(help="Id, name or alias of the entity.")],
    alias: Annotated[str, typer.Argument(help="The alias that names another body.")],
    as_json: JsonOpt = False,
) -> None:
    """Split an alias off an entity: the documents that call it by that alias only move to a
    new entity with every fact they support; the others keep it, without the alias."""
    c = _run(lambda g: Corrections(g).split_alias(_entity(g, entity), alias))
    moved = ", ".join(c.moved_documents) or "none"
    _show(
        c, f"split {c.alias!r} off {c.from_id} into {c.new_id}; documents moved: {moved}", as_json
    )


def mark_wrong(
    fact_type: Annotated[str, typer.Argument(help="ATTENDED, HOSTED, REPRESENTS, SAID, ...")],
    source: Annotated[str, typer.Argument(help="Id, name or alias of the entity it is about.")],
    target: Annotated[str, typer.Argument(help="Id of the meeting, entity or quote.")],
    undo: Annotated[bool, typer.Option("--undo", help="Put the fact back.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Mark a fact wrong: kept out of every answer and view, never deleted (``--undo``)."""
    fact_type = fact_type.upper()

    def work(g: Graph) -> CorrectionOut:
        fix = Corrections(g)
        src = _entity(g, source)
        return (fix.unmark if undo else fix.mark_wrong)(fact_type, src, target)

    c = _run(work)
    what = f"{c.source_name or c.source_id} -{c.type}-> {c.target_name or c.target_id}"
    _show(c, f"{'restored' if undo else 'marked wrong'}: {what}", as_json)


def remove_entity(
    entity: Annotated[str, typer.Argument(help="Id, name or alias of the entity.")],
    undo: Annotated[bool, typer.Option("--undo", help="Restore a removed entity.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Remove a bogus entity from every answer and view: never deleted, recorded so that
    reloading its documents keeps it removed (``--undo`` restores it)."""

    def work(g: Graph) -> RemovalOut:
        fix = Removals(g)
        if undo:
            return fix.restore(fix.find(entity).id)
        return fix.remove(fix.target(entity).id)

    r = _run(work)
    _show(r, f"{'restored' if undo else 'removed'} {r.id} ({r.name})", as_json)


def corrections(as_json: JsonOpt = False) -> None:
    """List the corrections made by hand (renames, split aliases, facts marked wrong,
    removed entities)."""
    found = _run(lambda g: Corrections(g).all())
    if as_json:
        out.print_json(data=[c.model_dump(mode="json") for c in found])
        return
    for c in found:
        if c.kind == "rename":
            words = f"{c.entity_id}: {c.old_name} -> {c.name}"
        elif c.kind == "split":
            words = f"{c.alias!r} split off {c.from_id} into {c.new_id}"
        elif c.kind == "remove":
            words = f"{c.entity_id} ({c.name}) removed"
        else:
            words = f"{c.source_id} -{c.type}-> {c.target_id} ({c.target_name})"
        out.print(f"{c.at}  {c.kind:<6}  {words}", highlight=False)
    out.print(f"{len(found)} corrections", highlight=False)


def register(app: typer.Typer) -> None:
    app.command("rename")(rename)
    app.command("split-alias")(split_alias)
    app.command("mark-wrong")(mark_wrong)
    app.command("remove-entity")(remove_entity)
    app.command("corrections")(corrections)
