"""``whomet watch CONFIG``: follow RSS/Atom feeds and sitemaps, load each new story once."""

from __future__ import annotations

import logging
import signal
import threading
from pathlib import Path
from types import FrameType
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from cli.reports import WatchFeedTotals, WatchPoll, WatchSummary
from graph.database.db import Graph
from graph.database.schema import apply_schema
from graph.errors import WhometError
from graph.ingest.feed_config import load_config
from graph.ingest.loader import default_extractor
from graph.ingest.polite import PoliteClient
from graph.ingest.state import WatchState
from graph.ingest.watcher import PollOutcome, Watcher
from graph.settings import get_settings
from graph.store.graph_store import GraphStore

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)


def _print(outcome: PollOutcome) -> None:
    if outcome.error:
        err.print(f"[red]{outcome.feed}: feed failed:[/red] {outcome.error}", highlight=False)
        return
    if outcome.not_modified:
        out.print(f"{outcome.feed}: not modified", highlight=False)
        return
    out.print(
        f"{outcome.feed}: {outcome.fetched} loaded, {outcome.skipped} skipped, "
        f"{outcome.failed} failed",
        highlight=False,
    )
    for note in outcome.notes:
        out.print(f"  {note}", highlight=False, markup=False)


def _print_json(outcome: PollOutcome) -> None:
    typer.echo(
        WatchPoll(
            feed=outcome.feed,
            fetched=outcome.fetched,
            skipped=outcome.skipped,
            failed=outcome.failed,
            not_modified=outcome.not_modified,
            error=outcome.error,
            notes=list(outcome.notes),
        ).model_dump_json()
    )


def _print_summary(state: WatchState, path: Path) -> None:
    feeds = [
        WatchFeedTotals(
            name=r.name,
            url=r.url,
            fetched=r.fetched,
            skipped=r.skipped,
            failed=r.failed,
            last_error=r.last_error,
        )
        for r in state.feeds()
    ]
    typer.echo(WatchSummary(state=str(path), feeds=feeds).model_dump_json())


def _print_records(state: WatchState) -> None:
    table = Table("feed", "url", "fetched", "skipped", "failed", "last error")
    for r in state.feeds():
        table.add_row(
            r.name, r.url, str(r.fetched), str(r.skipped), str(r.failed), r.last_error or ""
        )
    out.print(table)


def watch(
    config: Annotated[Path, typer.Argument(help="YAML file listing feeds and sitemaps.")],
    once: Annotated[
        bool, typer.Option(help="Poll every feed one time, then exit (for cron).")
    ] = False,
    state: Annotated[
        Path | None,
        typer.Option(
            help="SQLite state file (default: the config's, else WHOMET_HOME/watch.sqlite)."
        ),
    ] = None,
    records: Annotated[
        bool, typer.Option("--records", help="Print what each feed fetched, skipped, failed; exit.")
    ] = False,
    as_json: Annotated[
        bool,
        typer.Option(
            "--json",
            help='JSON lines: one {"event": "poll", ...} per feed polled (feed, fetched, '
            "skipped, failed, not_modified, error, notes), then, after --once or with "
            '--records, one {"event": "summary", ...} with each feed\'s totals.',
        ),
    ] = False,
) -> None:
    """Follow feeds politely; each story is loaded once, across feeds and restarts."""
    logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)
    try:
        cfg = load_config(config)
        settings = get_settings()
    except (WhometError, ValueError) as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(code=2) from exc
    state_path = state or cfg.state or settings.home / "watch.sqlite"
    with WatchState(state_path) as st:
        if records:
            for feed in cfg.feeds:
                st.ensure_feed(feed.name, feed.url)
            _print_summary(st, state_path) if as_json else _print_records(st)
            return
        stop = threading.Event()

        def on_signal(signum: int, frame: FrameType | None) -> None:
            err.print("stopping after the current item", highlight=False)
            stop.set()

        previous = signal.signal(signal.SIGTERM, on_signal)
        previous_int = signal.signal(signal.SIGINT, on_signal)
        try:
            with (
                Graph.connect(settings) as graph,
                PoliteClient(
                    user_agent=cfg.user_agent,
                    per_host_interval_s=cfg.per_host_interval_s,
                    timeout_s=cfg.timeout_s,
                ) as client,
            ):
                apply_schema(graph)
                store = GraphStore(graph)
                watcher = Watcher(cfg, st, store, client, default_extractor())
                (err if as_json else out).print(
                    f"watching {len(cfg.feeds)} feeds; state in {state_path}", highlight=False
                )
                watcher.run(once=once, stop=stop, report=_print_json if as_json else _print)
        except WhometError as exc:
            err.print(f"[red]error:[/red] {exc}", highlight=False)
            raise typer.Exit(code=1) from exc
        finally:
            signal.signal(signal.SIGTERM, previous)
            signal.signal(signal.SIGINT, previous_int)
        if once:
            _print_summary(st, state_path) if as_json else _print_records(st)


def register(app: typer.Typer) -> None:
    app.command("watch")(watch)
