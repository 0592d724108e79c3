"""``whomet load | remove | merge | stats | query``: the graph store from the terminal."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from neo4j import exceptions as neo4j_errors
from rich.console import Console
from rich.table import Column, Table

from graph.database.db import Graph, translate_errors
from graph.database.schema import apply_schema
from graph.errors import QueryRefused, WhometError
from graph.ingest.corpus_load import load_extractions
from graph.ingest.loader import LoadSummary, load_paths
from graph.ingest.url_load import combine, is_url, load_urls
from graph.read.free_query import ReadLimits, check_planned, guard_text, read_rows
from graph.settings import Settings, get_settings
from graph.store.graph_store import GraphStore
from graph.store.reports import LoadReport

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)


def _fail(message: str, code: int = 1) -> typer.Exit:
    err.print(f"[red]error:[/red] {message}", highlight=False)
    return typer.Exit(code=code)


def _settings() -> Settings:
    try:
        return get_settings()
    except ValueError as exc:  # a bad WHOMET_* value
        raise _fail(str(exc), code=2) from exc


@contextmanager
def _graph() -> Iterator[Graph]:
    # Unknown labels/properties in a fresh database are normal here, not worth a warning each.
    logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)
    settings = _settings()
    try:
        with Graph.connect(settings) as graph:
            yield graph
    except WhometError as exc:
        raise _fail(str(exc)) from exc


def load(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Files, folders (.txt, .md, .html) or http(s) URLs."),
    ] = None,
    force: Annotated[
        bool, typer.Option(help="Rewrite documents even when their version is unchanged.")
    ] = False,
    workers: Annotated[
        int | None,
        typer.Option(
            min=1,
            max=64,
            help="Extraction processes (default: one per 32 files, up to all cores); with "
            "--extractions, parallel writers (default: 1).",
        ),
    ] = None,
    id_from_name: Annotated[
        bool,
        typer.Option(
            help="Use the file name as document id, so an edited file replaces its "
            "old version (default: a front-matter id, else the content hash)."
        ),
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    extractions: Annotated[
        Path | None,
        typer.Option(help="Load the partitions `whomet extract --out DIR` wrote (no extraction)."),
    ] = None,
    follow_links: Annotated[
        bool, typer.Option(help="Follow symbolic links that lead out of a folder given.")
    ] = False,
) -> None:
    """Read, extract and store documents: one transaction each; loading again changes nothing."""
    if bool(paths) == (extractions is not None):
        raise _fail("give files or folders, or --extractions DIR (one of the two)", code=2)
    with _graph() as graph:
        apply_schema(graph)
        store = GraphStore(graph)
        try:
            if extractions is not None:
                # Nothing to extract: --workers is the number of parallel writers.
                summary = load_extractions(extractions, store, force=force, workers=workers or 1)
            else:
                urls = [p for p in paths or [] if is_url(p)]
                files = [p for p in paths or [] if not is_url(p)]
                summary = load_paths(
                    files,
                    store,
                    force=force,
                    workers=workers,
                    id_from_name=id_from_name,
                    follow_links=follow_links,
                )
                if urls and not summary.interrupted:
                    summary = combine(summary, load_urls(urls, store, force=force))
        except WhometError as exc:
            raise _fail(str(exc)) from exc
    if as_json:
        out.print_json(summary.model_dump_json())
    else:
        _print_summary(summary, extracted=extractions is None)
    if summary.interrupted:
        stored = len(summary.reports)
        raise _fail(
            f"stopped after {stored} document(s): {summary.interrupted}. The documents listed"
            " above were stored whole; files not listed were not loaded (run the load again)."
        )
    if summary.failures and not summary.reports:
        raise typer.Exit(code=1)


def _print_summary(summary: LoadSummary, *, extracted: bool = True) -> None:
    print_document_table(
        summary,
        ("nodes +/-", "rels +/-"),
        lambda r: (
            f"+{r.nodes_created} -{r.nodes_removed}",
            f"+{r.relationships_created} -{r.relationships_removed}",
        ),
    )
    counts = ", ".join(f"{n} {status}" for status, n in sorted(summary.by_status().items()))
    t = summary.totals()
    out.print(
        f"{len(summary.reports)} documents ({counts or 'none'}), {len(summary.failures)} failed; "
        f"nodes +{t['nodes_created']} -{t['nodes_removed']}, "
        f"relationships +{t['relationships_created']} -{t['relationships_removed']}; "
        f"{summary.seconds:.1f} s, "
        + (
            f"extraction in {summary.workers or 1} process{'es' if summary.workers > 1 else ''}"
            if extracted
            else "extracted earlier (--extractions)"
        ),
        highlight=False,
    )


def print_document_table(
    summary: LoadSummary,
    headers: tuple[str, str],
    cells: Callable[[LoadReport], tuple[str, str]],
) -> None:
    """One row per document (``load``, ``reextract``), then each document's changes and the
    failures. Ids in full (they are what `whomet remove` takes); the file by its name only
    (--json has the paths), folded onto more lines when even that is too long."""
    widest = max((len(r.doc_id) for r in summary.reports), default=8)
    table = Table(
        Column("document", no_wrap=True, min_width=widest),
        Column("file", overflow="fold", min_width=8),
        Column("status", no_wrap=True),
        *(Column(h, no_wrap=True) for h in headers),
    )
    for r in summary.reports:
        source = summary.sources.get(r.doc_id)
        table.add_row(r.doc_id, Path(source).name if source else "", r.status, *cells(r))
    if len(summary.reports) <= 50:
        out.print(table)
    for r in summary.reports:
        _print_changes(r)
    for f in summary.failures:
        err.print(f"[red]failed:[/red] {f.path}: {f.error}", highlight=False)


def _print_changes(r: LoadReport) -> None:
    if r.merged:
        out.print(f"{r.doc_id}: merged {', '.join(r.merged)} (this document links them)")
    if r.split:
        out.print(f"{r.doc_id}: split off {', '.join(r.split)}")
    if r.diff is None or r.diff.is_empty():
        return
    out.print(f"{r.doc_id} replaced:", highlight=False)
    for title, lines in (
        ("+ fact", r.diff.facts_added),
        ("- fact", r.diff.facts_removed),
        ("+ entity", r.diff.entities_added),
        ("- entity", r.diff.entities_removed),
        ("+ event", r.diff.events_added),
        ("- event", r.diff.events_removed),
    ):
        for line in lines:
            out.print(f"  {title}: {line}", highlight=False, markup=False)


def remove(
    doc_id: Annotated[str, typer.Argument(help="The document's id.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Remove a document and the facts only it supported (entities and events left without
    support go too)."""
    with _graph() as graph:
        try:
            r = GraphStore(graph).remove(doc_id)
        except WhometError as exc:
            raise _fail(str(exc)) from exc
    if as_json:
        out.print_json(r.model_dump_json())
        return
    out.print(
        f"removed {doc_id}: nodes -{r.nodes_removed}, relationships -{r.relationships_removed}"
        + (f"; split off {', '.join(r.split)}" if r.split else ""),
        highlight=False,
    )


def merge(
    keep_id: Annotated[str, typer.Argument(help="Id (or entity name) of the node to keep.")],
    drop_id: Annotated[str, typer.Argument(help="Id (or entity name) of the node merged in.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Merge two entities (or two events) into one, recorded so that reloads keep it merged.
    An entity may be named by name or alias; a name that fits several lists the candidates."""
    from graph.errors import Ambiguous, NotFound
    from graph.read.reads import Reads

    with _graph() as graph:
        try:
            store = GraphStore(graph)
            try:
                r = store.merge(keep_id, drop_id)
            except NotFound as missing:
                ids = [_entity_id(Reads(graph), ref) for ref in (keep_id, drop_id)]
                if ids == [keep_id, drop_id]:
                    raise missing
                keep_id, drop_id = ids
                r = store.merge(keep_id, drop_id)
        except Ambiguous as exc:
            lines = [f"  {c['id']}  {c['name']} ({c.get('type') or '?'})" for c in exc.candidates]
            raise _fail("\n".join([f"{exc}:", *lines])) from exc
        except WhometError as exc:
            raise _fail(str(exc)) from exc
    if as_json:
        out.print_json(r.model_dump_json())
        return
    out.print(f"merged {r.kind} {drop_id} into {keep_id} (recorded)", highlight=False)


def _entity_id(reads: Any, ref: str) -> str:
    """The id of the entity ``ref`` names, or ``ref`` itself when none is so called
    (Ambiguous when several are)."""
    from graph.errors import NotFound

    try:
        entity_id: str = reads.resolve(ref).id
    except NotFound:
        return ref
    return entity_id


# The store's bookkeeping: name keys, write locks, merge and correction records, and the
# MET summary's tallies (graph/store/summaries.py); users see them only with --all.
INTERNAL_LABELS = frozenset({"NameKey", "WriteLock", "MergeRecord", "Correction", "MetTally"})
INTERNAL_TYPES = frozenset({"KEY_OF"})


def stats(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    show_all: Annotated[
        bool, typer.Option("--all", help="Also the store's own bookkeeping (NameKey, ...).")
    ] = False,
) -> None:
    """Node counts by label and relationship counts by type."""
    with _graph() as graph:
        try:
            s = GraphStore(graph).stats()
        except WhometError as exc:
            raise _fail(str(exc)) from exc
    if not show_all:
        s.labels = {k: v for k, v in s.labels.items() if k not in INTERNAL_LABELS}
        s.relationships = {k: v for k, v in s.relationships.items() if k not in INTERNAL_TYPES}
    if as_json:
        out.print_json(s.model_dump_json())
        return
    table = Table("label / type", "count")
    for label, n in s.labels.items():
        table.add_row(f":{label}", str(n))
    for rtype, n in s.relationships.items():
        table.add_row(f"[:{rtype}]", str(n))
    out.print(table)


def parse_params(pairs: list[str]) -> dict[str, Any]:
    """``k=v`` pairs; a value that parses as JSON (number, true, list...) is taken as such."""
    params: dict[str, Any] = {}
    for pair in pairs:
        key, sep, raw = pair.partition("=")
        if not sep or not key.strip():
            raise _fail(f"--param wants name=value, got {pair!r}", code=2)
        try:
            params[key.strip()] = json.loads(raw)
        except json.JSONDecodeError:
            params[key.strip()] = raw
    return params


# How the CLI names itself in a refusal (the API says "this endpoint").
QUERY_COMMAND = "`whomet query`"


def run_read(
    graph: Graph, text: str, params: Mapping[str, Any], *, max_rows: int, timeout_s: float
) -> tuple[list[str], list[dict[str, Any]], bool]:
    """Run the user's query as ``/cypher`` runs it: the text guard, the planner's verdict, then
    a READ transaction (a terminal is no reason to let ``LOAD CSV`` or ``SHOW USERS`` through).
    """
    text = guard_text(text, graph.database, who=QUERY_COMMAND)
    try:
        with translate_errors(graph.uri):
            check_planned(graph, text, params, who=QUERY_COMMAND)
            got = read_rows(graph, text, params, ReadLimits(max_rows, timeout_s), retry=True)
        return got.columns, got.rows, got.truncated
    except neo4j_errors.Neo4jError as exc:
        code = exc.code or ""
        if code.endswith("Statement.AccessMode") or "Forbidden" in code:
            raise QueryRefused(
                f"refused by the database: {QUERY_COMMAND} only reads ({exc.message})"
            ) from exc
        raise WhometError(exc.message or str(exc)) from exc


def query(
    cypher: Annotated[str, typer.Argument(help="A read-only Cypher query.")],
    param: Annotated[
        list[str] | None, typer.Option("--param", "-p", help="A parameter: name=value.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print rows as JSON.")] = False,
    limit: Annotated[int | None, typer.Option(min=1, help="Most rows to print.")] = None,
) -> None:
    """Run read-only Cypher, refused like ``POST /api/v1/cypher`` when it could write or
    administer (text guard, planner check, READ transaction)."""
    params = parse_params(param or [])
    settings = _settings()
    with _graph() as graph:
        try:
            columns, rows, truncated = run_read(
                graph,
                cypher,
                params,
                max_rows=limit or settings.cypher_max_rows,
                timeout_s=settings.cypher_timeout_s,
            )
        except WhometError as exc:
            raise _fail(str(exc)) from exc
    if as_json:
        out.print_json(json.dumps({"columns": columns, "rows": rows, "truncated": truncated}))
        return
    table = Table(*columns)
    for row in rows:
        table.add_row(*(_cell(row[c]) for c in columns))
    out.print(table)
    note = " (truncated)" if truncated else ""
    out.print(f"{len(rows)} rows{note}", highlight=False)


def _cell(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def register(app: typer.Typer) -> None:
    app.command("load")(load)
    app.command("remove")(remove)
    app.command("merge")(merge)
    app.command("stats")(stats)
    app.command("query")(query)
