"""The reads of an incremental fusion: each asks for the few rows a new batch can change.

Every query here names what it wants (article ids, features, band keys, actor ids, name keys,
date ranges), so that its cost follows the batch, not the store. Story order is the clustering
order of `fuse.stories.story_order`: dated articles by date and id, then undated ones by id.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

import duckdb

from dateline.model import Actor, Event, Role, StoryArticle
from dateline.store.reader import event_from_row
from dateline.store.schema import EVENT_COLUMNS


def _ids(values: Iterable[str]) -> list[str]:
    return sorted(set(values))


def _before(key: tuple) -> tuple[str, list[object]]:
    """A WHERE clause on `a` (articles) for the articles clustered before `key`."""
    undated, day, article_id = key
    if undated:
        return "(a.published IS NOT NULL OR a.id < ?)", [article_id]
    # An undated article comes after every dated one: false here, never NULL.
    return ("(a.published IS NOT NULL AND (a.published < ? OR (a.published = ? AND a.id < ?)))",
            [day, day, article_id])


class FusionReads:
    """Targeted reads over one open connection."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con

    def _rows(self, sql: str, params: Sequence[object] = ()) -> list[tuple]:
        return self.con.execute(sql, list(params)).fetchall()

    # Articles

    def unclustered(self) -> list[StoryArticle]:
        """The articles no fusion has counted the words of yet: the new ones."""
        return [StoryArticle(*row) for row in self._rows(
            "SELECT id, published, title, text FROM articles WHERE id NOT IN"
            " (SELECT article_id FROM story_features) ORDER BY id")]

    def published(self, article_ids: Iterable[str]) -> dict[str, tuple[str, date | None]]:
        """Article id -> (source, published)."""
        return {i: (source, day) for i, source, day in self._rows(
            "SELECT id, source, published FROM articles WHERE id IN (SELECT unnest(?))",
            [_ids(article_ids)])}

    def has_undated(self) -> bool:
        return bool(self._rows("SELECT 1 FROM articles WHERE published IS NULL LIMIT 1"))

    # Near-duplicates

    def band_members(self, keys: Sequence[tuple[int, bytes]]) -> list[tuple[int, bytes, str, str]]:
        """(band, key, article, its group) of the stored articles in these buckets: a group is
        named by its original (an article alone is its own)."""
        if not keys:
            return []
        return self._rows("""
            SELECT b.band, b.key, b.article_id, coalesce(d.original_id, b.article_id)
            FROM article_bands b
            JOIN (SELECT unnest(?) AS band, unnest(?) AS key) k ON b.band = k.band AND b.key = k.key
            LEFT JOIN near_duplicates d ON d.article_id = b.article_id
            ORDER BY b.article_id""", [[k[0] for k in keys], [k[1] for k in keys]])

    def signatures_of(self, article_ids: Iterable[str]) -> dict[str, bytes]:
        return {i: bytes(s) for i, s in self._rows(
            "SELECT article_id, signature FROM article_signatures WHERE article_id IN (SELECT unnest(?))",
            [_ids(article_ids)])}

    def groups(self, originals: Iterable[str]) -> dict[str, str]:
        """Every stored member of these groups (named by their originals) -> its original."""
        originals = _ids(originals)
        rows = self._rows("SELECT article_id, original_id FROM near_duplicates"
                          " WHERE original_id IN (SELECT unnest(?))", [originals])
        return {**{o: o for o in originals}, **dict(rows)}

    def originals_of(self, article_ids: Iterable[str]) -> dict[str, str]:
        return dict(self._rows("SELECT article_id, original_id FROM near_duplicates"
                               " WHERE article_id IN (SELECT unnest(?))", [_ids(article_ids)]))

    def pairs_of(self, article_ids: Iterable[str]) -> list[tuple[str, str, float]]:
        ids = _ids(article_ids)
        return [tuple(row) for row in self._rows(
            "SELECT a, b, similarity FROM article_pairs WHERE a IN (SELECT unnest(?))"
            " OR b IN (SELECT unnest(?)) ORDER BY a, b", [ids, ids])]

    def unbanded_signatures(self) -> dict[str, bytes]:
        """Signatures stored before the band index was: indexed once, by the next fusion."""
        return {i: bytes(s) for i, s in self._rows(
            "SELECT article_id, signature FROM article_signatures WHERE article_id NOT IN"
            " (SELECT article_id FROM article_bands) ORDER BY article_id")}

    # Stories

    def clustered_from(self, key: tuple) -> list[tuple]:
        """(id, published, title, features, counts, surface keys, surfaces) of every counted
        article at or after `key` in story order."""
        where, params = _before(key)
        return self._rows(f"""
            SELECT a.id, a.published, a.title, f.features, f.counts, f.surface_keys, f.surfaces
            FROM articles a JOIN story_features f ON f.article_id = a.id
            WHERE NOT {where}""", params)

    def clustered_before(self, key: tuple) -> int:
        where, params = _before(key)
        return self._rows(f"SELECT count(*) FROM articles a JOIN story_features f"
                          f" ON f.article_id = a.id WHERE {where}", params)[0][0]

    def open_members(self, key: tuple, since: date) -> list[tuple]:
        """(story, id, published, title, vector features, vector weights, surface keys, surfaces)
        of the members before `key` of every story whose latest article before it is on or after
        `since`."""
        where, params = _before(key)
        return self._rows(f"""
            WITH pre AS (SELECT a.id, a.published, a.title, s.story_id FROM articles a
                         JOIN story_articles s ON s.article_id = a.id WHERE {where}),
                 open AS (SELECT story_id FROM pre GROUP BY story_id HAVING max(published) >= ?)
            SELECT pre.story_id, pre.id, pre.published, pre.title, f.vector_features,
                   f.vector_weights, f.surface_keys, f.surfaces
            FROM pre JOIN open USING (story_id) JOIN story_features f ON f.article_id = pre.id
            ORDER BY pre.published NULLS LAST, pre.id""", [*params, since])

    def document_frequencies(self, features: Iterable[str]) -> dict[str, int]:
        return dict(self._rows("SELECT feature, count FROM story_df WHERE feature IN (SELECT unnest(?))",
                               [_ids(features)]))

    def stories_of(self, article_ids: Iterable[str]) -> dict[str, str]:
        return dict(self._rows("SELECT article_id, story_id FROM story_articles"
                               " WHERE article_id IN (SELECT unnest(?))", [_ids(article_ids)]))

    def people_with_keys(self, keys: Iterable[str]) -> list[tuple[str, str, set[str]]]:
        """(id, name, all its keys) of the people holding any of these keys."""
        return self._people_keyed("SELECT actor_id FROM actor_keys WHERE key IN (SELECT unnest(?))",
                                  _ids(keys))

    def people_keyed(self, actor_ids: Iterable[str]) -> list[tuple[str, str, set[str]]]:
        """(id, name, keys) of these actors, for those the store holds keys of."""
        return self._people_keyed("SELECT unnest(?)", _ids(actor_ids))

    def _people_keyed(self, chosen: str, values: list[str]) -> list[tuple[str, str, set[str]]]:
        found: dict[str, tuple[str, set[str]]] = {}
        for actor_id, name, key in self._rows(f"""
                SELECT k.actor_id, a.name, k.key FROM actor_keys k JOIN actors a ON a.id = k.actor_id
                WHERE k.actor_id IN ({chosen})""", [values]):
            found.setdefault(actor_id, (name, set()))[1].add(key)
        return [(i, name, keys) for i, (name, keys) in found.items()]

    def people_with_handles(self, handles: Iterable[str]) -> list[str]:
        """The actors given, as an alias, the name of one of these handles."""
        return [i for (i,) in self._rows("""
            SELECT DISTINCT g.actor_id FROM actor_aliases g JOIN actors h
              ON lower(g.alias) = lower(h.name) AND h.id IN (SELECT unnest(?))
            WHERE g.actor_id NOT LIKE 'handle:%' ORDER BY 1""", [_ids(handles)])]

    def handles_beside(self, actor_ids: Iterable[str]) -> list[str]:
        """The handles named in an article with one of these actors."""
        return [i for (i,) in self._rows("""
            SELECT DISTINCT actor_id FROM mentions WHERE actor_id LIKE 'handle:%' AND article_id IN
              (SELECT article_id FROM mentions WHERE actor_id IN (SELECT unnest(?))) ORDER BY 1""",
                                         [_ids(actor_ids)])]

    def handles_named(self, names: Iterable[str]) -> list[str]:
        """The handles written (in any case) as one of these names, lower case."""
        return [i for (i,) in self._rows(
            "SELECT id FROM actors WHERE id LIKE 'handle:%' AND lower(name) IN (SELECT unnest(?))"
            " ORDER BY 1", [_ids(names)])]

    def article_ids_where(self, condition: str) -> list[str]:
        return [i for (i,) in self._rows(f"SELECT id FROM articles WHERE {condition} ORDER BY id")]

    def actors(self, actor_ids: Iterable[str]) -> list[Actor]:
        """These stored actors with their aliases (the name excluded) and roles, by id."""
        ids = _ids(actor_ids)
        aliases: dict[str, list[str]] = {}
        for actor_id, alias in self._rows("SELECT actor_id, alias FROM actor_aliases WHERE actor_id"
                                          " IN (SELECT unnest(?)) ORDER BY actor_id, alias", [ids]):
            aliases.setdefault(actor_id, []).append(alias)
        roles: dict[str, list[Role]] = {}
        for actor_id, *role in self._rows(
                "SELECT actor_id, title, country, since, until, coalesce(basis, 'knowledge')"
                " FROM actor_roles WHERE actor_id IN (SELECT unnest(?))"
                " ORDER BY since NULLS LAST, title, basis", [ids]):
            roles.setdefault(actor_id, []).append(Role(*role))
        return [Actor(i, name, kind, country, sector,
                      tuple(a for a in aliases.get(i, ()) if a != name), tuple(roles.get(i, ())))
                for i, name, kind, country, sector in self._rows(
                    "SELECT id, name, kind, country, sector FROM actors WHERE id IN (SELECT unnest(?))"
                    " ORDER BY id", [ids])]

    def actor_ids_where(self, condition: str) -> list[str]:
        return [i for (i,) in self._rows(f"SELECT id FROM actors WHERE {condition} ORDER BY id")]

    def mentioned_in(self, article_ids: Iterable[str]) -> dict[str, set[str]]:
        """Article id -> the ids of the actors it mentions, for these articles."""
        together: dict[str, set[str]] = {}
        for article_id, actor_id in self._rows(
                "SELECT DISTINCT article_id, actor_id FROM mentions WHERE article_id IN (SELECT unnest(?))",
                [_ids(article_ids)]):
            together.setdefault(article_id, set()).add(actor_id)
        return together

    def mentioning(self, actor_ids: Iterable[str]) -> dict[str, set[str]]:
        """Article id -> which of these actors it mentions, for the articles mentioning any."""
        together: dict[str, set[str]] = {}
        for article_id, actor_id in self._rows(
                "SELECT DISTINCT article_id, actor_id FROM mentions WHERE actor_id IN (SELECT unnest(?))",
                [_ids(actor_ids)]):
            together.setdefault(article_id, set()).add(actor_id)
        return together

    def actors_in(self, article_ids: Iterable[str]) -> set[str]:
        """The ids of the actors these articles mention or give an event or a quote."""
        ids = _ids(article_ids)
        return {i for (i,) in self._rows("""
            SELECT actor_id FROM mentions WHERE article_id IN (SELECT unnest($1))
            UNION SELECT source_actor FROM events WHERE article_id IN (SELECT unnest($1))
            UNION SELECT target_actor FROM events WHERE article_id IN (SELECT unnest($1))
            UNION SELECT speaker FROM quotes WHERE article_id IN (SELECT unnest($1))""", [ids]) if i}

    def links_of(self, actor_ids: Iterable[str]) -> dict[str, str]:
        return dict(self._rows("SELECT actor_id, canonical_id FROM actor_links WHERE actor_id IN"
                               " (SELECT unnest(?))", [_ids(actor_ids)]))

    def linked_to(self, canonical_ids: Iterable[str]) -> dict[str, str]:
        """Every stored actor id linked to one of these canonical ids -> that id."""
        return dict(self._rows("SELECT actor_id, canonical_id FROM actor_links WHERE canonical_id IN"
                               " (SELECT unnest(?))", [_ids(canonical_ids)]))

    def people(self) -> list[str]:
        """Every person named as one (not a handle or a role phrase)."""
        return [i for (i,) in self._rows(
            "SELECT id FROM actors WHERE kind = 'person' AND id NOT LIKE 'handle:%'"
            " AND id NOT LIKE 'role:%' ORDER BY id")]

    def actor_records(self, canonical_ids: Iterable[str]) -> dict[str, tuple]:
        """Canonical id -> (name, kind, country, sector) as the last fusion made its record."""
        return {i: tuple(rest) for i, *rest in self._rows(
            "SELECT actor_id, name, kind, country, sector FROM actor_records WHERE actor_id IN"
            " (SELECT unnest(?))", [_ids(canonical_ids)])}

    def fusion_version(self) -> str | None:
        row = self._rows("SELECT value FROM meta WHERE key = 'fusion_version'")
        return row[0][0] if row else None

    def unlinked(self) -> list[str]:
        return [i for (i,) in self._rows(
            "SELECT id FROM actors WHERE id NOT IN (SELECT actor_id FROM actor_links) ORDER BY id")]

    def text_role_holders(self, offices: Iterable[tuple[str, str | None]]) -> list[str]:
        """The actors the text shows in one of these offices (title, country)."""
        offices = sorted(set(offices), key=lambda o: (o[0], o[1] or ""))
        if not offices:
            return []
        return [i for (i,) in self._rows("""
            SELECT DISTINCT r.actor_id FROM actor_roles r
            JOIN (SELECT unnest(?) AS title, unnest(?) AS country) o
              ON r.title = o.title AND r.country IS NOT DISTINCT FROM o.country
            WHERE r.basis IN ('text', 'phrase') ORDER BY 1""",
                                            [[o[0] for o in offices], [o[1] for o in offices]])]

    # Events

    def events(self, event_ids: Iterable[str]) -> list[Event]:
        return [event_from_row(row) for row in self._rows(
            f"SELECT {', '.join(EVENT_COLUMNS)} FROM events WHERE id IN (SELECT unnest(?)) ORDER BY id",
            [_ids(event_ids)])]

    def events_where(self, condition: str, params: Sequence[object]) -> list[Event]:
        return [event_from_row(row) for row in self._rows(
            f"SELECT {', '.join(EVENT_COLUMNS)} FROM events WHERE {condition} ORDER BY id", params)]

    def event_ids_of_articles(self, article_ids: Iterable[str]) -> list[str]:
        return [i for (i,) in self._rows("SELECT id FROM events WHERE article_id IN (SELECT unnest(?))",
                                         [_ids(article_ids)])]

    def event_ids_of_actors(self, actor_ids: Iterable[str]) -> list[str]:
        ids = _ids(actor_ids)
        return [i for (i,) in self._rows(
            "SELECT id FROM events WHERE source_actor IN (SELECT unnest(?))"
            " OR target_actor IN (SELECT unnest(?))", [ids, ids])]

    def fusion_keys(self, event_ids: Iterable[str]) -> dict[str, str]:
        return dict(self._rows("SELECT event_id, key FROM event_fusion_keys WHERE event_id IN"
                               " (SELECT unnest(?))", [_ids(event_ids)]))

    def unfused_event_ids(self) -> list[str]:
        return [i for (i,) in self._rows(
            "SELECT id FROM events WHERE id NOT IN (SELECT event_id FROM event_fusion_keys) ORDER BY id")]

    def blocked_in(self, ranges: Sequence[tuple[str, date, date, int, int]]) -> list[str]:
        """The fused events of a type family whose window starts within one of the (family,
        first, last, shortest, longest) ranges, among those of those lengths (days)."""
        if not ranges:
            return []
        columns = list(zip(*sorted(set(ranges))))
        # the bounds of all ranges, as a constant: row groups of other dates are skipped
        return [i for (i,) in self._rows("""
            SELECT DISTINCT k.event_id FROM event_fusion_keys k
            JOIN (SELECT unnest(?) AS family, unnest(?) AS low, unnest(?) AS high,
                         unnest(?) AS shortest, unnest(?) AS longest) r
              ON k.family = r.family AND k.first BETWEEN r.low AND r.high
             AND date_diff('day', k.first, k.last) BETWEEN r.shortest AND r.longest
            WHERE k.first BETWEEN ? AND ?""", [*[list(c) for c in columns], min(columns[1]), max(columns[2])])]

    def window_lengths(self) -> list[tuple[str, int]]:
        """(family, days) of every window length the fused events of a family have."""
        return self._rows("SELECT DISTINCT family, date_diff('day', first, last) FROM event_fusion_keys"
                          " WHERE first IS NOT NULL")

    def fused_of(self, event_ids: Iterable[str]) -> dict[str, list[str]]:
        """Fused event id -> all its members, for the fused events holding any of these events."""
        members: dict[str, list[str]] = {}
        for fused_id, event_id in self._rows("""
                SELECT fused_id, event_id FROM fused_event_sources WHERE fused_id IN
                  (SELECT fused_id FROM fused_event_sources WHERE event_id IN (SELECT unnest(?)))
                ORDER BY fused_id, event_id""", [_ids(event_ids)]):
            members.setdefault(fused_id, []).append(event_id)
        return members
