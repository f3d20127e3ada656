"""Fusion over the store: link actors, find near-duplicates and stories, fuse what changed.

Each step works from what is stored and touches only what a new batch changes: signatures are
computed for new articles only, stories resume from the stored assignment of every article
before the earliest new one, and only the happenings a new or changed event can reach are fused
again. The result is the same as fusing the whole store at once, in any order of ingestion.
"""
from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from dateline.fuse.actors import link_actors, merge_linked
from dateline.fuse.candidates import make_reports
from dateline.fuse.events import ArticleRef, fuse_events
from dateline.fuse.incremental import plan_refusion
from dateline.store import Store


def fuse_store(store: Store) -> int:
    """Bring the fused tables up to date with every stored analysis; returns the fused event count."""
    actors = store.actors()
    links = link_actors(actors, store.article_actors())
    canonical = merge_linked(actors, links)
    refs = store.article_refs()
    published = {article_id: day for article_id, (_, day) in refs.items()}
    originals = refresh_duplicates(store, published)
    stories = refresh_stories(store)
    articles = {article_id: ArticleRef(source, day) for article_id, (source, day) in refs.items()}
    events = sorted(store.events(), key=lambda e: e.id)
    reports = make_reports(events, published, links, canonical, stories, originals)
    plan = plan_refusion(reports, canonical, store.fusion_keys(), store.fused_members())
    fused = fuse_events([r.event for r in plan.reports], articles, links, canonical, stories, originals)
    store.update_fusion(links, plan.stale, fused, plan.keys)
    return store.connection.execute("SELECT count(*) FROM fused_events").fetchone()[0]


def refresh_duplicates(store: Store, published: Mapping[str, date | None]) -> dict[str, str]:
    """Sign the new articles, pair them with every stored one; near-duplicate -> its original."""
    from dateline.fuse.duplicates import originals, signature, similar_pairs

    unsigned = store.unsigned_texts()
    if unsigned:
        new = {article_id: signature(text) for article_id, text in unsigned.items()}
        store.add_signatures(new, similar_pairs(new, store.signatures()))
    duplicates = originals(store.article_pairs(), published)
    store.replace_duplicates(duplicates)
    return {d.article_id: d.original_id for d in duplicates}


def refresh_stories(store: Store) -> dict[str, str]:
    """Cluster the articles after the earliest unclustered one; article id -> story id."""
    from dateline.fuse.stories import StoryClusterer, story_order

    assigned = store.story_assignments()
    ordered = sorted(store.story_articles(), key=story_order)
    new = [article for article in ordered if article.id not in assigned]
    if not new:
        return assigned
    resume_at = story_order(new[0])
    clusterer = StoryClusterer()
    for article in ordered:
        if story_order(article) < resume_at:
            clusterer.replay(article, assigned[article.id])
        else:
            clusterer.add(article)
    stories = clusterer.stories()
    store.replace_stories(stories)
    return {article_id: story.id for story in stories for article_id in story.article_ids}
