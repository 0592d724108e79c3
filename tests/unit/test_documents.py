"""Reading documents: formats, metadata, refusals and chrome removal (no database)."""

from __future__ import annotations

import codecs
import datetime as dt
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.documents import make_document, read_bytes, read_path, read_url
from graph.errors import DocumentError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

ARTICLE = (
    "Veltra Bank and the Coastal Audit Office held talks on Monday about new reporting rules.\n\n"
    "The talks were described as constructive by both sides."
)


def test_plain_text_first_line_is_title_when_no_metadata() -> None:
    doc = read_bytes(b"Bank regulator meets lenders\n\n" + ARTICLE.encode(), "a.txt")
    assert doc.meta.title == "Bank regulator meets lenders"
    assert doc.text.startswith("Veltra Bank and the Coastal Audit Office")
    assert doc.id == doc.content_hash[:16]


def test_key_value_header_is_metadata_and_unknown_keys_are_kept() -> None:
    raw = f"DATE: 2026-05-27\nTitle: Talks\nURL: https://x.test/a\nDesk: Economy\n\n{ARTICLE}"
    doc = read_bytes(raw, "a.txt")
    assert doc.meta.published == dt.date(2026, 5, 27)
    assert doc.meta.title == "Talks"
    assert doc.meta.url == "https://x.test/a"
    assert doc.meta.extra == {"desk": "Economy"}
    assert "DATE:" not in doc.text


def test_yaml_front_matter_markdown() -> None:
    doc = read_path(FIXTURES / "market_note.md")
    assert (doc.meta.title, doc.meta.author, doc.meta.published) == (
        "Grid stocks rise on storage subsidy",
        "Dana Whitfield",
        dt.date(2025, 11, 3),
    )
    assert not doc.text.startswith("#")
    assert doc.text.startswith("Shares of Voltaris Energy")


def test_impossible_date_is_ignored_and_raw_kept() -> None:
    doc = read_bytes(f"Date: 2026-02-30\nTitle: T\n\n{ARTICLE}", "a.txt")
    assert doc.meta.published is None
    assert doc.meta.extra["date_raw"] == "2026-02-30"


def test_unknown_date_is_none() -> None:
    doc = read_bytes(f"DATE: unknown\nTITLE: T\n\n{ARTICLE}", "a.txt")
    assert doc.meta.published is None


def test_given_id_and_stable_hash() -> None:
    a = read_bytes(ARTICLE, "a.txt", doc_id="report-7")
    b = read_bytes(ARTICLE, "a.txt", doc_id="report-7")
    c = read_bytes(ARTICLE + " More.", "a.txt", doc_id="report-7")
    assert a.id == "report-7"
    assert a.content_hash == b.content_hash != c.content_hash


def test_metadata_argument_fills_meta() -> None:
    doc = read_bytes(ARTICLE, metadata={"title": "Given", "source": "Wire", "date": "2025-01-02"})
    assert (doc.meta.title, doc.meta.source, doc.meta.published) == (
        "Given",
        "Wire",
        dt.date(2025, 1, 2),
    )


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \n\t\n",
        b"\x89PNG\r\n\x1a\n\x00\x00",
        b"PK\x03\x04rest-of-zip",
        b"text with a \x00 NUL byte",
        b"\xff\xfe\xfa invalid",
        b"\xc3\x28 broken utf-8",
    ],
)
def test_refuses_empty_binary_and_undecodable(data: bytes) -> None:
    with pytest.raises(DocumentError):
        read_bytes(data, "upload.txt")


def test_utf8_bom_and_utf16_bom_are_read() -> None:
    text = "Kessler Bank met the Ørsund Council on Tuesday to discuss fees."
    for data in (codecs.BOM_UTF8 + text.encode(), codecs.BOM_UTF16_LE + text.encode("utf-16-le")):
        doc = read_bytes(data, "a.txt")
        assert doc.text == text


def test_refuses_invalid_id() -> None:
    with pytest.raises(DocumentError):
        read_bytes(ARTICLE, doc_id="../etc/passwd")


def test_footer_chrome_ends_the_body() -> None:
    doc = read_path(FIXTURES / "harbor_summit.txt")
    assert doc.boilerplate_starts_at == "Subscribe to the Coastal Ledger morning brief"
    assert "Related stories" not in doc.text
    assert "All rights reserved" not in doc.text
    assert doc.text.rstrip().endswith("the authority said.")
    assert doc.meta.extra == {"region": "north"}
    assert doc.meta.source == "Coastal Ledger"


def test_header_chrome_byline_and_credits_are_cut() -> None:
    raw = (
        "Ministers agree on cable protection\n\n"
        "World|\n|\nBy Lena Vogt\n||\nPhoto: Sea Images\n\n"
        "The Ministry of Ports met the Tarnow Cable Group on Friday to agree on patrols.\n\n"
        "NEWSLETTER\nDaily briefing\nSign up today\n\nMore stories you may like."
    )
    doc = read_bytes(raw, "a.txt")
    assert doc.meta.author == "Lena Vogt"
    assert (
        doc.text
        == "The Ministry of Ports met the Tarnow Cable Group on Friday to agree on patrols."
    )
    assert doc.boilerplate_starts_at == "NEWSLETTER"


def test_short_subheading_inside_body_is_kept() -> None:
    raw = (
        "Title line\n\nFirst paragraph of the story ends here with a period.\n\n"
        "Background\n\nSecond paragraph also ends with a full stop."
    )
    doc = read_bytes(raw, "a.txt")
    assert "Background" in doc.text
    assert doc.boilerplate_starts_at is None


def test_html_file_main_text_and_metadata() -> None:
    doc = read_path(FIXTURES / "page.html")
    assert doc.meta.title == "Regulator meets telecom carriers"
    assert doc.meta.published == dt.date(2026, 2, 18)
    assert "Spectrum Oversight Commission met executives" in doc.text
    assert "Related articles" not in doc.text
    assert "Copyright" not in doc.text


class _Handler(http.server.BaseHTTPRequestHandler):
    pages: dict[str, tuple[int, str, bytes]] = {}

    def do_GET(self) -> None:  # noqa: N802 (http.server API)
        status, ctype, body = self.pages.get(self.path, (404, "text/plain", b"missing"))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        return


@pytest.fixture()
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_url_fetch_reads_html(server: str) -> None:
    _Handler.pages = {"/story": (200, "text/html", (FIXTURES / "page.html").read_bytes())}
    doc = read_url(server + "/story")
    assert doc.meta.url is not None
    assert "Talvik Mobile" in doc.text


def test_url_errors_are_document_errors(server: str) -> None:
    _Handler.pages = {"/big": (200, "text/plain", b"x" * 5000)}
    with pytest.raises(DocumentError, match="404"):
        read_url(server + "/nothing")
    with pytest.raises(DocumentError, match="limit"):
        read_url(server + "/big", max_bytes=1000)
    with pytest.raises(DocumentError):
        read_url("ftp://127.0.0.1/file")


def test_make_document_from_text() -> None:
    doc = make_document("Headline\n\n" + ARTICLE)
    assert doc.meta.title == "Headline"
    assert doc.path is None


def test_header_date_byline_and_wire_end_marker() -> None:
    raw = (
        "Port talks resume\n\nPosted : 2025-10-01 17:20\nBy Lee Ji-hye\n\n"
        "The Ministry of Ports met Halcyon Freight officials on Tuesday to discuss fees.\n\n"
        "The talks will continue next week.\n\nreporter@example.test (END)\n\nMore news here"
    )
    doc = read_bytes(raw, "a.txt")
    assert (doc.meta.published, doc.meta.author) == (dt.date(2025, 10, 1), "Lee Ji-hye")
    assert doc.text.endswith("The talks will continue next week.")
    assert doc.boilerplate_starts_at == "reporter@example.test (END)"


def test_bulleted_list_inside_the_body_is_kept() -> None:
    raw = (
        "Title line\n\nThe regulator met three lenders on Monday and set out its demands.\n\n"
        "- faster outage reports\n- quarterly audits\n- a named security chief\n\n"
        "The lenders have until June to comply, the regulator said."
    )
    doc = read_bytes(raw, "a.txt")
    assert "- quarterly audits" in doc.text
    assert doc.text.endswith("the regulator said.")
    assert doc.boilerplate_starts_at is None
