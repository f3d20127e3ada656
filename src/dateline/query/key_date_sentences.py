"""A line or two of what happened on a day, drawn from the articles' own sentences.

The candidates for a day are the sentences that name it (a time expression resolved to that
day) and the opening sentences of the articles published on it or the day after (the next
morning's report), unless they name another day.
They are ranked by how close each is to what all of them say (the centroid of their words, with
the query's words counting extra) and to what the whole story says (the centroid of every key
date's candidates); a sentence that reports an event of the day, or is of a headline's length,
ranks higher. They are taken best first, skipping any too close to one already taken, so that
the sentences are not the same news twice. A sentence with a clock time is left out: it is a
timestamp line (a live blog's, a reader comment's), not a report.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import duckdb

from dateline.model import KeyDateSentence
from dateline.words import read_word_list, split_words_joining_apostrophes

LEAD_SENTENCES = 3  # an article's opening sentences say what its news is
MAX_SIMILARITY = 0.5  # cosine over words: above it, a sentence repeats one already taken
MIN_WORDS, MAX_WORDS = 6, 60  # shorter is a caption or a dateline, longer a run-on paragraph
QUERY_BOOST = 0.5
# A sentence's score: its cosine to the day's centroid, plus these. Calibrated as a set on
# Timeline17 (benchmarks/tls_timeline17.py, as published: 27 settings of the story weight, of a
# boost for later articles' sentences, now dropped, and of the length bounds gave AR1-F 0.111 to
# 0.122 over the 9 topics; chosen leaving out each topic in turn, 0.117).
EVENT_BOOST = 0.1  # a sentence that reports an event of its day
STORY_WEIGHT = 0.5  # times its cosine to the centroid of every day's candidates: the story
SHORT_WORDS, LONG_WORDS = 10, 40  # outside these a sentence's score shrinks in proportion
_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
_BRACKET_TOKEN = re.compile("|".join(_BRACKETS))
_CLOCK_TIME = re.compile(r"\b\d{1,2}\s?[:.]\s?\d{2}\s*(?:[ap]\.?m\b|GMT|BST|UTC|ET\b|local)|\b\d{1,2}:\d{2}\b",
                         re.IGNORECASE)

# Words neither a sentence's vector nor a query needs (the file's header: how it differs from others).
STOPWORDS = read_word_list("dateline.query", "key_date_stop_words.txt")

# SQL over a time `t`: what names one day (the evidence key dates count), and lying in sentence `s`.
NAMES_ONE_DAY = "t.precision = 'day' AND t.first_day = t.last_day"
IN_SENTENCE = "t.start_char >= s.start_char AND t.start_char < s.end_char"


def choose_day_sentences(con: duckdb.DuckDBPyConnection, days: Sequence[date], count: int,
                         kept: str, params: Sequence[object],
                         query_words: Sequence[str] = ()) -> dict[date, list[KeyDateSentence]]:
    """Up to `count` sentences quoted for each key date, saying what happened on it, from the
    articles the `kept` SQL selects."""
    if count <= 0 or not days:
        return {day: [] for day in days}
    candidates = _candidates(con, list(days), kept, params)
    # Each sentence's words counted once, for the story's vector and for its day's.
    counted = {c.sentence.text: word_counts(c.sentence.text)
               for found in candidates.values() for c in found}
    story = centroid(counted[c.sentence.text] for found in candidates.values() for c in found)
    wanted = {word.lower() for word in query_words}
    return {day: pick_sentences(candidates.get(day, []), count, story, wanted, counted)
            for day in days}


def _candidates(con: duckdb.DuckDBPyConnection, days: list[date], kept: str,
                params: Sequence[object]) -> dict[date, list[Candidate]]:
    rows = con.execute(f"""
        WITH named AS (
            SELECT DISTINCT t.first_day AS day, s.article_id, s.idx FROM times t
            JOIN ({kept}) k ON k.id = t.article_id
            JOIN sentences s ON s.article_id = t.article_id AND {IN_SENTENCE}
            WHERE {NAMES_ONE_DAY} AND t.first_day IN (SELECT unnest(?))),
        leads AS (
            SELECT d.day, s.article_id, s.idx FROM ({kept}) k
            JOIN (SELECT unnest(?) AS day) d
              ON k.published = d.day OR k.published = d.day + INTERVAL 1 DAY
            JOIN sentences s ON s.article_id = k.id
            WHERE s.idx < ?
              AND NOT EXISTS (SELECT 1 FROM times t WHERE t.article_id = s.article_id
                  AND {IN_SENTENCE} AND t.precision = 'day' AND t.first_day <> d.day))
        SELECT c.day, c.article_id, a.source, a.published, c.idx, s.text, s.wire_opening,
               coalesce(copy.title, a.title), a.outlet,
               EXISTS (SELECT 1 FROM events e WHERE e.article_id = c.article_id
                       AND e.sentence = c.idx AND e.date = c.day
                       AND e.date_basis IN ('text', 'inherited')) AS reports_event
        FROM (SELECT * FROM named UNION SELECT * FROM leads) c
        JOIN sentences s ON s.article_id = c.article_id AND s.idx = c.idx
        JOIN articles a ON a.id = c.article_id
        LEFT JOIN article_copies copy ON copy.article_id = a.id AND copy.source = a.source
        ORDER BY c.day, a.published NULLS LAST, c.article_id, c.idx""",
        [*params, days, *params, days, LEAD_SENTENCES]).fetchall()
    found: dict[date, list[Candidate]] = {}
    for day, article_id, source, published, index, text, opening, title, outlet, reports_event in rows:
        if is_reportable(text):
            sentence = KeyDateSentence(article_id, source, published, index,
                                       quotable(text, opening or 0), title, outlet)
            found.setdefault(day, []).append(Candidate(sentence, reports_event))
    return found


@dataclass(slots=True)
class Candidate:
    sentence: KeyDateSentence
    reports_event: bool = False  # it holds an event dated, by its text, to the day


def is_reportable(text: str) -> bool:
    """Whether a sentence can say what happened: not a fragment, not a run-on, not a timestamp."""
    return MIN_WORDS <= len(text.split()) <= MAX_WORDS and not _CLOCK_TIME.search(text)


def quotable(text: str, wire_opening: int = 0) -> str:
    """A sentence as quoted: on one line, without the dateline or byline a story opens with (its
    first `wire_opening` characters on one line, as ingest measured them: `ingest.wire`), and with
    a tokenized corpus's bracket tokens ("-LRB-") as the brackets they stand for."""
    text = " ".join(text.split())[wire_opening:]
    return _BRACKET_TOKEN.sub(lambda match: _BRACKETS[match.group()], text)


def pick_sentences(candidates: list[Candidate], count: int, story: Counter[str] | None = None,
                   query_words: set[str] = frozenset(),
                   counted: dict[str, Counter[str]] | None = None) -> list[KeyDateSentence]:
    """The `count` best candidates of one day, none too close to another; the same text twice
    (a copy the near-duplicate check let through) is one candidate. `counted`: the word
    counts of sentences by their text, where known (read, never changed)."""
    seen: set[str] = set()
    unique: list[Candidate] = []
    for candidate in candidates:
        if candidate.sentence.text.lower() not in seen:
            seen.add(candidate.sentence.text.lower())
            unique.append(candidate)
    counted = counted or {}
    vectors = [counted.get(c.sentence.text) or word_counts(c.sentence.text) for c in unique]
    day = centroid(vectors)
    for word in query_words & set(day):
        day[word] += QUERY_BOOST * max(day.values())
    story = story or Counter()
    norms = (norm(day), norm(story))  # once a day, not once a sentence: the story is long
    scores = [sentence_score(c, v, day, story, norms) for c, v in zip(unique, vectors)]
    taken: list[int] = []
    for i in sorted(range(len(unique)), key=lambda i: -scores[i]):
        if len(taken) == count:
            break
        if all(cosine(vectors[i], vectors[j]) <= MAX_SIMILARITY for j in taken):
            taken.append(i)
    return [unique[i].sentence for i in taken]


def sentence_score(candidate: Candidate, vector: Counter[str], day: Counter[str],
                   story: Counter[str], norms: tuple[float, float] | None = None) -> float:
    """How well a sentence tells what happened on its day, in the story the key dates tell
    (`norms`: those of day and story, when known)."""
    day_norm, story_norm = norms or (norm(day), norm(story))
    score = (cosine(vector, day, day_norm) + STORY_WEIGHT * cosine(vector, story, story_norm)
             + EVENT_BOOST * candidate.reports_event)
    words = len(candidate.sentence.text.split())
    return score * min(1.0, words / SHORT_WORDS, LONG_WORDS / words)


def centroid(vectors: Iterable[Counter[str]]) -> Counter[str]:
    total: Counter[str] = Counter()
    for vector in vectors:
        total.update(vector)
    return total


def word_counts(text: str) -> Counter[str]:
    return Counter(word for word in split_words_joining_apostrophes(text) if word not in STOPWORDS)


def norm(vector: Counter[str]) -> float:
    return math.sqrt(sum(v * v for v in vector.values()))


def cosine(a: Counter[str], b: Counter[str], b_norm: float | None = None) -> float:
    """The cosine of two word vectors; `b_norm`, when given, is `norm(b)`, not counted again."""
    if not a or not b:
        return 0.0
    dot = sum(count * b[word] for word, count in a.items() if word in b)
    return dot / (norm(a) * (norm(b) if b_norm is None else b_norm))
