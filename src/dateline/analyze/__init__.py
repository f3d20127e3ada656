"""Per-article analysis: a pure function of one article (the unit a process pool or Dask maps).

The entry points import their modules on first call, so that importing a light submodule
(`dateline.analyze.timex`, used by `dateline timex`) does not load spaCy.
"""
from __future__ import annotations


def analyze_article(article, kb=None):
    """Everything Dateline learns from one article on its own (see `dateline.analyze.article`)."""
    from dateline.analyze.article import analyze_article as analyze

    return analyze(article, kb)


def analyze_articles(articles, kb=None):
    """`analyze_article` over many articles, parsed in spaCy batches."""
    from dateline.analyze.article import analyze_articles as analyze

    return analyze(articles, kb)
