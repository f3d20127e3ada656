"""Full-text search and scoping to a topic: `Database.search` and the `about=` of the views.

`search` ranks articles, events and actors by BM25 (query.search_index says what is indexed and
how words are read). `about_articles` says which articles are about a query, for `about=`:

An article is about a query when each of the query's words (or "quoted phrases") is in its
headline or at least twice in its text, after stemming and case folding. One passing mention
does not make an article about something; a headline does. When the whole query is the name
of one actor, an article that mentions that actor at least twice by any of its names is about
it too: "Syria" keeps a report of "Syrian forces" shelling a town "near Damascus", which the
word alone would miss. Only its name: an alias ("Kabul" for Afghanistan, as its government) would
widen a question about a city to a whole country. The views then keep the events with at least one
cited source among those articles.
"""
from __future__ import annotations

from collections.abc import Sequence

from dateline.errors import E064, QueryError
from dateline.model import SEARCH_KINDS, SearchHit
from dateline.query.actor_queries import ActorQueries
from dateline.query.confidence import HIDDEN, Hidden, shown_confidence
from dateline.query.key_dates import check_count
from dateline.query.search_index import (SearchIndex, analyzer, build_index, kept_index,
                                         query_pieces, read_documents)

MAX_HITS = 1000
SNIPPET_CHARS = 160
ABOUT_TEXT_MENTIONS = 2  # how often a word must be in an article's text when not in its headline
# The events an about-set keeps: those with a cited source in one of its articles.
ABOUT_EVENTS = ("id IN (SELECT s.fused_id FROM fused_event_sources s JOIN events e"
                " ON e.id = s.event_id WHERE s.cited IS NOT FALSE"
                " AND e.article_id IN (SELECT unnest(?::VARCHAR[])))")


class SearchQueries(ActorQueries):
    """Search over a database's articles, events and actors."""

    def search(self, query: str, kinds: Sequence[str] = SEARCH_KINDS, limit: int = 20,
               min_confidence: float | None = None) -> list[SearchHit]:
        """The `limit` articles, events and actors (of `kinds`) best matching a search, best
        first: each holds every word and "quoted phrase" of it: `dateline search`, the page
        `/search`. Events below `min_confidence` are left out, as the views leave them out
        (DEFAULT_MIN_CONFIDENCE unless given; 0 keeps every event); `search_hidden` counts
        them. E063 for a search with no words, E064 for an unknown kind."""
        check_count("--limit", limit, 1, MAX_HITS)
        pieces = query_pieces(query)
        index = self.search_index()
        found = self._by_confidence(index.find(pieces, _kinds(kinds), MAX_HITS),
                                    min_confidence)[0][:limit]
        records = self._hit_records(found)
        hits = [records[(kind, id_)] for _, kind, id_ in found]
        bodies = [hit.snippet for hit in hits]
        for hit, (score, _, _), (snippet, marks) in zip(
                hits, found, index.snippets(pieces, bodies, SNIPPET_CHARS)):
            hit.score, hit.snippet, hit.marks = round(score, 3), snippet, marks
        return hits

    def search_hidden(self, query: str, kinds: Sequence[str] = SEARCH_KINDS,
                      min_confidence: float | None = None) -> Hidden:
        """The events matching a search that `search` leaves out for being below the
        threshold."""
        found = self.search_index().find(query_pieces(query), _kinds(kinds), MAX_HITS)
        return Hidden(len(self._by_confidence(found, min_confidence)[1]),
                      shown_confidence(min_confidence))

    def _by_confidence(self, found: list[tuple], min_confidence: float | None
                       ) -> tuple[list[tuple], list[tuple]]:
        """The hits (score, kind, id) a view shows, in their order, and the events it hides."""
        events = [id_ for _, kind, id_ in found if kind == "event"]
        low = {row[0] for row in self._query(
            f"SELECT id FROM fused_events WHERE id IN (SELECT unnest(?::VARCHAR[])) AND {HIDDEN}",
            [events, shown_confidence(min_confidence)])} if events else set()
        hides = [kind == "event" and id_ in low for _, kind, id_ in found]
        return ([hit for hit, hid in zip(found, hides) if not hid],
                [hit for hit, hid in zip(found, hides) if hid])

    def about_articles(self, about: str) -> list[str]:
        """The ids of the articles about a query (see the module's docstring), sorted."""
        pieces = query_pieces(about)
        index = self.search_index()
        key = tuple(tuple(words) for words in pieces)
        if key not in index.abouts:
            found = index.find(pieces, ["article"], max(1, self._count_articles()))
            ids = [id_ for _, _, id_ in found]
            read = analyzer()
            kept = [id_ for id_, title, text in self._query(
                        "SELECT id, title, text FROM articles WHERE id IN (SELECT unnest(?))", [ids])
                    if all(_count(read.analyze(title or ""), words) > 0
                           or _count(read.analyze(text or ""), words) >= ABOUT_TEXT_MENTIONS
                           for words in pieces)]
            index.abouts[key] = sorted(set(kept) | set(self._articles_about_actor(about)))
        return index.abouts[key]

    def _articles_about_actor(self, about: str) -> list[str]:
        """The articles mentioning, at least ABOUT_TEXT_MENTIONS times by any of its names, the
        one actor the whole query is the name (or id) of; none when it names no actor, or
        several."""
        wanted = about.strip().strip('"').strip().lower()
        named = [a for a in self.named_actors() if wanted in (a.id.lower(), a.name.lower())]
        if len(named) != 1:
            return []
        return [row[0] for row in self._query(
            "SELECT article_id FROM mentions WHERE actor_id IN (SELECT unnest(?))"
            " GROUP BY article_id HAVING count(*) >= ?",
            [self._stored_ids([named[0].id]), ABOUT_TEXT_MENTIONS])]

    def search_index(self) -> SearchIndex:
        """The index of this database, built on first use and kept while the file is unchanged."""
        return kept_index(self.path, lambda: build_index(
            read_documents(self.connection, self.named_actors())))

    def _about_filter(self, about: str | None) -> tuple[list[str], list[object]]:
        """The SQL condition on fused events that `about` asks for, and its parameter."""
        if about is None:
            return [], []
        return [ABOUT_EVENTS], [self.about_articles(about)]

    def _count_articles(self) -> int:
        return self._query("SELECT count(*) FROM articles")[0][0]

    def _hit_records(self, found: list[tuple]) -> dict[tuple[str, str], SearchHit]:
        """The hits' records, each with its whole body as its snippet for now."""
        wanted = {kind: [id_ for _, k, id_ in found if k == kind] for kind in ("article", "event")}
        records = {}
        for id_, title, outlet, published, text, source in self._query(
                "SELECT id, title, outlet, published, text, source FROM articles"
                " WHERE id IN (SELECT unnest(?::VARCHAR[]))", [wanted["article"]]):
            records[("article", id_)] = SearchHit("article", id_, title or "", 0.0, text or "",
                                                  outlet=outlet, date=published, source=source)
        for id_, summary, day, sentences in self._query("""
                SELECT f.id, f.summary, f.date, string_agg(DISTINCT e.sentence_text, ' ')
                FROM fused_events f LEFT JOIN fused_event_sources s ON s.fused_id = f.id
                LEFT JOIN events e ON e.id = s.event_id
                WHERE f.id IN (SELECT unnest(?::VARCHAR[])) GROUP BY f.id, f.summary, f.date""",
                [wanted["event"]]):
            records[("event", id_)] = SearchHit("event", id_, summary or "", 0.0, sentences or "",
                                                date=day)
        for _, kind, id_ in found:
            if kind == "actor":
                actor = self.canonical_actors()[id_]
                records[(kind, id_)] = SearchHit(kind, id_, actor.name, 0.0,
                                                 " · ".join([actor.name, *actor.aliases]))
        return records


def _kinds(kinds: Sequence[str]) -> list[str]:
    """The kinds a user asked to search, as the index names them (E064 for one it has not)."""
    return [check_kind(kind) for kind in kinds]


def check_kind(kind: str) -> str:
    """The kind of record a user asked to search ("articles" or "article"), as the index names
    it; E064 when there is none such."""
    singular = kind.strip().lower().removesuffix("s")
    if f"{singular}s" not in SEARCH_KINDS:
        raise QueryError(E064.format(value=kind, choices=", ".join(SEARCH_KINDS)))
    return singular


def _count(tokens: list[str], words: list[str]) -> int:
    """How often the word sequence `words` occurs in `tokens`."""
    size = len(words)
    return sum(1 for i in range(len(tokens) - size + 1) if tokens[i:i + size] == words)
