"""One exception root, so callers (CLI, API) map whomet's failures in one place."""

from __future__ import annotations


class WhometError(Exception):
    """Root of every error whomet raises on purpose."""


class ConfigError(WhometError):
    """Settings are missing or unsafe."""


class DocumentError(WhometError):
    """A document cannot be read: empty, binary, too large, undecodable."""


class DatabaseUnavailable(WhometError):
    """Neo4j cannot be reached; a retry later may succeed."""


class QueryRefused(WhometError):
    """A query was refused before it reached the database (writes, admin calls)."""


class NotFound(WhometError):
    """A named entity, document or event does not exist."""


class Ambiguous(WhometError):
    """A name matches more than one entity."""

    def __init__(self, message: str, candidates: list[dict[str, object]]) -> None:
        super().__init__(message)
        self.candidates = candidates


class LauncherError(WhometError):
    """The local Neo4j server could not be fetched, started or stopped."""
