"""The `dateline watch` command: follow feeds and sitemaps, one line a round (dateline.watch)."""
from __future__ import annotations

import threading

import click

from dateline import watch as watching
from dateline.cli.options import db_option, user_errors


@click.command()
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@db_option
@click.option("--every", default="15m", show_default=True, metavar="TIME",
              help="Time from one round's start to the next's: 30s, 15m, 1h.")
@click.option("--once", is_flag=True, help="Run one round and exit (for cron).")
@click.option("--delay", type=click.FloatRange(min=0), default=1.0, show_default=True,
              metavar="SECONDS", help="Pause between two requests to the same host.")
@click.option("--allow-private", is_flag=True,
              help="Fetch from private, loopback and link-local addresses too (refused by "
                   "default: a feed must not point Dateline into your own network).")
@click.option("--max-mb", type=click.FloatRange(min=0, min_open=True), metavar="MB",
              help="Skip a page larger than this, reading no further (default 10).")
def watch(sources: tuple[str, ...], db_path: str | None, every: str, once: bool, delay: float,
          allow_private: bool, max_mb: float | None) -> None:
    """Follow feeds and sitemaps (RSS, Atom, JSON Feed, news sitemaps; or pages) at SOURCE...:
    each round ingests the pages they list that are new, fuses, and prints one line,
    `round 3: 12 new, 40 known, 1 failed`, after its skips. A feed that has not changed costs a
    304; a page that failed is tried again next round.

    Ctrl-C or SIGTERM stops after the round in progress ("stopped after round N", exit 0); a
    second one stops at once, keeping what was stored.
    """
    stop = threading.Event()
    limit = {} if max_mb is None else {"max_mb": max_mb}  # else pipeline.ingest's own default
    with user_errors():
        seconds = watching.parse_every(every)
        watching.check_sources(sources)
        with watching.stopping_on_signals(stop):
            rounds = watching.watch(
                sources, db=db_path, every=seconds, once=once, stop=stop,
                on_round=lambda report: click.echo(report.line()),
                on_item=lambda item: click.echo(str(item)),
                delay=delay, allow_private=allow_private, **limit)
    if stop.is_set() and rounds:
        click.echo(f"stopped after round {rounds[-1].number}")


COMMANDS = (watch,)
