"""Per-article analysis: a pure function of one article (the unit a process pool or Dask maps).

The entry points import their modules on first call, so that importing a light submodule
(`dateline.analyze.timex`, used by `dateline timex`) does not load spaCy. The analysis itself is
`ArticleAnalyzer` (`dateline.analyze.article`), built once from the knowledge.
"""
from __future__ import annotations


def analyze_article(article, kb=None):
    """Everything Dateline learns from one article on its own."""
    return next(analyze_articles([article], kb))


def analyze_articles(articles, kb=None):
    """`analyze_article` over many articles, parsed in spaCy batches."""
    from dateline.analyze.article import analyzer_of

    return analyzer_of(kb).analyze(articles)


def analyze_batch(articles, knowledge=None):
    """`analyze_article` over a list of articles, parsed together in spaCy batches, with the
    package's knowledge and a user's file (a path) merged over it: the task a process pool or a
    Dask worker runs. Top-level and picklable; a worker builds the analyzer (the knowledge, the
    pipeline and the components) once and keeps it for every chunk it gets. An article whose
    analysis fails comes back as a Skip in its place."""
    from dateline.analyze.article import analyzer_for

    return analyzer_for(knowledge).analyze_or_skip(list(articles))
