"""`dateline search`: the articles, events and actors that hold some words, best first."""
from __future__ import annotations

import sys

import click

from dateline.cli.options import (confidence_options, db_option, echo_hidden, format_option,
                                  open_db, user_errors)
from dateline.model import SEARCH_KINDS, SearchHit, shown_name
from dateline.query.serialize import dumps, iso, search_hit_json


@click.command()
@click.argument("query")
@db_option
@click.option("--limit", type=int, default=20, show_default=True, metavar="N",
              help="Hits to show, at most.")
@click.option("--kind", "kinds", type=click.Choice(SEARCH_KINDS), multiple=True,
              help="Only hits of this kind; repeat for several (default: all three).")
@confidence_options
@format_option("text", "json")
def search(query: str, db_path, limit: int, kinds: tuple[str, ...], min_confidence,
           fmt: str) -> None:
    """Search the articles (headline, text), events (summary, source sentences) and actors
    (name, aliases) for QUERY: words and "quoted phrases", all of which a hit holds, stemmed
    ("meeting" finds "meetings") and in any case; ranked by BM25, headlines weighing more.

    Each hit says how to open it: `dateline article ID`, `dateline event ID`, `dateline actor ID`.
    """
    asked = {"kinds": kinds or SEARCH_KINDS, "min_confidence": min_confidence}
    with user_errors(), open_db(db_path) as db:
        hits = db.search(query, limit=limit, **asked)
        hidden = db.search_hidden(query, **asked) if fmt == "text" else None
    if fmt == "json":
        click.echo(dumps([search_hit_json(hit) for hit in hits]))
        return
    if not hits:
        click.echo(f"no article, event or actor holds every word of {shown_name(query)!r}")
    bold = sys.stdout.isatty()
    for hit in hits:
        click.echo(hit_text(hit, bold))
    echo_hidden(hidden)


def hit_text(hit: SearchHit, bold: bool = False) -> str:
    """A hit in two lines and a blank one: what it is and how to open it; its marked snippet."""
    where = ", ".join(shown_name(part) for part in (hit.outlet, iso(hit.date)) if part)
    head = f"{hit.kind} {hit.id}  {shown_name(hit.label)}" + (f"  ({where})" if where else "")
    marked = (hit.marked_snippet("\x1b[1m", "\x1b[0m", shown_name) if bold
              else hit.marked_snippet(shown=shown_name))
    return f"{head}  score {hit.score:g}\n    {' '.join(marked.split())}\n"


COMMANDS = (search,)
