"""The `dateline` commands about what a database holds besides events and actors: article,
stories and stats."""
from __future__ import annotations

import click

from dateline.cli import render_tables, render_text
from dateline.cli.options import about_option, db_option, format_option, open_db, print_table, user_errors
from dateline.query.serialize import article_json, dumps, stats_json, story_json


@click.command()
@click.argument("article_id", metavar="ID")
@db_option
@format_option("text", "json")
def article(article_id: str, db_path, fmt) -> None:
    """Show one stored article: its cleaned text and the actors, dates and events marked in it."""
    with user_errors(), open_db(db_path) as db:
        view = db.article_view(article_id)
        if fmt == "json":
            click.echo(dumps(article_json(view, db)))
        else:
            click.echo(render_text.article_text(view, db))


@click.command()
@db_option
@about_option
@format_option("table", "json")
def stories(db_path, about, fmt) -> None:
    """List stories: clusters of articles about one development, with their dates."""
    with user_errors(), open_db(db_path) as db:
        found = db.stories(about=about)
        if fmt == "json":
            click.echo(dumps([story_json(s) for s in found]))
        else:
            print_table(render_tables.stories_table(found, db))


@click.command()
@db_option
@format_option("table", "json")
def stats(db_path, fmt) -> None:
    """Count what the database holds: articles, events, actors, quotes...; and, once anything
    was fetched from the web, the feeds and sitemaps followed, pages fetched, failed fetches
    and the last fetch (JSON: under "sources")."""
    with user_errors(), open_db(db_path) as db:
        counts, sources = db.stats(), db.sources()
        if fmt == "json":
            click.echo(dumps(stats_json(counts, sources)))
        else:
            print_table(render_tables.stats_table(counts))
            if sources.anything:
                print_table(render_tables.sources_table(sources))


COMMANDS = (article, stories, stats)
