"""The tables of ``whomet load`` and ``whomet reextract`` in an 80-column terminal: every
document id printed in full (it is what ``whomet remove`` takes), the rest shortened."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from rich.console import Console

from cli import reextract_cmd, store_cmd
from graph.ingest.loader import LoadSummary
from graph.store.reports import LoadReport

IDS = ["ac0109a0dc2877c2", "2026-03-04-harbor-summit-talks", "d41d8cd98f00b204"]
FOLDER = "/home/analyst/projects/news/archive/2026/march/wire-copy"


def _summary() -> LoadSummary:
    return LoadSummary(
        reports=[
            LoadReport(doc_id=i, status="replaced", nodes_created=12, relationships_created=40)
            for i in IDS
        ],
        sources={i: f"{FOLDER}/{i}.txt" for i in IDS},
    )


@pytest.mark.parametrize(
    "show",
    [store_cmd._print_summary, reextract_cmd._print_report],
    ids=["load", "reextract"],
)
def test_ids_are_never_cut_at_80_columns(
    show: Callable[[LoadSummary], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = io.StringIO()
    console = Console(file=screen, width=80, soft_wrap=True)
    monkeypatch.setattr(store_cmd, "out", console)
    monkeypatch.setattr(reextract_cmd, "out", console)
    show(_summary())
    printed = screen.getvalue()
    assert max(len(line) for line in printed.splitlines() if "│" in line) <= 80, printed
    for doc_id in IDS:
        assert doc_id in printed, printed
    assert FOLDER not in printed  # the file by its name; --json has the full paths
