"""Extraction on a Dask cluster (the optional ``whomet[dask]`` extra).

Each partition is one task running ``graph.ingest.corpus.run_partition``, the same
function the local process pool runs, so the files are byte for byte the same.
Workers are long-lived processes: a model the extractor loads is loaded once per
worker, not once per document. On a real cluster ``out_dir`` must be a folder every
worker sees (a shared filesystem); with no scheduler address a ``LocalCluster`` of
``workers`` processes runs on this machine.
"""

from __future__ import annotations

from collections.abc import Iterable

from graph.errors import ConfigError
from graph.ingest.corpus import Engine, Partition, PartitionResult, run_partition


def dask_engine(*, scheduler: str | None = None, workers: int = 2) -> Engine:
    """An engine for ``extract_corpus`` that runs partitions as Dask tasks."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise ConfigError(
            "the Dask engine needs the optional extra: pip install 'whomet[dask]'"
        ) from exc

    def run(parts: list[Partition], out_dir: str) -> Iterable[PartitionResult]:
        if not parts:
            return []
        if scheduler:
            client = Client(scheduler)
            cluster = None
        else:
            cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                host="127.0.0.1",
            )
            client = Client(cluster)
        try:
            futures = client.map(run_partition, parts, out_dir=out_dir, pure=False)
            results: list[PartitionResult] = client.gather(futures)
            return results
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    return run
