"""`Database.search` and `about=` over the sample corpus: ranking, stemming, snippets, scoping,
and the numbered errors for searches that cannot be run."""
import re
import shutil
from collections import Counter

import pytest

from dateline.errors import QueryError
from dateline.model import SearchHit
from dateline.query import Database
from dateline.query.kept import file_state


@pytest.fixture(scope="module")
def db(corpus_db):
    with Database(corpus_db) as opened:
        yield opened


def test_search_puts_the_article_with_the_word_in_its_headline_first(db):
    hits = db.search("wheat", kinds=["articles"], limit=10)
    assert "wheat" in hits[0].title.lower()
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert all(isinstance(h, SearchHit) and h.kind == "article" for h in hits)


def test_search_stems_and_folds_case(db):
    plural = db.search("MEETINGS", kinds=["articles"], limit=50)
    singular = db.search("meeting", kinds=["articles"], limit=50)
    assert [h.id for h in plural] == [h.id for h in singular]
    texts = {a.id: a.text for a in db.articles()}
    # an article holding only the singular is found by the plural
    assert any("meetings" not in texts[h.id].lower() and "meeting" in texts[h.id].lower()
               for h in plural)


def test_snippets_mark_the_matched_words(db):
    for hit in db.search("Kabul embassy", limit=10):
        assert hit.marks
        assert all(hit.snippet[start:end].lower().startswith(("kabul", "embass"))
                   for start, end in hit.marks)
        assert hit.marked_snippet("<", ">").count("<") == len(hit.marks)


def test_a_hit_holds_every_word_and_each_phrase(db):
    words = db.search("Jaishankar Atmar", kinds=["articles"], limit=50)
    texts = {a.id: (a.title or "") + " " + a.text for a in db.articles()}
    assert words and all("Jaishankar" in texts[h.id] and "Atmar" in texts[h.id] for h in words)
    phrase = db.search('"Islamic Emirate"', kinds=["articles"], limit=50)
    assert phrase and all(re.search(r"Islamic\s+Emirate", texts[h.id], re.I) for h in phrase)


def test_search_finds_actors_and_events(db):
    actors = db.search("Jaishankar", kinds=["actors"])
    assert actors and actors[0].kind == "actor" and "Jaishankar" in actors[0].title
    events = db.search("evacuated", kinds=["events"], limit=5)
    assert events and all(h.kind == "event" and db.event(h.id) for h in events)


@pytest.mark.parametrize("query", ["", "  ", "...", '"', "?!"])
def test_a_search_with_no_words_is_e063(db, query):
    with pytest.raises(QueryError, match="^E063: "):
        db.search(query)


def test_unknown_kind_and_bad_limit_are_numbered(db):
    with pytest.raises(QueryError, match="^E064: "):
        db.search("Kabul", kinds=["quotes"])
    with pytest.raises(QueryError, match="^E051: "):
        db.search("Kabul", limit=0)


def about_by_words(db, word: str) -> set[str]:
    """The articles holding `word` in their headline or twice in their text (none of the words
    these tests use takes another form in the sample corpus, so no stemming is needed here)."""
    found = re.compile(rf"\b{word}\b", re.I)
    return {a.id for a in db.articles()
            if found.search(a.title or "") or len(found.findall(a.text)) >= 2}


@pytest.mark.parametrize("word", ["wheat", "minister"])
def test_an_article_is_about_a_word_in_its_headline_or_twice_in_its_text(db, word):
    about = set(db.about_articles(word))
    found = re.compile(rf"\b{word}\b", re.I)
    mentioning = {a.id for a in db.articles() if found.search((a.title or "") + " " + a.text)}
    assert about == about_by_words(db, word)
    assert about and len(about) < len(mentioning)  # one passing mention is not enough


def test_an_article_mentioning_the_actor_a_query_names_twice_is_about_it(db):
    # "Pakistani" and "Islamabad" are Pakistan too: mentions of the actor count as its name does.
    twice = {article for article, count in Counter(
        m.article_id for m in db.mentions(["PAK"])).items() if count >= 2}
    about = set(db.about_articles("Pakistan"))
    assert about == about_by_words(db, "Pakistan") | twice
    assert about - about_by_words(db, "Pakistan")  # the sample corpus has such articles
    # Kabul is only an alias of Afghanistan (its government): asking about the city does not
    # widen to the country.
    assert set(db.about_articles("Kabul")) == about_by_words(db, "Kabul")


def test_about_keeps_the_events_with_a_cited_source_in_those_articles(db):
    about = set(db.about_articles("Taliban"))
    every = db.events(min_confidence=0)
    scoped = db.events(min_confidence=0, about="Taliban")
    assert 0 < len(scoped) < len(every)
    assert {e.id for e in scoped} == {e.id for e in every
                                      if any(s.article_id in about for s in e.sources)}
    assert db.timeline(about="Taliban", min_confidence=0) == scoped
    assert db.hidden(about="Taliban").count <= db.hidden().count


def test_about_scopes_key_dates_and_stories(db):
    about = set(db.about_articles("wheat"))
    keys = db.key_dates(dates=5, about="wheat")
    assert keys and {s.article_id for k in keys for s in k.sentences} <= about
    assert all(any(s.article_id in about for s in e.sources) for k in keys for e in k.events)
    stories = db.stories(about="wheat")
    assert stories and {a for s in stories for a in s.article_ids} == about - near_copies(db)


def near_copies(db) -> set[str]:
    """The articles story clustering leaves out: near-duplicates are in no story."""
    clustered = {a for s in db.stories() for a in s.article_ids}
    return {a.id for a in db.articles()} - clustered


def test_no_article_about_it_scopes_to_nothing(db):
    assert db.about_articles("zanzibar") == []
    assert db.events(about="zanzibar") == [] and db.stories(about="zanzibar") == []


def test_the_index_is_kept_per_version_of_the_file(corpus_db, tmp_path):
    with Database(corpus_db) as one, Database(corpus_db) as other:
        assert one.search_index() is other.search_index()
    copy = tmp_path / "copy.duckdb"
    shutil.copy(corpus_db, copy)
    before = file_state(str(copy))
    with copy.open("ab") as file:
        file.write(b"\0")
    assert file_state(str(copy)) != before


def test_without_tantivy_search_is_e066(db, monkeypatch):
    monkeypatch.setitem(__import__("sys").modules, "tantivy", None)  # as if not installed
    with pytest.raises(QueryError, match="^E066: .*make install"):
        db.search("Kabul")


def test_a_hit_without_a_headline_is_named_by_its_path():
    untitled = SearchHit("article", "a1", "", 1.0, "text", source="in/2011-06-03/7.htm.txt")
    assert untitled.label == "in/2011-06-03/7.htm.txt"
    assert SearchHit("actor", "IND", "India", 1.0, "India").label == "India"
    assert SearchHit("event", "e1", "", 1.0, "text").label == "e1"


def test_search_leaves_out_the_events_a_view_hides_and_counts_them(db):
    every = db.search("wheat", kinds=["events"], limit=100, min_confidence=0)
    shown = db.search("wheat", kinds=["events"], limit=100)
    confidence = {e.id: e.confidence for e in db.events(min_confidence=0)}
    assert [h.id for h in shown] == [h.id for h in every if confidence[h.id] >= 0.5]
    hidden = db.search_hidden("wheat", kinds=["events"])
    assert hidden.count == len(every) - len(shown) > 0
    assert db.search_hidden("wheat", kinds=["events"], min_confidence=0).count == 0
