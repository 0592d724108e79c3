"""Extraction in worker processes gives what extraction in this process gives, in input
order, with unreadable documents as outcomes; the progress bar names the file at hand."""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rich.console import Console

from graph.documents import read_path
from graph.extract import extract
from graph.ingest.extraction_pool import (
    FILES_PER_PROCESS,
    available_cores,
    default_workers,
    extract_documents,
    extract_files,
    processes_for,
)
from graph.progress import file_progress

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "api"


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    out = []
    for n, src in enumerate(sorted(FIXTURES.glob("*.txt"))):
        out.append(tmp_path / src.name)
        shutil.copy(src, out[-1])
        if n == 1:
            out.append(tmp_path / "blank.txt")
            out[-1].write_text(" \n", encoding="utf-8")
    return out


@pytest.mark.long
def test_workers_give_the_same_extractions_in_input_order(files: list[Path]) -> None:
    pooled = list(extract_files(files, workers=2))
    here = list(extract_files(files, workers=1))
    assert [p for p, _ in pooled] == [p for p, _ in here] == files
    for (path, a), (_, b) in zip(pooled, here, strict=True):
        if path.name == "blank.txt":
            assert isinstance(a, str) and a == b and "blank.txt" in a
        else:
            assert not isinstance(a, str) and not isinstance(b, str)
            assert a.model_dump() == b.model_dump()


@pytest.mark.long
def test_workers_extract_documents_already_read(files: list[Path]) -> None:
    docs = [read_path(p) for p in files if p.name != "blank.txt"]
    pooled = list(extract_documents(iter(docs), workers=2))
    assert [d.id for d, _ in pooled] == [d.id for d in docs]
    for doc, outcome in pooled:
        assert not isinstance(outcome, str)
        assert outcome.model_dump() == extract(doc).model_dump()


def test_when_processes_are_started() -> None:
    assert processes_for(files=10, workers=4) == 4
    assert processes_for(files=3, workers=8) == 3
    assert processes_for(files=1, workers=8) == 0  # one file: not worth a process
    assert processes_for(files=10, workers=1) == 0
    assert processes_for(files=10, workers=4, own_code=True) == 0


def test_by_default_a_few_files_start_no_process() -> None:
    """Each worker loads its own model: a load of a few files is cheaper in one process."""
    cores = available_cores()
    assert default_workers(0) == default_workers(FILES_PER_PROCESS - 1) == 1
    assert default_workers(2 * FILES_PER_PROCESS) == min(cores, 2)
    assert default_workers(1000 * FILES_PER_PROCESS) == cores


def test_the_progress_bar_names_the_file_at_hand() -> None:
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=120)
    with file_progress(3, "loading", console=console) as bar:
        bar.start("001_port_talks.txt")
        bar.done()
        bar.start("002_port_pilot.txt")
        assert "002_port_pilot.txt" in screen.getvalue()
        assert "1/3" in screen.getvalue()


PARENT = """
import multiprocessing, sys, time
from pathlib import Path
from graph.ingest.extraction_pool import extract_files

if __name__ == "__main__":
    files = [Path(p) for p in sys.argv[1:]] * 50
    for n, _ in enumerate(extract_files(files, workers=2)):
        if n == 0:
            print(*(c.pid for c in multiprocessing.active_children()), flush=True)
        time.sleep(1)
"""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
@pytest.mark.long
def test_workers_exit_when_their_parent_is_killed(files: list[Path], tmp_path: Path) -> None:
    script = tmp_path / "parent.py"
    script.write_text(PARENT, encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.Popen(
        [sys.executable, str(script), *map(str, files)],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    workers = [int(p) for p in proc.stdout.readline().split()]
    assert workers and all(_alive(p) for p in workers)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    deadline = time.monotonic() + 120  # only ends the wait; they exit within a second or two
    while any(_alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(p) for p in workers)
