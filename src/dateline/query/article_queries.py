"""The stored articles and what was read from them: their text and marks, quotes, stories and
near-duplicates. `Database`'s article queries.

A listing that cites articles looks its citations up in one query (`quote_citations`,
`article_sources`), never one per row.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dateline.errors import E047, NotFound
from dateline.model import (ActorMention, Article, ArticleHead, ArticleView, NearDuplicate, Quote,
                            Story)
from dateline.query.search_queries import SearchQueries
from dateline.query.articles import read_event_marks, read_sentences, read_times


@dataclass(frozen=True, slots=True)
class QuoteCitation:
    """Where a quote was read: its article's path and the sentence that holds it."""

    path: str | None
    sentence: str | None


class ArticleQueries(SearchQueries):
    """Articles, quotes and stories; speakers and mentioned actors given as canonical ids."""

    def article(self, article_id: str) -> Article | None:
        row = self._query("SELECT id, source, text, title, outlet, url, published, published_basis"
                          " FROM articles WHERE id = ?", [article_id])
        return Article(*row[0]) if row else None

    def articles(self) -> list[Article]:
        """Every stored article, by publication date (undated last), then source."""
        return [Article(*row) for row in self._query(
            "SELECT id, source, text, title, outlet, url, published, published_basis"
            " FROM articles ORDER BY published NULLS LAST, source, id")]

    def article_view(self, article_id: str) -> ArticleView:
        """One article with its sentences, actor mentions, time expressions and events marked:
        `dateline article ID`, the page `/articles/{id}`."""
        article = self.article(article_id)
        if article is None:
            raise NotFound(E047.format(what="article", value=article_id))
        sentences = read_sentences(self.connection, article_id)
        original = self._query("SELECT original_id FROM near_duplicates WHERE article_id = ?",
                               [article_id])
        copies = [row[0] for row in self._query(
            "SELECT source FROM article_copies WHERE article_id = ? ORDER BY source", [article_id])]
        return ArticleView(article, sentences, self._article_mentions(article_id),
                           read_times(self.connection, article_id),
                           read_event_marks(self.connection, article_id, sentences),
                           self.story_of(article_id), original[0][0] if original else None,
                           copies or [article.source])

    def _article_mentions(self, article_id: str) -> list[ActorMention]:
        links = self.links()
        rows = self._query(
            "SELECT m.article_id, a.source, a.published, m.start_char, m.end_char, m.text,"
            " m.actor_id, m.sentence, m.how FROM mentions m JOIN articles a ON a.id = m.article_id"
            " WHERE m.article_id = ? ORDER BY m.start_char, m.end_char", [article_id])
        return [ActorMention(*row[:6], links.get(row[6], row[6]), *row[7:]) for row in rows]

    def article_heads(self) -> dict[str, ArticleHead]:
        """Every article by id, without its text, by publication date (undated last), then source."""
        return {row[0]: ArticleHead(*row) for row in self._query(
            "SELECT id, source, title, outlet, url, published FROM articles"
            " ORDER BY published NULLS LAST, source, id")}

    def article_ids(self) -> list[str]:
        """Every stored article, by publication date (undated last), then source."""
        return [row[0] for row in self._query(
            "SELECT id FROM articles ORDER BY published NULLS LAST, source, id")]

    def article_source(self, article_id: str) -> str | None:
        row = self._query("SELECT source FROM articles WHERE id = ?", [article_id])
        return row[0][0] if row else None

    def article_sources(self, article_ids: Iterable[str]) -> dict[str, str]:
        """The path of each of these articles that is stored, in one query."""
        return dict(self._query("SELECT id, source FROM articles WHERE id IN (SELECT unnest(?))",
                                [sorted(set(article_ids))]))

    def sentence_text(self, article_id: str, index: int) -> str | None:
        row = self._query("SELECT text FROM sentences WHERE article_id = ? AND idx = ?",
                          [article_id, index])
        return row[0][0] if row else None

    # Quotes.

    def quotes(self, actors: Sequence[str] = ()) -> list[Quote]:
        """Quotes, their speaker given as the canonical actor id, in the order they were said."""
        links = self.links()
        wanted = self._resolve_all(actors) if actors else None
        quotes = []
        for quote_id, article_id, speaker, text, sentence, said_on in self._query(
                "SELECT q.id, q.article_id, q.speaker, q.text, q.sentence, q.said_on FROM quotes q"
                " JOIN articles a ON a.id = q.article_id"
                " ORDER BY coalesce(q.said_on, a.published) NULLS LAST, q.id"):
            canonical = links.get(speaker, speaker) if speaker else None
            if wanted is None or canonical in wanted:
                quotes.append(Quote(quote_id, article_id, canonical, text, sentence, said_on))
        return quotes

    def quote_citations(self, quotes: Sequence[Quote]) -> dict[str, QuoteCitation]:
        """Each quote's citation by quote id, for a whole listing in one query."""
        rows = self._query(
            "SELECT q.id, a.source, s.text FROM quotes q JOIN articles a ON a.id = q.article_id"
            " LEFT JOIN sentences s ON s.article_id = q.article_id AND s.idx = q.sentence"
            " WHERE q.id IN (SELECT unnest(?))", [sorted({quote.id for quote in quotes})])
        return {quote_id: QuoteCitation(path, sentence) for quote_id, path, sentence in rows}

    # Stories and near-duplicates.

    def stories(self, about: str | None = None) -> list[Story]:
        """Every story, earliest first, with its articles in the order they were clustered;
        with `about`, the stories holding an article about it, each with those articles only."""
        members: dict[str, list[str]] = {}
        kept = set(self.about_articles(about)) if about is not None else None
        for story_id, article_id in self._query(
                "SELECT story_id, article_id FROM story_articles ORDER BY story_id, position"):
            if kept is None or article_id in kept:
                members.setdefault(story_id, []).append(article_id)
        return [Story(story_id, label, first, last, members.get(story_id, []))
                for story_id, label, first, last in self._query(
                    "SELECT id, label, first, last FROM stories ORDER BY first NULLS LAST, id")
                if kept is None or story_id in members]

    def story_of(self, article_id: str) -> str | None:
        row = self._query("SELECT story_id FROM story_articles WHERE article_id = ?", [article_id])
        return row[0][0] if row else None

    def near_duplicates(self) -> list[NearDuplicate]:
        """Articles that are copies or light rewrites of an earlier one."""
        return [NearDuplicate(*row) for row in self._query(
            "SELECT article_id, original_id, similarity FROM near_duplicates ORDER BY article_id")]
