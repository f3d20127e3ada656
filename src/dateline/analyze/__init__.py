"""Per-article analysis: a pure function of one article (the unit a process pool or Dask maps).

The entry points import their modules on first call, so that importing a light submodule
(`dateline.analyze.timex`, used by `dateline timex`) does not load spaCy.
"""
from __future__ import annotations

from functools import lru_cache


def analyze_article(article, kb=None):
    """Everything Dateline learns from one article on its own (see `dateline.analyze.article`)."""
    from dateline.analyze.article import analyze_article as analyze

    return analyze(article, kb)


def analyze_batch(articles, knowledge=None):
    """`analyze_article` over a list of articles, parsed together in spaCy batches, with the
    package's knowledge and a user's file (a path) merged over it: the task a process pool or a
    Dask worker runs. Top-level and picklable; a worker builds the knowledge and the pipeline
    once and keeps them for every chunk it gets. An article whose analysis fails comes back as
    a Skip in its place."""
    from dateline.analyze.article import analyze_or_skip
    from dateline.knowledge import load_knowledge

    return analyze_or_skip(list(articles), load_knowledge(knowledge), _event_finder(knowledge))


@lru_cache(maxsize=4)
def _event_finder(knowledge=None):
    """The event finder for a knowledge file, built once per process as its knowledge is
    (`load_knowledge` keeps as many)."""
    from dateline.analyze.events.finder import EventFinder
    from dateline.knowledge import load_knowledge

    return EventFinder(load_knowledge(knowledge))


def analyze_articles(articles, kb=None):
    """`analyze_article` over many articles, parsed in spaCy batches."""
    from dateline.analyze.article import analyze_articles as analyze

    return analyze(articles, kb)
