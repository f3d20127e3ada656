"""The `dateline` commands about actors: actors (and its corrections: import, merge, split, set),
actor, quotes and relations."""
from __future__ import annotations

import click

from dateline import corrections
from dateline.cli import render_tables, render_text
from dateline.cli.options import (about_option, actor_option, confidence_options, db_option,
                                  echo_hidden, format_option, open_db, overlapping_option,
                                  print_chart, print_table, since_option, until_option,
                                  user_errors)
from dateline.model import shown_name
from dateline.query.serialize import actor_json, dumps, profile_json, quotes_json, relation_json


@click.group(invoke_without_command=True)
@db_option
@format_option("table", "json", "csv")
@click.pass_context
def actors(ctx: click.Context, db_path, fmt) -> None:
    """List actors (one per real entity) with aliases, roles and mention counts.

    `dateline actors import` loads an actor dictionary of your own into a knowledge file;
    `dateline actors merge | split | set` correct the actors, in a knowledge file and at once.
    """
    if ctx.invoked_subcommand is not None:
        return
    with user_errors(), open_db(db_path) as db:
        found = db.actors()
        if fmt == "json":
            click.echo(dumps([actor_json(a, n) for a, n in found]))
        elif fmt == "csv":
            click.echo(render_tables.actors_csv(found), nl=False)
        else:
            print_table(render_tables.actors_table(found))


@click.command()
@click.argument("name")
@db_option
@confidence_options
@format_option("text", "json")
def actor(name: str, db_path, min_confidence, fmt) -> None:
    """Show one actor (by name, alias or id): aliases, roles over time, events and quotes.

    From Python: `Database.actor_view(NAME)`; in the web UI: `/actors/{id}`.
    """
    with user_errors(), open_db(db_path) as db:
        profile = db.actor_view(name, min_confidence=min_confidence)
        if fmt == "json":
            click.echo(dumps(profile_json(profile, db)))
        else:
            click.echo(render_text.profile_text(profile, db))
            echo_hidden(db.hidden(actors=[profile.actor.id], min_confidence=min_confidence))


@actors.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--agents", "agents_file", type=click.Path(dir_okay=False), metavar="FILE",
              help="An agent dictionary to import too (nouns such as \"troops\" and their sector).")
@click.option("--format", "fmt", type=click.Choice(["petrarch"]), required=True,
              help="The dictionary's format: petrarch (CAMEO actor dictionaries of PETRARCH and TABARI).")
@click.option("--into", "into", type=click.Path(dir_okay=False),
              help="Knowledge file to write or add to (default: $DATELINE_KNOWLEDGE or "
                   "./dateline-knowledge.json); pass it to `dateline extract --knowledge`.")
def import_actors(file: str, agents_file: str | None, fmt: str, into: str | None) -> None:
    """Import an actor dictionary FILE into a knowledge file; lines it cannot use are listed on stderr."""
    from dateline.knowledge.petrarch import import_petrarch

    with user_errors():
        report = import_petrarch(file, agents_file, into)
    for skip in report.skipped:
        click.echo(str(skip), err=True)
    click.echo(report.summary())


knowledge_target = click.option(
    "--knowledge", "knowledge_file", type=click.Path(dir_okay=False), metavar="FILE",
    help="Knowledge file to write the correction to, made if missing (default: "
         "$DATELINE_KNOWLEDGE or ./dateline-knowledge.json); pass it to `dateline ingest "
         "--knowledge` so that new articles and new databases get it too.")


@actors.command("merge")
@click.argument("a")
@click.argument("b")
@db_option
@knowledge_target
def actors_merge(a: str, b: str, db_path, knowledge_file) -> None:
    """A and B (names, aliases or ids) are one actor: B joins A, whose name and kind are kept."""
    with user_errors():
        _echo_correction(corrections.merge_actors(a, b, db=db_path, knowledge=knowledge_file))


@actors.command("split")
@click.argument("a")
@click.option("--article", required=True, metavar="ID",
              help="The article: its id, or a unique prefix of it (the sources of `dateline "
                   "events --format json` give their articles' ids).")
@click.option("--into", metavar="B",
              help="The actor those mentions are (name, alias or id); default: an actor of that "
                   "article alone.")
@db_option
@knowledge_target
def actors_split(a: str, article: str, into: str | None, db_path, knowledge_file) -> None:
    """In one article, the mentions and events that point to actor A do not: they are an actor
    of that article alone, or B."""
    with user_errors():
        _echo_correction(corrections.split_actor(a, article, into, db=db_path,
                                                 knowledge=knowledge_file))


@actors.command("set")
@click.argument("a")
@click.option("--name", help="The name to show for A.")
@click.option("--country", metavar="CODE", help="A's country: an ISO 3166 alpha-3 code, e.g. SYR.")
@click.option("--sector", metavar="CODE", help="A's sector, e.g. GOV, MIL, REB, IGO, NGO, MED, BUS.")
@db_option
@knowledge_target
def actors_set(a: str, name: str | None, country: str | None, sector: str | None, db_path,
               knowledge_file) -> None:
    """Set the name, country or sector of actor A (a name, alias or id), over what articles say."""
    with user_errors():
        _echo_correction(corrections.set_actor(a, name=name, country=country, sector=sector,
                                               db=db_path, knowledge=knowledge_file))


def _echo_correction(report) -> None:
    click.echo(report.summary())
    click.echo(f"wrote {shown_name(str(report.knowledge))}")


@click.command()
@db_option
@actor_option
@format_option("table", "json", "csv")
def quotes(db_path, actors, fmt) -> None:
    """List quotes with their speakers and the articles they came from."""
    with user_errors(), open_db(db_path) as db:
        found = db.quotes(actors=actors)
        if fmt == "json":
            click.echo(dumps(quotes_json(found, db)))
        elif fmt == "csv":
            click.echo(render_tables.quotes_csv(found, db), nl=False)
        else:
            print_table(render_tables.quotes_table(found, db))


@click.command()
@click.argument("a")
@click.argument("b")
@db_option
@since_option
@until_option
@overlapping_option
@about_option
@confidence_options
@format_option("table", "json")
def relations(a: str, b: str, db_path, since, until, overlapping, about, min_confidence,
              fmt) -> None:
    """Cooperation and conflict between actors A and B, month by month, with a small chart.

    A state's side holds its own officials and bodies: "India" counts its ministers' events.
    """
    with user_errors(), open_db(db_path) as db:
        asked = {"since": since, "until": until, "min_confidence": min_confidence,
                 "overlapping": overlapping, "about": about}
        found = db.relation(a, b, **asked)
        if fmt == "json":
            click.echo(dumps(relation_json(found)))
        else:
            print_chart(render_tables.relation_chart(found))
            echo_hidden(db.hidden_between(a, b, **asked))


COMMANDS = (actors, actor, quotes, relations)
