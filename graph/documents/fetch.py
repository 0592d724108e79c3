"""Fetch an article over http(s) with a timeout and a size cap."""

from __future__ import annotations

import httpx

from graph.errors import DocumentSourceError, DocumentTooLarge

DEFAULT_TIMEOUT_S = 15.0
DEFAULT_MAX_BYTES = 5_000_000


def fetch_url(
    url: str, timeout_s: float = DEFAULT_TIMEOUT_S, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[bytes, str]:
    """Return the body bytes and content type; refuse non-http URLs and oversized pages."""
    if not url.lower().startswith(("http://", "https://")):
        raise DocumentSourceError(f"{url}: only http(s) URLs can be fetched")
    chunks: list[bytes] = []
    size = 0
    try:
        with (
            httpx.Client(timeout=timeout_s, follow_redirects=True, max_redirects=5) as client,
            client.stream("GET", url, headers={"User-Agent": "whomet/0.1"}) as resp,
        ):
            if resp.status_code >= 400:
                raise DocumentSourceError(f"{url}: HTTP {resp.status_code}")
            declared = resp.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise DocumentTooLarge(
                    f"{url}: page is {declared} bytes, over the {max_bytes} limit"
                )
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise DocumentTooLarge(f"{url}: page is over the {max_bytes}-byte limit")
                chunks.append(chunk)
            ctype = resp.headers.get("content-type", "")
    except httpx.TimeoutException:
        raise DocumentSourceError(f"{url}: timed out after {timeout_s}s") from None
    except httpx.HTTPError as exc:
        raise DocumentSourceError(f"{url}: cannot fetch: {exc}") from None
    return b"".join(chunks), ctype
