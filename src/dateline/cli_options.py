"""The flags and error handling every `dateline` command shares."""
from __future__ import annotations

import sys
from collections.abc import Callable
from contextlib import contextmanager

import click
from rich.console import Console

from dateline.errors import DatelineError
from dateline.query import Database

db_option = click.option("--db", "db_path", type=click.Path(dir_okay=False),
                         help="Database file (default: $DATELINE_DB or ./dateline.duckdb).")
actor_option = click.option("--actor", "actors", multiple=True, metavar="NAME",
                            help="Only events involving this actor (name, alias or id); "
                                 "repeat to include events involving any of several.")
type_option = click.option("--type", "type_", metavar="T",
                           help="Only events of this PLOVER type, e.g. CONSULT.")
since_option = click.option("--since", metavar="D",
                            help="Only events ending on or after D (YYYY, YYYY-MM or YYYY-MM-DD).")
until_option = click.option("--until", metavar="D",
                            help="Only events starting on or before D (YYYY, YYYY-MM or YYYY-MM-DD).")


def format_option(*choices: str) -> Callable:
    return click.option("--format", "fmt", type=click.Choice(choices), default=choices[0],
                        show_default=True, help="Output format.")


@contextmanager
def user_errors():
    """A DatelineError is the user's to fix: one line on stderr and exit 1, no traceback."""
    try:
        yield
    except DatelineError as error:
        click.echo(str(error), err=True)
        sys.exit(1)


def open_db(db_path: str | None) -> Database:
    return Database(db_path)


def print_table(table) -> None:
    Console().print(table)
