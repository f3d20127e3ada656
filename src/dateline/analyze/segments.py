"""Long texts are parsed in segments: spaCy's memory grows with the length of the text it parses
(a 600,000-character page took 2 GB), so a text over SEGMENT_CHARS is cut at paragraph breaks,
each part parsed on its own and the parts joined into one doc. The parts concatenate to the text
exactly, so every character offset holds; the parse of a sentence never spans a paragraph break
anyway (a blank line ends a sentence)."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

SEGMENT_CHARS = 50_000
T = TypeVar("T")
# Where a text may be cut, best first: after a blank line, after a line, after a sentence, at a space.
CUT_POINTS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?]\s"), re.compile(r"\s"))


def split_text(text: str, limit: int | None = None) -> list[str]:
    """Parts of at most `limit` (SEGMENT_CHARS) characters, where a cut point allows, that join
    back to `text`."""
    limit = limit or SEGMENT_CHARS
    parts = []
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start, start + limit)
        parts.append(text[start:end])
        start = end
    parts.append(text[start:])
    return parts


def _cut(text: str, start: int, limit: int) -> int:
    """The last cut point after `start` and before `limit`, of the best kind that has one."""
    for pattern in CUT_POINTS:
        ends = [match.end() for match in pattern.finditer(text, start + 1, limit)]
        if ends:
            return ends[-1]
    return limit  # one word of `limit` characters: cut inside it


def parse_texts(nlp: Language, items: Iterable[tuple[str, T]], batch_size: int) -> Iterator[tuple[Doc, T]]:
    """(doc, context) for each (text, context), in order: at most `batch_size` texts or parts and
    about SEGMENT_CHARS characters parsed at once, each long text in parts joined again."""
    pending: list[Doc] = []
    for batch in _batches(items, batch_size):
        texts = [part for part, _ in batch]
        for doc, (context, count) in zip(nlp.pipe(texts, batch_size=len(texts)), (meta for _, meta in batch)):
            pending.append(doc)
            if len(pending) == count:
                yield (pending[0] if count == 1 else Doc.from_docs(pending, ensure_whitespace=False)), context
                pending = []


def _batches(items: Iterable[tuple[str, T]], size: int) -> Iterator[list[tuple[str, tuple[T, int]]]]:
    """The parts of the texts in batches of at most `size` parts and, past the first part, at most
    SEGMENT_CHARS characters: the parser's memory follows the characters of a batch."""
    batch: list[tuple[str, tuple[T, int]]] = []
    chars = 0
    for text, context in items:
        parts = split_text(text)
        for part in parts:
            if batch and (len(batch) == size or chars + len(part) > SEGMENT_CHARS):
                yield batch
                batch, chars = [], 0
            batch.append((part, (context, len(parts))))
            chars += len(part)
    if batch:
        yield batch
