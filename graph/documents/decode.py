"""Turn raw bytes into text, refusing what is not text.

Binary uploads (images, archives, anything with NUL bytes) must fail loudly here
rather than reach the extractor as garbage.
"""

from __future__ import annotations

import codecs

from graph.errors import EmptyDocument, UnsupportedDocument

# File signatures of common binary formats that are never news text.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"RIFF", "RIFF media (WebP/WAV/AVI)"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX)"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"%PDF-", "PDF document"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"\x00\x00\x00\x18ftyp", "MP4 media"),
    (b"\x00\x00\x00\x20ftyp", "MP4 media"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE document (DOC/XLS)"),
    (b"SQLite format 3\x00", "SQLite database"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes, name: str = "input") -> str:
    """Decode UTF-8 (with or without BOM) or BOM-marked UTF-16/32; refuse binary."""
    if not data:
        raise EmptyDocument(f"{name}: empty document")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise UnsupportedDocument(f"{name}: invalid {codec} text: {exc.reason}") from None
            return _check_text(text, name)
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise UnsupportedDocument(f"{name}: looks like a {what}, not a text document")
    if b"\x00" in data:
        raise UnsupportedDocument(f"{name}: contains NUL bytes; binary data is not a text document")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UnsupportedDocument(
            f"{name}: not valid UTF-8 at byte {exc.start} (send UTF-8, or UTF-16 with a BOM)"
        ) from None
    return _check_text(text, name)


def _check_text(text: str, name: str) -> str:
    if "\x00" in text:
        raise UnsupportedDocument(
            f"{name}: contains NUL characters; binary data is not a text document"
        )
    if not text.strip():
        raise EmptyDocument(f"{name}: document is empty or whitespace only")
    return text


def check_text(text: str, name: str = "input") -> str:
    """The same refusal rules for text that arrived already decoded."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return _check_text(text, name)
