"""The `dateline` commands that hand on what is stored: serve (the web UI), report (one HTML
file) and export (files for other tools)."""
from __future__ import annotations

from urllib.parse import urlencode

import click

from dateline.cli.options import (Confidence, about_option, actor_option, confidence_options,
                                  dates_option, db_option, echo_hidden, open_db,
                                  overlapping_option, since_option, until_option, user_errors)
from dateline.errors import E084


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default answers this machine only. Any other "
                   "gets a token made for the run unless --token gives one.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True,
              help="Port to listen on.")
@click.option("--token", envvar="DATELINE_TOKEN", show_envvar=True, metavar="TOKEN",
              help="Answer only requests that carry TOKEN, of at least 16 characters (as "
                   "`Authorization: Bearer TOKEN` or in the printed URL).")
@click.option("--allowed-host", "allowed_hosts", multiple=True, metavar="NAME",
              help="Also answer requests addressed to host NAME (the name in the browser's "
                   "address bar), besides loopback names and --host; repeatable.")
def serve(db_path, host: str, port: int, token: str | None,
          allowed_hosts: tuple[str, ...]) -> None:
    """Browse the database in a web browser: timeline, key dates, events, actors, articles,
    relations."""
    import uvicorn

    from dateline.web.app import create_app, index_in_background
    from dateline.web.auth import TOKEN_PARAM

    token, made = serve_token(host, token)  # refused before the database opens or anything binds
    with user_errors():
        open_db(db_path).close()  # a missing or foreign file fails here, not on the first page
    address = f"[{host}]" if ":" in host else host  # an IPv6 address is bracketed in a URL
    query = f"?{urlencode({TOKEN_PARAM: token})}" if token else ""
    click.echo(f"Dateline at http://{address}:{port}/{query} (Ctrl-C to stop)")
    if made:
        click.echo(f"(others can reach --host {host}, so this run made the token above; "
                   "give --token or $DATELINE_TOKEN to choose one)")
    app = create_app(db_path, token=token, allowed_hosts=(host, *allowed_hosts))
    index_in_background(db_path)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def serve_token(host: str, token: str | None) -> tuple[str | None, bool]:
    """The token `serve` asks for, and whether it was made here: one given is stripped and must
    be long enough (else a usage error, exit 2); a --host others can reach gets a new one."""
    from dateline.web.auth import TOKEN_LEAST, is_loopback, new_token

    if token is not None:
        token = token.strip()
        if len(token) < TOKEN_LEAST:
            raise click.UsageError(E084.format(length=len(token), least=TOKEN_LEAST))
        return token, False
    if is_loopback(host):
        return None, False
    return new_token(), True


@click.command()
@click.argument("out", type=click.Path(dir_okay=False), metavar="OUT.html")
@db_option
@actor_option
@since_option
@until_option
@overlapping_option
@about_option
@dates_option(10, "Key dates shown at the top of the report; 0 leaves them out.")  # REPORT_KEY_DATES
@confidence_options
def report(out: str, db_path, actors, since, until, overlapping, about, dates,
           min_confidence) -> None:
    """Write one self-contained HTML file: the key dates, the timeline, a relation chart and
    every source."""
    from dateline.web.report import write_report

    with user_errors(), open_db(db_path) as db:
        path = write_report(db, out, actors=actors, since=since, until=until, dates=dates,
                            min_confidence=min_confidence, overlapping=overlapping, about=about)
        hidden = db.hidden(actors=actors, since=since, until=until, min_confidence=min_confidence,
                           overlapping=overlapping, about=about)
    click.echo(f"wrote {path}")
    echo_hidden(hidden)


@click.command()
@click.argument("out", type=click.Path(), metavar="[OUT]", required=False)
@db_option
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "parquet", "gdelt"]),
              required=True, help="json, csv or parquet: a folder OUT with one file per table "
                                  "(events, event_sources, actors, mentions, articles); gdelt: "
                                  "one tab-separated file of GDELT 2.0 event rows.")
@click.option("--min-confidence", type=Confidence(), default=0.0, metavar="FLOAT",
              help="Export only events at least this sure, from 0 to 1 (default: every event, "
                   "each with its confidence).")
@click.option("--force", is_flag=True,
              help="Replace an earlier export in folder OUT: the new one is written beside it "
                   "and moves in only when complete. A file in OUT that no export writes stops "
                   "it (E067).")
def export(out: str | None, db_path, fmt: str, min_confidence: float, force: bool) -> None:
    """Export events, actors, mentions and articles for other tools.

    OUT defaults to the folder dateline-export (the file dateline-export.tsv for gdelt) in the
    working directory. A folder OUT that holds anything is refused unless --force replaces the
    export in it; a gdelt file is replaced whole."""
    from dateline.export import export as export_database

    with user_errors(), open_db(db_path) as db:
        done = export_database(db, fmt, out, min_confidence=min_confidence, force=force)
    for path in done.files:
        click.echo(f"wrote {path}")
    for why, count in done.left_out.items():
        click.echo(f"left out {count} {why}")


COMMANDS = (serve, report, export)
