"""``whomet viz`` (write a graph view to a file) and ``whomet analytics`` (who brokers contacts)."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Annotated

import networkx as nx
import typer
from rich.console import Console
from rich.table import Table

from cli.reports import VizReport
from graph.database.db import Graph
from graph.errors import Ambiguous, WhometError
from graph.read import analytics as analytics_mod
from graph.read import views as views_read
from graph.read.reads import Reads
from graph.settings import Settings, get_settings
from viz import views
from viz.export import ExportFormat, export
from viz.render import render_html

_SUFFIX_FORMATS = {
    ".graphml": ExportFormat.GRAPHML,
    ".json": ExportFormat.JSON,
    ".csv": ExportFormat.CSV,
}


def _fail(message: str, code: int = 1) -> typer.Exit:
    typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)
    return typer.Exit(code=code)


def _settings() -> Settings:
    # "property key does not exist" hints about optional properties are noise for a user.
    logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)
    try:
        return get_settings()
    except ValueError as exc:  # pydantic's ValidationError: a bad WHOMET_* value
        raise _fail(str(exc), code=2) from exc


def _parse_date(value: str | None, name: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise _fail(f"{name} must be a date like 2026-05-18, not {value!r}", code=2) from exc


def build_view(
    graph: Graph,
    *,
    entity: str | None,
    hops: int,
    met: bool,
    start: dt.date | None,
    end: dt.date | None,
    max_nodes: int | None,
    include_undated: bool = False,
) -> tuple[nx.Graph, str]:
    """The graph of the view the options ask for, and a short name for it."""
    if entity is not None:
        ref = Reads(graph).resolve(entity)
        budget = views_read.ego_budget(max_nodes)
        read = views_read.read_ego(graph, ref.id, hops, budget, max_nodes=max_nodes)
        return views.ego_view(read, ref.id, hops, max_nodes), f"entity {ref.name}"
    if met:
        return views.met_view(views_read.read_meetings(graph), max_nodes), "who met whom"
    if start is not None and end is not None:
        read = views_read.read_events_between(
            graph, start, end, include_undated=include_undated, max_nodes=max_nodes
        )
        return views.events_view(read, start, end, max_nodes), f"meetings {start}..{end}"
    return views.whole_view(views_read.read_whole_graph(graph), max_nodes), "whole graph"


def viz(
    out: Annotated[
        Path, typer.Option("--out", "-o", help="File to write (.html, .graphml, .json, .csv).")
    ],
    entity: Annotated[
        str | None,
        typer.Option("--entity", "-e", help="Ego view of this entity (id, name or alias)."),
    ] = None,
    hops: Annotated[
        int, typer.Option("--hops", min=1, max=views_read.MAX_HOPS, help="Hops around --entity.")
    ] = 2,
    met: Annotated[
        bool, typer.Option("--met", help="Who-met-whom projection instead of the full graph.")
    ] = False,
    start: Annotated[
        str | None, typer.Option("--from", help="Meetings from this date (YYYY-MM-DD).")
    ] = None,
    end: Annotated[
        str | None, typer.Option("--to", help="Meetings up to this date (YYYY-MM-DD).")
    ] = None,
    include_undated: Annotated[
        bool,
        typer.Option(
            "--include-undated",
            help="With --from/--to, also draw meetings with no date (else only counted).",
        ),
    ] = False,
    fmt: Annotated[
        ExportFormat | None,
        typer.Option("--format", "-f", help="Default: from --out's suffix, else html."),
    ] = None,
    max_nodes: Annotated[
        int | None,
        typer.Option("--max-nodes", min=1, help="Node cap (default WHOMET_VIZ_MAX_NODES)."),
    ] = None,
    api_base: Annotated[
        str | None,
        typer.Option(
            "--api-base",
            help="API that node clicks open (default http://WHOMET_API_HOST:WHOMET_API_PORT).",
        ),
    ] = None,
    as_json: Annotated[
        bool,
        typer.Option("--json", help="Print view, file, format, nodes, edges and notes as JSON."),
    ] = False,
) -> None:
    """Write a view: the whole graph, an entity's neighbourhood, who met whom, or a date range."""
    settings = _settings()
    chosen = sum([entity is not None, met, start is not None or end is not None])
    if chosen > 1:
        raise _fail("choose one view: --entity, --met, or --from/--to", code=2)
    first, last = _parse_date(start, "--from"), _parse_date(end, "--to")
    if (first is None) != (last is None):
        raise _fail("a date range needs both --from and --to", code=2)
    if first is not None and last is not None and last < first:
        raise _fail(f"--to ({last}) is before --from ({first})", code=2)
    if include_undated and first is None:
        raise _fail("--include-undated goes with a date range (--from/--to)", code=2)
    fmt = fmt or _SUFFIX_FORMATS.get(out.suffix.lower(), ExportFormat.HTML)
    cap = max_nodes if max_nodes is not None else settings.viz_max_nodes
    try:
        with Graph.connect(settings) as graph:
            g, name = build_view(
                graph,
                entity=entity,
                hops=hops,
                met=met,
                start=first,
                end=last,
                max_nodes=cap,
                include_undated=include_undated,
            )
    except Ambiguous as exc:
        names = ", ".join(f"{c.get('name')} ({c.get('id')})" for c in exc.candidates)
        raise _fail(f"{exc}: {names}") from exc
    except WhometError as exc:
        raise _fail(str(exc)) from exc
    if fmt is ExportFormat.HTML:
        base = (
            api_base if api_base is not None else f"http://{settings.api_host}:{settings.api_port}"
        )
        data = render_html(g, api_base=base).encode("utf-8")
    else:
        data = export(g, fmt)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    if as_json:
        report = VizReport(
            view=name,
            file=str(out),
            format=fmt.value,
            nodes=g.number_of_nodes(),
            edges=g.number_of_edges(),
            notes=[str(note) for note in g.graph.get("notes", [])],
            undated_left_out=int(g.graph.get("undated_left_out") or 0),
            undated_included=int(g.graph.get("undated_included") or 0),
        )
        typer.echo(report.model_dump_json())
        return
    typer.echo(
        f"{name}: {g.number_of_nodes()} nodes, {g.number_of_edges()} links -> {out} ({fmt.value})"
    )
    for note in g.graph.get("notes", []):
        typer.echo(f"  note: {note}")
    if first is not None:  # a range view: its undated count, even when nothing was left out
        left = int(g.graph.get("undated_left_out") or 0)
        hint = " (--include-undated draws them)" if left else ""
        typer.echo(f"  undated meetings left out: {left}{hint}")


def analytics(
    top: Annotated[int, typer.Option("--top", min=1, help="How many entities to rank.")] = 15,
    as_json: Annotated[bool, typer.Option("--json", help="Print the full result as JSON.")] = False,
) -> None:
    """Rank who brokers contacts (betweenness) and who met most; list groups and components."""
    settings = _settings()
    try:
        with Graph.connect(settings) as graph:
            g = views.met_view(views_read.read_meetings(graph), max_nodes=None)
    except WhometError as exc:
        raise _fail(str(exc)) from exc
    result = analytics_mod.analyse(g, top=top)
    if as_json:
        typer.echo(result.model_dump_json(indent=2))
        return
    console = Console()
    o = result.overview
    console.print(
        f"{o.nodes} entities, {o.edges} met-pairs from {o.meetings} meetings; "
        f"density {o.density:.3f}; {o.components} component(s), "
        f"the largest has {o.largest_component}"
    )
    table = Table(title="Centrality (brokers first)")
    for column in ("entity", "type", "met", "meetings", "degree c.", "betweenness"):
        table.add_column(column, justify="left" if column in ("entity", "type") else "right")
    for row in result.centrality:
        table.add_row(
            row.name,
            row.type,
            str(row.degree),
            str(row.meetings),
            f"{row.degree_centrality:.3f}",
            f"{row.betweenness:.3f}",
        )
    console.print(table)
    for title, groups in (("Communities", result.communities), ("Components", result.components)):
        console.print(f"[bold]{title}[/bold]")
        for group in groups:
            console.print(
                f"  {group.index + 1}. ({group.size}) " + ", ".join(m.name for m in group.members)
            )


def register(app: typer.Typer) -> None:
    app.command("viz")(viz)
    app.command("analytics")(analytics)
