"""Fusion over the store: link actors, find near-duplicates and stories, fuse what changed.

Each step works from what is stored and touches only what a new batch changes: signatures are
computed for new articles only, stories resume from the stored assignment of every article
before the earliest new one, and only the happenings a new or changed event can reach are fused
again. The result is the same as fusing the whole store at once, in any order of ingestion.

Fusion reads everything it needs first, lets go of the file while it computes (a reader may
open it then), and writes every change in one transaction: a reader sees the fused tables
before fusion or after it, never half-way, and a run killed part-way leaves them as they were.

A user's corrections of actors (merge, split, set: `fuse.corrections`) edit the links before
anything reads them; the events whose actors they change are fused again.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from dateline.errors import E054, W003, DatelineError, StoreError, failure_detail
from dateline.fuse.actors import link_actors, merge_linked
from dateline.fuse.candidates import make_reports
from dateline.fuse.corrections import Corrected, apply_corrections, touched_actors, undo_splits
from dateline.fuse.events import ArticleRef, fuse_events
from dateline.fuse.incremental import plan_refusion
from dateline.model import (Actor, ActorSplit, Correction, Event, FusedEvent, NearDuplicate, Note,
                            Story, StoryArticle)
from dateline.store import Store


@dataclass(slots=True)
class StoredState:
    """What fusion reads from the store, all at once."""

    actors: list[Actor]
    article_actors: dict[str, set[str]]
    refs: dict[str, tuple[str, date | None]]
    unsigned: dict[str, str]
    signatures: dict[str, bytes]
    pairs: list[tuple[str, str, float]]
    assigned: dict[str, str]
    story_articles: list[StoryArticle]
    events: list[Event]
    fusion_keys: dict[str, str]
    fused_members: dict[str, list[str]]
    corrections: list[Correction]  # as last applied, and what they made:
    overrides: dict[str, Correction]
    splits: list[ActorSplit]


@dataclass(slots=True)
class FusionChanges:
    """What fusion writes back, in one transaction."""

    signatures: dict[str, bytes]
    new_pairs: list[tuple[str, str, float]]
    duplicates: list[NearDuplicate]
    stories: list[Story] | None  # None: no new article, the stored stories stand
    links: dict[str, str]
    stale: list[str]
    fused: list[FusedEvent]
    keys: dict[str, str]
    left_out: dict[str, str]  # article id -> why its events could not be fused
    corrections: list[Correction]
    overrides: dict[str, Correction]
    splits: list[ActorSplit]
    split_actors: list[Actor]


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
        state = read_state(store)
        store.release()
        changes = compute_changes(state, state.corrections if corrections is None else corrections)
        with store.transaction():
            write_changes(store, changes)
            count = store.connection.execute("SELECT count(*) FROM fused_events").fetchone()[0]
    except DatelineError:
        raise
    except Exception as error:  # never a half-fused store, never a traceback
        raise StoreError(E054.format(detail=failure_detail(error))) from error
    finally:
        store.release()
    notes = [Note(state.refs[article_id][0], W003.format(detail=detail))
             for article_id, detail in sorted(changes.left_out.items())]
    return FusionReport(count, notes)


def read_state(store: Store) -> StoredState:
    return StoredState(
        actors=store.actors(), article_actors=store.article_actors(), refs=store.article_refs(),
        unsigned=store.unsigned_texts(), signatures=store.signatures(), pairs=store.article_pairs(),
        assigned=store.story_assignments(), story_articles=store.story_articles(),
        events=sorted(store.events(), key=lambda e: e.id), fusion_keys=store.fusion_keys(),
        fused_members=store.fused_members(), corrections=store.corrections(),
        overrides=store.overrides(), splits=store.actor_splits())


def compute_changes(state: StoredState, corrections: Sequence[Correction] = ()) -> FusionChanges:
    published = {article_id: day for article_id, (_, day) in state.refs.items()}
    # Stories first: a bare surname is read against the full names of its story's articles.
    new_stories = refresh_stories(state.assigned, state.story_articles)
    stories = state.assigned if new_stories is None else {
        article_id: story.id for story in new_stories for article_id in story.article_ids}
    analyzed = undo_splits(state.actors, state.article_actors, state.events, state.splits)
    linked = link_actors(analyzed.actors, analyzed.article_actors, published, stories)
    corrected = apply_corrections(linked, analyzed, corrections)
    links, events = corrected.links, corrected.events
    canonical = merge_linked(corrected.actors, links)
    signatures, new_pairs, duplicates = refresh_duplicates(state, published)
    originals = {d.article_id: d.original_id for d in duplicates}
    articles = {article_id: ArticleRef(source, day) for article_id, (source, day) in state.refs.items()}
    left_out: dict[str, str] = {}
    reports = make_reports(events, published, links, canonical, stories, originals, left_out)
    plan = plan_refusion(reports, canonical, _keys_standing(state, corrections, corrected),
                         state.fused_members)
    fused = fuse_events([r.event for r in plan.reports], articles, links, canonical, stories, originals)
    return FusionChanges(signatures, new_pairs, duplicates, new_stories, links, plan.stale, fused,
                         plan.keys, left_out, list(corrections), corrected.overrides,
                         corrected.splits, corrected.split_actors)


def _keys_standing(state: StoredState, corrections: Sequence[Correction],
                   corrected: Corrected) -> dict[str, str]:
    """The stored fusion keys, less those of the events whose actors' records the corrections
    changed since the last fusion: those are fused again."""
    touched = touched_actors(state.corrections, corrections, state.overrides, corrected.overrides,
                             corrected.links)
    if not touched:
        return state.fusion_keys
    links = corrected.links
    again = {e.id for e in corrected.events
             if {links.get(a, a) for a in (e.source_actor, e.target_actor) if a} & touched}
    return {event_id: key for event_id, key in state.fusion_keys.items() if event_id not in again}


def write_changes(store: Store, changes: FusionChanges) -> None:
    if changes.signatures:
        store.add_signatures(changes.signatures, changes.new_pairs)
    store.replace_duplicates(changes.duplicates)
    if changes.stories is not None:
        store.replace_stories(changes.stories)
    store.update_corrections(changes.corrections, changes.overrides, changes.splits,
                             changes.split_actors)
    store.update_fusion(changes.links, changes.stale, changes.fused, changes.keys)


def refresh_duplicates(state: StoredState, published: Mapping[str, date | None]
                       ) -> tuple[dict[str, bytes], list[tuple[str, str, float]], list[NearDuplicate]]:
    """Sign the new articles and tie them to the stored groups of near-duplicates: (new
    signatures, new pairs, every near-duplicate with its original)."""
    from dateline.fuse.duplicates import originals, signature, similar_pairs

    new = {article_id: signature(text) for article_id, text in state.unsigned.items()}
    new_pairs = similar_pairs(new, state.signatures, state.pairs) if new else []
    # A new pair holds a new article, so it is never one of the stored pairs.
    pairs = sorted(state.pairs + new_pairs)
    return new, new_pairs, originals(pairs, published)


def refresh_stories(assigned: Mapping[str, str], story_articles: list[StoryArticle]) -> list[Story] | None:
    """Cluster the articles after the earliest unclustered one; None when every article has its story."""
    from dateline.fuse.stories import StoryClusterer, story_order

    ordered = sorted(story_articles, key=story_order)
    new = [article for article in ordered if article.id not in assigned]
    if not new:
        return None
    resume_at = story_order(new[0])
    clusterer = StoryClusterer()
    for article in ordered:
        if story_order(article) < resume_at:
            clusterer.replay(article, assigned[article.id])
        else:
            clusterer.add(article)
    return clusterer.stories()
