"""One stored article with what analysis marked in it: actors, time expressions, event triggers."""
from __future__ import annotations

import re

import duckdb

from dateline.model import EventMark, Sentence, TimeRef
from dateline.store.schema import TIME_COLUMNS


def read_sentences(con: duckdb.DuckDBPyConnection, article_id: str) -> list[Sentence]:
    return [Sentence(*row) for row in con.execute(
        "SELECT idx, start_char, end_char, text FROM sentences WHERE article_id = ? ORDER BY idx",
        [article_id]).fetchall()]


def read_times(con: duckdb.DuckDBPyConnection, article_id: str) -> list[TimeRef]:
    columns = ", ".join(TIME_COLUMNS[1:])  # a TimeRef is a time row without its article
    return [TimeRef(*row) for row in con.execute(
        f"SELECT {columns} FROM times WHERE article_id = ? ORDER BY start_char, end_char",
        [article_id]).fetchall()]


def read_event_marks(con: duckdb.DuckDBPyConnection, article_id: str,
                     sentences: list[Sentence]) -> list[EventMark]:
    """The article's events, each with the happening it joined and its trigger's span."""
    rows = con.execute("""
        SELECT e.id, s.fused_id, e.type, e.trigger, e.sentence FROM events e
        LEFT JOIN fused_event_sources s ON s.event_id = e.id
        WHERE e.article_id = ? ORDER BY e.sentence, e.id""", [article_id]).fetchall()
    by_index = {sentence.index: sentence for sentence in sentences}
    marks = []
    for event_id, fused_id, type_, trigger, index in rows:
        mark = EventMark(event_id, fused_id, type_, trigger, index)
        span = trigger_span(trigger, by_index.get(index))
        if span:
            mark.start, mark.end = span
        marks.append(mark)
    return marks


def trigger_span(trigger: str, sentence: Sentence | None) -> tuple[int, int] | None:
    """Where a trigger's words stand in the article: their first match in its sentence.

    A trigger is stored as its words ("met", "handed over"), not as offsets, so they are looked
    up again; a trigger whose words the sentence does not hold as written is left unmarked.
    """
    span = find_words(sentence.text, trigger) if sentence else None
    return (sentence.start + span[0], sentence.start + span[1]) if span else None


def find_words(text: str, words: str | None) -> tuple[int, int] | None:
    """The first whole-word occurrence of `words` in `text`, in any case and spacing."""
    if not words or not words.strip():
        return None
    pattern = r"\s+".join(re.escape(word) for word in words.split())
    match = re.search(rf"(?<!\w){pattern}(?!\w)", text, re.IGNORECASE)
    return (match.start(), match.end()) if match else None
