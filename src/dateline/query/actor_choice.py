"""Helping a user choose when a name fits several actors: the candidates, counted and ranked, and
the E046 message that offers them.

1. `fitting_actors` finds the actors a name fits as `Database.resolve_actor` reads one: exactly
   (its id, name or alias, any case), and by a whole word of a name or alias; where a name fits
   some exactly, `resolve_actor` takes only those, but a user choosing sees both;
2. `count_mentions` counts each canonical actor's mentions and articles, over every stored id
   linked to it;
3. `rank_candidates` puts exact fits first, then the most mentioned;
4. `choice_message` writes E046: one line per candidate, at most `SHOWN_CHOICES`, and the best.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import duckdb

from dateline.errors import E046
from dateline.model import Actor, ActorCandidate, shown_name

SHOWN_CHOICES = 10  # candidates E046 lists; the others are only counted


def fitting_actors(name: str, actors: Iterable[Actor]) -> tuple[list[Actor], list[Actor]]:
    """The actors a name fits exactly (by id, name or alias, any case), and the others it fits
    by a whole word of a name or alias ("Atmar" in "Haneef Atmar")."""
    wanted = name.strip().lower()
    word = re.compile(rf"\b{re.escape(wanted)}\b", re.IGNORECASE)
    exact: list[Actor] = []
    by_word: list[Actor] = []
    for actor in actors:
        if wanted in {n.lower() for n in (actor.id, actor.name, *actor.aliases)}:
            exact.append(actor)
        elif wanted and any(word.search(n) for n in (actor.name, *actor.aliases)):
            by_word.append(actor)
    return exact, by_word


def count_mentions(connection: duckdb.DuckDBPyConnection, links: Mapping[str, str],
                   canonical_ids: Iterable[str]) -> dict[str, tuple[int, int]]:
    """Canonical id -> (mentions, articles mentioning it), counting every stored id linked to it."""
    wanted = set(canonical_ids)
    stored = sorted(wanted | {i for i, canonical in links.items() if canonical in wanted})
    mentions: dict[str, int] = {}
    articles: dict[str, set[str]] = {}
    for actor_id, article_id, count in connection.execute(
            "SELECT actor_id, article_id, count(*) FROM mentions"
            " WHERE actor_id IN (SELECT unnest(?)) GROUP BY actor_id, article_id",
            [stored]).fetchall():
        canonical = links.get(actor_id, actor_id)
        mentions[canonical] = mentions.get(canonical, 0) + count
        articles.setdefault(canonical, set()).add(article_id)
    return {i: (mentions.get(i, 0), len(articles.get(i, ()))) for i in wanted}


def rank_candidates(exact: list[Actor], by_word: list[Actor],
                    counts: Mapping[str, tuple[int, int]]) -> list[ActorCandidate]:
    """Exact fits before word fits, then the most mentioned, then the most articles; ties by
    name and id, so the order is stable."""
    def best_first(actors: list[Actor]) -> list[Actor]:
        return sorted(actors, key=lambda a: (-counts[a.id][0], -counts[a.id][1], a.name.lower(),
                                             a.id))

    return [ActorCandidate(actor, *counts[actor.id])
            for actor in best_first(exact) + best_first(by_word)]


def mentions_label(count: int) -> str:
    return f"{count:,} mention{'' if count == 1 else 's'}"


def candidate_lines(candidates: list[ActorCandidate]) -> list[str]:
    """One line each, in aligned columns: id, name, country, sector (or "-"), mentions."""
    rows = [(shown_name(c.actor.id), shown_name(c.actor.name), c.actor.country or "-",
             c.actor.sector or "-") for c in candidates]
    widths = [max(len(row[column]) for row in rows) for column in range(4)]
    counts = [mentions_label(c.mentions).split(" ") for c in candidates]
    count_width = max(len(number) for number, _ in counts)
    return ["  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths))
            + f"  {number.rjust(count_width)} {word}" for row, (number, word) in zip(rows, counts)]


def choice_message(name: str, candidates: list[ActorCandidate]) -> str:
    """E046 for a name that fits these candidates (best first): a line each for the first
    SHOWN_CHOICES, the others counted, then the best guess."""
    lines = candidate_lines(candidates[:SHOWN_CHOICES])
    if len(candidates) > SHOWN_CHOICES:
        lines.append(f"  ... and {len(candidates) - SHOWN_CHOICES:,} more")
    best = candidates[0]
    return E046.format(value=name, count=len(candidates), choices="\n".join(lines),
                       best=f"{shown_name(best.actor.name)} ({shown_name(best.actor.id)}),"
                            f" {mentions_label(best.mentions)}")
