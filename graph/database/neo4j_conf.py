"""The folders, ``neo4j.conf`` and JVM command of the local Neo4j server, as pure functions.

Kept apart from the launcher so that what the server is told can be unit-tested
without Java. The server is started straight through its entry point (one JVM, so
its pid is the pid we hold); heap flags therefore come from here, not from the
``neo4j`` shell script the tarball would ship.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from graph.errors import ConfigError
from graph.settings import Settings

ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
ADMIN_TOOL = "org.neo4j.cli.AdminTool"
MIN_JAVA = 17

_SIZE = re.compile(r"^[1-9][0-9]*[kmg]$", re.IGNORECASE)
_JAVA_VERSION = re.compile(r'version "(\d+)(?:\.(\d+))?')

# The collector flag per ``Settings.neo4j_gc``; G1 is what Neo4j ships.
GC_FLAGS: dict[str, str] = {"g1": "-XX:+UseG1GC", "serial": "-XX:+UseSerialGC"}

# The other flags Neo4j 5.26 ships in its own neo4j.conf (server.jvm.additional).
JVM_FLAGS: tuple[str, ...] = (
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dfile.encoding=UTF-8",
)


@dataclass(frozen=True)
class ServerPaths:
    """Where one local server keeps everything; ``lib`` may be shared between servers."""

    home: Path
    lib: Path

    @classmethod
    def for_settings(cls, settings: Settings, lib: Path | None = None) -> ServerPaths:
        home = settings.home.expanduser().resolve() / "neo4j-home"
        return cls(home=home, lib=(lib or home / "lib").expanduser().resolve())

    @property
    def conf_dir(self) -> Path:
        return self.home / "conf"

    @property
    def conf_file(self) -> Path:
        return self.conf_dir / "neo4j.conf"

    @property
    def data(self) -> Path:
        return self.home / "data"

    @property
    def logs(self) -> Path:
        return self.home / "logs"

    @property
    def run(self) -> Path:
        return self.home / "run"

    @property
    def plugins(self) -> Path:
        return self.home / "plugins"

    @property
    def imports(self) -> Path:
        return self.home / "import"

    @property
    def pid_file(self) -> Path:
        return self.run / "neo4j.pid"

    @property
    def server_log(self) -> Path:
        return self.logs / "neo4j.log"

    @property
    def console_log(self) -> Path:
        """The JVM's own stdout/stderr (errors before Neo4j's logging is up)."""
        return self.logs / "console.log"

    @property
    def system_db(self) -> Path:
        """Exists once the server has started at least once."""
        return self.data / "databases" / "system"

    def folders(self) -> tuple[Path, ...]:
        return (self.conf_dir, self.data, self.logs, self.run, self.plugins, self.imports)


def check_size(name: str, value: str) -> str:
    """A memory size as Neo4j and the JVM both read it (``512m``, ``2g``)."""
    if not _SIZE.match(value):
        raise ConfigError(f"{name}={value!r} is not a size like 512m or 2g")
    return value.lower()


def share_of(size: str, percent: int) -> str:
    """``percent`` of a size like ``2g``, in megabytes: a limit that stays under the heap."""
    units = {"k": 1 / 1024, "m": 1, "g": 1024}
    megabytes = int(size[:-1]) * units[size[-1].lower()]
    return f"{max(1, int(megabytes * percent / 100))}m"


def check_timeout(seconds: int) -> int:
    """A transaction timeout in whole seconds; 0 would switch the server's limit off."""
    if seconds <= 0:
        raise ConfigError(f"WHOMET_TX_TIMEOUT_S={seconds} must be a positive number of seconds")
    return seconds


def advertised_host(listen_address: str) -> str:
    """The host clients (and the Browser) are told to use: a wildcard bind is not reachable."""
    return "localhost" if listen_address in ("0.0.0.0", "::", "") else listen_address


def render_conf(
    settings: Settings, paths: ServerPaths, extra: Mapping[str, str] | None = None
) -> str:
    """The text of ``neo4j.conf`` for ``settings``; ``extra`` adds or overrides lines."""
    heap = check_size("WHOMET_HEAP_SIZE", settings.heap_size)
    pagecache = check_size("WHOMET_PAGECACHE_SIZE", settings.pagecache_size)
    entries: dict[str, str] = {
        "server.directories.data": str(paths.data),
        "server.directories.logs": str(paths.logs),
        "server.directories.run": str(paths.run),
        "server.directories.plugins": str(paths.plugins),
        "server.directories.import": str(paths.imports),
        "server.directories.lib": str(paths.lib),
        "server.default_listen_address": settings.listen_address,
        "server.default_advertised_address": advertised_host(settings.listen_address),
        "server.bolt.enabled": "true",
        "server.bolt.listen_address": f":{settings.bolt_port}",
        "server.bolt.advertised_address": f":{settings.bolt_port}",
        "server.http.enabled": "true",
        "server.http.listen_address": f":{settings.http_port}",
        "server.http.advertised_address": f":{settings.http_port}",
        "server.https.enabled": "false",
        "server.http_enabled_modules": "TRANSACTIONAL_ENDPOINTS,UNMANAGED_EXTENSIONS,"
        "BROWSER,QUERY_API_ENDPOINTS",
        "dbms.security.auth_enabled": "true",
        "dbms.usage_report.enabled": "false",
        "initial.dbms.default_database": settings.neo4j_database,
        "server.memory.heap.initial_size": heap,
        "server.memory.heap.max_size": heap,
        "server.memory.pagecache.size": pagecache,
        # The server stops what runs too long or holds too much, whoever sent it.
        "db.transaction.timeout": f"{check_timeout(settings.tx_timeout_s)}s",
        "db.memory.transaction.max": check_size(
            "WHOMET_TX_MEMORY_MAX", settings.tx_memory_max or share_of(heap, 40)
        ),
        "dbms.memory.transaction.total.max": check_size(
            "WHOMET_TX_MEMORY_TOTAL_MAX", settings.tx_memory_total_max or share_of(heap, 60)
        ),
        # Bolt waits 5 s twice for idle connections on shutdown; a local server need not.
        "internal.server.bolt.thread_pool_shutdown_wait_time": "1s",
        "internal.server.bolt.connection_shutdown_wait_time": "1s",
    }
    entries.update(extra or {})
    lines = [
        "# Written by whomet (graph/database/neo4j_conf.py) on every start; edit Settings instead.",
        *(f"{key}={value}" for key, value in entries.items()),
    ]
    return "\n".join(lines) + "\n"


def server_command(java: str, settings: Settings, paths: ServerPaths) -> list[str]:
    """The JVM command that runs the server in the foreground of its own process."""
    heap = check_size("WHOMET_HEAP_SIZE", settings.heap_size)
    classpath = f"{paths.plugins}/*:{paths.conf_dir}/*:{paths.lib}/*"
    return [
        java,
        f"-Xms{heap}",
        f"-Xmx{heap}",
        GC_FLAGS[settings.neo4j_gc],
        *JVM_FLAGS,
        "-cp",
        classpath,
        ENTRY_POINT,
        f"--home-dir={paths.home}",
        f"--config-dir={paths.conf_dir}",
    ]


def admin_command(java: str, paths: ServerPaths, *args: str) -> list[str]:
    """``neo4j-admin`` without its shell script (needs NEO4J_HOME and NEO4J_CONF set)."""
    return [java, "-cp", f"{paths.lib}/*", ADMIN_TOOL, *args]


def java_major(version_output: str) -> int:
    """The major version from ``java -version`` output (``1.8`` counts as 8)."""
    match = _JAVA_VERSION.search(version_output)
    if not match:
        raise ConfigError(f"cannot read a Java version from: {version_output.strip()[:200]!r}")
    major = int(match.group(1))
    if major == 1 and match.group(2):
        major = int(match.group(2))
    return major
