"""A line or two of what happened on a day, drawn from the articles' own sentences.

The candidates for a day are the sentences that name it (a time expression resolved to that
day) and the opening sentences of the articles published on it, unless they name another day.
They are ranked by how close each is to what all of them say (the centroid of their words, with
the query's words counting extra), a sentence that reports an event of the day ranking higher,
and taken best first, skipping any too close to one already taken, so that the sentences are not
the same news twice. A sentence with a clock time is left out: it is a timestamp line (a live
blog's, a reader comment's), not a report.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import duckdb

from dateline.model import SummarySentence

LEAD_SENTENCES = 3  # an article's opening sentences say what its news is
MAX_SIMILARITY = 0.5  # cosine over words: above it, a sentence repeats one already taken
MIN_WORDS, MAX_WORDS = 6, 60  # shorter is a caption or a dateline, longer a run-on paragraph
QUERY_BOOST = 0.5
EVENT_BOOST = 0.1  # added to the cosine of a sentence that reports an event of its day
_CLOCK_TIME = re.compile(r"\b\d{1,2}\s?[:.]\s?\d{2}\s*(?:[ap]\.?m\b|GMT|BST|UTC|ET\b|local)|\b\d{1,2}:\d{2}\b",
                         re.IGNORECASE)

STOPWORDS = frozenset("""a about above after again against all also am an and any are as at be
been before being below between both but by can could did do does doing down during each few for
from further had has have having he her here hers him his how i if in into is it its itself just
me more most my no nor not now of off on once only or other our out over own said same say says
she should so some such than that the their them then there these they this those through to too
under until up us very was we were what when where which while who whom why will with would you
your mr mrs ms""".split())
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def summarize_days(con: duckdb.DuckDBPyConnection, days: Sequence[date], count: int,
                   kept: str, params: Sequence[object],
                   query_words: Sequence[str] = ()) -> dict[date, list[SummarySentence]]:
    """Up to `count` sentences for each day, from the articles the `kept` SQL selects."""
    if count <= 0 or not days:
        return {day: [] for day in days}
    candidates = _candidates(con, list(days), kept, params)
    wanted = {word.lower() for word in query_words}
    return {day: pick_sentences(candidates.get(day, []), count, wanted) for day in days}


def _candidates(con: duckdb.DuckDBPyConnection, days: list[date], kept: str,
                params: Sequence[object]) -> dict[date, list[SummarySentence]]:
    rows = con.execute(f"""
        WITH named AS (
            SELECT DISTINCT t.first_day AS day, s.article_id, s.idx FROM times t
            JOIN ({kept}) k ON k.id = t.article_id
            JOIN sentences s ON s.article_id = t.article_id
             AND t.start_char >= s.start_char AND t.start_char < s.end_char
            WHERE t.precision = 'day' AND t.first_day = t.last_day
              AND t.first_day IN (SELECT unnest(?))),
        leads AS (
            SELECT k.published AS day, s.article_id, s.idx FROM ({kept}) k
            JOIN sentences s ON s.article_id = k.id
            WHERE s.idx < ? AND k.published IN (SELECT unnest(?))
              AND NOT EXISTS (SELECT 1 FROM times t WHERE t.article_id = s.article_id
                  AND t.start_char >= s.start_char AND t.start_char < s.end_char
                  AND t.precision = 'day' AND t.first_day <> k.published))
        SELECT c.day, c.article_id, a.source, a.published, c.idx, s.text,
               EXISTS (SELECT 1 FROM events e WHERE e.article_id = c.article_id
                       AND e.sentence = c.idx AND e.date = c.day
                       AND e.date_basis IN ('text', 'inherited')) AS reports_event
        FROM (SELECT * FROM named UNION SELECT * FROM leads) c
        JOIN sentences s ON s.article_id = c.article_id AND s.idx = c.idx
        JOIN articles a ON a.id = c.article_id
        ORDER BY c.day, a.published NULLS LAST, c.article_id, c.idx""",
        [*params, days, *params, LEAD_SENTENCES, days]).fetchall()
    found: dict[date, list[Candidate]] = {}
    for day, article_id, source, published, index, text, reports_event in rows:
        if MIN_WORDS <= len(text.split()) <= MAX_WORDS and not _CLOCK_TIME.search(text):
            sentence = SummarySentence(article_id, source, published, index, " ".join(text.split()))
            found.setdefault(day, []).append(Candidate(sentence, reports_event))
    return found


@dataclass(slots=True)
class Candidate:
    sentence: SummarySentence
    reports_event: bool = False  # it holds an event dated, by its text, to the day


def pick_sentences(candidates: list[Candidate], count: int,
                   query_words: set[str] = frozenset()) -> list[SummarySentence]:
    """The `count` candidates closest to their centroid, none too close to another; the same
    text twice (a copy the near-duplicate check let through) is one candidate."""
    seen: set[str] = set()
    unique: list[Candidate] = []
    for candidate in candidates:
        if candidate.sentence.text.lower() not in seen:
            seen.add(candidate.sentence.text.lower())
            unique.append(candidate)
    vectors = [word_counts(candidate.sentence.text) for candidate in unique]
    centroid: Counter[str] = Counter()
    for vector in vectors:
        centroid.update(vector)
    for word in query_words & set(centroid):
        centroid[word] += QUERY_BOOST * max(centroid.values())
    order = sorted(range(len(unique)), key=lambda i: -(cosine(vectors[i], centroid)
                                                        + EVENT_BOOST * unique[i].reports_event))
    taken: list[int] = []
    for i in order:
        if len(taken) == count:
            break
        if all(cosine(vectors[i], vectors[j]) <= MAX_SIMILARITY for j in taken):
            taken.append(i)
    return [unique[i].sentence for i in taken]


def word_counts(text: str) -> Counter[str]:
    return Counter(word for word in _words(text) if word not in STOPWORDS)


def _words(text: str) -> Iterable[str]:
    return (match.group().lower() for match in _WORD.finditer(text))


def cosine(a: Counter[str], b: Counter[str]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(count * b[word] for word, count in a.items() if word in b)
    return dot / (math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values())))
