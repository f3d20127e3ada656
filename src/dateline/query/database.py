"""Answering what users ask of a Dateline database: events, timelines, actors, quotes, counts.

`Database` gathers the queries by job: `actor_queries` (which actors, which one a name means),
`event_queries` (fused events and their parts), `article_queries` (articles, quotes, stories);
here are the views built over them: an actor's view, the key dates, relations, the overview.
One name per thing: `dateline key-dates` is `Database.key_dates` is the page `/key-dates`;
`dateline actor NAME` is `actor_view`, as `dateline article ID` is `article_view`: a record
with what its command and page show, where `actor(id)` and `article(id)` are the bare records.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from dateline.errors import E048, QueryError
from dateline.model import (Actor, ActorProfile, Explanation, KeyDate, Overview, Relation,
                            SourcesOverview)
from dateline.query.article_queries import ArticleQueries
from dateline.query.confidence import Hidden, shown_confidence
from dateline.query.dates import since_bound, until_bound
from dateline.query.confidence import HIDDEN, SHOWN
from dateline.query.event_queries import EventQueries, day_filters
from dateline.query.explain import explain_readings
from dateline.query.followed import read_sources
from dateline.query.key_dates import Scope, choose_key_dates, query_words
from dateline.query.relations import busiest_counted_pairs, relation
from dateline.store.schema import FUSED_EVENT_COLUMNS

__all__ = ["Database"]


class Database(EventQueries, ArticleQueries):
    """A Dateline database opened read-only for queries.

    Filtering by several actors returns what involves any of them: `--actor India --actor
    Pakistan` lists India's events and Pakistan's events, not only those between the two.
    """

    def actor_view(self, name: str, min_confidence: float | None = None) -> ActorProfile:
        """The one actor a name (or id) means, with its events (those at or above
        `min_confidence`, as in `events`) and quotes: `dateline actor NAME`, the page
        `/actors/{id}`. E046 when the name means several; `actor(id)` is the bare record."""
        actor = self._one_actor(name)
        mentions = self.mentions([actor.id])
        return ActorProfile(actor, len(mentions), len({m.article_id for m in mentions}),
                            self.events(actors=[actor.id], min_confidence=min_confidence),
                            self.quotes(actors=[actor.id]))

    actor_profile = actor_view  # its name until the views were named for their commands

    def explain(self, event_id: str) -> Explanation:
        """How an event (by its id, or a per-article event's) was found: each reading with the
        rule behind its trigger, actors, date and place, and what each piece of evidence added
        to its confidence: `dateline explain ID`, the event page's "How it was read"."""
        return explain_readings(self.connection, self.event(event_id), self.actor)

    # Key dates.

    def key_dates(self, dates: int = 20, sentences: int = 2, query: str | None = None,
                  actors: Sequence[str] = (), since: str | date | None = None,
                  until: str | date | None = None,
                  min_confidence: float | None = None, about: str | None = None) -> list[KeyDate]:
        """The `dates` days that matter most, in date order, each with up to `sentences`
        sentences from its articles and the fused events dated to it (those at or above
        `min_confidence`, as in `events`; `hidden_on` counts the others): `dateline key-dates`,
        the page `/key-dates`.

        With actors, only the articles mentioning any of them count, and only their events show;
        with a query, days named next to its words weigh more (query.key_dates says how); with
        `about`, only the articles about it count, and only their events show (as in `events`).
        """
        ids = sorted(self._resolve_all(actors)) if actors else []
        scope = Scope(self._articles_in_scope(ids, about), since_bound(since),
                      until_bound(until), query_words(query or ""))
        chosen = choose_key_dates(self.connection, scope, dates, sentences)
        events = self._events_on([key.date for key in chosen], ids, min_confidence, about)
        for key in chosen:
            key.events = events.get(key.date, [])
        return chosen

    def hidden_on(self, days: Sequence[date], actors: Sequence[str] = (),
                  min_confidence: float | None = None, about: str | None = None) -> Hidden:
        """The events `key_dates` leaves out of these days for being below the threshold."""
        if not days:
            return Hidden(0, shown_confidence(min_confidence))
        ids = sorted(self._resolve_all(actors)) if actors else []
        where, params = day_filters(list(days), ids)
        scoped, scope_params = self._about_filter(about)
        return self._hidden(where + scoped, params + scope_params, min_confidence)

    def _articles_in_scope(self, actor_ids: list[str], about: str | None) -> list[str] | None:
        """The articles key dates read: those mentioning one of the actors (when any) and
        about `about` (when given); None for every article."""
        kept = self._articles_mentioning(actor_ids) if actor_ids else None
        if about is not None:
            about_ids = self.about_articles(about)
            kept = about_ids if kept is None else sorted(set(kept) & set(about_ids))
        return kept

    # Relations.

    def relation(self, a: str, b: str, since: str | date | None = None,
                 until: str | date | None = None,
                 min_confidence: float | None = None, overlapping: bool = False,
                 about: str | None = None) -> Relation:
        """Cooperation and conflict between the actors two names mean, month by month, over
        the events at or above `min_confidence` (dates within `since`..`until`, or
        `overlapping` them, and about `about`, as in `events`)."""
        first, second = self._pair(a, b)
        return relation(first, second, self.canonical_actors(),
                        self.events(since=since, until=until, min_confidence=min_confidence,
                                    overlapping=overlapping, about=about))

    def hidden_between(self, a: str, b: str, since: str | date | None = None,
                       until: str | date | None = None,
                       min_confidence: float | None = None, overlapping: bool = False,
                       about: str | None = None) -> Hidden:
        """The events between A and B that `relation` leaves out for being below the threshold."""
        first, second = self._pair(a, b)
        threshold = shown_confidence(min_confidence)
        where, params = self._event_filters((), None, since, until, overlapping, about=about)
        # Counting needs only who did what to whom, not each event's sources and dates.
        below = [self._fused_event(row, [], [], [])
                 for row in self._event_rows([*where, HIDDEN], [*params, threshold])]
        return Hidden(len(relation(first, second, self.canonical_actors(), below).events),
                      threshold)

    def _pair(self, a: str, b: str) -> tuple[Actor, Actor]:
        """The two actors a relation is between; E048 when both names mean one actor."""
        first, second = self._one_actor(a), self._one_actor(b)
        if first.id == second.id:
            raise QueryError(E048.format(value=first.name))
        return first, second

    def relation_pairs(self, limit: int = 10,
                       min_confidence: float | None = None) -> list[tuple[Actor, Actor, int]]:
        """The pairs of actors with the most events (at or above `min_confidence`) between
        them: relations worth a look."""
        # Counted by the database per pair of stored ids, then by canonical actor.
        rows = self._query(
            "SELECT source_actor, target_actor, count(*) FROM fused_events"
            f" WHERE {SHOWN} AND source_actor IS NOT NULL AND target_actor IS NOT NULL"
            " GROUP BY source_actor, target_actor", [shown_confidence(min_confidence)])
        return busiest_counted_pairs(((self.actor(a), self.actor(b), n) for a, b, n in rows), limit)

    # The whole database.

    def overview(self, top: int = 10, recent: int = 10,
                 min_confidence: float | None = None) -> Overview:
        """The counts, the `top` most mentioned actors and the `recent` latest dated events
        (at or above `min_confidence`, as in `events`)."""
        threshold = shown_confidence(min_confidence)
        dated = self._with_parts(self._query(
            f"SELECT {', '.join(FUSED_EVENT_COLUMNS)} FROM fused_events"
            f" WHERE date IS NOT NULL AND {SHOWN}"
            " ORDER BY date DESC, date_end DESC, type, id LIMIT ?", [threshold, recent]))
        return Overview(self.stats(min_confidence), self.actors()[:top], dated, self.sources())

    def sources(self, rounds: int = 10) -> SourcesOverview:
        """What was followed on the web: the feeds and sitemaps with their latest fetch and the
        pages each listed, pages read, URLs whose latest fetch failed, the last fetch, and the
        latest `rounds` rounds of `dateline watch`: `dateline stats`, the overview's "Sources"."""
        return read_sources(self.connection, rounds)

    def _count(self, table: str, where: str = "") -> int:
        return self._query(f"SELECT count(*) FROM {table} {where}")[0][0]

    def stats(self, min_confidence: float | None = None) -> dict:
        """What the database holds; `events` counts every fused event, `shown_events` those the
        views list (at or above `min_confidence`, as in `events`)."""
        count = self._count
        shown = self._query(f"SELECT count(*) FROM fused_events WHERE {SHOWN}",
                            [shown_confidence(min_confidence)])[0][0]
        return {
            "articles": count("articles"),
            "events": count("fused_events"),
            "shown_events": shown,
            "event_mentions": count("events"),
            "actors": len(self.named_actors()),
            "quotes": count("quotes"),
            "mentions": count("mentions"),
            "times": count("times"),
            "dated_events": count("fused_events", "WHERE date IS NOT NULL"),
            "undated_events": count("fused_events", "WHERE date IS NULL"),
            "stories": count("stories"),
            "near_duplicates": count("near_duplicates"),
        }
