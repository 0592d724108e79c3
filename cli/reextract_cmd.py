"""``whomet reextract``: run the current extractor over every stored document again and
report, document by document, the facts it added and removed."""

from __future__ import annotations

from typing import Annotated

import typer

from cli.store_cmd import _fail, _graph, out, print_document_table
from graph.errors import WhometError
from graph.ingest.extraction_pool import available_cores
from graph.ingest.loader import LoadSummary
from graph.ingest.reextract import reextract_all
from graph.store.graph_store import GraphStore
from graph.store.reports import LoadDiff, LoadReport


def reextract(
    force: Annotated[
        bool,
        typer.Option(help="Rewrite every document, even those read by the current extractor."),
    ] = False,
    workers: Annotated[
        int | None,
        typer.Option(min=1, max=64, help="Extraction processes (default: all cores)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Extract every stored document again from its stored text, one transaction each.
    Documents last read by another extractor version are replaced and their differences
    listed; the others stay unchanged (unless --force)."""
    with _graph() as graph:
        store = GraphStore(graph)
        try:
            summary = reextract_all(graph, store, workers=workers or available_cores(), force=force)
        except WhometError as exc:
            raise _fail(str(exc)) from exc
    if as_json:
        out.print_json(summary.model_dump_json())
    else:
        _print_report(summary)
    if summary.failures:
        raise typer.Exit(code=1)


def _diff_counts(r: LoadReport) -> list[int]:
    d = r.diff or LoadDiff()
    return [len(x) for x in (d.facts_added, d.facts_removed, d.entities_added, d.entities_removed)]


def _print_report(summary: LoadSummary) -> None:
    def cells(r: LoadReport) -> tuple[str, str]:
        facts_in, facts_out, entities_in, entities_out = _diff_counts(r)
        return f"+{facts_in} -{facts_out}", f"+{entities_in} -{entities_out}"

    print_document_table(summary, ("facts", "entities"), cells)
    counts = ", ".join(f"{n} {status}" for status, n in sorted(summary.by_status().items()))
    added = sum(_diff_counts(r)[0] for r in summary.reports)
    removed = sum(_diff_counts(r)[1] for r in summary.reports)
    processes = summary.workers or 1
    out.print(
        f"{len(summary.reports)} documents re-extracted ({counts or 'none'}), "
        f"{len(summary.failures)} failed; facts +{added} -{removed}; {summary.seconds:.1f} s, "
        f"extraction in {processes} process{'es' if processes > 1 else ''}",
        highlight=False,
    )


def register(app: typer.Typer) -> None:
    app.command("reextract")(reextract)
