"""Articles as read, what could not be read, and an article's sentences and time expressions."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(slots=True)
class Article:
    id: str  # hash of the normalized text: the same content is the same article
    source: str  # path ("path#id" or "path#line-N" for a record of a .jsonl/.csv file) or URL
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    published_basis: str = "none"


@dataclass(slots=True)
class ArticleHead:
    """What lists and citations show of an article: everything but its text."""

    id: str
    source: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None


@dataclass(slots=True)
class Skip:
    """An input that could not be read; reported, never silently dropped."""

    source: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        return f"skipped {_where(self.source, self.line)}: {self.reason}"


@dataclass(slots=True)
class Note:
    """Something a user should know about an input that was read all the same (the encoding it
    was decoded from, a date that did not parse); reported beside the skips."""

    source: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        return f"note {_where(self.source, self.line)}: {self.message}"


def shown_name(text: str) -> str:
    """A path, title or name as a terminal may show it: a control code, line break or direction
    override in it is escaped ("\\x1b", "\\n", "\\u202e"), never obeyed."""
    return "".join(char if char.isprintable() or char == " " else ascii(char)[1:-1] for char in text)


def _where(source: str, line: int | None) -> str:
    shown = shown_name(source)
    return f"{shown}:{line}" if line else shown


@dataclass(slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(slots=True)
class TimeRef:
    start: int  # character span in the article text
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str  # TimeML-style: 2021-07-13, 2021-07, 2021-W28, 2021-Q3, 2021, PAST_REF, FUTURE_REF
    first_day: date | None = None  # the interval the value covers, when it is a calendar interval
    last_day: date | None = None
    precision: str | None = None  # one of PRECISIONS
    basis: str = "absolute"  # one of TIME_BASES
    anchor: date | None = None  # the date a relative expression was resolved against
