"""The `dateline` command: parse flags, call the library, print. Nothing else lives here."""
from __future__ import annotations

import json
import re
import sys
from contextlib import contextmanager
from datetime import date

import click
from rich.console import Console
from rich.progress import Progress

from dateline import cli_share, corrections, pipeline
from dateline.cli_options import (KEY_DATES, actor_option, confidence_options, dates_option,
                                  db_option, echo_hidden, format_option, open_db, print_table,
                                  query_option, sentences_option, since_option, type_option,
                                  until_option, user_errors)
from dateline.errors import E003, E010, E014, E052, InputError, QueryError
from dateline.model import shown_name
from dateline.query import render, render_key_dates, serialize

PROGRESS_MIN_FILES = 20  # fewer files finish before a bar is worth drawing


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="dateline")
def main() -> None:
    """Dateline: news articles in, a cited and truly dated timeline of events out."""


@main.command()
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


@main.command()
@db_option
@actor_option
@type_option
@since_option
@until_option
@confidence_options
@format_option("table", "json", "csv")
def events(db_path, actors, type_, since, until, min_confidence, fmt) -> None:
    """List fused events, each with its sources."""
    with user_errors(), open_db(db_path) as db:
        asked = {"actors": actors, "type": type_, "since": since, "until": until,
                 "min_confidence": min_confidence}
        found = db.events(**asked)
        if fmt == "json":
            click.echo(serialize.dumps([serialize.event_json(e) for e in found]))
        elif fmt == "csv":
            click.echo(render.events_csv(found), nl=False)
        else:
            print_table(render.events_table(found))
            echo_hidden(db.hidden(**asked))


TIMELINE_RENDERERS = {"text": render.timeline_text, "md": render.timeline_md,
                      "html": render.timeline_html}
KEY_DATES_RENDERERS = {"text": render_key_dates.key_dates_text, "md": render_key_dates.key_dates_md,
                       "html": render_key_dates.key_dates_html}


@main.command()
@click.argument("event_id", metavar="ID")
@db_option
@format_option("text", "json")
def event(event_id: str, db_path, fmt) -> None:
    """Show one fused event (by its id, or a per-article event's): its dates and every source."""
    with user_errors(), open_db(db_path) as db:
        found = db.event(event_id)
        readings = db.readings(found)
        if fmt == "json":
            click.echo(serialize.dumps(serialize.event_detail_json(found, readings)))
        else:
            click.echo(render.event_text(found, readings))


@main.command()
@click.argument("article_id", metavar="ID")
@db_option
@format_option("text", "json")
def article(article_id: str, db_path, fmt) -> None:
    """Show one stored article: its cleaned text and the actors, dates and events marked in it."""
    with user_errors(), open_db(db_path) as db:
        view = db.article_view(article_id)
        if fmt == "json":
            click.echo(serialize.dumps(serialize.article_json(view, db)))
        else:
            click.echo(render.article_text(view, db))


@main.command()
@db_option
@actor_option
@type_option
@since_option
@until_option
@click.option("--summary", is_flag=True,
              help="Show the key dates instead: the days that matter most, in date order, each "
                   "with a few of its articles' sentences and its events.")
@dates_option(None, f"With --summary: key dates to show (default {KEY_DATES}).")
@sentences_option
@query_option
@confidence_options
@format_option("text", "json", "md", "html")
def timeline(db_path, actors, type_, since, until, summary, dates, sentences, query,
             min_confidence, fmt) -> None:
    """Print the timeline: events in date order, undated ones at the end; with --summary, the
    key dates."""
    given = [flag for flag, value in (("--dates", dates), ("--sentences", sentences),
                                      ("--query", query)) if value is not None]
    if given and not summary:
        raise click.UsageError(f"{' and '.join(given)} need{'s' if len(given) == 1 else ''} "
                               "--summary")
    with user_errors():
        if summary and type_ is not None:
            raise QueryError(E052)
        with open_db(db_path) as db:
            if summary:
                counts = {"dates": dates, "sentences": sentences}  # None: the library's default
                keys = db.key_dates(**{k: v for k, v in counts.items() if v is not None},
                                    query=query, actors=actors, since=since, until=until,
                                    min_confidence=min_confidence)
                hidden = db.hidden_on([key.day for key in keys], actors, min_confidence)
                return _print_key_dates(keys, hidden, fmt)
            asked = {"actors": actors, "type": type_, "since": since, "until": until,
                     "min_confidence": min_confidence}
            found, hidden = db.timeline(**asked), db.hidden(**asked)
    if fmt == "json":
        click.echo(serialize.dumps([serialize.event_json(e) for e in found]))
    else:
        click.echo(TIMELINE_RENDERERS[fmt](found))
        _end_text(hidden, fmt)


def _print_key_dates(keys, hidden, fmt: str) -> None:
    if fmt == "json":
        click.echo(serialize.dumps([serialize.key_date_json(key) for key in keys]))
    else:
        click.echo(KEY_DATES_RENDERERS[fmt](keys))
        _end_text(hidden, fmt)


def _end_text(hidden, fmt: str) -> None:
    """Text and Markdown end saying what the threshold hid; a standalone HTML page is left whole."""
    if fmt in ("text", "md"):
        echo_hidden(hidden)


@main.group(invoke_without_command=True)
@db_option
@format_option("table", "json", "csv")
@click.pass_context
def actors(ctx: click.Context, db_path, fmt) -> None:
    """List actors (one per real entity) with aliases, roles and mention counts.

    `dateline actors import` loads an actor dictionary of your own into a knowledge file;
    `dateline actors merge | split | set` correct the actors, in a knowledge file and at once.
    """
    if ctx.invoked_subcommand is not None:
        return
    with user_errors(), open_db(db_path) as db:
        found = db.actors()
        if fmt == "json":
            click.echo(serialize.dumps([serialize.actor_json(a, n) for a, n in found]))
        elif fmt == "csv":
            click.echo(render.actors_csv(found), nl=False)
        else:
            print_table(render.actors_table(found))


@main.command()
@click.argument("name")
@db_option
@confidence_options
@format_option("text", "json")
def actor(name: str, db_path, min_confidence, fmt) -> None:
    """Show one actor (by name, alias or id): aliases, roles over time, events and quotes."""
    with user_errors(), open_db(db_path) as db:
        profile = db.actor_profile(name, min_confidence=min_confidence)
        if fmt == "json":
            click.echo(serialize.dumps(serialize.profile_json(profile, db)))
        else:
            click.echo(render.profile_text(profile, db))
            echo_hidden(db.hidden(actors=[profile.actor.id], min_confidence=min_confidence))


@actors.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--agents", "agents_file", type=click.Path(dir_okay=False), metavar="FILE",
              help="An agent dictionary to import too (nouns such as \"troops\" and their sector).")
@click.option("--format", "fmt", type=click.Choice(["petrarch"]), required=True,
              help="The dictionary's format: petrarch (CAMEO actor dictionaries of PETRARCH and TABARI).")
@click.option("--into", "into", type=click.Path(dir_okay=False),
              help="Knowledge file to write or add to (default: $DATELINE_KNOWLEDGE or "
                   "./dateline-knowledge.json); pass it to `dateline extract --knowledge`.")
def import_actors(file: str, agents_file: str | None, fmt: str, into: str | None) -> None:
    """Import an actor dictionary FILE into a knowledge file; lines it cannot use are listed on stderr."""
    from dateline.knowledge.petrarch import import_petrarch

    with user_errors():
        report = import_petrarch(file, agents_file, into)
    for skip in report.skipped:
        click.echo(str(skip), err=True)
    click.echo(report.summary())


knowledge_target = click.option(
    "--knowledge", "knowledge_file", type=click.Path(dir_okay=False), metavar="FILE",
    help="Knowledge file to write the correction to, made if missing (default: "
         "$DATELINE_KNOWLEDGE or ./dateline-knowledge.json); pass it to `dateline ingest "
         "--knowledge` so that new articles and new databases get it too.")


@actors.command("merge")
@click.argument("a")
@click.argument("b")
@db_option
@knowledge_target
def actors_merge(a: str, b: str, db_path, knowledge_file) -> None:
    """A and B (names, aliases or ids) are one actor: B joins A, whose name and kind are kept."""
    with user_errors():
        _echo_correction(corrections.merge_actors(a, b, db=db_path, knowledge=knowledge_file))


@actors.command("split")
@click.argument("a")
@click.option("--article", required=True, metavar="ID",
              help="The article: its id, or a unique prefix of it (the sources of `dateline "
                   "events --format json` give their articles' ids).")
@click.option("--into", metavar="B",
              help="The actor those mentions are (name, alias or id); default: an actor of that "
                   "article alone.")
@db_option
@knowledge_target
def actors_split(a: str, article: str, into: str | None, db_path, knowledge_file) -> None:
    """In one article, the mentions and events that point to actor A do not: they are an actor
    of that article alone, or B."""
    with user_errors():
        _echo_correction(corrections.split_actor(a, article, into, db=db_path,
                                                 knowledge=knowledge_file))


@actors.command("set")
@click.argument("a")
@click.option("--name", help="The name to show for A.")
@click.option("--country", metavar="CODE", help="A's country: an ISO 3166 alpha-3 code, e.g. SYR.")
@click.option("--sector", metavar="CODE", help="A's sector, e.g. GOV, MIL, REB, IGO, NGO, MED, BUS.")
@db_option
@knowledge_target
def actors_set(a: str, name: str | None, country: str | None, sector: str | None, db_path,
               knowledge_file) -> None:
    """Set the name, country or sector of actor A (a name, alias or id), over what articles say."""
    with user_errors():
        _echo_correction(corrections.set_actor(a, name=name, country=country, sector=sector,
                                               db=db_path, knowledge=knowledge_file))


def _echo_correction(report) -> None:
    click.echo(report.summary())
    click.echo(f"wrote {shown_name(str(report.knowledge))}")


@main.command()
@db_option
@actor_option
@format_option("table", "json", "csv")
def quotes(db_path, actors, fmt) -> None:
    """List quotes with their speakers and the articles they came from."""
    with user_errors(), open_db(db_path) as db:
        found = db.quotes(actors=actors)
        if fmt == "json":
            click.echo(serialize.dumps([serialize.quote_json(q, db) for q in found]))
        elif fmt == "csv":
            click.echo(render.quotes_csv(found, db), nl=False)
        else:
            print_table(render.quotes_table(found, db))


@main.command()
@db_option
@format_option("table", "json")
def stories(db_path, fmt) -> None:
    """List stories: clusters of articles about one development, with their dates."""
    with user_errors(), open_db(db_path) as db:
        found = db.stories()
        if fmt == "json":
            click.echo(serialize.dumps([serialize.story_json(s) for s in found]))
        else:
            print_table(render.stories_table(found, db))


@main.command()
@db_option
@format_option("table", "json")
def stats(db_path, fmt) -> None:
    """Count what the database holds: articles, events, actors, quotes..."""
    with user_errors(), open_db(db_path) as db:
        counts = db.stats()
        if fmt == "json":
            click.echo(serialize.dumps(counts))
        else:
            print_table(render.stats_table(counts))


for command in cli_share.COMMANDS:
    main.add_command(command)


TIMEX_KEYS = ("start", "end", "text", "type", "value")  # the output contract, in this order
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class IsoDate(click.ParamType):
    """A calendar day written YYYY-MM-DD, and nothing looser (no week dates, no 8-digit forms)."""

    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx) -> date:
        if isinstance(value, date):
            return value
        try:
            if ISO_DAY.fullmatch(value):
                return date.fromisoformat(value)
        except ValueError:
            pass  # the right shape but no such day, e.g. 2021-13-01
        self.fail(f"{value!r} is not a calendar date; expected YYYY-MM-DD, e.g. 2021-07-14",
                  param, ctx)


@main.command()
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
    from dateline.analyze.timetag import tag_times
    from dateline.analyze.timex import timeref_json

    with user_errors():
        found = tag_times(_read_text(file), dct)
    click.echo(serialize.dumps([_select(timeref_json(ref), TIMEX_KEYS) for ref in found]))


@main.command()
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


if __name__ == "__main__":
    main()
