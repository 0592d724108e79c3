"""What the local server is told: neo4j.conf and its JVM command, from Settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.database.neo4j_conf import (
    ENTRY_POINT,
    ServerPaths,
    advertised_host,
    java_major,
    render_conf,
    server_command,
)
from graph.errors import ConfigError
from graph.settings import Settings


def _conf(text: str) -> dict[str, str]:
    conf: dict[str, str] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        key, sep, value = line.partition("=")
        assert sep and key not in conf, f"bad or repeated line: {line!r}"
        conf[key] = value
    return conf


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        home=tmp_path / "h",
        bolt_port=17123,
        http_port=17124,
        heap_size="3g",
        pagecache_size="768m",
        neo4j_password="a-long-password",
    )


def test_conf_from_settings(settings: Settings) -> None:
    paths = ServerPaths.for_settings(settings)
    conf = _conf(render_conf(settings, paths))
    assert conf["server.default_listen_address"] == "127.0.0.1"
    assert conf["server.bolt.listen_address"] == f":{settings.bolt_port}"
    assert conf["server.http.listen_address"] == f":{settings.http_port}"
    assert conf["server.bolt.advertised_address"] == f":{settings.bolt_port}"
    assert conf["server.https.enabled"] == "false"
    assert conf["dbms.usage_report.enabled"] == "false"
    assert "BROWSER" in conf["server.http_enabled_modules"].split(",")
    assert conf["server.memory.heap.max_size"] == settings.heap_size
    assert conf["server.memory.pagecache.size"] == settings.pagecache_size
    assert conf["server.directories.data"] == str(settings.home.resolve() / "neo4j-home" / "data")
    assert conf["server.directories.lib"] == str(paths.lib)
    assert "a-long-password" not in render_conf(settings, paths)


def test_shared_lib_and_extra_lines(settings: Settings, tmp_path: Path) -> None:
    paths = ServerPaths.for_settings(settings, lib=tmp_path / "shared")
    conf = _conf(render_conf(settings, paths, {"dbms.usage_report.enabled": "x", "a.b": "c"}))
    assert conf["server.directories.lib"] == str((tmp_path / "shared").resolve())
    assert conf["dbms.usage_report.enabled"] == "x"
    assert conf["a.b"] == "c"


def test_wildcard_listen_is_advertised_as_localhost(settings: Settings) -> None:
    wide = settings.model_copy(update={"listen_address": "0.0.0.0"})
    conf = _conf(render_conf(wide, ServerPaths.for_settings(wide)))
    assert conf["server.default_listen_address"] == "0.0.0.0"
    assert conf["server.default_advertised_address"] == "localhost"
    assert advertised_host("10.1.2.3") == "10.1.2.3"


@pytest.mark.parametrize("size", ["2 g", "2gb", "-1g", "0g", "lots", ""])
def test_bad_memory_size_refused(settings: Settings, size: str) -> None:
    bad = settings.model_copy(update={"pagecache_size": size})
    with pytest.raises(ConfigError, match="WHOMET_PAGECACHE_SIZE"):
        render_conf(bad, ServerPaths.for_settings(bad))


def test_server_command(settings: Settings) -> None:
    paths = ServerPaths.for_settings(settings)
    command = server_command("/opt/java/bin/java", settings, paths)
    assert command[0] == "/opt/java/bin/java"
    assert f"-Xmx{settings.heap_size}" in command and f"-Xms{settings.heap_size}" in command
    assert "-XX:+UseG1GC" in command and "-XX:+UseSerialGC" not in command

    classpath = command[command.index("-cp") + 1].split(":")
    assert f"{paths.lib}/*" in classpath
    assert command[command.index(ENTRY_POINT) + 1 :] == [
        f"--home-dir={paths.home}",
        f"--config-dir={paths.conf_dir}",
    ]


def test_server_command_serial_gc(settings: Settings) -> None:
    serial = settings.model_copy(update={"neo4j_gc": "serial"})
    command = server_command("java", serial, ServerPaths.for_settings(serial))
    assert "-XX:+UseSerialGC" in command and "-XX:+UseG1GC" not in command


@pytest.mark.parametrize(
    ("output", "major"),
    [
        ('openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment', 17),
        ('openjdk version "21" 2023-09-19', 21),
        ('java version "1.8.0_292"', 8),
        ('openjdk version "11.0.2" 2019-01-15', 11),
    ],
)
def test_java_major(output: str, major: int) -> None:
    assert java_major(output) == major


def test_java_major_garbage() -> None:
    with pytest.raises(ConfigError):
        java_major("command not found")


def test_the_server_enforces_transaction_time_and_memory(settings: Settings) -> None:
    limited = settings.model_copy(
        update={"tx_timeout_s": 45, "tx_memory_max": "300M", "tx_memory_total_max": "2g"}
    )
    conf = _conf(render_conf(limited, ServerPaths.for_settings(limited)))
    assert conf["db.transaction.timeout"] == "45s"
    assert conf["db.memory.transaction.max"] == "300m"
    assert conf["dbms.memory.transaction.total.max"] == "2g"
    # Unset, both stay under the heap (3g here), so the pool, not the heap, runs out first.
    default = _conf(render_conf(settings, ServerPaths.for_settings(settings)))
    assert default["db.memory.transaction.max"] == "1228m"
    assert default["dbms.memory.transaction.total.max"] == "1843m"


@pytest.mark.parametrize("seconds", [0, -5])
def test_a_transaction_timeout_that_would_switch_the_limit_off_is_refused(
    settings: Settings, seconds: int
) -> None:
    with pytest.raises(ConfigError, match="WHOMET_TX_TIMEOUT_S"):
        render_conf(
            settings.model_copy(update={"tx_timeout_s": seconds}),
            ServerPaths.for_settings(settings),
        )
