"""Run a local Neo4j 5.26 Community server from Maven Central jars, without Docker.

One JVM runs the server's entry point in its own session (it outlives the CLI
that started it); its pid goes to ``run/neo4j.pid``, and ``stop`` ends exactly
that process: SIGTERM for a clean shutdown, SIGKILL only if it hangs.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from neo4j import GraphDatabase
from neo4j import exceptions as neo4j_errors

from graph.database import neo4j_jars
from graph.database.cypher import query
from graph.database.db import Graph
from graph.database.neo4j_conf import (
    ENTRY_POINT,
    MIN_JAVA,
    ServerPaths,
    admin_command,
    advertised_host,
    java_major,
    render_conf,
    server_command,
)
from graph.errors import ConfigError, DatabaseUnavailable, LauncherError
from graph.settings import Settings

STOP_TIMEOUT_S = 60.0
KILL_WAIT_S = 10.0
POLL_S = 0.25
STATUS_RETRY_S = 2.0
LOG_TAIL_LINES = 30

# Servers started by this process, kept so they can be reaped (no zombies) on stop.
_CHILDREN: dict[int, subprocess.Popen[bytes]] = {}


@dataclass(frozen=True)
class ServerStatus:
    """What ``whomet neo4j status`` reports."""

    running: bool
    pid: int | None
    bolt_uri: str
    http_uri: str
    version: str | None = None
    edition: str | None = None

    @property
    def browser_uri(self) -> str:
        return f"{self.http_uri}/browser/"

    def describe(self) -> str:
        if not self.running:
            return "Neo4j is not running."
        server = (
            f"Neo4j {self.version} {self.edition}"
            if self.version
            else "Neo4j (not answering on Bolt yet)"
        )
        return (
            f"{server} is running (pid {self.pid}).\n"
            f"  Bolt:    {self.bolt_uri}\n"
            f"  Browser: {self.browser_uri}"
        )


def find_java() -> str:
    """``$JAVA_HOME/bin/java`` or ``java`` on PATH, checked to be Java 17 or newer."""
    java_home = os.environ.get("JAVA_HOME")
    candidate = Path(java_home) / "bin" / "java" if java_home else None
    java = str(candidate) if candidate and candidate.is_file() else shutil.which("java")
    if java is None:
        raise LauncherError(
            f"Java is not installed; Neo4j 5.26 needs Java {MIN_JAVA} or 21. Install it "
            "(Debian/Ubuntu: apt-get install openjdk-17-jre-headless) or use Docker "
            "(docker compose up neo4j)."
        )
    done = subprocess.run([java, "-version"], capture_output=True, text=True, check=False)
    try:
        major = java_major(done.stderr + done.stdout)
    except ConfigError as exc:
        raise LauncherError(f"{java} does not look like a Java runtime: {exc}") from exc
    if major < MIN_JAVA:
        raise LauncherError(f"{java} is Java {major}; Neo4j 5.26 needs Java {MIN_JAVA} or 21")
    return java


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nothing listens on right now, picked by the OS (for throwaway servers)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        port: int = probe.getsockname()[1]
        return port


def port_in_use(host: str, port: int) -> bool:
    """True when something already listens on ``host:port`` (a TIME_WAIT leftover is fine)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return True
    return False


def _is_child_exited(pid: int) -> bool:
    """Reap ``pid`` if it is our exited child; True when it was."""
    child = _CHILDREN.get(pid)
    if child is not None:
        if child.poll() is None:
            return False
        del _CHILDREN[pid]
        return True
    try:
        reaped, _ = os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:  # not our child: its own parent reaps it
        return False
    return reaped == pid


def tail(path: Path, lines: int = LOG_TAIL_LINES) -> str:
    if not path.is_file():
        return ""
    text = path.read_text(encoding="utf-8", errors="replace")
    return "\n".join(text.strip().splitlines()[-lines:])


class LocalNeo4j:
    """One local server: its folder, ports and password all come from ``settings``.

    ``lib`` lets several servers (tests) share one jar folder; ``extra_conf`` adds
    or overrides ``neo4j.conf`` lines.
    """

    def __init__(
        self,
        settings: Settings,
        *,
        lib: Path | None = None,
        extra_conf: Mapping[str, str] | None = None,
    ) -> None:
        self.settings = settings
        self.paths = ServerPaths.for_settings(settings, lib)
        self.extra_conf = dict(extra_conf or {})

    # -- addresses ---------------------------------------------------------------------------
    @cached_property
    def host(self) -> str:
        host = advertised_host(self.settings.listen_address)
        return "127.0.0.1" if host == "localhost" else host

    @property
    def bolt_uri(self) -> str:
        return f"bolt://{self.host}:{self.settings.bolt_port}"

    @property
    def http_uri(self) -> str:
        return f"http://{self.host}:{self.settings.http_port}"

    # -- jars and files ----------------------------------------------------------------------
    def ensure_jars(self, maven_repo: Path | None = None) -> bool:
        """Fetch the jars unless the lib folder already holds this pom's; True when fetched."""
        return neo4j_jars.ensure_jars(self.paths.lib, maven_repo=maven_repo)

    def write_conf(self) -> Path:
        for folder in self.paths.folders():
            folder.mkdir(parents=True, exist_ok=True)
        self.paths.conf_file.write_text(
            render_conf(self.settings, self.paths, self.extra_conf), encoding="utf-8"
        )
        return self.paths.conf_file

    def _env(self) -> dict[str, str]:
        env = dict(os.environ)
        env["NEO4J_HOME"] = str(self.paths.home)
        env["NEO4J_CONF"] = str(self.paths.conf_dir)
        return env

    def _set_initial_password(self, java: str) -> None:
        """Only takes effect before the first start, which is when we call it."""
        command = admin_command(
            java,
            self.paths,
            "dbms",
            "set-initial-password",
            self.settings.neo4j_password.get_secret_value(),
        )
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            env=self._env(),
            cwd=self.paths.home,
            check=False,
            timeout=120,
        )
        if done.returncode != 0:
            output = (done.stdout + done.stderr).strip()
            raise LauncherError(f"setting Neo4j's initial password failed:\n{output[-2000:]}")

    # -- process -----------------------------------------------------------------------------
    def pid(self) -> int | None:
        """The pid of this folder's running server, or None (a stale pid file is removed)."""
        try:
            pid = int(self.paths.pid_file.read_text(encoding="utf-8").strip())
        except (FileNotFoundError, ValueError):
            return None
        if self._is_our_server(pid):
            return pid
        self.paths.pid_file.unlink(missing_ok=True)
        return None

    def _is_our_server(self, pid: int) -> bool:
        if _is_child_exited(pid):
            return False
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            return False
        home = f"--home-dir={self.paths.home}".encode()
        return ENTRY_POINT.encode() in cmdline and home in cmdline

    def is_running(self) -> bool:
        return self.pid() is not None

    def log_tail(self) -> str:
        """The end of the server's logs, for error messages."""
        parts = []
        for path in (self.paths.console_log, self.paths.server_log):
            text = tail(path)
            if text:
                parts.append(f"--- {path} (last lines) ---\n{text}")
        return "\n".join(parts) or f"(no log written under {self.paths.logs})"

    def start(self) -> ServerStatus:
        """Start the server (or find it running) and return once Bolt answers."""
        if self.is_running():
            return self.status()
        java = find_java()
        self.ensure_jars()
        for name, port in (("bolt", self.settings.bolt_port), ("http", self.settings.http_port)):
            if port_in_use(self.settings.listen_address, port):
                raise LauncherError(
                    f"port {port} on {self.settings.listen_address} ({name}) is already in use "
                    f"by another program. Stop it, or pick another port with "
                    f"WHOMET_{name.upper()}_PORT."
                )
        self.write_conf()
        if not self.paths.system_db.exists():
            self._set_initial_password(java)
        with self.paths.console_log.open("wb") as console:
            child = subprocess.Popen(
                server_command(java, self.settings, self.paths),
                stdin=subprocess.DEVNULL,
                stdout=console,
                stderr=subprocess.STDOUT,
                cwd=self.paths.home,
                env=self._env(),
                start_new_session=True,  # not killed with the terminal or CLI that started it
            )
        _CHILDREN[child.pid] = child
        tmp = self.paths.pid_file.with_suffix(".tmp")
        tmp.write_text(f"{child.pid}\n", encoding="utf-8")
        tmp.replace(self.paths.pid_file)
        return self._wait_until_ready(child)

    def _wait_until_ready(self, child: subprocess.Popen[bytes]) -> ServerStatus:
        deadline = time.monotonic() + self.settings.start_timeout_s
        auth = (self.settings.neo4j_user, self.settings.neo4j_password.get_secret_value())
        while True:
            if child.poll() is not None:  # (its cmdline may not show the JVM yet: poll instead)
                _CHILDREN.pop(child.pid, None)
                self.paths.pid_file.unlink(missing_ok=True)
                raise LauncherError(
                    f"Neo4j exited while starting (exit code {child.returncode}).\n"
                    f"{self.log_tail()}"
                )
            try:
                with GraphDatabase.driver(self.bolt_uri, auth=auth, connection_timeout=2) as drv:
                    drv.verify_connectivity()
                status = self.status()
                if status.version is not None:
                    return status
            except neo4j_errors.AuthError as exc:
                raise LauncherError(
                    f"Neo4j is running at {self.bolt_uri} but refused WHOMET_NEO4J_PASSWORD. "
                    f"The password was fixed when {self.paths.data} was first used: set that "
                    f"one, or stop the server and delete {self.paths.home} to start afresh "
                    "(this deletes the graph)."
                ) from exc
            except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired, OSError):
                pass
            if time.monotonic() > deadline:
                log = self.log_tail()
                self.stop()
                raise LauncherError(
                    f"Neo4j did not answer on {self.bolt_uri} within "
                    f"{self.settings.start_timeout_s:.0f} s; stopped it.\n{log}"
                )
            time.sleep(POLL_S)

    def status(self) -> ServerStatus:
        """Running or not; when Bolt answers, the server's version and edition."""
        pid = self.pid()
        if pid is None:
            return ServerStatus(False, None, self.bolt_uri, self.http_uri)
        version = edition = None
        settings = self.settings.model_copy(update={"neo4j_uri": self.bolt_uri})
        try:
            with Graph.connect(settings, retry_time_s=STATUS_RETRY_S) as graph:
                rows = graph.read(query("server/components"))
        except (DatabaseUnavailable, ConfigError, neo4j_errors.Neo4jError):
            rows = []
        for row in rows:
            if row["name"] == "Neo4j Kernel":
                version, edition = str(row["version"]), str(row["edition"])
        return ServerStatus(True, pid, self.bolt_uri, self.http_uri, version, edition)

    def stop(self, timeout_s: float = STOP_TIMEOUT_S) -> bool:
        """Stop this folder's server: SIGTERM, wait, SIGKILL. False when none was running."""
        pid = self.pid()
        if pid is None:
            return False
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
        if not self._wait_gone(pid, timeout_s):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            if not self._wait_gone(pid, KILL_WAIT_S):
                raise LauncherError(f"Neo4j (pid {pid}) did not exit even after SIGKILL")
        self.paths.pid_file.unlink(missing_ok=True)
        return True

    def _wait_gone(self, pid: int, timeout_s: float) -> bool:
        deadline = time.monotonic() + timeout_s
        while self._is_our_server(pid):
            if time.monotonic() > deadline:
                return False
            time.sleep(POLL_S)
        return True
