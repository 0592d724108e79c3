"""The launcher's checks that need no server: Java, Maven, the jar marker, free ports."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from graph.database import neo4j_jars
from graph.database.launcher import find_java, port_in_use
from graph.errors import LauncherError


def test_missing_java_is_explained(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(LauncherError, match="Java is not installed"):
        find_java()


def test_old_java_is_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fake = tmp_path / "bin" / "java"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\necho 'openjdk version \"11.0.2\" 2019-01-15' >&2\n")
    fake.chmod(0o755)
    monkeypatch.setenv("JAVA_HOME", str(tmp_path))
    with pytest.raises(LauncherError, match="Java 11"):
        find_java()


def test_missing_maven_is_explained(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(LauncherError, match=r"Maven \(mvn\) is not installed"):
        neo4j_jars.ensure_jars(tmp_path / "lib")
    assert not (tmp_path / "lib").exists()


def test_jar_marker_tracks_the_pom(tmp_path: Path) -> None:
    pom = tmp_path / "pom.xml"
    pom.write_text("<project>one</project>")
    lib = tmp_path / "lib"
    lib.mkdir()
    assert not neo4j_jars.jars_complete(lib, pom)
    (lib / neo4j_jars.MARKER).write_text(neo4j_jars.pom_hash(pom))
    assert neo4j_jars.jars_complete(lib, pom)
    assert neo4j_jars.ensure_jars(lib, pom) is False  # complete: Maven not even looked for
    pom.write_text("<project>two</project>")
    assert not neo4j_jars.jars_complete(lib, pom)


def test_port_in_use() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        assert port_in_use("127.0.0.1", port)
    assert not port_in_use("127.0.0.1", port)
