"""The Dask engine (``whomet[dask]``, installed by ``make setup``) writes what one process
writes: a two-worker LocalCluster on generated articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.ingest.corpus import extract_corpus, process_pool
from graph.ingest.dask_engine import dask_engine
from tests.support.generated import write_generated


@pytest.mark.long
def test_two_dask_workers_write_the_single_process_partitions(tmp_path: Path) -> None:
    write_generated(tmp_path / "articles", 60, seed=11)
    inputs = [str(tmp_path / "articles")]
    single = extract_corpus(inputs, tmp_path / "one", engine=process_pool(1), partition_size=8)
    dask = extract_corpus(
        inputs, tmp_path / "dask", engine=dask_engine(workers=2), partition_size=8
    )
    assert dask.documents == single.documents == 60
    names = sorted(p.name for p in (tmp_path / "one").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "dask").iterdir())
    for name in names:
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "one" / name).read_bytes()
