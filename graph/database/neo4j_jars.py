"""Fetch Neo4j's jars from Maven Central with Maven, once per version of ``dbserver/pom.xml``.

The jars land in a ``.partial`` folder first and replace ``lib`` only when Maven
succeeded, so an interrupted fetch never leaves a half-filled lib that looks
complete. A marker file holds the pom's hash: a changed pom means a new fetch.
"""

from __future__ import annotations

import fcntl
import hashlib
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from graph.errors import LauncherError
from graph.settings import REPO_ROOT

POM = REPO_ROOT / "dbserver" / "pom.xml"
MARKER = ".whomet-jars"
DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy-dependencies"
FETCH_TIMEOUT_S = 900.0


def pom_hash(pom: Path = POM) -> str:
    return hashlib.sha256(pom.read_bytes()).hexdigest()


def jars_complete(lib: Path, pom: Path = POM) -> bool:
    """True when ``lib`` was filled from this very pom."""
    marker = lib / MARKER
    return marker.is_file() and marker.read_text(encoding="utf-8").strip() == pom_hash(pom)


@contextmanager
def _locked(lock_file: Path) -> Iterator[None]:
    """Serialize fetches: parallel test runs share one lib folder."""
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    with lock_file.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def find_maven() -> str:
    mvn = shutil.which("mvn")
    if mvn is None:
        raise LauncherError(
            "Maven (mvn) is not installed; it fetches Neo4j's jars the first time. "
            "Install it (Debian/Ubuntu: apt-get install maven) or run Neo4j with "
            "Docker instead (docker compose up neo4j)."
        )
    return mvn


def ensure_jars(lib: Path, pom: Path = POM, maven_repo: Path | None = None) -> bool:
    """Fill ``lib`` with the server's runtime jars unless it already holds them.

    Returns True when it fetched. ``maven_repo`` overrides Maven's local repository
    (used to measure a cold fetch).
    """
    lib = lib.resolve()
    if jars_complete(lib, pom):
        return False
    with _locked(lib.parent / f".{lib.name}.lock"):
        if jars_complete(lib, pom):  # another process fetched while we waited
            return False
        mvn = find_maven()
        partial = lib.with_name(lib.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        command = [
            mvn,
            "-B",
            "-q",
            "-f",
            str(pom),
            DEPENDENCY_PLUGIN,
            "-DincludeScope=runtime",
            f"-DoutputDirectory={partial}",
        ]
        if maven_repo is not None:
            command.append(f"-Dmaven.repo.local={maven_repo}")
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=FETCH_TIMEOUT_S, check=False
            )
        except subprocess.TimeoutExpired as exc:
            raise LauncherError(
                f"Maven did not finish fetching Neo4j's jars in {FETCH_TIMEOUT_S:.0f} s"
            ) from exc
        if done.returncode != 0:
            tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-20:])
            raise LauncherError(
                f"Maven failed to fetch Neo4j's jars (exit {done.returncode}):\n{tail}"
            )
        jars = sorted(p.name for p in partial.glob("*.jar"))
        if not any(name.startswith("neo4j-5.") for name in jars):
            raise LauncherError(f"Maven ran but {partial} holds no neo4j server jar")
        (partial / MARKER).write_text(pom_hash(pom) + "\n", encoding="utf-8")
        shutil.rmtree(lib, ignore_errors=True)
        partial.rename(lib)
        return True
