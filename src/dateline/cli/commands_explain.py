"""`dateline explain`: which rule found each part of an event, and why its confidence is what
it is; of a stored event (by id) or of a sentence analyzed on the spot."""
from __future__ import annotations

import click

from dateline.cli import render_text
from dateline.cli.options import IsoDate, db_option, format_option, open_db, user_errors
from dateline.query.serialize import dumps, explanation_json


@click.command()
@click.argument("text_or_id", metavar='"SENTENCE" | ID')
@click.option("--date", "published", type=IsoDate(), metavar="YYYY-MM-DD",
              help="With a sentence: the day it was published, which its relative dates "
                   "(\"on Tuesday\") resolve against.")
@click.option("--knowledge", "knowledge_file", type=click.Path(dir_okay=False), metavar="FILE",
              help="A knowledge file merged over the package's, as at ingest "
                   "(default: $DATELINE_KNOWLEDGE).")
@db_option
@format_option("text", "json")
def explain(text_or_id: str, published, knowledge_file, db_path, fmt) -> None:
    """Show how an event was read: for each of its readings, the rule that found its trigger,
    doer, target, place and date, and what each piece of evidence added to its confidence.

    Give a stored event's ID (as `dateline events` lists it, or its start: the short id the
    timeline shows; a per-article event's id works too), or a sentence in quotes to analyze it on the spot (nothing is stored). A reading
    stored before rules were kept has its article analyzed again to find them.
    """
    from dateline.explain import explain_event, explain_text
    from dateline.knowledge import load_knowledge, user_knowledge

    if published and not _is_sentence(text_or_id):
        raise click.UsageError("--date goes with a sentence; a stored event has its article's date")
    with user_errors():
        kb = load_knowledge(user_knowledge(knowledge_file))
        if _is_sentence(text_or_id):
            explanation = explain_text(text_or_id, published, kb)
        else:
            with open_db(db_path) as db:
                explanation = explain_event(db, text_or_id, kb)
    click.echo(dumps(explanation_json(explanation)) if fmt == "json"
               else render_text.explanation_text(explanation))


def _is_sentence(text: str) -> bool:
    """An id is one word; a sentence has several."""
    return len(text.split()) > 1


COMMANDS = (explain,)
