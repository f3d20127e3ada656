"""The `dateline` commands that read text in: ingest (into a database), timex and extract (tag or
code one file, printing JSON)."""
from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from datetime import date

import click
from rich.console import Console
from rich.progress import Progress

from dateline import pipeline
from dateline.cli.options import IsoDate, db_option, format_option, user_errors
from dateline.errors import E003, E010, E014, InputError
from dateline.query.serialize import dumps

PROGRESS_MIN_FILES = 20  # fewer files finish before a bar is worth drawing


@click.command()
# Not click's readable check: a path that cannot be read is the reader's skip (E010, E016), and
# the other paths still go in.
@click.argument("paths", nargs=-1, required=True, type=click.Path(readable=False))
@db_option
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Local processes that analyze articles in parallel.")
@click.option("--scheduler", metavar="tcp://HOST:PORT",
              help="Analyze on the Dask cluster with this scheduler; store and fuse here.")
@click.option("--knowledge", "knowledge_file", type=click.Path(exists=True, dir_okay=False),
              help="A knowledge file of your own (actors, aliases, handles, roles with dates; or an "
                   "imported actor dictionary), merged over ours (default: $DATELINE_KNOWLEDGE).")
def ingest(paths: tuple[str, ...], db_path: str | None, workers: int, scheduler: str | None,
           knowledge_file: str | None) -> None:
    """Read, analyze and store articles from files and folders, then fuse events and actors."""
    if scheduler is not None and workers > 1:
        raise click.UsageError("--workers and --scheduler exclude each other: a cluster has its own workers")
    with user_errors(), _progress_bar() as progress:
        report = pipeline.ingest(paths, db=db_path, workers=workers, progress=progress,
                                 knowledge=knowledge_file, scheduler=scheduler)
    for item in [*report.notes, *report.skipped]:
        click.echo(str(item))
    line = f"{report.ingested} ingested, {len(report.skipped)} skipped"
    if report.unchanged:
        line += f", {report.unchanged} unchanged"
    click.echo(line)
    if not report.read_anything:
        click.echo(E014, err=True)
        sys.exit(1)


@contextmanager
def _progress_bar():
    """A progress callback drawing a bar on stderr, when stderr is a terminal and work is long."""
    console = Console(stderr=True)
    bar: Progress | None = None
    task = None

    def update(done: int, total: int) -> None:
        nonlocal bar, task
        if not console.is_terminal or total <= PROGRESS_MIN_FILES:
            return
        if bar is None:
            bar = Progress(console=console, transient=True)
            bar.start()
            task = bar.add_task("ingesting", total=total)
        bar.update(task, completed=done)

    try:
        yield update
    finally:
        if bar is not None:
            bar.stop()


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


COMMANDS = (ingest, timex, extract)
