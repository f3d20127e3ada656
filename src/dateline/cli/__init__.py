"""The `dateline` command: parse flags, call the library, print. Nothing else lives here.

The commands, by job: `commands_ingest` (ingest, reextract, timex, extract), `commands_events`
(events, event, timeline, key-dates), `commands_explain` (explain), `commands_actors` (actors,
actor, quotes, relations), `commands_articles` (article, stories, stats), `commands_search`
(search), `commands_share` (serve, report, export), `commands_watch` (watch). Their flags are in
`options`; what they print is drawn by `render_text`, `render_tables` and `render_html`.
"""
from __future__ import annotations

import click

from dateline.cli import (commands_actors, commands_articles, commands_events, commands_explain,
                          commands_ingest, commands_search, commands_share, commands_watch)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="dateline")
def main() -> None:
    """Dateline: news articles in, a cited and truly dated timeline of events out."""


for job in (commands_ingest, commands_events, commands_explain, commands_actors, commands_articles,
            commands_search, commands_share, commands_watch):
    for command in job.COMMANDS:
        main.add_command(command)
