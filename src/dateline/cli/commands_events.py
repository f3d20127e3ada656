"""The `dateline` commands that list events: events, event, timeline and key-dates.

`dateline timeline --summary` is the alias `key-dates` had before it was a command of its own:
it takes the same flags and prints the same.
"""
from __future__ import annotations

import click

from dateline.cli import render_html, render_tables, render_text
from dateline.cli.options import (KEY_DATES, about_option, actor_option, confidence_options,
                                  dates_option, db_option, echo_hidden, event_filter_options,
                                  format_option, open_db, print_table, query_option,
                                  sentences_option, since_option, until_option, user_errors)
from dateline.errors import E052, QueryError
from dateline.query.confidence import Hidden
from dateline.query.serialize import dumps, event_json, event_detail_json, key_date_json

TIMELINE_RENDERERS = {"text": render_text.timeline_text, "md": render_text.timeline_md,
                      "html": render_html.timeline_html}
KEY_DATES_RENDERERS = {"text": render_text.key_dates_text, "md": render_text.key_dates_md,
                       "html": render_html.key_dates_html}
ALIAS = "With --summary: "  # how the flags of `timeline --summary` say whose they are


@click.command()
@db_option
@event_filter_options
@confidence_options
@format_option("table", "json", "csv")
def events(db_path, filters, min_confidence, fmt) -> None:
    """List fused events, each with its sources."""
    with user_errors(), open_db(db_path) as db:
        asked = {**filters, "min_confidence": min_confidence}
        found = db.events(**asked)
        if fmt == "json":
            click.echo(dumps([event_json(e) for e in found]))
        elif fmt == "csv":
            click.echo(render_tables.events_csv(found), nl=False)
        else:
            print_table(render_tables.events_table(found))
            echo_hidden(db.hidden(**asked))


@click.command()
@click.argument("event_id", metavar="ID")
@db_option
@format_option("text", "json")
def event(event_id: str, db_path, fmt) -> None:
    """Show one fused event: its dates and every source. ID is its id, a per-article event's, or
    the start of either (at least 4 characters; the short id the timeline shows)."""
    with user_errors(), open_db(db_path) as db:
        found = db.event(event_id)
        readings = db.readings(found)
        if fmt == "json":
            click.echo(dumps(event_detail_json(found, readings)))
        else:
            click.echo(render_text.event_text(found, readings))


@click.command()
@db_option
@event_filter_options
@click.option("--summary", is_flag=True,
              help="Alias of `dateline key-dates`: show the key dates instead, the days that "
                   "matter most, in date order, each with a few of its articles' sentences and "
                   "its events.")
@dates_option(None, f"{ALIAS}key dates to show (default {KEY_DATES}).")
@sentences_option(ALIAS)
@query_option(ALIAS)
@confidence_options
@format_option("text", "json", "md", "html")
def timeline(db_path, filters, summary, dates, sentences, query, min_confidence, fmt) -> None:
    """Print the timeline: events in date order, undated ones at the end.

    `timeline --summary` is an alias of `dateline key-dates`, with the same flags.
    """
    given = [flag for flag, value in (("--dates", dates), ("--sentences", sentences),
                                      ("--query", query)) if value is not None]
    if given and not summary:
        raise click.UsageError(f"{' and '.join(given)} need{'s' if len(given) == 1 else ''} "
                               "--summary")
    if filters["overlapping"] and summary:
        raise click.UsageError("--overlapping is for events: a key date is one day")
    if summary:
        with user_errors():
            if filters["type"] is not None:
                raise QueryError(E052)
        return show_key_dates(db_path, filters["actors"], filters["since"], filters["until"],
                              dates, sentences, query, min_confidence, fmt, filters["about"])
    with user_errors(), open_db(db_path) as db:
        asked = {**filters, "min_confidence": min_confidence}
        found, hidden = db.timeline(**asked), db.hidden(**asked)
    if fmt == "json":
        click.echo(dumps([event_json(e) for e in found]))
    else:
        click.echo(TIMELINE_RENDERERS[fmt](found))
        _end_text(hidden, fmt)


@click.command("key-dates")
@db_option
@actor_option
@since_option
@until_option
@about_option
@dates_option(None, f"Key dates to show (default {KEY_DATES}).")
@sentences_option()
@query_option()
@confidence_options
@format_option("text", "json", "md", "html")
def key_dates(db_path, actors, since, until, about, dates, sentences, query, min_confidence,
              fmt) -> None:
    """Print the key dates: the days that matter most, in date order, each with a few of its
    articles' sentences (citing them) and its events.

    A day weighs the articles that name it, above all those published later, looking back, and
    the articles reporting its events; --query favours days named next to its words.
    """
    show_key_dates(db_path, actors, since, until, dates, sentences, query, min_confidence, fmt,
                   about)


def show_key_dates(db_path, actors, since, until, dates, sentences, query, min_confidence,
                   fmt: str, about: str | None = None) -> None:
    """`key-dates` and its alias `timeline --summary`: the counts not given are the library's."""
    counts = {"dates": dates, "sentences": sentences}  # None: the library's default
    with user_errors(), open_db(db_path) as db:
        keys = db.key_dates(**{k: v for k, v in counts.items() if v is not None},
                            query=query, actors=actors, since=since, until=until,
                            min_confidence=min_confidence, about=about)
        hidden = db.hidden_on([key.date for key in keys], actors, min_confidence, about)
        if fmt == "json":
            click.echo(dumps([key_date_json(key) for key in keys]))
        else:
            click.echo(KEY_DATES_RENDERERS[fmt](keys))
            _end_text(hidden, fmt)


def _end_text(hidden: Hidden, fmt: str) -> None:
    """Text and Markdown end saying what the threshold hid; a standalone HTML page is left whole."""
    if fmt in ("text", "md"):
        echo_hidden(hidden)


COMMANDS = (events, event, timeline, key_dates)
