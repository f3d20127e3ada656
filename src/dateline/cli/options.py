"""The flags and error handling every `dateline` command shares."""
from __future__ import annotations

import functools
import os
import re
import sys
from inspect import signature
from collections.abc import Callable
from contextlib import contextmanager
from datetime import date

import click
from rich.console import Console

from dateline.errors import E099, DatelineError, QueryError, failure_detail
from dateline.query import Database
from dateline.query.confidence import DEFAULT_MIN_CONFIDENCE, Hidden, check_min_confidence

# Database.key_dates' defaults, said in the help.
KEY_DATES, KEY_SENTENCES = (signature(Database.key_dates).parameters[name].default
                            for name in ("dates", "sentences"))

db_option = click.option("--db", "db_path", type=click.Path(dir_okay=False),
                         help="Database file (default: $DATELINE_DB or ./dateline.duckdb).")
actor_option = click.option("--actor", "actors", multiple=True, metavar="NAME",
                            help="Only events involving this actor (name, alias or id); "
                                 "repeat to include events involving any of several.")
type_option = click.option("--type", "type_", metavar="T",
                           help="Only events of this PLOVER type, e.g. CONSULT.")
since_option = click.option("--since", metavar="D",
                            help="Only events dated from D on, all their dates (a day, a week, a "
                                 "month, a year) on or after the start of D (YYYY, YYYY-MM or "
                                 "YYYY-MM-DD).")
until_option = click.option("--until", metavar="D",
                            help="Only events dated up to D, all their dates on or before the end "
                                 "of D (YYYY, YYYY-MM or YYYY-MM-DD).")
overlapping_option = click.option(
    "--overlapping", is_flag=True,
    help="With --since/--until: also list events whose dates only overlap the range (\"2011\" "
         "or \"June 2011\" for --since 2011-06-03 --until 2011-06-04).")

about_option = click.option("--about", metavar="WORDS",
                            help="Only what comes from articles about these words: each word (or "
                                 "\"quoted phrase\") in an article's headline or twice in its "
                                 "text; an event counts when one of its cited sources is such an "
                                 "article.")


def event_filter_options(command: Callable) -> Callable:
    """--actor, --type, --since, --until, --overlapping and --about, given to the command as one
    `filters` dict of `Database.events`' keywords (actors, type, since, until, overlapping,
    about), as `events` and `timeline` pass them on."""
    @functools.wraps(command)
    def run(*args, actors, type_, since, until, overlapping, about, **kwargs):
        filters = {"actors": actors, "type": type_, "since": since, "until": until,
                   "overlapping": overlapping, "about": about}
        return command(*args, filters=filters, **kwargs)

    for option in reversed((actor_option, type_option, since_option, until_option,
                            overlapping_option, about_option)):
        run = option(run)
    return run


def dates_option(default: int | None, help: str) -> Callable:
    """How many key dates to show; None as the default tells a flag not given from one given."""
    return click.option("--dates", type=int, metavar="K", default=default,
                        show_default=default is not None, help=help)


def sentences_option(lead: str = "") -> Callable:
    """How many sentences each key date quotes; `lead` opens the help of an alias's flag."""
    return click.option("--sentences", type=int, metavar="N",
                        help=_led(lead, f"sentences quoted for each date (default {KEY_SENTENCES})."))


def query_option(lead: str = "") -> Callable:
    return click.option("--query", metavar="WORDS",
                        help=_led(lead, "favour days named next to these words, and sentences "
                                        "holding them."))


def _led(lead: str, text: str) -> str:
    """A help text after its lead ("With --summary: "), or as a sentence of its own."""
    return lead + text if lead else text[0].upper() + text[1:]


class Confidence(click.ParamType):
    """A confidence threshold from 0 to 1, checked as the library checks one."""

    name = "FLOAT"

    def convert(self, value, param, ctx) -> float:
        try:
            return check_min_confidence(value)
        except QueryError as error:
            self.fail(str(error), param, ctx)


def confidence_options(command: Callable) -> Callable:
    """--min-confidence and --all, given to the command as one `min_confidence` (None: the
    library's default threshold; 0 with --all)."""
    @functools.wraps(command)
    def run(*args, show_all: bool, min_confidence: float | None, **kwargs):
        if show_all and min_confidence is not None:
            raise click.UsageError("--all and --min-confidence exclude each other")
        return command(*args, min_confidence=0.0 if show_all else min_confidence, **kwargs)

    run = click.option("--all", "show_all", is_flag=True,
                       help="Show every event, however unsure (same as --min-confidence 0).")(run)
    return click.option("--min-confidence", type=Confidence(), metavar="FLOAT",
                        help="Show only events at least this sure, from 0 to 1 "
                             f"(default {DEFAULT_MIN_CONFIDENCE}).")(run)


def echo_hidden(hidden: Hidden) -> None:
    """The line that ends a text listing which left events out for their confidence."""
    note = hidden.note()
    if note:
        click.echo(f"{note}: add --all")


def format_option(*choices: str) -> Callable:
    return click.option("--format", "fmt", type=click.Choice(choices), default=choices[0],
                        show_default=True, help="Output format.")


@contextmanager
def user_errors():
    """A DatelineError is the user's to fix: one line on stderr and exit 1, no traceback. Any
    other exception is ours: one line too (E099), exit 2, and the traceback only when
    $DATELINE_DEBUG is set. Ctrl-C is one line and exit 130; a reader that stops reading (a
    pipe into `head`) ends the command quietly."""
    try:
        yield
    except DatelineError as error:
        click.echo(str(error), err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("interrupted; what was stored before stays stored", err=True)
        sys.exit(130)
    except BrokenPipeError:
        # The reader went away (`dateline timeline | head`): that is no error of anyone's.
        _drop_unread_output()
        sys.exit(0)
    except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
        raise
    except Exception as error:
        if os.environ.get("DATELINE_DEBUG"):
            raise
        click.echo(E099.format(detail=failure_detail(error)), err=True)
        sys.exit(2)


def _drop_unread_output() -> None:
    """What is still buffered for a reader that went away has nowhere to go: stdout is pointed
    at the null device, so that flushing it at exit raises nothing."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass  # stdout is no file (an in-process runner): nothing is left to flush into a pipe


def open_db(db_path: str | None) -> Database:
    return Database(db_path)


def print_table(table) -> None:
    Console().print(table)


def print_chart(chart) -> None:
    """A text chart whose lines must not break: a long line runs on (soft wrap), and colour is
    added only on a terminal."""
    Console(soft_wrap=True).print(chart)


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
