"""A tiny HTTP server on 127.0.0.1 whose pages a test sets and changes while it runs."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Page:
    body: bytes
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    etag: str | None = None
    delay_s: float = 0.0


@dataclass
class FeedServer:
    """``pages[path]`` answers GET path; a missing path is a 404. Requests are logged."""

    pages: dict[str, Page] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    times: list[tuple[str, float]] = field(default_factory=list)

    def __post_init__(self) -> None:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                server.requests.append((self.path, dict(self.headers.items())))
                server.times.append((self.path, time.monotonic()))
                page = server.pages.get(self.path)
                if page is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if page.etag and self.headers.get("If-None-Match") == page.etag:
                    self.send_response(304)
                    self.send_header("ETag", page.etag)
                    self.end_headers()
                    return
                if page.delay_s:
                    time.sleep(page.delay_s)
                self.send_response(page.status)
                self.send_header("Content-Type", page.content_type)
                self.send_header("Content-Length", str(len(page.body)))
                if page.etag:
                    self.send_header("ETag", page.etag)
                self.end_headers()
                self.wfile.write(page.body)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def base(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> list[dict[str, str]]:
        return [h for p, h in self.requests if p == path]

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def rss(items: list[tuple[str, str, str]], title: str = "A feed") -> bytes:
    """An RSS 2.0 body of (url, title, RFC 822 date) items."""
    entries = "".join(
        f"<item><title>{t}</title><link>{u}</link><pubDate>{d}</pubDate></item>"
        for u, t, d in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>http://127.0.0.1/</link><description>x</description>"
        f"{entries}</channel></rss>"
    ).encode()


def article_html(title: str, body: str) -> bytes:
    return (
        f"<!doctype html><html><head><title>{title}</title></head><body>"
        f"<article><h1>{title}</h1>{''.join(f'<p>{p}</p>' for p in body.split(chr(10)))}"
        "</article></body></html>"
    ).encode()
