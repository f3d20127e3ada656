"""Shared fixtures for analysis tests: the knowledge, the parsing pipeline and the event finder,
built once a session, and `code`, which analyzes a text as an article published on Wednesday
14 July 2021."""
from __future__ import annotations

from datetime import date

import pytest

from dateline.analyze.article import ArticleAnalyzer, analyzer_for
from dateline.analyze.events.finder import EventFinder
from dateline.ingest import article_id
from dateline.knowledge import Knowledge, load_knowledge
from dateline.model import Article

WEDNESDAY_14_JULY_2021 = date(2021, 7, 14)


@pytest.fixture(scope="session")
def kb() -> Knowledge:
    return load_knowledge()


@pytest.fixture(scope="session")
def analyzer(kb) -> ArticleAnalyzer:
    return analyzer_for(None)


@pytest.fixture(scope="session")
def nlp(analyzer):
    return analyzer.nlp


@pytest.fixture(scope="session")
def finder(analyzer) -> EventFinder:
    return analyzer.find_events


@pytest.fixture
def code(analyzer):
    """Events of a text analyzed as one article (published 14 July 2021 unless told otherwise)."""
    def run(text, published=WEDNESDAY_14_JULY_2021):
        article = Article(id=article_id(text), source="test.txt", text=text, published=published)
        return analyzer(analyzer.nlp(text), article).events

    return run
