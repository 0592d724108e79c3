"""Hostile documents, generated on the fly: the catalogue ``BAD_INPUTS``, what the reader
must make of each, and ``check_document`` for the ones it reads.

The reader and extractor tests (``tests/unit/test_reliability_inputs.py``), the document
error tests and the integration tests that send the same inputs through ``whomet load``
and ``POST /api/v1/documents`` all use it.
"""

from __future__ import annotations

import codecs
import io
import struct
import textwrap
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass

from graph.model import Document

ARTICLE = (
    "The Ministry of Finance held talks with Veltra Bank in Seoul on May 3, 2025, to discuss "
    "new capital rules. Jana Holm, chief executive of Veltra Bank, attended the talks, the "
    "ministry said in a statement.\n\n"
    "Both sides agreed to meet again in the autumn, according to officials."
)


def png_image() -> bytes:
    """A real 1x1 PNG (signature, IHDR, IDAT, IEND)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00\xff\x00\x00")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def zip_archive() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("article.txt", ARTICLE)
    return buf.getvalue()


def twenty_megabytes() -> bytes:
    """20 MB of plain prose (well over the 5 MB cap for one document)."""
    para = (ARTICLE + "\n\n").encode("utf-8")
    return para * (20_000_000 // len(para) + 1)


def long_line() -> bytes:
    """One 200,000-character line: words, no punctuation, no line break."""
    words = ("minister", "met", "envoy", "talks", "Seoul", "bank", "rules", "held")
    out: list[str] = []
    size = 0
    i = 0
    while size < 200_000:
        word = words[(i * 7 + i // 3) % len(words)]
        out.append(word)
        size += len(word) + 1
        i += 1
    return " ".join(out)[:200_000].encode("ascii")


def script_html(depth: int = 60) -> bytes:
    """A page whose article sits inside deep nesting, among scripts that mention other bodies."""
    script = "<script>" + 'document.write("The Ministry of Mischief met Rogue Corp.");' * 500
    script += "</script>"
    paras = "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n\n"))
    return (
        "<!doctype html><html><head><title>Finance talks</title>"
        + script
        + "<style>"
        + "p{color:red}" * 200
        + "</style></head><body>"
        + script
        + "<div><span>" * depth
        + f"<article><h1>Finance talks</h1>{paras}</article>"
        + script
        + "</span></div>" * depth
        + "<noscript>The Office of Nothing met Nobody Inc.</noscript></body></html>"
    ).encode("utf-8")


def overdeep_html() -> bytes:
    """The same page nested 2,000 levels deep (past what the HTML parser will walk)."""
    return script_html(depth=2000)


def no_article_html() -> bytes:
    """A page of navigation, a cookie banner and a footer: no article at all."""
    return (
        b"<!doctype html><html><head><title>Example Media</title></head><body>"
        b"<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li>"
        b"<li><a href='/sport'>Sport</a></li></ul></nav>"
        b"<div class='cookie'>We use cookies. <button>Accept</button></div>"
        b"<footer>Copyright 2025 Example Media. All rights reserved.</footer></body></html>"
    )


KOREAN = (
    "과학기술정보통신부는 5월 18일 서울에서 오픈AI와 인공지능 보안 회의를 열었다고 밝혔다. "
    "최우혁 국장이 회의에 참석했다.\n\n양측은 다음 달 다시 만나기로 했다."
)
JAPANESE = (
    "経済産業省は5月18日、東京で半導体企業の幹部と会談したと発表した。"
    "山田太郎氏が出席した。\n\n両者は来月にも再び協議する予定だ。"
)


def hard_wrapped() -> bytes:
    """Plain text wrapped at 72 columns, as e-mail and wire copy arrive."""
    body = " ".join([ARTICLE.replace("\n\n", " ")] * 3)
    return ("Finance talks\n\n" + "\n".join(textwrap.wrap(body, 72)) + "\n").encode("utf-8")


MALFORMED_FRONT_MATTER = (
    "---\ntitle: [unclosed\ndate: {2026\nauthor: : :\n---\n" + ARTICLE
).encode("utf-8")
IMPOSSIBLE_DATES = (
    "---\ntitle: Finance talks\ndate: 2026-02-30\n---\n"
    + ARTICLE.replace("May 3, 2025", "February 30, 2025")
).encode("utf-8")
IMPOSSIBLE_KV_DATE = ("Title: Finance talks\nDate: 2026-13-45\n\n" + ARTICLE).encode("utf-8")


@dataclass(frozen=True)
class BadInput:
    """One hostile document: its file name, bytes, and what must happen to it.

    ``refused`` inputs must raise :class:`DocumentError` whose message holds
    ``message`` and, through the API, answer ``api_status``; the others are read.
    """

    name: str
    filename: str
    make: Callable[[], bytes]
    refused: bool
    message: str = ""
    api_status: int = 200


BAD_INPUTS: tuple[BadInput, ...] = (
    BadInput("empty", "empty.txt", lambda: b"", True, "empty", 400),
    BadInput(
        "whitespace", "blank.txt", lambda: " \n\t\r\n\u3000\u00a0 \n".encode(), True, "empty", 400
    ),
    BadInput("png-image", "photo.png", png_image, True, "png image", 415),
    BadInput("png-named-txt", "photo.txt", png_image, True, "png image", 415),
    BadInput("zip-archive", "archive.txt", zip_archive, True, "zip archive", 415),
    BadInput(
        "invalid-utf8",
        "latin1.txt",
        lambda: ARTICLE.replace("Holm", "Hölm").encode("latin-1"),
        True,
        "not valid utf-8",
        415,
    ),
    BadInput("utf16-no-bom", "utf16.txt", lambda: ARTICLE.encode("utf-16-le"), True, "nul", 415),
    BadInput(
        "utf16-bom",
        "utf16bom.txt",
        lambda: codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"),
        False,
    ),
    BadInput(
        "utf16-be-bom",
        "utf16be.md",
        lambda: codecs.BOM_UTF16_BE + ARTICLE.replace("Seoul", "Busan").encode("utf-16-be"),
        False,
    ),
    BadInput("twenty-mb", "dump.txt", twenty_megabytes, True, "limit", 413),
    BadInput("long-line", "line.txt", long_line, False),
    BadInput("script-html", "page.html", script_html, False),
    BadInput("overdeep-html", "deep.html", overdeep_html, True, "no article text", 400),
    BadInput("no-article-html", "nav.html", no_article_html, True, "no article text", 400),
    BadInput("hard-wrapped", "wire.txt", hard_wrapped, False),
    BadInput("korean", "korean.txt", lambda: KOREAN.encode("utf-8"), False),
    BadInput("japanese", "japanese.txt", lambda: JAPANESE.encode("utf-8"), False),
    BadInput("malformed-front-matter", "broken.md", lambda: MALFORMED_FRONT_MATTER, False),
    BadInput("impossible-dates", "feb30.md", lambda: IMPOSSIBLE_DATES, False),
    BadInput("impossible-kv-date", "month13.txt", lambda: IMPOSSIBLE_KV_DATE, False),
)


def check_document(case: BadInput, doc: Document) -> None:
    """What a read (not refused) hostile input must look like."""
    assert doc.text.strip()
    assert "\x00" not in doc.text and "\ufeff" not in doc.text
    if case.name.startswith("utf16"):
        assert "Veltra Bank" in doc.text and "Jana Holm" in doc.text
    if case.name == "script-html":
        assert "Ministry of Finance" in doc.text
        for junk in ("document.write", "Mischief", "color:red", "Office of Nothing"):
            assert junk not in doc.text
    if case.name == "hard-wrapped":
        assert doc.text.count("Veltra Bank in Seoul") == 3 and doc.meta.title == "Finance talks"
    if case.name == "korean":
        assert "과학기술정보통신부" in doc.text and "최우혁" in doc.text
    if case.name == "japanese":
        assert "経済産業省" in doc.text and "山田太郎" in doc.text
    if case.name == "long-line":
        assert len(doc.text) == 200_000
    if case.name.startswith("impossible"):
        assert doc.meta.published is None
        assert "date_error" in doc.meta.extra
    if case.name == "malformed-front-matter":
        assert doc.meta.published is None
        assert "Veltra Bank" in doc.text
