"""Answering what users ask of a Dateline database: events, timelines, actors, quotes, counts."""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from dateline.errors import E042, E045, E047, E048, NotFound, QueryError
from dateline.fuse.actors import merge_linked
from dateline.model import (Actor, ActorCandidate, ActorMention, ActorProfile, Article,
                            ArticleHead, ArticleView, DateClaim, EventSource, FusedEvent, KeyDate,
                            Location, NearDuplicate, Overview, Quote, Reading, Relation, Story,
                            is_unresolved)
from dateline.query.actor_choice import (choice_message, count_mentions, fitting_actors,
                                         rank_candidates)
from dateline.query.articles import read_event_marks, read_sentences, read_times
from dateline.query.confidence import (DEFAULT_MIN_CONFIDENCE, Hidden, read_readings,
                                       shown_confidence)
from dateline.query.dates import since_bound, until_bound
from dateline.query.key_dates import Scope, choose_key_dates, query_words
from dateline.query.relations import busiest_pairs, relation
from dateline.store import connect, default_db_path
from dateline.store.reader import read_actors
from dateline.store.schema import FUSED_EVENT_COLUMNS

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
                "ASSAULT")
# A view lists an event at or above its threshold and hides one below; a row stored before
# confidence was measured (NULL) is listed, as it was before.
SHOWN = "coalesce(confidence, 1) >= ?"
HIDDEN = "coalesce(confidence, 1) < ?"
EVENT_ORDER = " ORDER BY date NULLS LAST, date_end, type, id"

__all__ = ["DEFAULT_MIN_CONFIDENCE", "PLOVER_TYPES", "Database", "check_event_type",
           "shown_confidence"]


class Database:
    """A Dateline database opened read-only for queries.

    Filtering by several actors returns what involves any of them: `--actor India --actor
    Pakistan` lists India's events and Pakistan's events, not only those between the two.
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = str(path if path is not None else default_db_path())
        self.connection = connect(self.path, read_only=True)  # never creates a file
        self._actors: dict[str, Actor] | None = None
        self._links: dict[str, str] | None = None

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self.connection.close()

    def _query(self, sql: str, params: Sequence[object] = ()) -> list[tuple]:
        return self.connection.execute(sql, list(params)).fetchall()

    # Actors.

    def links(self) -> dict[str, str]:
        """Every actor id -> its canonical id (itself when fusion has not linked it)."""
        if self._links is None:
            self._links = dict(self._query("SELECT actor_id, canonical_id FROM actor_links"))
        return self._links

    def canonical_actors(self) -> dict[str, Actor]:
        """Canonical actors by id, carrying the aliases and roles of the actors linked to them."""
        if self._actors is None:
            self._actors = merge_linked(read_actors(self.connection), self.links())
        return self._actors

    def named_actors(self) -> list[Actor]:
        """The canonical actors a user can ask for by name: all but the people known only by a
        bare name within one article (`is_unresolved`), who are mentions, not actors."""
        return [actor for actor in self.canonical_actors().values() if not is_unresolved(actor)]

    def actor(self, actor_id: str | None) -> Actor | None:
        """The canonical actor behind any actor id; an id with no stored actor shows as itself."""
        if actor_id is None:
            return None
        canonical = self.links().get(actor_id, actor_id)
        return self.canonical_actors().get(canonical) or Actor(canonical, canonical, "group")

    def resolve_actor(self, name: str) -> set[str]:
        """Canonical ids of the actors a user's name means: by id, name or alias, any case.

        An exact match wins; failing that, a whole-word match ("Atmar" finds "Haneef Atmar").
        """
        if name.strip() in self.canonical_actors():
            return {name.strip()}  # an id names its actor, resolved or not
        wanted = name.strip().lower()
        actors = self.named_actors()
        exact = {a.id for a in actors if wanted in {n.lower() for n in (a.id, a.name, *a.aliases)}}
        if exact:
            return exact
        word = re.compile(rf"\b{re.escape(wanted)}\b", re.IGNORECASE)
        found = {a.id for a in actors if any(word.search(n) for n in (a.name, *a.aliases))}
        if not found:
            raise NotFound(E045.format(value=name))
        return found

    def _resolve_all(self, names: Iterable[str]) -> set[str]:
        ids: set[str] = set()
        for name in names:
            ids |= self.resolve_actor(name)
        return ids

    def actors(self) -> list[tuple[Actor, int]]:
        """Canonical actors with how often they are mentioned, the most mentioned first."""
        counts: dict[str, int] = {}
        links = self.links()
        for actor_id, count in self._query(
                "SELECT actor_id, count(*) FROM mentions GROUP BY actor_id"):
            canonical = links.get(actor_id, actor_id)
            counts[canonical] = counts.get(canonical, 0) + count
        return sorted(((a, counts.get(a.id, 0)) for a in self.named_actors()),
                      key=lambda pair: (-pair[1], pair[0].name.lower(), pair[0].id))

    def actor_profile(self, name: str, min_confidence: float | None = None) -> ActorProfile:
        """The one actor a name means, with its events (those at or above `min_confidence`, as
        in `events`) and quotes; E046 when it means several."""
        actor = self._one_actor(name)
        mentions = self.mentions([actor.id])
        return ActorProfile(actor, len(mentions), len({m.article_id for m in mentions}),
                            self.events(actors=[actor.id], min_confidence=min_confidence),
                            self.quotes(actors=[actor.id]))

    def mentions(self, actors: Sequence[str] = ()) -> list[ActorMention]:
        """Every actor mention with its citation, its actor given as the canonical id; of the
        given actors only, when any are named. In article order, then text order."""
        links = self.links()
        sql = ("SELECT m.article_id, a.source, a.published, m.start_char, m.end_char, m.text,"
               " m.actor_id, m.sentence, m.how FROM mentions m JOIN articles a ON a.id = m.article_id")
        params: list[object] = []
        if actors:  # the stored ids that any of the wanted canonical actors stands for
            wanted = self._resolve_all(actors)
            params.append(sorted(wanted | {i for i, canonical in links.items() if canonical in wanted}))
            sql += " WHERE m.actor_id IN (SELECT unnest(?))"
        rows = self._query(sql + " ORDER BY a.published NULLS LAST, a.source, m.start_char, m.end_char",
                           params)
        return [ActorMention(article_id, source, published, start, end, text,
                             links.get(actor_id, actor_id), sentence, how)
                for article_id, source, published, start, end, text, actor_id, sentence, how in rows]

    # Events.

    def events(self, actors: Sequence[str] = (), type: str | None = None,
               since: str | date | None = None, until: str | date | None = None,
               min_confidence: float | None = None) -> list[FusedEvent]:
        """Fused events, dated ones by date then undated ones; filters combine with AND.

        With `since` or `until`, undated events are left out: nothing says they fall inside.
        Only events at or above `min_confidence` show (DEFAULT_MIN_CONFIDENCE unless given; 0
        shows every event); `hidden` counts the others.
        """
        where, params = self._event_filters(actors, type, since, until)
        return self._with_parts(self._event_rows([*where, SHOWN],
                                                 [*params, shown_confidence(min_confidence)]))

    def hidden(self, actors: Sequence[str] = (), type: str | None = None,
               since: str | date | None = None, until: str | date | None = None,
               min_confidence: float | None = None) -> Hidden:
        """The events `events` (or `timeline`) with these arguments leaves out for being below
        the threshold."""
        return self._hidden(*self._event_filters(actors, type, since, until), min_confidence)

    def _hidden(self, where: list[str], params: list[object],
                min_confidence: float | None) -> Hidden:
        """The fused events meeting every condition that fall below the threshold."""
        threshold = shown_confidence(min_confidence)
        sql = f"SELECT count(*) FROM fused_events WHERE {' AND '.join([*where, HIDDEN])}"
        return Hidden(self._query(sql, [*params, threshold])[0][0], threshold)

    def _event_filters(self, actors: Sequence[str], type: str | None, since: str | date | None,
                       until: str | date | None) -> tuple[list[str], list[object]]:
        """SQL conditions on fused events for the filters a user gave, and their parameters."""
        where: list[str] = []
        params: list[object] = []
        if type is not None:
            where.append("type = ?")
            params.append(check_event_type(type))
        if actors:
            ids = sorted(self._resolve_all(actors))
            where.append("(source_actor IN (SELECT unnest(?)) OR target_actor IN (SELECT unnest(?)))")
            params += [ids, ids]
        start, end = since_bound(since), until_bound(until)
        if start:
            where.append("coalesce(date_end, date) >= ?")
            params.append(start)
        if end:
            where.append("date <= ?")
            params.append(end)
        return where, params

    def _event_rows(self, where: list[str], params: list[object]) -> list[tuple]:
        """Fused event rows meeting every condition, dated ones by date then undated ones."""
        return self._query(f"SELECT {', '.join(FUSED_EVENT_COLUMNS)} FROM fused_events"
                           f" WHERE {' AND '.join(where)}{EVENT_ORDER}", params)

    def _with_parts(self, rows: list[tuple]) -> list[FusedEvent]:
        """Fused event rows as records, with their sources, dates and members."""
        ids = [row[0] for row in rows]
        sources, dates, members = self._sources(ids), self._date_claims(ids), self._members(ids)
        return [self._fused_event(row, sources.get(row[0], []), dates.get(row[0], []),
                                  members.get(row[0], [])) for row in rows]

    def timeline(self, actors: Sequence[str] = (), since: str | date | None = None,
                 until: str | date | None = None, type: str | None = None,
                 min_confidence: float | None = None) -> list[FusedEvent]:
        """Every fused event at or above `min_confidence` in time order, undated ones at the end."""
        return self.events(actors=actors, type=type, since=since, until=until,
                           min_confidence=min_confidence)

    def key_dates(self, dates: int = 20, sentences: int = 2, query: str | None = None,
                  actors: Sequence[str] = (), since: str | date | None = None,
                  until: str | date | None = None,
                  min_confidence: float | None = None) -> list[KeyDate]:
        """The `dates` days that matter most, in date order, each with up to `sentences`
        sentences from its articles and the fused events dated to it (those at or above
        `min_confidence`, as in `events`; `hidden_on` counts the others).

        With actors, only the articles mentioning any of them count, and only their events show;
        with a query, days named next to its words weigh more (query.key_dates says how).
        """
        ids = sorted(self._resolve_all(actors)) if actors else []
        scope = Scope(self._articles_mentioning(ids) if actors else None, since_bound(since),
                      until_bound(until), query_words(query or ""))
        chosen = choose_key_dates(self.connection, scope, dates, sentences)
        events = self._events_on([key.day for key in chosen], ids, min_confidence)
        for key in chosen:
            key.events = events.get(key.day, [])
        return chosen

    def _articles_mentioning(self, canonical_ids: list[str]) -> list[str]:
        """The articles that mention any of these canonical actors, by any linked id."""
        wanted = set(canonical_ids)
        stored = sorted(wanted | {i for i, canonical in self.links().items() if canonical in wanted})
        return [row[0] for row in self._query(
            "SELECT DISTINCT article_id FROM mentions WHERE actor_id IN (SELECT unnest(?))"
            " ORDER BY article_id", [stored])]

    def hidden_on(self, days: Sequence[date], actors: Sequence[str] = (),
                  min_confidence: float | None = None) -> Hidden:
        """The events `key_dates` leaves out of these days for being below the threshold."""
        if not days:
            return Hidden(0, shown_confidence(min_confidence))
        ids = sorted(self._resolve_all(actors)) if actors else []
        return self._hidden(*_day_filters(list(days), ids), min_confidence)

    def _events_on(self, days: list[date], actor_ids: list[str],
                   min_confidence: float | None = None) -> dict[date, list[FusedEvent]]:
        """The fused events dated to one of these days, those with the most sources first."""
        if not days:
            return {}
        where, params = _day_filters(days, actor_ids)
        sql = (f"SELECT {', '.join(FUSED_EVENT_COLUMNS)} FROM fused_events"
               f" WHERE {' AND '.join([*where, SHOWN])} ORDER BY date, id")
        found: dict[date, list[FusedEvent]] = {}
        rows = self._query(sql, [*params, shown_confidence(min_confidence)])
        for event in self._with_parts(rows):
            found.setdefault(event.date, []).append(event)
        for events in found.values():
            events.sort(key=lambda event: -len(event.sources))
        return found

    def _fused_event(self, row: tuple, sources: list[EventSource], dates: list[DateClaim],
                     members: list[str]) -> FusedEvent:
        values = dict(zip(FUSED_EVENT_COLUMNS, row))
        name, country = values.pop("location_name"), values.pop("location_country")
        values["source_actor"] = self.actor(values["source_actor"])
        values["target_actor"] = self.actor(values["target_actor"])
        return FusedEvent(location=Location(name, country) if name else None, sources=sources,
                          dates=dates, members=members, **values)

    def _date_claims(self, fused_ids: list[str]) -> dict[str, list[DateClaim]]:
        if not fused_ids:
            return {}
        claims: dict[str, list[DateClaim]] = {}
        for fused_id, *fields in self._query(
                "SELECT fused_id, date, date_end, precision, basis, reports, support"
                " FROM fused_event_dates WHERE fused_id IN (SELECT unnest(?))"
                " ORDER BY fused_id, rank", [fused_ids]):
            claims.setdefault(fused_id, []).append(DateClaim(*fields))
        return claims

    def _sources(self, fused_ids: list[str]) -> dict[str, list[EventSource]]:
        if not fused_ids:
            return {}
        rows = self._query("""
            SELECT s.fused_id, e.id, e.article_id, a.source, a.published, e.sentence_text,
                   e.sentence, e.trigger, e.date_text
            FROM fused_event_sources s JOIN events e ON e.id = s.event_id
            JOIN articles a ON a.id = e.article_id
            WHERE s.fused_id IN (SELECT unnest(?)) AND s.cited IS NOT FALSE
            ORDER BY a.published NULLS LAST, a.id, e.id""", [fused_ids])
        sources: dict[str, list[EventSource]] = {}
        for fused_id, *fields in rows:
            sources.setdefault(fused_id, []).append(EventSource(*fields))
        return sources

    def _members(self, fused_ids: list[str]) -> dict[str, list[str]]:
        if not fused_ids:
            return {}
        members: dict[str, list[str]] = {}
        for fused_id, event_id in self._query(
                "SELECT fused_id, event_id FROM fused_event_sources"
                " WHERE fused_id IN (SELECT unnest(?)) ORDER BY fused_id, event_id", [fused_ids]):
            members.setdefault(fused_id, []).append(event_id)
        return members

    def readings(self, event: FusedEvent) -> list[Reading]:
        """Each article's reading of a fused event, with its confidence and evidence, in the
        order its sources are cited."""
        return read_readings(self.connection, event.members)

    def event(self, event_id: str) -> FusedEvent:
        """One fused event by its id, or by the id of any per-article event fused into it."""
        rows = self._query(
            f"SELECT {', '.join(FUSED_EVENT_COLUMNS)} FROM fused_events WHERE id = ? OR id ="
            " (SELECT fused_id FROM fused_event_sources WHERE event_id = ? LIMIT 1)"
            " ORDER BY id = ? DESC", [event_id, event_id, event_id])
        if not rows:
            raise NotFound(E047.format(what="event", value=event_id))
        return self._with_parts(rows)[0]

    def relation(self, a: str, b: str, since: str | date | None = None,
                 until: str | date | None = None,
                 min_confidence: float | None = None) -> Relation:
        """Cooperation and conflict between the actors two names mean, month by month, over
        the events at or above `min_confidence` (as in `events`)."""
        first, second = self._pair(a, b)
        return relation(first, second, self.canonical_actors(),
                        self.events(since=since, until=until, min_confidence=min_confidence))

    def hidden_between(self, a: str, b: str, since: str | date | None = None,
                       until: str | date | None = None,
                       min_confidence: float | None = None) -> Hidden:
        """The events between A and B that `relation` leaves out for being below the threshold."""
        first, second = self._pair(a, b)
        threshold = shown_confidence(min_confidence)
        where, params = self._event_filters((), None, since, until)
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
        return busiest_pairs(self.events(min_confidence=min_confidence), limit)

    def _one_actor(self, name: str) -> Actor:
        """The one canonical actor a name (or id) means; E046, offering every actor it fits
        best first, when it means several."""
        if name in self.canonical_actors():
            return self.canonical_actors()[name]
        ids = self.resolve_actor(name)
        if len(ids) > 1:
            raise QueryError(choice_message(name, self.actor_candidates(name)))
        return self.canonical_actors()[next(iter(ids))]

    def actor_candidates(self, name: str) -> list[ActorCandidate]:
        """Every canonical actor a name fits, with its mention and article counts, best first:
        those it names exactly (by id, name or alias, any case) before those it names a word
        of, then the most mentioned. Empty when it fits none."""
        exact, by_word = fitting_actors(name, self.named_actors())
        counts = count_mentions(self.connection, self.links(), [a.id for a in exact + by_word])
        return rank_candidates(exact, by_word, counts)

    def overview(self, top: int = 10, recent: int = 10,
                 min_confidence: float | None = None) -> Overview:
        """The counts, the `top` most mentioned actors and the `recent` latest dated events
        (at or above `min_confidence`, as in `events`)."""
        threshold = shown_confidence(min_confidence)
        dated = self._with_parts(self._query(
            f"SELECT {', '.join(FUSED_EVENT_COLUMNS)} FROM fused_events"
            f" WHERE date IS NOT NULL AND {SHOWN}"
            " ORDER BY date DESC, date_end DESC, type, id LIMIT ?", [threshold, recent]))
        return Overview(self.stats(min_confidence), self.actors()[:top], dated)

    # Stories and near-duplicates.

    def stories(self) -> list[Story]:
        """Every story, earliest first, with its articles in the order they were clustered."""
        members: dict[str, list[str]] = {}
        for story_id, article_id in self._query(
                "SELECT story_id, article_id FROM story_articles ORDER BY story_id, position"):
            members.setdefault(story_id, []).append(article_id)
        return [Story(story_id, label, first, last, members.get(story_id, []))
                for story_id, label, first, last in self._query(
                    "SELECT id, label, first, last FROM stories ORDER BY first NULLS LAST, id")]

    def story_of(self, article_id: str) -> str | None:
        row = self._query("SELECT story_id FROM story_articles WHERE article_id = ?", [article_id])
        return row[0][0] if row else None

    def near_duplicates(self) -> list[NearDuplicate]:
        """Articles that are copies or light rewrites of an earlier one."""
        return [NearDuplicate(*row) for row in self._query(
            "SELECT article_id, original_id, similarity FROM near_duplicates ORDER BY article_id")]

    # Quotes and counts.

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
        """One article with its sentences, actor mentions, time expressions and events marked."""
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

    def sentence_text(self, article_id: str, index: int) -> str | None:
        row = self._query("SELECT text FROM sentences WHERE article_id = ? AND idx = ?",
                          [article_id, index])
        return row[0][0] if row else None

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


def _day_filters(days: list[date], actor_ids: list[str]) -> tuple[list[str], list[object]]:
    """SQL conditions for the events of one day each among `days` (of these actors, if any)."""
    where = ["date IN (SELECT unnest(?))", "coalesce(date_end, date) = date"]
    params: list[object] = [days]
    if actor_ids:
        where.append("(source_actor IN (SELECT unnest(?)) OR target_actor IN (SELECT unnest(?)))")
        params += [actor_ids, actor_ids]
    return where, params


def check_event_type(value: str) -> str:
    """The PLOVER type a user asked for, in upper case; E042 when there is none such."""
    upper = value.strip().upper()
    if upper not in PLOVER_TYPES:
        raise QueryError(E042.format(value=value, choices=", ".join(PLOVER_TYPES)))
    return upper
