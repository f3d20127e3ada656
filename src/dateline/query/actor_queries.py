"""Which actors a database holds and which ones a user's name means: `Database`'s actor queries.

Fusion links every stored actor id to a canonical one (`actor_links`); every answer speaks of
canonical actors, carrying the aliases and roles of the actors linked to them.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from dateline.errors import E045, NotFound, QueryError
from dateline.fuse.actors import merge_linked
from dateline.model import Actor, ActorCandidate, ActorMention, is_unresolved
from dateline.query.actor_choice import (choice_message, count_mentions, fitting_actors,
                                         rank_candidates)
from dateline.query.kept import T, file_state, kept
from dateline.query.opened import OpenedDatabase
from dateline.store.reader import read_actors


class ActorQueries(OpenedDatabase):
    """The actors of a database, read once per state of its file and kept (`query.kept`):
    the records these methods answer with are shared, to be read, not changed."""

    def __init__(self, path: str | Path | None = None) -> None:
        super().__init__(path)
        self._state = file_state(self.path)

    def remembered(self, name: str, make: Callable[[], T]) -> T:
        """What `make` gives of this database, made once while its file is unchanged and kept
        (`query.kept`) under `name`: for a view that derives much from the actors alike."""
        return kept(self._state, name, make)

    def links(self) -> dict[str, str]:
        """Every actor id -> its canonical id (itself when fusion has not linked it)."""
        return kept(self._state, "links", lambda: dict(
            self._query("SELECT actor_id, canonical_id FROM actor_links")))

    def canonical_actors(self) -> dict[str, Actor]:
        """Canonical actors by id, carrying the aliases and roles of the actors linked to them."""
        return kept(self._state, "canonical_actors",
                    lambda: merge_linked(read_actors(self.connection), self.links()))

    def named_actors(self) -> list[Actor]:
        """The canonical actors a user can ask for by name: all but the people known only by a
        bare name within one article (`is_unresolved`), who are mentions, not actors."""
        return list(kept(self._state, "named_actors", lambda: [
            actor for actor in self.canonical_actors().values() if not is_unresolved(actor)]))

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

    def _stored_ids(self, canonical_ids: Iterable[str]) -> list[str]:
        """Every stored actor id that one of these canonical actors stands for."""
        wanted = set(canonical_ids)
        return sorted(wanted | {i for i, canonical in self.links().items() if canonical in wanted})

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

    def actors(self) -> list[tuple[Actor, int]]:
        """Canonical actors with how often they are mentioned, the most mentioned first."""
        return list(kept(self._state, "actors", self._counted_actors))

    def _counted_actors(self) -> list[tuple[Actor, int]]:
        counts: dict[str, int] = {}
        links = self.links()
        for actor_id, count in self._query(
                "SELECT actor_id, count(*) FROM mentions GROUP BY actor_id"):
            canonical = links.get(actor_id, actor_id)
            counts[canonical] = counts.get(canonical, 0) + count
        return sorted(((a, counts.get(a.id, 0)) for a in self.named_actors()),
                      key=lambda pair: (-pair[1], pair[0].name.lower(), pair[0].id))

    def mentions(self, actors: Sequence[str] = ()) -> list[ActorMention]:
        """Every actor mention with its citation, its actor given as the canonical id; of the
        given actors only, when any are named. In article order, then text order."""
        links = self.links()
        sql = ("SELECT m.article_id, a.source, a.published, m.start_char, m.end_char, m.text,"
               " m.actor_id, m.sentence, m.how FROM mentions m JOIN articles a ON a.id = m.article_id")
        params: list[object] = []
        if actors:  # the stored ids that any of the wanted canonical actors stands for
            params.append(self._stored_ids(self._resolve_all(actors)))
            sql += " WHERE m.actor_id IN (SELECT unnest(?))"
        rows = self._query(sql + " ORDER BY a.published NULLS LAST, a.source, m.start_char, m.end_char",
                           params)
        return [ActorMention(article_id, source, published, start, end, text,
                             links.get(actor_id, actor_id), sentence, how)
                for article_id, source, published, start, end, text, actor_id, sentence, how in rows]

    def _articles_mentioning(self, canonical_ids: list[str]) -> list[str]:
        """The articles that mention any of these canonical actors, by any linked id."""
        return [row[0] for row in self._query(
            "SELECT DISTINCT article_id FROM mentions WHERE actor_id IN (SELECT unnest(?))"
            " ORDER BY article_id", [self._stored_ids(canonical_ids)])]
