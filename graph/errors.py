"""One exception root, so callers (CLI, API) map whomet's failures in one place."""

from __future__ import annotations


class WhometError(Exception):
    """Root of every error whomet raises on purpose."""


class ConfigError(WhometError):
    """Settings are missing or unsafe."""


class DocumentError(WhometError):
    """A document cannot be read: empty, binary, too large, undecodable.

    Raised as one of the subclasses below, so callers tell the cases apart by class
    (the API maps each to an HTTP status) rather than by the words of the message.
    """


class DocumentTooLarge(DocumentError):
    """The file, upload or fetched page is over the size limit."""


class UnsupportedDocument(DocumentError):
    """Not a text document: a binary format, NUL bytes, or text that does not decode."""


class EmptyDocument(DocumentError):
    """No text: empty, whitespace only, or nothing left once headers and chrome are removed."""


class InvalidDocumentId(DocumentError):
    """The id asked for the document is not 1-128 of ``[A-Za-z0-9._:-]``."""


class DocumentSourceError(DocumentError):
    """The file or URL cannot be read: missing, a folder, unreadable, not http(s), HTTP error,
    timeout."""


class DatabaseUnavailable(WhometError):
    """Neo4j cannot be reached; a retry later may succeed."""


class DatabaseBusy(DatabaseUnavailable):
    """Neo4j answered but could not finish the read: it ran out of its transaction time
    (a cold cache after a restart, a load running) or hit a transient error that the
    driver's retries did not outlast. A retry later may succeed."""


class WriteTimedOut(WhometError):
    """Neo4j stopped a write at its time limit, or while it waited for a lock another write
    held: the transaction was rolled back and nothing of it is stored. A retry later may
    succeed. Not :class:`DatabaseUnavailable`: the server answers, so a batch goes on with
    its other documents."""


class QueryRefused(WhometError):
    """A query was refused before it reached the database (writes, admin calls)."""


class NotFound(WhometError):
    """A named entity, document or event does not exist; ``closest`` holds the entities
    whose names come nearest (for a name that was misspelt or shortened)."""

    def __init__(self, message: str, closest: list[dict[str, object]] | None = None) -> None:
        super().__init__(message)
        self.closest = closest or []


class Ambiguous(WhometError):
    """A name matches more than one entity."""

    def __init__(self, message: str, candidates: list[dict[str, object]]) -> None:
        super().__init__(message)
        self.candidates = candidates


class LauncherError(WhometError):
    """The local Neo4j server could not be fetched, started or stopped."""
