"""Choosing the dates that matter in a corpus, from what its articles say about each day.

A day's weight is the evidence that something happened on it:
- articles whose text names the day (a time expression resolved to that one day), those
  published after it, which refer back to it, counting extra: a day later articles remember
  is a day that mattered, and it counts for the day named, not the day the article appeared;
- articles reporting events on it, dated by their text (not by the publication date alone),
  weighted by how intense and how new those events are;
- articles published on it, a little: news appears the day it happens, but also every day after;
- with a query, the articles whose text names the day in a sentence holding a query word.

A day needs an article that names it or reports an event on it: being published on alone
makes no day a key date. Near-duplicate articles are left out, so a syndicated copy does not
count twice. Days are kept inside the corpus's coverage: from a week before its first article
to its last, since days after the last article are plans, not happenings.

The weights were set a priori and checked on Timeline17 (benchmarks/tls_timeline17.py); tune
them as a set.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

import duckdb

from dateline.days import shift_day
from dateline.errors import E051, QueryError
from dateline.model import KeyDate
from dateline.query.key_date_sentences import IN_SENTENCE, NAMES_ONE_DAY, STOPWORDS, choose_day_sentences
from dateline.words import split_words

LATER_MENTION = 2.0
MENTION = 1.0
PUBLISHED = 0.25
EVENT_REPORT = 0.5
QUERY_MENTION = 1.0
LEAD_IN_DAYS = 7  # how far before its first article a corpus still tells of what happened
MAX_DATES, MAX_SENTENCES = 1000, 20


@dataclass(slots=True)
class DayEvidence:
    """What the articles say of one day: the ids of the articles of each kind."""

    mentions: set[str] = field(default_factory=set)
    later: set[str] = field(default_factory=set)
    published: set[str] = field(default_factory=set)
    event_reports: set[str] = field(default_factory=set)
    query_mentions: set[str] = field(default_factory=set)
    novelty: float = 1.0  # share of its event reports whose kind and actors are new that day
    intensity: float = 0.0  # mean absolute intensity of its events, 0 to 10

    def score(self) -> float:
        events = len(self.event_reports) * (0.5 + 0.5 * self.novelty) * (0.5 + self.intensity / 20)
        return (LATER_MENTION * len(self.later) + MENTION * len(self.mentions)
                + PUBLISHED * len(self.published) + EVENT_REPORT * events
                + QUERY_MENTION * len(self.query_mentions))

    def articles(self) -> set[str]:
        return self.mentions | self.event_reports


@dataclass(slots=True)
class Scope:
    """Which articles and days count: all, or those a user narrowed to."""

    article_ids: list[str] | None = None  # None: every article
    since: date | None = None
    until: date | None = None
    query_words: list[str] = field(default_factory=list)
    published: tuple[date, date] | None = None  # only the articles that came out in these days


def choose_key_dates(con: duckdb.DuckDBPyConnection, scope: Scope, dates: int,
                     sentences: int) -> list[KeyDate]:
    """The `dates` best days in the scope, in date order, each with up to `sentences` sentences
    (its events are the caller's to add)."""
    check_count("--dates", dates, 1, MAX_DATES)
    check_count("--sentences", sentences, 0, MAX_SENTENCES)
    best = sorted(rank_days(con, scope)[:dates], key=lambda pair: pair[0])
    kept, params = _kept_articles(scope)
    quoted = choose_day_sentences(con, [day for day, _ in best], sentences, kept, params,
                                  scope.query_words)
    return [KeyDate(day, round(found.score(), 3), len(found.articles()), len(found.later),
                    quoted[day]) for day, found in best]


def query_words(query: str) -> list[str]:
    """The words of a user's query that can pick out a sentence, in the order typed."""
    words = [word.lower() for word in split_words(query)]
    return list(dict.fromkeys(word for word in words if len(word) > 1 and word not in STOPWORDS))


def check_count(what: str, value: object, least: int, most: int) -> int:
    """A count a user gave, or E051 when it is not a whole number in range."""
    if isinstance(value, bool) or not isinstance(value, int) or not least <= value <= most:
        raise QueryError(E051.format(what=what, least=least, most=most, value=value))
    return value


def rank_days(con: duckdb.DuckDBPyConnection, scope: Scope) -> list[tuple[date, DayEvidence]]:
    """Every day with evidence inside the scope and the corpus's coverage, best first; ties go
    to the earlier day, so the order is the same on every run."""
    evidence: dict[date, DayEvidence] = defaultdict(DayEvidence)
    kept, params = _kept_articles(scope)
    for day, article_id, published in con.execute(f"""
            SELECT DISTINCT t.first_day, t.article_id, k.published FROM times t
            JOIN ({kept}) k ON k.id = t.article_id WHERE {NAMES_ONE_DAY}""", params).fetchall():
        evidence[day].mentions.add(article_id)
        if published is not None and published > day:
            evidence[day].later.add(article_id)
    for day, article_id in con.execute(
            f"SELECT published, id FROM ({kept}) WHERE published IS NOT NULL", params).fetchall():
        evidence[day].published.add(article_id)
    _add_event_reports(con, kept, params, evidence)
    if scope.query_words:
        _add_query_mentions(con, kept, params, scope.query_words, evidence)
    low, high = _coverage(con, kept, params, scope)
    days = [(day, found) for day, found in evidence.items() if found.articles()
            and (low is None or day >= low) and (high is None or day <= high)]
    return sorted(days, key=lambda pair: (-pair[1].score(), pair[0]))


def _kept_articles(scope: Scope) -> tuple[str, list[object]]:
    """SQL for the articles that count (id, published), and its parameters."""
    sql = ("SELECT id, published FROM articles"
           " WHERE id NOT IN (SELECT article_id FROM near_duplicates)")
    params: list[object] = []
    if scope.article_ids is not None:
        sql += " AND id IN (SELECT unnest(?))"
        params.append(scope.article_ids)
    if scope.published is not None:
        sql += " AND published BETWEEN ? AND ?"
        params += list(scope.published)
    return sql, params


def _add_event_reports(con: duckdb.DuckDBPyConnection, kept: str, params: Sequence[object],
                       evidence: dict[date, DayEvidence]) -> None:
    """Articles reporting events on a day their text gives; each day's novelty and intensity.

    An event is new on a day when no earlier day has one of its type between the same actors.
    """
    rows = con.execute(f"""
        SELECT e.date, e.article_id, e.type, e.source_actor, e.target_actor, e.intensity
        FROM events e JOIN ({kept}) k ON k.id = e.article_id
        WHERE e.date_precision = 'day' AND e.date_basis IN ('text', 'inherited')
          AND (e.date_end IS NULL OR e.date_end = e.date)
        ORDER BY e.date, e.article_id, e.id""", list(params)).fetchall()
    seen: set[tuple] = set()
    by_day: dict[date, list[tuple]] = defaultdict(list)
    for day, article_id, *kind_and_intensity in rows:
        evidence[day].event_reports.add(article_id)
        by_day[day].append(tuple(kind_and_intensity))
    for day in sorted(by_day):
        kinds = [row[:3] for row in by_day[day]]
        new = sum(1 for kind in kinds if kind not in seen)
        seen.update(kinds)
        evidence[day].novelty = new / len(kinds)
        evidence[day].intensity = sum(abs(row[3] or 0.0) for row in by_day[day]) / len(kinds)


def _add_query_mentions(con: duckdb.DuckDBPyConnection, kept: str, params: Sequence[object],
                        words: list[str], evidence: dict[date, DayEvidence]) -> None:
    """Articles naming a day in a sentence that holds one of the query's words."""
    pattern = r"\b(" + "|".join(re.escape(word) for word in words) + r")\b"
    for day, article_id in con.execute(f"""
            SELECT DISTINCT t.first_day, t.article_id FROM times t
            JOIN ({kept}) k ON k.id = t.article_id
            JOIN sentences s ON s.article_id = t.article_id AND {IN_SENTENCE}
            WHERE {NAMES_ONE_DAY} AND regexp_matches(s.text, ?, 'i')""",
            [*params, pattern]).fetchall():
        evidence[day].query_mentions.add(article_id)


def _coverage(con: duckdb.DuckDBPyConnection, kept: str, params: Sequence[object],
              scope: Scope) -> tuple[date | None, date | None]:
    """The days the corpus can tell of, narrowed to the user's --since and --until."""
    first, last = con.execute(f"SELECT min(published), max(published) FROM ({kept})",
                              list(params)).fetchone()
    low = shift_day(first, -LEAD_IN_DAYS) if first else None
    high = last
    if scope.since is not None:
        low = max(low, scope.since) if low else scope.since
    if scope.until is not None:
        high = min(high, scope.until) if high else scope.until
    return low, high
