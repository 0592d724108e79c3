"""A progress bar on stderr for commands that work through many documents, naming the
file at hand (a long load shows where it is, and which file it is stuck on)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)


class FileProgress:
    def __init__(self, bar: Progress, task: TaskID) -> None:
        self._bar, self._task = bar, task

    def start(self, name: str) -> None:
        """Name the document now being handled."""
        self._bar.update(self._task, file=name, refresh=True)

    def done(self) -> None:
        self._bar.advance(self._task)


@contextmanager
def file_progress(
    total: int | None, label: str, enabled: bool = True, console: Console | None = None
) -> Iterator[FileProgress]:
    """A bar over ``total`` documents (``None``: unknown) on stderr, shown only when
    ``enabled`` and there is more than one; it disappears when done, leaving the place to
    the summary."""
    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        TextColumn("{task.fields[file]}"),
        console=console or Console(stderr=True),
        transient=True,
        disable=not enabled or (total is not None and total < 2),
    )
    with bar:
        yield FileProgress(bar, bar.add_task(label, total=total, file=""))
