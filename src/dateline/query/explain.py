"""How a stored event was found: each of its readings with the rule behind each part and what
each piece of evidence added to its confidence (`dateline explain ID`, the event page)."""
from __future__ import annotations

from collections.abc import Callable, Sequence

import duckdb

from dateline.evidence import contributions
from dateline.model import Actor, ArticleHead, Event, Explanation, FusedEvent, ReadingExplained
from dateline.query.confidence import evidence_words
from dateline.store.reader import event_from_row
from dateline.store.schema import EVENT_COLUMNS


def explain_readings(con: duckdb.DuckDBPyConnection, fused: FusedEvent,
                     actor: Callable[[str | None], Actor | None]) -> Explanation:
    """The fused event with each of its readings explained, in the order its sources are cited."""
    members = _member_events(con, fused.members)
    heads = _article_heads(con, [event.article_id for event in members])
    return Explanation([explain_reading(event, heads[event.article_id], actor) for event in members], fused)


def explain_reading(event: Event, article: ArticleHead,
                    actor: Callable[[str | None], Actor | None]) -> ReadingExplained:
    return ReadingExplained(event, article, actor(event.source_actor), actor(event.target_actor),
                            tuple(contributions(event.evidence)))


def weights_in_words(reading: ReadingExplained) -> list[tuple[str, str, float]]:
    """(evidence, the evidence in words, its weight) for each term of the reading's confidence,
    the intercept first."""
    names = [name for name, _weight in reading.weights]
    said = ["intercept", *evidence_words(names[1:])] if names else []
    return [(name, words, weight) for (name, weight), words in zip(reading.weights, said)]


def _member_events(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> list[Event]:
    columns = ", ".join(f"e.{column}" for column in EVENT_COLUMNS)
    rows = con.execute(
        f"SELECT {columns} FROM events e JOIN articles a ON a.id = e.article_id"
        " WHERE e.id IN (SELECT unnest(?)) ORDER BY a.published NULLS LAST, a.id, e.id",
        [list(ids)]).fetchall()
    return [event_from_row(row) for row in rows]


def _article_heads(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> dict[str, ArticleHead]:
    rows = con.execute("SELECT id, source, title, outlet, url, published FROM articles"
                       " WHERE id IN (SELECT unnest(?))", [sorted(set(ids))]).fetchall()
    return {row[0]: ArticleHead(*row) for row in rows}
