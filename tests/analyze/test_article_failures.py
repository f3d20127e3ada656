"""One article whose analysis fails is a Skip in its place; the rest of its chunk is analyzed."""
from datetime import date

import pytest

from dateline.analyze import article as article_module
from dateline.analyze.article import ArticleAnalyzer, analyzer_for
from dateline.ingest import article_id
from dateline.model import Analysis, Article, Skip

TEXTS = (
    "India's foreign secretary met Taliban officials in Kabul on Monday to discuss aid.",
    "POISON: Pakistan closed the Torkham crossing on Tuesday after clashes, officials said.",
    "The United Nations appealed on Wednesday for more wheat for Afghanistan.",
)


def articles() -> list[Article]:
    return [Article(id=article_id(text), source=f"feed.jsonl#{n}", text=text,
                    published=date(2022, 6, 1), published_basis="record")
            for n, text in enumerate(TEXTS, start=1)]


def test_an_article_whose_analysis_raises_is_skipped_and_its_chunk_goes_on(monkeypatch):
    real = ArticleAnalyzer._analyze

    def fragile(self, doc, article):
        if "POISON" in article.text:
            raise IndexError("list index out of range")
        return real(self, doc, article)

    monkeypatch.setattr(ArticleAnalyzer, "_analyze", fragile)
    first, skipped, last = analyzer_for(None).analyze_or_skip(articles())
    assert isinstance(first, Analysis) and isinstance(last, Analysis)
    assert [e.type for e in first.events] and last.article.source == "feed.jsonl#3"
    assert skipped == Skip("feed.jsonl#2", "E013: analysis failed: IndexError: list index out of range")


def test_a_parse_that_fails_is_retried_article_by_article(monkeypatch):
    real = article_module.parse_texts
    batches = []

    def fragile_parse(nlp, items, batch_size):
        items = list(items)
        batches.append(len(items))
        if any("POISON" in text for text, _ in items):
            raise ValueError("[E088] Text of length 2000000 exceeds maximum")
        return real(nlp, items, batch_size)

    monkeypatch.setattr(article_module, "parse_texts", fragile_parse)
    results = analyzer_for(None).analyze_or_skip(articles())
    assert batches == [3, 1, 1, 1]
    assert [type(r) for r in results] == [Analysis, Skip, Analysis]
    assert results[1].reason == "E013: analysis failed: ValueError: [E088] Text of length 2000000 exceeds maximum"


@pytest.mark.parametrize("text", ["", " \n "])
def test_an_article_with_no_words_is_analyzed_to_nothing(text):
    [result] = analyzer_for(None).analyze_or_skip([Article(id="x", source="x.txt", text=text)])
    assert isinstance(result, Analysis) and result.events == [] and result.mentions == []
