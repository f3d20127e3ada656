"""The `dateline` commands that show and hand on what is stored: relations, serve, report, export."""
from __future__ import annotations

from urllib.parse import urlencode

import click

from dateline.cli_options import (actor_option, dates_option, db_option, format_option, open_db,
                                  print_table, since_option, until_option, user_errors)
from dateline.errors import E083, E084
from dateline.query import render, serialize


@click.command()
@click.argument("a")
@click.argument("b")
@db_option
@since_option
@until_option
@format_option("table", "json")
def relations(a: str, b: str, db_path, since, until, fmt) -> None:
    """Cooperation and conflict between actors A and B, month by month, with a small chart.

    A state's side holds its own officials and bodies: "India" counts its ministers' events.
    """
    with user_errors(), open_db(db_path) as db:
        found = db.relation(a, b, since=since, until=until)
        if fmt == "json":
            click.echo(serialize.dumps(serialize.relation_json(found)))
        else:
            print_table(render.relation_table(found))


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default answers this machine only. Any other "
                   "needs --token.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True,
              help="Port to listen on.")
@click.option("--token", envvar="DATELINE_TOKEN", show_envvar=True, metavar="TOKEN",
              help="Answer only requests that carry TOKEN (as `Authorization: Bearer TOKEN` or "
                   "in the printed URL); needed with a --host others can reach.")
def serve(db_path, host: str, port: int, token: str | None) -> None:
    """Browse the database in a web browser: timeline, events, actors, articles, relations."""
    import uvicorn

    from dateline.web.app import create_app
    from dateline.web.auth import TOKEN_PARAM, is_loopback

    # Refused before the database is opened or anything binds: a usage error, exit 2.
    if token is not None and not token.strip():
        raise click.UsageError(E084)
    if not token and not is_loopback(host):
        raise click.UsageError(E083.format(host=host))
    with user_errors():
        open_db(db_path).close()  # a missing or foreign file fails here, not on the first page
    address = f"[{host}]" if ":" in host else host  # an IPv6 address is bracketed in a URL
    query = f"?{urlencode({TOKEN_PARAM: token})}" if token else ""
    click.echo(f"Dateline at http://{address}:{port}/{query} (Ctrl-C to stop)")
    uvicorn.run(create_app(db_path, token=token), host=host, port=port, log_level="warning")


@click.command()
@click.argument("out", type=click.Path(dir_okay=False), metavar="OUT.html")
@db_option
@actor_option
@since_option
@until_option
@dates_option(10, "Key dates shown at the top of the report; 0 leaves them out.")  # REPORT_KEY_DATES
def report(out: str, db_path, actors, since, until, dates) -> None:
    """Write one self-contained HTML file: the key dates, the timeline, a relation chart and
    every source."""
    from dateline.web.report import write_report

    with user_errors(), open_db(db_path) as db:
        path = write_report(db, out, actors=actors, since=since, until=until, dates=dates)
    click.echo(f"wrote {path}")


@click.command()
@click.argument("out", type=click.Path(), metavar="OUT")
@db_option
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "parquet", "gdelt"]),
              required=True, help="json, csv or parquet: a folder OUT with one file per table "
                                  "(events, event_sources, actors, mentions, articles); gdelt: "
                                  "one tab-separated file of GDELT 2.0 event rows.")
def export(out: str, db_path, fmt: str) -> None:
    """Export events, actors, mentions and articles for other tools."""
    from dateline.export import export as export_database

    with user_errors(), open_db(db_path) as db:
        done = export_database(db, fmt, out)
    for path in done.files:
        click.echo(f"wrote {path}")
    for why, count in done.left_out.items():
        click.echo(f"left out {count} {why}")


COMMANDS = (relations, serve, report, export)
