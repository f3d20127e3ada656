"""The `dateline` commands that read text in: ingest (into a database), timex and extract (tag or
code one file, printing JSON)."""
from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from datetime import date

import click
from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TaskID,
                           TextColumn, TimeElapsedColumn)

from dateline import pipeline
from dateline.cli.options import IsoDate, db_option, format_option, user_errors
from dateline.errors import E003, E010, E014, E039, InputError
from dateline.query.serialize import dumps

# What the progress display calls each stage of `pipeline.STAGES`.
STAGE_LABELS = {"reading": "reading files", "analysing": "analysing articles",
                "fusing": "fusing events"}


@click.command()
# Not click's readable check: a path that cannot be read is the reader's skip (E010, E016), and
# the other paths still go in.
@click.argument("paths", nargs=-1, type=click.Path(readable=False))
@click.option("--urls", "urls_file", type=click.Path(readable=False, dir_okay=False),
              help="A file of URLs to fetch, one a line (blank lines and # comments left out).")
@db_option
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Local processes that analyze articles in parallel.")
@click.option("--scheduler", metavar="tcp://HOST:PORT",
              help="Analyze on the Dask cluster with this scheduler; store and fuse here.")
@click.option("--knowledge", "knowledge_file", type=click.Path(exists=True, dir_okay=False),
              help="A knowledge file of your own (actors, aliases, handles, roles with dates; or an "
                   "imported actor dictionary), merged over ours (default: $DATELINE_KNOWLEDGE).")
@click.option("--date-from-path", is_flag=True,
              help="An article its file leaves undated takes the date of its folder or file name: "
                   "2011-06-03/a.txt, 2011/06/03/a.txt, 20110603_a.txt (a full, real day; the "
                   "deepest wins). A date line or metadata in the file always comes first.")
@click.option("--no-progress", is_flag=True,
              help="Draw no progress display (it is drawn only when stderr is a terminal).")
@click.option("--delay", type=click.FloatRange(min=0), default=1.0, show_default=True,
              help="Seconds between two requests to the same host.")
@click.option("--allow-private", is_flag=True,
              help="Fetch from private, loopback and link-local addresses too (refused by default).")
@click.option("--max-mb", type=click.FloatRange(min=0, min_open=True), default=pipeline.MAX_MB,
              show_default=True, help="Skip a fetched page or feed larger than this, in MiB.")
def ingest(paths: tuple[str, ...], urls_file: str | None, db_path: str | None, workers: int,
           scheduler: str | None, knowledge_file: str | None, date_from_path: bool,
           no_progress: bool, delay: float, allow_private: bool, max_mb: float) -> None:
    """Read, analyze and store articles from files and folders, and from web pages, feeds (RSS,
    Atom, JSON Feed) and sitemaps given by URL (PATHS starting with http:// or https://, or
    --urls FILE), then fuse events and actors.

    A feed's or sitemap's pages are fetched and read, but those already stored; a URL that
    cannot be fetched is a skip ("skipped URL: E0xx: ..."), and the rest goes in.

    Each file with new articles that have no publication date gets a W004 note, and the run
    ends with how many there were (W005): their relative dates stay unresolved.
    """
    if scheduler is not None and workers > 1:
        raise click.UsageError("--workers and --scheduler exclude each other: a cluster has its own workers")
    if not paths and urls_file is None:
        raise click.UsageError("name files, folders or URLs to ingest (or --urls FILE)")
    # Drawn on a terminal only: not when piped, whatever FORCE_COLOR says to rich.
    drawn = Console(stderr=True) if sys.stderr.isatty() and not no_progress else None
    with user_errors(), progress_display(drawn) as progress:
        urls = read_url_list(urls_file) if urls_file else []
        report = pipeline.ingest(paths, db=db_path, workers=workers, progress=progress,
                                 knowledge=knowledge_file, scheduler=scheduler,
                                 date_from_path=date_from_path, urls=urls, delay=delay,
                                 allow_private=allow_private, max_mb=max_mb)
    for item in [*report.notes, *report.skipped]:
        click.echo(str(item))
    if report.undated_summary:
        click.echo(report.undated_summary)
    line = f"{report.ingested} ingested, {len(report.skipped)} skipped"
    if report.unchanged:
        line += f", {report.unchanged} unchanged"
    click.echo(line)
    if not report.read_anything:
        click.echo(E014, err=True)
        sys.exit(1)


def read_url_list(path: str) -> list[str]:
    """The URLs of a --urls file, one a line; E039 when it cannot be read."""
    try:
        with click.open_file(path, encoding="utf-8") as stream:
            lines = stream.read().splitlines()
    except (OSError, UnicodeDecodeError) as error:
        detail = getattr(error, "strerror", None) or error
        raise InputError(E039.format(path=path, detail=detail)) from error
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


@click.command()
@db_option
@click.option("--knowledge", "knowledge_file", type=click.Path(exists=True, dir_okay=False),
              help="A knowledge file of your own, as for ingest (default: $DATELINE_KNOWLEDGE).")
def reextract(db_path: str | None, knowledge_file: str | None) -> None:
    """Read every stored web page again with the current extractor, without fetching it.

    An article whose text now comes out different is stored anew, analysed, and replaces the
    old one (a W007 note each); then events are fused again. Prints a count line.
    """
    with user_errors():
        report = pipeline.reextract(db=db_path, knowledge=knowledge_file)
    for item in [*report.notes, *report.skipped]:
        click.echo(str(item))
    click.echo(report.line())


@contextmanager
def progress_display(console: Console | None):
    """A `pipeline.ingest` progress callback drawing one line a stage (files read, articles
    analysed, fusion) on `console`, gone when the run ends; None (no callback) without one."""
    if console is None:
        yield None
        return
    bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                   MofNCompleteColumn(), TimeElapsedColumn(), console=console, transient=True)
    tasks: dict[str, TaskID] = {}

    def update(stage: str, done: int, total: int | None) -> None:
        if stage not in tasks:
            tasks[stage] = bar.add_task(STAGE_LABELS.get(stage, stage), total=total)
        bar.update(tasks[stage], completed=done, total=total)

    with bar:
        yield update


TIMEX_KEYS = ("start", "end", "text", "type", "value")  # the output contract, in this order


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option("--dct", type=IsoDate(), metavar="YYYY-MM-DD",
              help="Document creation time: the day relative expressions such as \"Tuesday\" or "
                   "\"two days ago\" are resolved against. Without it they keep underspecified "
                   "values such as XXXX-11-04.")
def timex(file: str, dct: date | None) -> None:
    """Tag the time expressions of a text FILE ("-" for standard input), in UTF-8 (Latin-1 and
    cp1252 are decoded too, with a note on stderr).

    Prints a JSON array, indented by two spaces, of objects with the keys start, end, text,
    type (DATE, TIME, DURATION or SET) and value (a TimeML value such as 2021-07-13 or P3D).
    start and end are character offsets (not bytes) into the decoded text, counted after a
    leading byte order mark and with line endings left as they are, so that text[start:end]
    is the expression.
    """
    from dateline.analyze.timex import timeref_json
    from dateline.analyze.timex.tagging import tag_times

    with user_errors():
        found = tag_times(_read_text(file), dct)
    click.echo(dumps([_select(timeref_json(ref), TIMEX_KEYS) for ref in found]))


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option("--knowledge", "knowledge_file", type=click.Path(exists=True, dir_okay=False),
              help="A knowledge file of your own (or an imported actor dictionary), merged over ours "
                   "(default: $DATELINE_KNOWLEDGE).")
@format_option("jsonl")
def extract(file: str, knowledge_file: str | None, fmt: str) -> None:
    """Code the events of FILE's {"id", "text", "date"} records ("-" for standard input).

    Each record is coded as one article of its date. One JSON line per record is printed:
    {"id", "events": [...]}, each event with its type, mode, CAMEO code, quad class, intensity,
    source and target actors (country and sector), location, date, status, trigger and sentence.
    A line that is no record is reported on stderr and skipped.
    """
    from dateline.extract import extract as code_records, read_records
    from dateline.knowledge import load_knowledge, user_knowledge

    with user_errors():
        kb = load_knowledge(user_knowledge(knowledge_file))
        records = read_records(_read_text(file), "<stdin>" if file == "-" else file)
        for result in code_records(records, kb, on_skip=lambda skip: click.echo(str(skip), err=True)):
            click.echo(json.dumps(result.as_json(), ensure_ascii=False))


def _read_text(file: str) -> str:
    """The text of a file or of standard input; a BOM is dropped, as every editor hides it. A
    text in Latin-1 or cp1252 is decoded, with a note on stderr."""
    from dateline.ingest.decode import decode_bytes, encoding_note  # the ingest stack is slow to import

    name = "<stdin>" if file == "-" else file
    try:
        with click.open_file(file, "rb") as stream:  # "-" is standard input
            data = stream.read()
    except OSError as error:
        raise InputError(f"{E010.format(detail=error.strerror or error)}: {name}") from error
    decoded = decode_bytes(data)
    if decoded is None:
        raise InputError(f"{E003}: {name}")
    text, encoding = decoded
    note = encoding_note(name, encoding)
    if note:
        click.echo(str(note), err=True)
    return text


def _select(record: dict, keys: tuple[str, ...]) -> dict:
    return {key: record[key] for key in keys}


COMMANDS = (ingest, reextract, timex, extract)
