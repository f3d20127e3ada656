"""Fusion over the store: link actors, find near-duplicates and stories, fuse what changed.

Each step reads only what the new articles can change, and its cost follows them, not the store:
1. near-duplicates (`duplicates_step`): the new articles' signatures meet the stored ones
   through a band index kept in the store, and only the groups they join are regrouped;
2. stories (`stories_step`): clustering resumes at the first new article from stored word
   counts and vectors (news comes newest last: usually just the new articles);
3. actors (`actors_step`): only the people whose surnames share a key with those the new (or
   re-storied) articles name are linked again, with the handles, missions and role phrases
   read against them; the others keep their stored links;
4. happenings (`events_step`): the walk of `fuse.incremental` from the events whose fusion
   key changed, reading each block it looks at from the store.
The result is the same as fusing the whole store at once, in any order of ingestion.

Fusion reads and writes over one connection, writing every change in one transaction: a reader
sees the fused tables before fusion or after it, never half-way, and a run killed part-way
leaves them as they were.

A user's corrections of actors (merge, split, set: `fuse.corrections`) reach across the store,
so while a store has any, every actor is linked again (`Everything`); the events whose actors
the corrections change are fused again.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from dateline.errors import E054, W003, DatelineError, StoreError, failure_detail
from dateline.fuse.actors import link_actors, merge_linked
from dateline.fuse.actors_step import ActorChanges, Around, canonical_records, person_keys, refresh_actors
from dateline.fuse.corrections import Corrected, apply_corrections, renamed, undo_splits
from dateline.fuse.duplicates_step import DuplicateChanges, refresh_duplicates
from dateline.fuse.events_step import Context, EventChanges, candidates_for, refresh_events
from dateline.fuse.incremental import FUSION_VERSION, record_fields
from dateline.fuse.stories_step import StoryChanges, refresh_stories
from dateline.model import Actor, ActorSplit, Correction, Event, Note
from dateline.store import Store
from dateline.store.fusion_reads import FusionReads


@dataclass(slots=True)
class FusionChanges:
    """What fusion writes back, in one transaction."""

    duplicates: DuplicateChanges
    stories: StoryChanges
    actors: ActorChanges
    events: EventChanges
    corrections: list[Correction]
    corrected: Corrected | None  # None: the store has no corrections and gets none
    had_corrections: bool  # the store's last fusion applied some


@dataclass(slots=True)
class FusionReport:
    events: int  # fused events in the store after fusion
    notes: list[Note]  # articles left out of fusion, each with why


def fuse_store(store: Store, corrections: Sequence[Correction] | None = None) -> FusionReport:
    """Bring the fused tables up to date with every stored analysis and the user's `corrections`
    of actors (a knowledge file's; None: those the store was last fused with, so that an ingest
    without the file keeps them).

    An article whose events cannot be matched is left out (a W003 note names it) and the rest
    is fused. Any other failure rolls the whole fusion back: the fused tables stay as they were,
    every stored article is kept, and the error (E054) says so.
    """
    try:
        reads = FusionReads(store.connection)
        changes = compute_changes(store, reads, corrections)
        with store.transaction():
            write_changes(store, changes)
            count = store.connection.execute("SELECT count(*) FROM fused_events").fetchone()[0]
        sources = reads.published(changes.events.left_out)
    except DatelineError:
        raise
    except Exception as error:  # never a half-fused store, never a traceback
        raise StoreError(E054.format(detail=failure_detail(error))) from error
    finally:
        store.release()
    notes = [Note(sources[article_id][0], W003.format(detail=detail))
             for article_id, detail in sorted(changes.events.left_out.items())]
    return FusionReport(count, notes)


def compute_changes(store: Store, reads: FusionReads,
                    corrections: Sequence[Correction] | None = None) -> FusionChanges:
    last = store.corrections()
    corrections = list(last if corrections is None else corrections)
    current = reads.fusion_version() == FUSION_VERSION  # else every key is made anew
    new = reads.unclustered()
    published = {a.id: a.published for a in new}
    duplicates = refresh_duplicates(reads, {a.id: a.text for a in new}, published,
                                    {} if current else reads.unbanded_signatures())
    stories = refresh_stories(reads, new)
    linked = link(store, reads, corrections, Around(published, stories.assigned, stories.moved),
                  current, bool(last))
    context = Context(reads, linked.records, dict(linked.actors.links), dict(stories.assigned),
                      {d.article_id: d.original_id for d in duplicates.duplicates},
                      set(duplicates.regrouped))
    candidates = candidates_for(reads, published, stories.moved | duplicates.moved, linked.changed)
    if not current:
        candidates |= set(reads.event_ids_of_articles(reads.article_ids_where("true")))
    events = refresh_events(context, candidates, linked.view)
    return FusionChanges(duplicates, stories, linked.actors, events, corrections, linked.corrected,
                         bool(last))


@dataclass(slots=True)
class Linked:
    actors: ActorChanges
    records: Callable[[set[str]], dict[str, Actor]]  # canonical ids -> their records
    changed: set[str]  # actor ids whose canonical id or record this fusion changed
    corrected: Corrected | None
    view: Callable[[list[Event]], list[Event]]  # stored events as fusion reads them


def link(store: Store, reads: FusionReads, corrections: Sequence[Correction], around: Around,
         current: bool, had_corrections: bool) -> Linked:
    """Link the actors the new articles can change, or all of them while there are corrections;
    with what the event step reads of the links."""
    new_ids = set(reads.unlinked())
    # every fusion files the people it links first: only new ones have no keys yet
    keyless = {a.id: keys for a in reads.actors(new_ids if current else reads.people())
               if (keys := person_keys(a))}
    splits = store.actor_splits()
    if corrections or had_corrections or splits:
        actors, corrected = link_everything(reads, splits, corrections, around, keyless)
        merged = merge_linked(corrected.actors, corrected.links)
        records = lambda ids: {i: merged[i] for i in ids if i in merged}  # noqa: E731
        changed = _changed_actors(reads, actors, records, set(actors.links))
        # a split renames actors in its article: its events read them anew
        changed_articles = {s.article_id for s in (*splits, *corrected.splits)}
        changed |= reads.actors_in(changed_articles) | {s.actor_id for s in corrected.splits}
        return Linked(actors, records, changed, corrected, _event_view(splits, corrected))
    seeds = new_ids | reads.actors_in(around.published) | reads.actors_in(around.moved)
    actors, rows = refresh_actors(reads, seeds, new_ids, keyless, around)
    records = partial(canonical_records, reads, rows, actors.links)
    return Linked(actors, records, _changed_actors(reads, actors, records, seeds), None, list)


def _changed_actors(reads: FusionReads, actors: ActorChanges,
                    records: Callable[[set[str]], dict[str, Actor]], seeds: set[str]) -> set[str]:
    """The actors whose canonical id or canonical record this fusion changed (it keeps the
    records it made in `actors.records`): a record may change when its members change, or when
    an article names one of them again (a stored row may have gained a country)."""
    old = reads.links_of(actors.links.keys() | seeds)
    relinked = {i for i, c in actors.links.items() if old.get(i) != c}
    touched = {actors.links[i] for i in relinked} | {old[i] for i in relinked if i in old}
    touched |= {actors.links.get(i) or old.get(i) or i for i in seeds}
    made = records(touched)
    actors.records = {c: made.get(c) for c in touched}  # None: no such record any more
    stored = reads.actor_records(touched)
    remade = {c for c in touched if stored.get(c) != record_fields(actors.records.get(c))}
    members = set(reads.linked_to(remade)) | {i for i, c in actors.links.items() if c in remade}
    return relinked | remade | members


def link_everything(reads: FusionReads, splits: Sequence[ActorSplit],
                    corrections: Sequence[Correction], around: Around,
                    keyless: dict[str, set[str]]) -> tuple[ActorChanges, Corrected]:
    """Every actor linked again, with the corrections applied (see `fuse.corrections`)."""
    rows = reads.actors(reads.actor_ids_where("true"))
    together = reads.mentioned_in(reads.article_ids_where("true"))
    articles = {s.article_id for s in splits} | {c.article for c in corrections if c.article}
    split_events = reads.events_where("article_id IN (SELECT unnest(?))", [sorted(articles)])
    analyzed = undo_splits(rows, together, split_events, splits)
    published = {a: day for a, (_, day) in reads.published(together).items()}
    published.update(around.published)
    stories = {**reads.stories_of(together), **around.stories}
    links = link_actors(analyzed.actors, analyzed.article_actors, published, stories)
    corrected = apply_corrections(links, analyzed, corrections)
    keys = [(i, key) for i, ks in sorted(keyless.items()) for key in sorted(ks)]
    return ActorChanges(dict(corrected.links), keys), corrected


def _event_view(splits: Sequence[ActorSplit], corrected: Corrected | None
                ) -> Callable[[list[Event]], list[Event]]:
    """How fusion reads stored events: with the stored splits undone and the new ones made."""
    if corrected is None:
        return list
    back = {(s.article_id, s.actor_id): s.original_id for s in splits}
    again = {(s.article_id, s.original_id): s.actor_id for s in corrected.splits}
    return lambda events: renamed(renamed(events, back), again)


def write_changes(store: Store, changes: FusionChanges) -> None:
    duplicates, stories, actors, events = changes.duplicates, changes.stories, changes.actors, changes.events
    store.write_duplicates(duplicates.signatures, duplicates.bands(), duplicates.pairs,
                           duplicates.regrouped, duplicates.duplicates)
    store.write_stories(stories.counted, stories.vectors, stories.assigned, stories.stories, stories.gone)
    corrected = changes.corrected
    if corrected is not None or changes.had_corrections:
        store.update_corrections(changes.corrections, corrected.overrides if corrected else {},
                                 corrected.splits if corrected else [],
                                 corrected.split_actors if corrected else [])
    store.write_links(actors.links, actors.keys,
                      {c: record_fields(a) for c, a in actors.records.items()})
    store.write_fused(events.stale, events.fused, events.keys, FUSION_VERSION)
