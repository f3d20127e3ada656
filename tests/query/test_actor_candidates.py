"""When a name fits several actors: `Database.actor_candidates` ranks them, and E046 (from
`dateline actor NAME`, `dateline relations A B`) offers them a line each with the best guess.

The namesake corpus is stored and fused as an ingest stores it: Bashar al-Assad, known also as
"Assad"; Hafez al-Assad; twelve other people named Assad in full, one an article; a bare "Assad"
in each of three other articles, which fusion leaves unresolved since it fits several; and two
Abdullahs of different countries.
"""
from __future__ import annotations

import json
from datetime import date

import pytest
from samples import build_database, event, make_article, mention, sentences_of

from cli_runs import invoke

from dateline.errors import QueryError
from dateline.fuse import fuse_store
from dateline.model import Actor, Analysis
from dateline.query import Database
from dateline.store import Store

BASHAR = Actor("person:bashar-al-assad", "Bashar al-Assad", "person", "SYR", "GOV", ("Assad",))
HAFEZ = Actor("person:hafez-al-assad", "Hafez al-Assad", "person", "SYR", "GOV")
ABDULLAH_JOR = Actor("person:abdullah-jor", "Abdullah", "person", "JOR", "GOV")
ABDULLAH_SAU = Actor("person:abdullah-sau", "Abdullah", "person", "SAU", "ELI")
RELATIVES = [Actor(f"person:{given.lower()}-al-assad", f"{given} al-Assad", "person", "SYR") for given in (
    "Anwar", "Basil", "Dunya", "Fawaz", "Ghassan", "Hilal", "Jamil", "Kamal", "Lina", "Munzer", "Nabil", "Rami")]
BARE_ASSADS = 3


def report(day: int, text: str, named: list[tuple[str, Actor]], events=()) -> Analysis:
    """One article of one sentence, naming each actor by the words given."""
    article = make_article(f"articles/{day:02d}.txt", text, date(2023, 1, day))
    (sentence,) = sentences_of(text)
    found = [event(article, sentence, trigger, type_, mode, source, target)
             for trigger, type_, mode, source, target in events]
    return Analysis(article, [sentence], [], [actor for _, actor in named],
                    [mention(words, text, sentence, actor) for words, actor in named], found, [])


def namesake_analyses() -> list[Analysis]:
    analyses = [
        report(1, "President Assad and Bashar al-Assad's ministers met in Damascus",
               [("Assad", BASHAR), ("Bashar al-Assad", BASHAR)]),
        report(2, "Bashar al-Assad spoke in Aleppo on Monday", [("Bashar al-Assad", BASHAR)]),
        report(3, "Bashar al-Assad met envoys in Damascus", [("Bashar al-Assad", BASHAR)]),
        report(4, "Hafez al-Assad was remembered in Qardaha", [("Hafez al-Assad", HAFEZ)]),
        report(5, "Hafez al-Assad ruled for three decades", [("Hafez al-Assad", HAFEZ)]),
        report(6, "Abdullah met envoys in Amman", [("Abdullah", ABDULLAH_JOR)],
               [("met", "CONSULT", "meet", ABDULLAH_JOR, None)]),
        report(7, "Abdullah threatened rivals in Riyadh", [("Abdullah", ABDULLAH_SAU)],
               [("threatened", "THREATEN", "threaten", ABDULLAH_SAU, None)]),
    ]
    for number, relative in enumerate(RELATIVES):
        analyses.append(report(8 + number, f"{relative.name} was named in report {number}",
                               [(relative.name, relative)]))
    for number in range(BARE_ASSADS):  # one bare Assad per article, scoped to it
        bare = Actor(f"person:assad~bare{number:02d}", "Assad", "person")
        analyses.append(report(20 + number, f"Assad was named in report {number}",
                               [("Assad", bare)]))
    return analyses


@pytest.fixture(scope="module")
def namesakes(tmp_path_factory):
    path = tmp_path_factory.mktemp("namesakes") / "d.duckdb"
    with Store(path) as store:
        store.write(namesake_analyses())
        fuse_store(store)
    return path


@pytest.fixture
def db(namesakes):
    with Database(namesakes) as database:
        yield database


def test_actor_candidates_exact_fits_first_then_the_most_mentioned(db):
    found = db.actor_candidates("assad")
    assert len(found) == 2 + len(RELATIVES)
    best, hafez, *relatives = found
    assert (best.actor.id, best.mentions, best.articles) == (BASHAR.id, 4, 3)
    # Hafez and the relatives fit only by a word of their names: after the exact fit, the most
    # mentioned first, then by name.
    assert (hafez.actor.id, hafez.mentions, hafez.articles) == (HAFEZ.id, 2, 2)
    assert [c.actor.name for c in relatives] == [r.name for r in RELATIVES]
    assert {(c.mentions, c.articles) for c in relatives} == {(1, 1)}


def test_actor_candidates_leave_out_bare_names_no_one_resolved(db):
    """A bare "Assad" that fits several people is a mention left unresolved, not an actor: it is
    neither offered nor listed, though its mentions stay stored."""
    assert all(c.actor.name != "Assad" for c in db.actor_candidates("Assad"))
    assert all(actor.name != "Assad" for actor, _ in db.actors())
    bare = [m for m in db.mentions() if m.text == "Assad" and "~" in m.actor_id]
    assert len(bare) == BARE_ASSADS


def test_actor_candidates_of_a_name_fitting_none_or_one(db):
    assert db.actor_candidates("Nobody") == []
    [hafez] = db.actor_candidates("Hafez al-Assad")
    assert hafez.actor == db.canonical_actors()[HAFEZ.id]


def test_actor_candidates_count_every_id_fused_into_an_actor(tmp_path):
    path = tmp_path / "d.duckdb"
    build_database(path)  # "Atmar" and "Haneef Atmar" are fused into one actor
    with Database(path) as db:
        [atmar] = db.actor_candidates("Atmar")
        profile = db.actor_view("Atmar")
    assert atmar.actor.id == "person:mohammad-haneef-atmar"
    assert (atmar.mentions, atmar.articles) == (profile.mentions, profile.articles) == (3, 3)


def test_actor_candidates_e046_lists_ten_a_line_each_and_the_best_guess(db):
    assert db.actor_view("Assad").actor.id == BASHAR.id  # his alias: an exact fit
    with pytest.raises(QueryError) as raised:
        db.actor_view("al-Assad")
    lines = str(raised.value).splitlines()
    assert lines[0] == f"E046: 'al-Assad' matches {2 + len(RELATIVES)} actors:"
    assert lines[1].split() == [BASHAR.id, "Bashar", "al-Assad", "SYR", "GOV", "4", "mentions"]
    assert lines[3].split()[1:] == ["Anwar", "al-Assad", "SYR", "-", "1", "mention"]
    assert len(lines) == 1 + 10 + 2
    assert lines[11] == f"  ... and {2 + len(RELATIVES) - 10} more"
    assert lines[12] == ("best guess: Bashar al-Assad (person:bashar-al-assad), 4 mentions;"
                         " name one by its id")


def test_actor_candidates_cli_actor_prints_the_choice_on_stderr(namesakes):
    result = invoke("actor", "Abdullah", "--db", namesakes)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.splitlines() == [
        "E046: 'Abdullah' matches 2 actors:",
        "  person:abdullah-jor  Abdullah  JOR  GOV  1 mention",
        "  person:abdullah-sau  Abdullah  SAU  ELI  1 mention",
        "best guess: Abdullah (person:abdullah-jor), 1 mention; name one by its id"]
    chosen = invoke("actor", "person:abdullah-sau", "--db", namesakes, "--format", "json")
    assert chosen.exit_code == 0, chosen.output


def test_actor_candidates_cli_relations_offers_them_too(namesakes):
    result = invoke("relations", "al-Assad", "Abdullah", "--db", namesakes)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.startswith(f"E046: 'al-Assad' matches {2 + len(RELATIVES)} actors:\n")
    assert result.stderr.splitlines()[-1].startswith("best guess: Bashar al-Assad")


def test_actor_candidates_cli_actor_filter_still_takes_every_match(namesakes):
    result = invoke("events", "--actor", "Abdullah", "--db", namesakes, "--format", "json",
                    "--all")
    assert result.exit_code == 0, result.output
    assert sorted(e["type"] for e in json.loads(result.stdout)) == [
        "CONSULT", "THREATEN"]
