"""Ingesting files into a database: discover, read, analyze, store, fuse.

The stages come in as parameters with the real ones as lazy defaults, so the pipeline runs
(and is tested) with any reader and analyzer, and importing it loads no spaCy model.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from dateline.errors import E013, E015, W004, W005, W005_PATHS, W007, DatelineError, failure_detail
from dateline.executors import map_in_order, open_executor
from dateline.fuse import fuse_store
from dateline.model import Analysis, Article, Correction, FetchRecord, KnownLink, Note, Skip
from dateline.store import Store

BATCH_SIZE = 64  # articles per store transaction: large enough to amortize, small enough to lose little
# Articles per task sent to a worker, parsed in one spaCy batch there: enough to amortize a task's
# round trip and fill spaCy's batches, few enough that every worker gets work on a small corpus.
CHUNK_SIZE = 8

Analyzer = Callable[[Article], Analysis]
# A chunk's analyses in order; an article whose analysis failed is a Skip in its place.
BatchAnalyzer = Callable[[list[Article]], list["Analysis | Skip"]]
Reader = Callable[[Path], Iterable["Article | Skip | Note"]]
Discoverer = Callable[[Sequence[Path]], "tuple[list[Path], list[Skip]]"]
# What `progress(stage, done, total)` is told, stage by stage: files read of the files found;
# new articles analysed and stored, of a total known once every file is read (None until then);
# fusion, 0 of 1 when it starts and 1 of 1 when it is done.
STAGES = ("reading", "analysing", "fusing")
Progress = Callable[[str, int, "int | None"], None]
WEB_SCHEMES = ("http://", "https://")  # a path that starts so is a URL to fetch
MAX_MB = 10  # a fetched body's default cap (`--max-mb`)


@dataclass(slots=True)
class IngestReport:
    ingested: int = 0  # articles analyzed and stored by this run
    unchanged: int = 0  # articles already stored, or repeated in this run: not analyzed again
    skipped: list[Skip] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)  # inputs stored with a warning (encoding, date, fusion)
    events: int = 0  # fused events in the database after this run
    # The new articles (their sources) stored with no publication date: their relative dates
    # ("on Tuesday") stay unresolved. Each file holding some has a W004 note in `notes`.
    undated: list[str] = field(default_factory=list)

    @property
    def read_anything(self) -> bool:
        """Whether any article was read, new or already stored."""
        return bool(self.ingested or self.unchanged)

    @property
    def undated_summary(self) -> str | None:
        """W005, how many of the new articles had no publication date; None when all had one."""
        from dateline.ingest.path_dates import path_date

        if not self.undated:
            return None
        dated = sum(path_date(source) is not None for source in self.undated)
        return W005.format(undated=len(self.undated), articles=self.ingested,
                           hint=W005_PATHS.format(dated=dated) if dated else "")


def _default_analyzer(knowledge: str | None = None) -> BatchAnalyzer:
    from dateline.analyze import analyze_batch
    from dateline.knowledge import load_knowledge

    load_knowledge(knowledge)  # a bad file fails here, once, before any article is read
    # Workers elsewhere (a cluster's) start in other folders: they get the absolute path.
    return partial(analyze_batch, knowledge=str(Path(knowledge).resolve()) if knowledge else None)


def _each(analyzer: Analyzer, articles: list[Article]) -> list[Analysis | Skip]:
    """A one-article analyzer applied to a chunk (picklable, for a pool, with `partial`); an
    article it fails on is a Skip naming the error, and the others go on."""
    return [_analyze_or_skip(analyzer, article) for article in articles]


def _analyze_or_skip(analyzer: Analyzer, article: Article) -> Analysis | Skip:
    try:
        return analyzer(article)
    except Exception as error:  # one bad article must not cost the others
        return Skip(article.source, E013.format(detail=failure_detail(error)))


def _default_reader() -> Reader:
    from dateline.ingest import read_file
    return read_file


def _reader(reader: Reader | None, date_from_path: bool) -> Reader:
    """The reader step 2 uses: the given one or ours, dating from its path an article its file
    leaves undated when asked to."""
    reader = reader or _default_reader()
    return partial(_dated_from_path, reader) if date_from_path else reader


def _dated_from_path(reader: Reader, path: Path) -> Iterable[Article | Skip | Note]:
    from dateline.ingest.path_dates import with_path_date
    return with_path_date(reader(path), path)


def _default_discoverer() -> Discoverer:
    from dateline.ingest import discover
    return discover


def ingest(paths: Iterable[str | Path], db: str | Path | None = None, workers: int = 1,
           progress: Progress | None = None, analyzer: Analyzer | None = None,
           reader: Reader | None = None, discoverer: Discoverer | None = None,
           knowledge: str | Path | None = None, scheduler: str | None = None,
           date_from_path: bool = False, urls: Iterable[str] = (), delay: float = 1.0,
           allow_private: bool = False, max_mb: float = MAX_MB, fetcher=None) -> IngestReport:
    """Ingest files and folders into the database; `progress(stage, done, total)` (STAGES).

    `knowledge` is a knowledge file of the user's (default `$DATELINE_KNOWLEDGE`), merged over
    the package's: its actors, roles and aliases resolve mentions as ours do. Each worker reads
    it from the same path. With `date_from_path`, an article its file leaves undated takes the
    date its path gives (`2011-06-03/a.txt`; `dateline.ingest.path_dates`).

    `urls` (and `paths` that start with http:// or https://) are read after the files by
    `ingest.fetch.follow` (a feed's or sitemap's new pages too) with `fetcher` (default: a polite
    `ingest.fetch.client.Fetcher` of `delay`, `allow_private`, `max_mb`).

    1. discover the input files (skipping what cannot be an input),
    2. read each into articles, leaving out those already stored,
    3. analyze new articles in chunks of CHUNK_SIZE: in this process, in `workers` local
       processes, or on the Dask cluster whose scheduler is at `scheduler` ("tcp://HOST:PORT"),
       with a few chunks in flight per worker,
    4. store them here, in input order, in batches of about BATCH_SIZE, one transaction each,
       letting go of the file between batches so that readers (`dateline serve`) get in,
    5. fuse the whole store once at the end, here, in one transaction.

    An article whose analysis fails is skipped with the error (E013), and the others go in.
    A run killed at any point leaves only whole batches, and the next run over the same input
    adds what is missing: the end state is that of one run.
    """
    analyze_chunk = _chunk_analyzer(analyzer, knowledge)
    discoverer = discoverer or _default_discoverer()
    report = IngestReport()
    paths, urls = _split_urls(paths, urls)
    files, skips = discoverer([Path(p) for p in paths])
    report.skipped += skips
    with Store(db) as store, _web(store, urls, fetcher, delay, allow_private, max_mb) as web:
        stored = store.article_ids()
        store.release()
        reading = _Reading(files, _reader(reader, date_from_path), stored, report,
                           progress or _untold, web)
        with open_executor(workers, scheduler) as (executor, slots):
            analyzed = map_in_order(executor, slots, analyze_chunk,
                                    _batches(reading.new_articles(), CHUNK_SIZE))
            for batch in _batches(reading.count_analysed(_flatten(analyzed)), BATCH_SIZE):
                _store_batch(store, batch, report)
        _finish(store, reading, report, knowledge)
    return report


def _finish(store: Store, reading: _Reading, report: IngestReport,
            knowledge: str | Path | None) -> None:
    """Steps 4 and 5's end: the copies read and the fetches made (each once the articles it gave
    are stored: a run cut short fetches those pages again, never loses them), then fusion."""
    store.note_copies(reading.copies)
    store.write_fetches(reading.fetches)
    report.notes += reading.undated_notes()
    reading.tell("fusing", 0, 1)
    fused = fuse_store(store, _corrections(knowledge))
    reading.tell("fusing", 1, 1)
    report.events = fused.events
    report.notes += fused.notes


def _chunk_analyzer(analyzer: Analyzer | None, knowledge: str | Path | None) -> BatchAnalyzer:
    if analyzer is not None:
        return partial(_each, analyzer)
    from dateline.knowledge import user_knowledge

    return _default_analyzer(user_knowledge(knowledge))


def _untold(stage: str, done: int, total: int | None) -> None:
    """The progress callback of a caller who asked for none."""


def _corrections(knowledge: str | Path | None) -> tuple[Correction, ...] | None:
    """The user's corrections of actors, from their knowledge file; None when it has none to
    say (fusion then keeps those the store holds)."""
    from dateline.knowledge import load_knowledge, user_knowledge

    path = user_knowledge(knowledge)
    return load_knowledge(path).corrections if path else None


def _store_batch(store: Store, batch: list[Analysis | Skip], report: IngestReport) -> None:
    report.skipped += [item for item in batch if isinstance(item, Skip)]
    analyses = [item for item in batch if not isinstance(item, Skip)]
    written = store.write(analyses)
    store.release()
    report.ingested += written.new
    report.unchanged += written.unchanged
    report.undated += [a.article.source for a in analyses if a.article.published is None]


class _Reading:
    """Step 2 as the run goes: the new articles of each file, the progress told, and what the
    report needs of where each article came from."""

    def __init__(self, files: Sequence[Path], reader: Reader, stored: set[str],
                 report: IngestReport, tell: Progress,
                 web: Callable[[], Iterable[object]] | None = None) -> None:
        self.files, self.reader, self.stored, self.report, self.tell = (
            files, reader, stored, report, tell)
        self.web = web  # everything the URLs give (`ingest.fetch.follow`), when there are any
        self.fetches: list[FetchRecord] = []  # written once their articles are stored
        self.copies: list[Article] = []  # texts read again: noted once their original is stored
        self.origins: dict[str, str] = {}  # a new article's source -> the file it was read from
        self.done = False

    def new_articles(self) -> Iterator[Article]:
        """Articles not `stored` yet, each once (two files with the same text are one
        article); the other reads of a text go to `copies`."""
        seen: set[str] = set()
        for done, path in enumerate(self.files, start=1):
            yield from self._sort(_read(path, self.reader), str(path), seen)
            self.tell("reading", done, len(self.files))
        if self.web is not None:
            yield from self._sort(self.web(), None, seen)
        self.done = True

    def _sort(self, items: Iterable[object], path: str | None, seen: set[str]) -> Iterator[Article]:
        """The new articles among what a file (or the web) gave; the rest to the report."""
        report = self.report
        for item in items:
            if isinstance(item, Skip):
                report.skipped.append(item)
            elif isinstance(item, Note):
                report.notes.append(item)
            elif isinstance(item, FetchRecord):
                self.fetches.append(item)
            elif isinstance(item, KnownLink):
                report.unchanged += 1
            elif item.id in seen or item.id in self.stored:
                report.unchanged += 1
                self.copies.append(item)
            else:
                seen.add(item.id)
                self.origins[item.source] = path or item.source
                yield item

    def count_analysed(self, items: Iterable[Analysis | Skip]) -> Iterator[Analysis | Skip]:
        """The analyses as they come, telling how many of the new articles are done."""
        self.tell("analysing", 0, None)
        for done, item in enumerate(items, start=1):
            self.tell("analysing", done, len(self.origins) if self.done else None)
            yield item

    def undated_notes(self) -> list[Note]:
        """W004 once for each file that gave new articles with no publication date."""
        counts: dict[str, int] = {}
        for source in self.report.undated:
            path = self.origins.get(source, source)
            counts[path] = counts.get(path, 0) + 1
        return [Note(path, W004.format(what="" if count == 1 else f" ({count} of its articles)"))
                for path, count in counts.items()]


def _read(path: Path, reader: Reader) -> Iterable[Article | Skip | Note]:
    """Everything a file holds; a reader's error becomes a skip of the file, not a failed run."""
    try:
        return list(reader(path))
    except DatelineError as error:
        return [Skip(str(path), str(error))]
    except Exception as error:  # a reader's bug on one odd file must not cost the others
        return [Skip(str(path), E015.format(detail=failure_detail(error)))]


def _batches(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _flatten(chunks: Iterable[list[Analysis | Skip]]) -> Iterator[Analysis | Skip]:
    for chunk in chunks:
        yield from chunk


def _split_urls(paths: Iterable[str | Path], urls: Iterable[str]) -> tuple[list, list[str]]:
    """(the paths, the URLs): a path given as text that starts with http:// or https:// is a URL."""
    paths = list(paths)
    web = [p for p in paths if isinstance(p, str) and p.lower().startswith(WEB_SCHEMES)]
    return [p for p in paths if p not in web], [*web, *urls]


@contextmanager
def _web(store: Store, urls: Sequence[str], fetcher, delay: float, allow_private: bool,
         max_mb: float):
    """Everything the URLs give (`ingest.fetch.follow`, with what the store knows of the web),
    read by a fetcher (the one given, or ours, closed at the end), as a callable; None without
    URLs."""
    if not urls:
        yield None
        return
    known = store.known_sources()
    if fetcher is not None:
        yield partial(_follow_all, fetcher, urls, known)
        return
    from dateline.ingest.fetch.client import Fetcher

    with Fetcher(delay=delay, allow_private=allow_private, max_bytes=int(max_mb * 2**20)) as own:
        yield partial(_follow_all, own, urls, known)


def _follow_all(fetcher, urls: Sequence[str], known) -> Iterator[object]:
    from dateline.ingest.fetch.follow import follow

    yield from follow(urls, fetcher, known)


@dataclass(slots=True)
class ReextractReport:
    pages: int = 0  # stored pages read again
    changed: int = 0  # pages whose article now reads differently: stored anew, the old one gone
    skipped: list[Skip] = field(default_factory=list)  # pages that gave no article now (kept as they were)
    notes: list[Note] = field(default_factory=list)
    events: int = 0  # fused events in the database after the run

    def line(self) -> str:
        return f"{self.pages} pages read again, {self.changed} changed, {len(self.skipped)} skipped"


def reextract(db: str | Path | None = None, analyzer: Analyzer | None = None,
              knowledge: str | Path | None = None) -> ReextractReport:
    """Read every stored page again with the current extractor, without fetching it. An article
    whose text now comes out different is stored under its new id (analyzed as any new article)
    and its old id's rows are removed, its fetches pointing at the new one; then the whole store
    is fused again. A page that now gives no article is a skip, and its article stays."""
    from dateline.ingest.fetch.pages import reread_page

    analyze_chunk = _chunk_analyzer(analyzer, knowledge)
    report = ReextractReport()
    with Store(db) as store:
        kept, stored = store.kept_pages(), store.article_ids()
        store.release()
        replaced: dict[str, str] = {}
        fresh: dict[str, Article] = {}
        for page in kept:
            report.pages += 1
            items = reread_page(page)
            article = next((item for item in items if isinstance(item, Article)), None)
            if article is None:
                report.skipped += [item for item in items if isinstance(item, Skip)]
            elif article.id != page.article_id:
                replaced[page.article_id] = article.id
                if article.id not in stored:
                    fresh.setdefault(article.id, article)
        written = IngestReport()
        for batch in _batches(list(fresh.values()), BATCH_SIZE):
            _store_batch(store, analyze_chunk(batch), written)
        report.skipped += written.skipped
        now_stored = store.article_ids()  # an old article goes only once its new one is in
        replaced = {old: new for old, new in replaced.items() if new in now_stored}
        store.forget_articles(replaced)
        report.changed = len(replaced)
        report.notes += [Note(page.final_url, W007.format(new=replaced[page.article_id],
                                                           old=page.article_id))
                         for page in kept if page.article_id in replaced]
        if replaced:
            fused = fuse_store(store, _corrections(knowledge))
            report.events = fused.events
            report.notes += fused.notes
    return report
