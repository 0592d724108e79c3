"""The one place that owns the Neo4j driver.

Everything else reads through :meth:`Graph.read` and writes through
:meth:`Graph.write`, so the database name, read routing, retries of transient
errors and the mapping of connection failures to :class:`DatabaseUnavailable`
are decided once.

With a ``neo4j://`` or ``neo4j+s://`` URI (a cluster, Aura) reads go as READ
transactions the driver may send to secondaries, writes to the leader; both use
the driver's one bookmark manager, so a read in this process waits until every
write this process made is visible on the member that serves it (``bolt://``
reaches one server: no bookmarks needed there).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from types import TracebackType
from typing import TYPE_CHECKING, Any, Concatenate, LiteralString, ParamSpec, TypeVar

from neo4j import (
    READ_ACCESS,
    WRITE_ACCESS,
    Driver,
    GraphDatabase,
    ManagedTransaction,
    Neo4jDriver,
    Query,
    Record,
    Session,
)
from neo4j import exceptions as neo4j_errors
from neo4j.spatial import Point
from neo4j.time import Date, DateTime, Duration, Time

from graph.errors import ConfigError, DatabaseBusy, DatabaseUnavailable, WriteTimedOut

if TYPE_CHECKING:  # annotations only: the API's /cypher child imports this module, not settings
    from graph.settings import Settings

P = ParamSpec("P")
R = TypeVar("R")

CONNECTION_TIMEOUT_S = 5.0
MAX_RETRY_TIME_S = 15.0
RETRY_DELAY_S = 1.0  # the driver's first wait before a managed transaction's retry, doubling

BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
_UNREACHABLE = (
    neo4j_errors.ServiceUnavailable,
    neo4j_errors.SessionExpired,
    neo4j_errors.DatabaseUnavailable,
)
# Server codes of a transaction stopped for running out of time (its own ``timeout=`` or
# the server's ``db.transaction.timeout``), whatever class the driver gives them.
_TIMED_OUT_CODES = (
    "Neo.ClientError.Transaction.TransactionTimedOut",
    "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
    "Neo.TransientError.Transaction.TransactionTimedOut",
)
# A write stopped by its time limit: while a statement ran, or while it waited for a lock
# (the server then stops the transaction's lock client).
_WRITE_STOPPED_CODES = (
    *_TIMED_OUT_CODES,
    "Neo.ClientError.Transaction.LockClientStopped",
    "Neo.TransientError.Transaction.LockClientStopped",
)


_PLAIN = (str, int, float, bool, type(None), Date, DateTime, Time, Duration, Point)


class _NotPlain(Exception):
    """A value ``record.data()`` reshapes (a node, a relationship, a path)."""


def _plain(value: Any) -> Any:
    """``Record.data()``'s conversion of one value, with fast paths for the plain types.

    The driver's converter tests every value against the ``typing`` ABCs; answers of
    thousands of nested maps (a busy entity's /met page) spent more time there than in the
    database. Anything else raises :class:`_NotPlain`, and the record goes to the driver's."""
    kind = type(value)
    if kind is dict:
        return {k: _plain(v) for k, v in value.items()}
    if kind is list:
        return [_plain(v) for v in value]
    if kind in _PLAIN or isinstance(value, _PLAIN):
        return value
    raise _NotPlain


def record_data(record: Record) -> dict[str, Any]:
    """``record.data()``, the same dict, faster on plain values (see :func:`_plain`)."""
    try:
        return {key: _plain(value) for key, value in zip(record.keys(), record, strict=True)}
    except _NotPlain:
        return record.data()


def _busy(exc: neo4j_errors.Neo4jError) -> bool:
    """A failure that says "not now" rather than "never": a timeout or a transient error."""
    return isinstance(exc, neo4j_errors.TransientError) or exc.code in _TIMED_OUT_CODES


@contextmanager
def translate_errors(uri: str, *, read: bool = False) -> Iterator[None]:
    """Turn the driver's connection and login failures into whomet's own errors.

    With ``read``, a timed-out or transient failure becomes :class:`DatabaseBusy` too
    (a read has nothing to undo; a write's caller decides for itself what such a failure
    means, so there it stays the driver's error).
    """
    try:
        yield
    except _UNREACHABLE as exc:
        reason = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
        raise DatabaseUnavailable(
            f"Neo4j at {uri} is not reachable ({reason}). Is it running? (`whomet neo4j status`)"
        ) from exc
    except neo4j_errors.AuthError as exc:
        raise ConfigError(
            f"Neo4j at {uri} refused the login; check WHOMET_NEO4J_USER and WHOMET_NEO4J_PASSWORD"
        ) from exc
    except neo4j_errors.Neo4jError as exc:
        if not (read and _busy(exc)):
            raise
        raise DatabaseBusy(
            f"Neo4j at {uri} did not finish in time or was busy ({exc.code}); retry later"
        ) from exc


def open_driver(settings: Settings, *, retry_time_s: float = MAX_RETRY_TIME_S) -> Driver:
    """A driver for ``settings`` (connects lazily; the caller closes it).

    ``retry_time_s`` bounds how long transient failures are retried before they surface.
    """
    scheme = settings.neo4j_uri.partition("://")[0]
    if scheme not in BOLT_SCHEMES:
        raise ConfigError(
            f"WHOMET_NEO4J_URI={settings.neo4j_uri!r} is not a Bolt URI "
            f"(expected one of {', '.join(s + '://' for s in BOLT_SCHEMES)})"
        )
    try:
        return GraphDatabase.driver(
            settings.neo4j_uri,
            auth=(settings.neo4j_user, settings.neo4j_password.get_secret_value()),
            connection_timeout=CONNECTION_TIMEOUT_S,
            max_transaction_retry_time=retry_time_s,
        )
    except (neo4j_errors.ConfigurationError, ValueError) as exc:
        raise ConfigError(f"WHOMET_NEO4J_URI={settings.neo4j_uri!r} is not usable: {exc}") from exc


class Graph:
    """A driver bound to one database: reads are routed as reads, writes are retried."""

    def __init__(
        self,
        driver: Driver,
        database: str,
        uri: str = "",
        *,
        retry_time_s: float = MAX_RETRY_TIME_S,
    ) -> None:
        self.driver = driver
        self.database = database
        self.uri = uri
        self.retry_time_s = retry_time_s

    @classmethod
    def connect(cls, settings: Settings, *, retry_time_s: float = MAX_RETRY_TIME_S) -> Graph:
        driver = open_driver(settings, retry_time_s=retry_time_s)
        return cls(driver, settings.neo4j_database, settings.neo4j_uri, retry_time_s=retry_time_s)

    def verify(self) -> None:
        """Fail now (DatabaseUnavailable / ConfigError) rather than at the first query."""
        with translate_errors(self.uri):
            self.driver.verify_connectivity()

    def read(
        self,
        query: LiteralString,
        params: Mapping[str, Any] | None = None,
        *,
        timeout_s: float | None = None,
    ) -> list[dict[str, Any]]:
        """Run a read-only query; the server refuses it if it tries to write.

        A read that runs out of ``timeout_s`` (or of the server's transaction timeout), or
        meets a transient error the retries (until ``retry_time_s``, as the driver retries a
        managed transaction) did not outlast, raises :class:`DatabaseBusy`. It is sent as an
        auto-commit transaction in a READ session (:meth:`_read_once`): one round trip.
        """
        deadline = time.monotonic() + self.retry_time_s
        delay = RETRY_DELAY_S
        with translate_errors(self.uri, read=True):
            while True:
                try:
                    return self._read_once(query, params, timeout_s)
                except (neo4j_errors.DriverError, neo4j_errors.Neo4jError) as exc:
                    # what execute_query's managed transaction retried, until the same deadline
                    wait = delay * random.uniform(0.8, 1.2)
                    if not exc.is_retryable() or time.monotonic() + wait > deadline:
                        raise
                time.sleep(wait)
                delay *= 2

    def _read_once(
        self, query: LiteralString, params: Mapping[str, Any] | None, timeout_s: float | None
    ) -> list[dict[str, Any]]:
        """One auto-commit read: RUN and PULL of every row (``fetch_size=-1``) in one round
        trip, where a managed transaction (``execute_query``) also sends BEGIN with it and
        COMMIT after it, a second round trip that a read-only statement does not need."""
        with self.session(read=True, fetch_size=-1) as session:
            result = session.run(Query(query, timeout=timeout_s), dict(params or {}))
            return [record_data(record) for record in result]

    def write(
        self,
        work: Callable[Concatenate[ManagedTransaction, P], R],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> R:
        """Run ``work`` in one managed write transaction, retried on transient errors; a
        transaction stopped by its time limit raises :class:`WriteTimedOut`.

        ``work`` may run more than once, so it must only talk to the transaction.
        """
        with translate_errors(self.uri), self.session() as session:
            try:
                return session.execute_write(work, *args, **kwargs)
            except neo4j_errors.Neo4jError as exc:
                if exc.code not in _WRITE_STOPPED_CODES:
                    raise
                raise WriteTimedOut(
                    f"Neo4j at {self.uri} stopped the write at its time limit ({exc.code});"
                    " nothing of it was stored; retry later"
                ) from exc

    def session(self, *, read: bool = False, **options: Any) -> Session:
        """A session on this database; behind a routing URI it shares the bookmarks of
        :meth:`read` and :meth:`write` (read-your-writes across cluster members).

        A direct ``bolt://`` connection reaches one server, where a committed write is
        visible to the next transaction anyway, so no bookmarks are carried there (a
        bookmark kept across a restart of that server made reads wait for it and time out).
        """
        if isinstance(self.driver, Neo4jDriver):
            options["bookmark_manager"] = self.driver.execute_query_bookmark_manager
        return self.driver.session(
            database=self.database,
            default_access_mode=READ_ACCESS if read else WRITE_ACCESS,
            **options,
        )

    def bookmarks(self) -> list[str]:
        """The raw bookmarks of this process's writes behind a routing URI (none on
        ``bolt://``), for a session another process opens (the API's /cypher child) to
        read them."""
        if isinstance(self.driver, Neo4jDriver):
            return sorted(self.driver.execute_query_bookmark_manager.get_bookmarks())
        return []

    def write_query(
        self, query: LiteralString, params: Mapping[str, Any] | None = None
    ) -> list[dict[str, Any]]:
        """One parameterized write statement in its own transaction."""

        def work(tx: ManagedTransaction) -> list[dict[str, Any]]:
            return [record_data(record) for record in tx.run(query, dict(params or {}))]

        return self.write(work)

    def close(self) -> None:
        self.driver.close()

    def __enter__(self) -> Graph:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
