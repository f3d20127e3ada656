"""Ingesting files into a database: discover, read, analyze, store, fuse.

The stages come in as parameters with the real ones as lazy defaults, so the pipeline runs
(and is tested) with any reader and analyzer, and importing it loads no spaCy model.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from dateline.errors import DatelineError
from dateline.fuse import fuse_store
from dateline.model import Analysis, Article, Skip
from dateline.store import Store

BATCH_SIZE = 50  # articles per store transaction: large enough to amortize, small enough to lose little

Analyzer = Callable[[Article], Analysis]
Reader = Callable[[Path], Iterable["Article | Skip"]]
Discoverer = Callable[[Sequence[Path]], "tuple[list[Path], list[Skip]]"]
Progress = Callable[[int, int], None]


@dataclass(slots=True)
class IngestReport:
    ingested: int = 0  # articles analyzed and stored by this run
    unchanged: int = 0  # articles already stored, or repeated in this run: not analyzed again
    skipped: list[Skip] = field(default_factory=list)
    events: int = 0  # fused events in the database after this run


def _default_analyzer(knowledge: str | None = None) -> Analyzer:
    from dateline.analyze import analyze_article, analyze_with_knowledge
    from dateline.knowledge import load_knowledge

    if knowledge is None:
        return analyze_article
    load_knowledge(knowledge)  # a bad file fails here, once, before any article is read
    return partial(analyze_with_knowledge, knowledge=knowledge)


def _default_reader() -> Reader:
    from dateline.ingest import read_file
    return read_file


def _default_discoverer() -> Discoverer:
    from dateline.ingest import discover
    return discover


def ingest(paths: Iterable[str | Path], db: str | Path | None = None, workers: int = 1,
           progress: Progress | None = None, analyzer: Analyzer | None = None,
           reader: Reader | None = None, discoverer: Discoverer | None = None,
           knowledge: str | Path | None = None) -> IngestReport:
    """Ingest files and folders into the database; `progress(files_done, files_total)`.

    `knowledge` is a knowledge file of the user's (default `$DATELINE_KNOWLEDGE`), merged over
    the package's: its actors, roles and aliases resolve mentions as ours do.

    1. discover the input files (skipping what cannot be an input),
    2. read each into articles, leaving out those already stored,
    3. analyze new articles (serially, or in `workers` processes),
    4. store them in batches of BATCH_SIZE, one transaction each,
    5. fuse the whole store once at the end.
    """
    if analyzer is None:
        from dateline.knowledge import user_knowledge

        analyzer = _default_analyzer(user_knowledge(knowledge))
    reader = reader or _default_reader()
    discoverer = discoverer or _default_discoverer()
    report = IngestReport()
    files, skips = discoverer([Path(p) for p in paths])
    report.skipped += skips
    with Store(db) as store:
        copies: list[Article] = []  # texts read again: noted once their original is stored
        new_articles = _new_articles(files, reader, store, report, progress, copies)
        with _executor(workers) as executor:
            for batch in _batches(new_articles, BATCH_SIZE):
                written = store.write(_analyze(batch, analyzer, executor, workers))
                report.ingested += written.new
                report.unchanged += written.unchanged
        store.note_copies(copies)
        report.events = fuse_store(store)
    return report


def _new_articles(files: Sequence[Path], reader: Reader, store: Store, report: IngestReport,
                  progress: Progress | None, copies: list[Article]) -> Iterator[Article]:
    """Articles not stored yet, each once (two files with the same text are one article); the
    other reads of a text go to `copies`."""
    seen: set[str] = set()
    for done, path in enumerate(files, start=1):
        for item in _read(path, reader):
            if isinstance(item, Skip):
                report.skipped.append(item)
            elif item.id in seen or store.has_article(item.id):
                report.unchanged += 1
                copies.append(item)
            else:
                seen.add(item.id)
                yield item
        if progress:
            progress(done, len(files))


def _read(path: Path, reader: Reader) -> Iterable[Article | Skip]:
    """Everything a file holds; a reader's coded error becomes a skip, not a failed run."""
    try:
        return list(reader(path))
    except DatelineError as error:
        return [Skip(str(path), str(error))]


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


class _Serial:
    """No executor: analysis in this process."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc_info: object) -> None:
        return None


def _executor(workers: int):
    return ProcessPoolExecutor(workers) if workers > 1 else _Serial()


def _analyze(batch: list[Article], analyzer: Analyzer, executor: Executor | None,
             workers: int) -> list[Analysis]:
    if executor is None:
        return [analyzer(article) for article in batch]
    chunk = max(1, len(batch) // (workers * 2))  # a few chunks per worker keeps them all busy
    return list(executor.map(analyzer, batch, chunksize=chunk))
