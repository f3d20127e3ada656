"""Fusion over the store: read what is stored, link actors, fuse events, write the result."""
from __future__ import annotations

from dateline.fuse.actors import link_actors, merge_linked
from dateline.fuse.events import ArticleRef, fuse_events
from dateline.store import Store


def fuse_store(store: Store) -> int:
    """Recompute the fused tables from every stored analysis; returns the fused event count.

    A full recompute: simple and always consistent. It reads every event once, which is fine for
    tens of thousands of articles; an incremental fusion can replace it behind this signature.
    """
    actors = store.actors()
    links = link_actors(actors, store.article_actors())
    canonical = merge_linked(actors, links)
    articles = {article_id: ArticleRef(source, published)
                for article_id, (source, published) in store.article_refs().items()}
    fused = fuse_events(store.events(), articles, links, canonical)
    store.replace_fusion(links, fused)
    return len(fused)
