"""Cross-article fusion over the store."""
from dateline.fuse.actors import link_actors, merge_linked
from dateline.fuse.apply import fuse_store
from dateline.fuse.events import ArticleRef, fuse_events, group_events, merge_group
from dateline.fuse.summary import summarize

__all__ = ["ArticleRef", "fuse_events", "fuse_store", "group_events", "link_actors",
           "merge_group", "merge_linked", "summarize"]
