"""Fusion's story step: cluster the new articles, resuming at the first of them.

Clustering runs in story order, so a new article changes only what comes after it: the stored
articles from it on are clustered again, from their stored word counts, starting from the state
stored vectors give just before it (`StoryClusterer.resume`). News arrives newest last, so that
is the new articles alone; an old article filed late costs the articles after it.

Undated articles are clustered last against every story, retired ones too, so a store that
holds any is clustered again from its first article (from stored counts and vectors, never its
texts).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from dateline.days import shift_day

from dateline.fuse.stories import Member, StoryClusterer, counted, story_order
from dateline.model import Story, StoryArticle, StoryCounts
from dateline.store.fusion_reads import FusionReads


@dataclass(slots=True)
class StoryChanges:
    counted: list[StoryCounts]  # every article clustered: the new ones, and the stored ones again
    vectors: dict[str, dict[str, float]]  # article id -> its vector, for every article clustered
    assigned: dict[str, str]  # article id -> story id, for every article clustered
    stories: list[Story]  # every story that gained or lost an article, whole
    gone: list[str]  # stored stories left without an article
    moved: set[str] = field(default_factory=set)  # stored articles whose story changed


def refresh_stories(reads: FusionReads, new: list[StoryArticle]) -> StoryChanges:
    """Cluster the `new` articles and the stored ones after the first of them; the stories
    they leave or join are returned whole."""
    if not new:
        return StoryChanges([], {}, {}, [], [])
    fresh = sorted((counted(article) for article in new), key=story_order)
    start = FIRST if reads.has_undated() else story_order(fresh[0])  # see the module's note
    again = [_counted(row) for row in reads.clustered_from(start)]
    ordered = sorted(fresh + again, key=story_order)
    clusterer = _resumed(reads, ordered)
    assigned = {article.id: clusterer.add(article) for article in ordered}
    before = reads.stories_of(assigned)  # a new article has one where an older fusion clustered it
    touched = set(assigned.values()) | set(before.values())
    kept = sorted((sid for sid in touched if clusterer.has(sid)), key=clusterer.seq_of)
    moved = {a for a, sid in before.items() if assigned[a] != sid}
    return StoryChanges(ordered, clusterer.vectors, assigned, [clusterer.story(sid) for sid in kept],
                        sorted(touched - set(kept)), moved)


FIRST = (False, date.min, "")  # before every article in story order


def _counted(row: tuple) -> StoryCounts:
    article_id, published, title, features, counts, surface_keys, surfaces = row
    return StoryCounts(article_id, published, title, dict(zip(features, counts)),
                       dict(zip(surface_keys, surfaces)), stored=True)


def _resumed(reads: FusionReads, ordered: list[StoryCounts]) -> StoryClusterer:
    """The clusterer as it stood just before the first of `ordered`: the stories open then, the
    articles seen and their document frequencies (the stored totals less those of the stored
    articles clustered again)."""
    first = ordered[0]
    key = story_order(first)
    df = Counter(reads.document_frequencies({f for article in ordered for f in article.counts}))
    for article in ordered:
        if article.stored:
            df.subtract(article.counts.keys())
    df = +df
    if first.published is None:
        return StoryClusterer.resume(reads.clustered_before(key), df, [])
    horizon = StoryClusterer().horizon_days
    since = shift_day(first.published, -int(horizon))
    open_stories: dict[str, list[Member]] = {}
    for story_id, article_id, published, title, names, weights, keys, forms in reads.open_members(key, since):
        open_stories.setdefault(story_id, []).append(
            Member(article_id, published, title, dict(zip(names, weights)), dict(zip(keys, forms))))
    return StoryClusterer.resume(reads.clustered_before(key), df, open_stories.items())
