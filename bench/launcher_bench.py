"""How long the local Neo4j takes: jar fetch (cold and warm), start until Bolt answers, stop.

Runs its own servers in throwaway folders on free ports, so it never touches
``.whomet/neo4j-home``'s data. A cold fetch uses an empty Maven repository and so
downloads ~140 MB from Maven Central; skip it with ``--no-cold``.

    .venv/bin/python bench/launcher_bench.py [--no-cold] [--starts 3]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from graph.database import neo4j_jars
from graph.database.launcher import LocalNeo4j, free_port
from graph.settings import REPO_ROOT, Settings

SHARED_LIB = REPO_ROOT / ".whomet" / "neo4j-home" / "lib"


def _du(path: Path) -> str:
    done = subprocess.run(["du", "-sh", str(path)], capture_output=True, text=True, check=False)
    return done.stdout.split()[0] if done.returncode == 0 else "?"


def _timed_fetch(lib: Path, maven_repo: Path | None) -> float:
    began = time.monotonic()
    neo4j_jars.ensure_jars(lib, maven_repo=maven_repo)
    return time.monotonic() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-cold", action="store_true", help="skip the cold fetch")
    parser.add_argument("--starts", type=int, default=3, help="restarts to time")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="whomet-bench-") as scratch:
        root = Path(scratch)
        if not args.no_cold:
            cold = _timed_fetch(root / "cold" / "lib", maven_repo=root / "m2")
            print(f"jar fetch, cold (empty Maven repo): {cold:6.1f} s")
        warm = _timed_fetch(root / "warm" / "lib", maven_repo=None)
        print(f"jar fetch, warm (~/.m2 filled):     {warm:6.1f} s")
        print(
            f"jar folder: {_du(root / 'warm' / 'lib')}, "
            f"{len(list((root / 'warm' / 'lib').glob('*.jar')))} jars"
        )
        cached = _timed_fetch(root / "warm" / "lib", maven_repo=None)
        print(f"jar check when complete:            {cached:6.3f} s")

        settings = Settings(
            home=root / "server",
            bolt_port=free_port(),
            http_port=free_port(),
            neo4j_password="bench-password-123",
        )
        server = LocalNeo4j(settings, lib=root / "warm" / "lib")
        starts: list[float] = []
        stops: list[float] = []
        try:
            for attempt in range(args.starts):
                began = time.monotonic()
                status = server.start()
                starts.append(time.monotonic() - began)
                label = "first start (sets password)" if attempt == 0 else "restart"
                print(
                    f"{label:28s} until Bolt answers: {starts[-1]:5.1f} s  "
                    f"(Neo4j {status.version} {status.edition})"
                )
                began = time.monotonic()
                server.stop()
                stops.append(time.monotonic() - began)
        finally:
            server.stop()
        print(
            f"start until Bolt: median {statistics.median(starts):.1f} s; "
            f"stop: median {statistics.median(stops):.1f} s "
            f"(heap {settings.heap_size}, page cache {settings.pagecache_size})"
        )
        print(f"data folder after {args.starts} starts: {_du(server.paths.data)}")
    shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
