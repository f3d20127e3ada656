"""Key dates over the sample corpus (ingested once per run by the real pipeline): which days are
chosen, what they quote, and how a query, an actor and date bounds change the choice."""
from datetime import date

import duckdb
import pytest

from dateline.errors import QueryError
from dateline.ingest.wire import wire_opening
from dateline.query import Database, serialize
from dateline.query.key_date_sentences import MAX_SIMILARITY, cosine, quotable, word_counts


@pytest.fixture(scope="module")
def db(corpus_db):
    with Database(corpus_db) as database:
        yield database


@pytest.fixture(scope="module")
def every_day(db):
    """Every day with evidence, each with its score (the most a call may ask for)."""
    return {key.day: key for key in db.key_dates(dates=1000, sentences=0)}


def test_key_dates_in_date_order_and_at_most_k(db):
    for k in (1, 3, 8):
        keys = db.key_dates(dates=k)
        assert 0 < len(keys) <= k
        assert [key.day for key in keys] == sorted({key.day for key in keys})
        assert all(key.articles >= key.later >= 0 for key in keys)


def test_key_dates_are_the_best_scored_days(db, every_day):
    chosen = db.key_dates(dates=5, sentences=0)
    lowest = min(key.score for key in chosen)
    assert all(key.score <= lowest for day, key in every_day.items()
               if day not in {c.day for c in chosen})


def test_key_dates_quote_stored_sentences_of_their_articles(db):
    keys = db.key_dates(dates=8, sentences=3)
    sentences = [s for key in keys for s in key.sentences]
    assert sentences and all(len(key.sentences) <= 3 for key in keys)
    for sentence in sentences:
        stored = db.sentence_text(sentence.article_id, sentence.index)
        assert stored is not None and quotable(stored, wire_opening(stored)) == sentence.text
        assert " ".join(stored.split()).endswith(sentence.text)  # at most a dateline cut off
        assert db.article_source(sentence.article_id) == sentence.source
        assert db.article(sentence.article_id).published == sentence.published


def test_key_dates_day_named_by_later_articles_wins_over_their_publication_day(corpus_db, db,
                                                                                every_day):
    with duckdb.connect(str(corpus_db), read_only=True) as con:
        day, published = con.execute("""
            SELECT t.first_day, list(DISTINCT a.published) FROM times t
            JOIN articles a ON a.id = t.article_id
            WHERE t.precision = 'day' AND t.first_day = t.last_day AND a.published > t.first_day
              AND t.article_id NOT IN (SELECT article_id FROM near_duplicates)
            GROUP BY 1 ORDER BY count(DISTINCT t.article_id) DESC, 1 LIMIT 1""").fetchone()
    chosen = {key.day: key for key in db.key_dates(dates=3)}
    assert day in chosen and chosen[day].later > 0
    for later in published:  # the days those articles appeared count for less
        assert later not in every_day or every_day[later].score < chosen[day].score


def test_key_dates_query_favours_days_whose_sentences_hold_its_words(db):
    def holding(keys):
        return {key.day for key in keys if any("wheat" in s.text.lower() for s in key.sentences)}

    plain = db.key_dates(dates=3)
    asked = db.key_dates(dates=3, query="wheat")
    assert [k.day for k in plain] != [k.day for k in asked]
    assert len(holding(asked)) > len(holding(plain))


def test_key_dates_for_an_actor_show_only_its_events(db):
    wanted = db.resolve_actor("Taliban")
    keys = db.key_dates(dates=10, actors=["Taliban"])
    events = [event for key in keys for event in key.events]
    assert events
    for event in events:
        assert {a.id for a in (event.source_actor, event.target_actor) if a} & wanted


def test_key_dates_since_and_until_bound_the_days(db):
    keys = db.key_dates(dates=50, since="2021-08", until="2021-08-31")
    assert keys and all(date(2021, 8, 1) <= key.day <= date(2021, 8, 31) for key in keys)
    assert all(e.date == key.day for key in keys for e in key.events)


@pytest.mark.parametrize("counts", [{"dates": 0}, {"sentences": -1}, {"dates": 1001},
                                    {"sentences": 21}])
def test_key_dates_counts_out_of_range_are_e051(db, counts):
    with pytest.raises(QueryError, match="E051"):
        db.key_dates(**counts)


def test_key_dates_are_deterministic(db):
    assert db.key_dates(dates=6, query="embassy") == db.key_dates(dates=6, query="embassy")


def test_key_dates_sentences_of_a_day_are_not_near_copies(db):
    for key in db.key_dates(dates=20, sentences=5):
        vectors = [word_counts(s.text) for s in key.sentences]
        for i, a in enumerate(vectors):
            assert all(cosine(a, b) <= MAX_SIMILARITY for b in vectors[i + 1:]), key.day


def test_key_date_json_has_the_design_shape(db):
    key = next(k for k in db.key_dates(dates=5) if k.sentences and k.events)
    shown = serialize.key_date_json(key)
    assert set(shown) == {"date", "score", "articles", "later", "sentences", "events"}
    assert shown["date"] == key.day.isoformat()
    assert set(shown["sentences"][0]) == {"article", "path", "published", "sentence", "text",
                                          "title", "outlet"}
    assert shown["events"][0] == serialize.event_json(key.events[0])


def test_key_dates_scope_can_keep_only_the_articles_published_within_days(db):
    from dateline.query.key_dates import Scope, choose_key_dates

    first, last = date(2021, 8, 1), date(2021, 8, 31)
    keys = choose_key_dates(db.connection, Scope(since=first, until=last, published=(first, last)),
                            10, 2)
    everything = db.key_dates(dates=10, since=first, until=last)
    assert keys and all(first <= s.published <= last for key in keys for s in key.sentences)
    assert sum(key.later for key in keys) < sum(key.later for key in everything)


def test_key_dates_say_date_in_python_and_json_and_keep_day_as_the_old_name(db):
    key = db.key_dates(dates=3)[0]
    assert key.day == key.date  # `day`: the record's old name for its date, kept working
    assert serialize.key_date_json(key)["date"] == key.date.isoformat()
