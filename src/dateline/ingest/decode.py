"""A file's bytes as text: which encoding it is in, or whether it is text at all.

UTF-8 and UTF-16 read without a word; cp1252 and Latin-1 read with a note (W001) that says so;
binary data is no text (the reader skips it). Nothing here raises for a bad input.
"""
from __future__ import annotations

import codecs
import re

from dateline.errors import W001
from dateline.model import Note

# Text has few control characters besides tab, newline, carriage return and form feed; binary
# data without NUL bytes, read as a single-byte encoding, has many.
MAX_CONTROL_SHARE = 0.01
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # category Cc but \t \n \v \f \r
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f]")  # the same among undecoded bytes


def decode_text(data: bytes) -> str | None:
    """The text of `data` in whichever encoding `decode_bytes` finds; None for binary data."""
    decoded = decode_bytes(data)
    return decoded[0] if decoded else None


UNICODE_ENCODINGS = ("UTF-8", "UTF-16")  # the names decode_bytes gives; read without a note


def decode_bytes(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) with the encoding named as a user would know it; None for binary data.

    UTF-8 (a BOM is dropped) and UTF-16 with its BOM are read as such. Other text is taken for a
    Windows cp1252 or Latin-1 file, told apart by the bytes 0x80-0x9F, where cp1252 keeps its
    curly quotes and dashes and Latin-1 only control codes. UTF-8 with a few stray cp1252 bytes
    (a quotation pasted from another file) keeps its UTF-8 and reads just those bytes as cp1252.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _textual(data.decode("utf-16"), "UTF-16")
        except UnicodeDecodeError:
            return None
    if b"\x00" in data:  # text files never hold NUL bytes; binary files nearly always do
        return None
    try:
        return _textual(data.decode("utf-8-sig"), "UTF-8")
    except UnicodeDecodeError:
        pass
    mixed = data.decode("utf-8-sig", errors="dateline-cp1252")
    if any(ord(char) > 0x7F for char in _utf8_parts(data)):
        return _textual(mixed, "UTF-8 with stray cp1252 bytes")
    encoding = "cp1252" if re.search(rb"[\x80-\x9f]", data) else "Latin-1"
    return _textual(mixed, encoding)


def decode_rows(data: bytes) -> tuple[str, str] | None:
    """decode_bytes for a file of rows (CSV), where binary bytes confined to some lines cost only
    those rows: the whole text, NULs kept for the reader to refuse row by row, when the first line
    and at least half of the lines are text; None for binary data."""
    decoded = decode_bytes(data)
    if decoded is not None or data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decoded
    lines = data.split(b"\n")
    text_lines = [line for line in lines if not is_binary_line(line)]
    if is_binary_line(lines[0]) or 2 * len(text_lines) < len(lines):
        return None
    text_part = decode_bytes(b"\n".join(text_lines))  # names the encoding, and checks it is text
    if text_part is None:
        return None
    return data.decode("utf-8-sig", errors="dateline-cp1252"), text_part[1]


def is_binary_line(line: bytes) -> bool:
    """A line a text file would not hold: a NUL byte, or control codes where text would be."""
    return b"\x00" in line or len(_CONTROL_BYTES.findall(line)) > MAX_CONTROL_SHARE * len(line)


def is_binary_text(text: str) -> bool:
    """is_binary_line for decoded text (a CSV row)."""
    return "\x00" in text or len(_CONTROLS.findall(text)) > MAX_CONTROL_SHARE * len(text)


def _cp1252_bytes(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: the bytes UTF-8 cannot read, read one by one as cp1252 (Latin-1 for
    the five cp1252 leaves undefined)."""
    bad = error.object[error.start:error.end]
    return "".join(_cp1252_char(byte) for byte in bad), error.end


def _cp1252_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


codecs.register_error("dateline-cp1252", _cp1252_bytes)


def _utf8_parts(data: bytes) -> str:
    """What of `data` reads as UTF-8, the rest dropped."""
    return data.decode("utf-8-sig", errors="ignore")


def _textual(text: str, encoding: str) -> tuple[str, str] | None:
    controls = len(_CONTROLS.findall(text))
    return (text, encoding) if controls <= MAX_CONTROL_SHARE * len(text) else None


def encoding_note(source: str, encoding: str) -> Note | None:
    """The W001 note on a text that was not in a Unicode encoding; None for one that was."""
    return None if encoding in UNICODE_ENCODINGS else Note(source, W001.format(encoding=encoding))
