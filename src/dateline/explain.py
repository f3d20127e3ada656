"""How events are found: `dateline explain "SENTENCE"` before anything is stored, and
`dateline explain ID` of a stored event.

The text is analyzed as one article (published on `published`, when given, which relative dates
resolve against), as `dateline extract` analyzes a record; each event it yields is explained as a
stored one is (`Database.explain`): the rule behind each part and the weight of each piece of
evidence.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from dateline.analyze import analyze_article, analyze_articles
from dateline.ingest import article_id
from dateline.knowledge import Knowledge
from dateline.model import ArticleHead, Article, Explanation
from dateline.query import Database
from dateline.query.explain import explain_reading

TEXT_SOURCE = "<text>"


def explain_text(text: str, published: date | None = None, kb: Knowledge | None = None) -> Explanation:
    """Each event of `text`, read as one article, with how it was found."""
    article = Article(id=article_id(text), source=TEXT_SOURCE, text=text, published=published,
                      published_basis="record" if published else "none")
    analysis = analyze_article(article, kb)
    actors = {actor.id: actor for actor in analysis.actors}
    head = ArticleHead(article.id, TEXT_SOURCE, published=published)
    return Explanation([explain_reading(event, head, actors.get) for event in analysis.events])


def explain_event(db: Database, event_id: str, kb: Knowledge | None = None) -> Explanation:
    """`Database.explain`, with the rules of a reading stored before rules were kept found again:
    analysis is a pure function of the article, so analyzing the stored article again gives its
    events again, ids and all (a reading whose event no longer comes out keeps none)."""
    explanation = db.explain(event_id)
    unruled = {r.event.article_id for r in explanation.readings if not r.event.found_by}
    if not unruled:
        return explanation
    articles = [article for article in map(db.article, sorted(unruled)) if article is not None]
    found_by = {event.id: event.found_by for analysis in analyze_articles(articles, kb)
                for event in analysis.events}
    for reading in explanation.readings:
        if not reading.event.found_by:
            reading.event = replace(reading.event, found_by=found_by.get(reading.event.id, ()))
    return explanation
