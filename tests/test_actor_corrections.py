"""Users correct our actors: `dateline actors merge | split | set` write the correction to their
knowledge file and fuse the database again, so that actors, timeline and relations show it at once;
a fresh ingest with that file, and later articles, show it too.

Real ingests (spaCy) of a small corpus written here: Omar Haddad is also Tariq Zubeidat (two fused
events of one meeting until merged), and "Rahim Baluchzada" is a cricketer in one article and a
governor in another (one actor until split)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

import dateline
from dateline.cli import main
from dateline.fuse.corrections import (Analyzed, apply_corrections, merge_groups, touched_actors,
                                       undo_splits)
from dateline.model import Actor, ActorSplit, Correction, Event
from dateline.query import Database

ARTICLES = {
    "a.txt": """date 2023-03-08
Jaishankar meets Omar Haddad in New Delhi

External Affairs Minister Subrahmanyam Jaishankar met Omar Haddad in New Delhi on Tuesday. Haddad
said the talks were useful and that the two sides would meet again soon.
""",
    "b.txt": """date 2023-03-09
Tariq Zubeidat in Delhi

Tariq Zubeidat met Subrahmanyam Jaishankar in New Delhi on Tuesday, officials said. The talks
lasted two hours.
""",
    "c.txt": """date 2023-04-02
Cricket board names captain

The Pakistan Cricket Board said on Sunday that Rahim Baluchzada would lead the team in the series
against Australia. Rahim Baluchzada met Prime Minister Shehbaz Sharif in Islamabad on Saturday.
""",
    "d.txt": """date 2023-05-10
Governor visits Kandahar

Rahim Baluchzada, the governor of Kandahar, met Taliban officials in Kandahar on Monday.
Baluchzada said the province needed more aid.
""",
}
LATER = """date 2023-06-20
Tariq Zubeidat in Amman

Tariq Zubeidat met King Abdullah in Amman on Monday, the palace said.
"""
HADDAD, ZUBEIDAT, RAHIM = "person:omar-haddad", "person:tariq-zubeidat", "person:rahim-baluchzada"


def cli(*args, ok=True):
    result = CliRunner().invoke(main, [str(a) for a in args])
    if ok:
        assert result.exit_code == 0, result.output + result.stderr
    return result


def cli_json(*args):
    return json.loads(cli(*args).stdout)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def ingested(corpus, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("ingested") / "d.duckdb"
    cli("ingest", corpus, "--db", db)
    return db


@pytest.fixture
def db(ingested, tmp_path, monkeypatch) -> Path:
    """A copy of the ingested corpus's database, in a working directory of the test's own."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DATELINE_KNOWLEDGE", raising=False)
    copy = tmp_path / "d.duckdb"
    shutil.copy(ingested, copy)
    return copy


def article_id(db: Path, name: str) -> str:
    with Database(db) as database:
        return next(a.id for a in database.articles() if a.source.endswith(name))


def timeline(db: Path) -> list[dict]:
    return cli_json("timeline", "--db", db, "--all", "--format", "json")


def actors(db: Path) -> dict[str, dict]:
    return {a["id"]: a for a in cli_json("actors", "--db", db, "--format", "json")}


def snapshot(db: Path) -> dict:
    """What users see, and the tables fusion and the corrections keep."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = {table: sorted(con.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
                  for table in ("mentions", "actor_links", "actor_overrides", "actor_splits",
                                "actor_corrections", "fused_events", "fused_event_sources")}
        tables["actors"] = sorted(con.execute("SELECT * FROM actors").fetchall())
        tables["event_actors"] = sorted(con.execute(
            "SELECT id, source_actor, target_actor FROM events").fetchall(), key=repr)
        tables["quotes"] = sorted(con.execute("SELECT id, speaker FROM quotes").fetchall(), key=repr)
    finally:
        con.close()
    return {"events": sorted(timeline(db), key=lambda e: e["id"]), "actors": actors(db),
            "stats": cli_json("stats", "--db", db, "--format", "json"), "tables": tables}


def sides(event: dict) -> set[str]:
    return {event[side]["id"] for side in ("source_actor", "target_actor") if event[side]}


def test_actor_corrections_the_corpus_needs_them(ingested):
    meetings = [e for e in timeline(ingested) if e["location"]["name"] == "New Delhi"]
    assert [HADDAD in sides(e) or ZUBEIDAT in sides(e) for e in meetings] == [True, True]
    assert actors(ingested)[RAHIM]["mentions"] == 4


# merge


def test_actor_corrections_merge_shows_at_once(db):
    result = cli("actors", "merge", "Omar Haddad", "Tariq Zubeidat", "--db", db)
    assert result.stdout.splitlines() == [
        "merged Tariq Zubeidat (person:tariq-zubeidat) into Omar Haddad (person:omar-haddad)",
        "wrote dateline-knowledge.json"]
    written = json.loads(Path("dateline-knowledge.json").read_text(encoding="utf-8"))
    assert written["corrections"] == [{"merge": [HADDAD, ZUBEIDAT]}]
    (meeting,) = [e for e in timeline(db) if e["location"]["name"] == "New Delhi"]
    assert HADDAD in sides(meeting) and len(meeting["sources"]) == 2
    listed = actors(db)
    assert ZUBEIDAT not in listed and "Tariq Zubeidat" in listed[HADDAD]["aliases"]
    assert listed[HADDAD]["mentions"] == 3
    profile = cli_json("actor", "Tariq Zubeidat", "--db", db, "--format", "json")
    assert profile["id"] == HADDAD and len(profile["events"]) == 1
    relation = cli_json("relations", "Tariq Zubeidat", "Jaishankar", "--db", db, "--format", "json")
    assert len(relation["events"]) == 1


def test_actor_corrections_merge_applies_to_later_articles(db, tmp_path):
    knowledge = tmp_path / "mine.json"
    cli("actors", "merge", HADDAD, ZUBEIDAT, "--db", db, "--knowledge", knowledge)
    (tmp_path / "later.txt").write_text(LATER, encoding="utf-8")
    cli("ingest", tmp_path / "later.txt", "--db", db, "--knowledge", knowledge)
    amman = [e for e in timeline(db) if (e["location"] or {}).get("name") == "Amman"]
    assert amman and all(HADDAD in sides(e) for e in amman)
    assert ZUBEIDAT not in actors(db)


def test_actor_corrections_an_ingest_without_the_file_keeps_them(db, tmp_path):
    cli("actors", "merge", HADDAD, ZUBEIDAT, "--db", db)
    cli("actors", "set", HADDAD, "--country", "SYR", "--db", db)
    (tmp_path / "later.txt").write_text(LATER, encoding="utf-8")
    cli("ingest", tmp_path / "later.txt", "--db", db)  # no --knowledge, no $DATELINE_KNOWLEDGE
    listed = actors(db)
    assert ZUBEIDAT not in listed and listed[HADDAD]["country"] == "SYR"


def test_actor_corrections_merge_of_one_actor_is_e055(db):
    result = cli("actors", "merge", "Haddad", "Omar Haddad", "--db", db, ok=False)
    assert result.exit_code == 1
    assert result.stderr.startswith("E055: 'Haddad' and 'Omar Haddad' both mean Omar Haddad")
    assert not Path("dateline-knowledge.json").exists()


# split


def test_actor_corrections_split_makes_the_article_its_own_actor(db):
    governor = article_id(db, "d.txt")
    result = cli("actors", "split", "Rahim Baluchzada", "--article", governor[:6], "--db", db)
    assert result.stdout.splitlines()[0] == (
        f"split Rahim Baluchzada (person:rahim-baluchzada) in article {governor}: its mentions there are an"
        " actor of that article alone")
    own = f"{RAHIM}~{governor[:12]}"
    assert actors(db)[RAHIM]["mentions"] == 2
    cricketer = cli_json("actor", RAHIM, "--db", db, "--format", "json")
    assert [e["location"]["name"] for e in cricketer["events"]] == ["Islamabad"]
    kandahar = next(e for e in timeline(db) if e["location"]["name"] == "Kandahar")
    assert own in sides(kandahar)
    with Database(db) as database:
        assert database.actor(own).name == "Rahim Baluchzada"
        assert {(m.article_id, m.actor_id) for m in database.mentions() if "Baluchzada" in m.text} == {
            (article_id(db, "c.txt"), RAHIM), (governor, own)}
    written = json.loads(Path("dateline-knowledge.json").read_text(encoding="utf-8"))
    assert written["corrections"] == [{"split": RAHIM, "article": governor, "into": None}]


def test_actor_corrections_split_into_another_actor(db):
    captain = article_id(db, "c.txt")
    cli("actors", "split", "Rahim Baluchzada", "--article", captain, "--into", "Omar Haddad", "--db", db)
    islamabad = next(e for e in timeline(db) if e["location"]["name"] == "Islamabad")
    assert HADDAD in sides(islamabad)
    listed = actors(db)
    assert "Rahim Baluchzada" in listed[HADDAD]["aliases"] and listed[RAHIM]["mentions"] == 2
    relation = cli_json("relations", "Haddad", "Shehbaz Sharif", "--db", db, "--format", "json")
    assert len(relation["events"]) == 1


@pytest.mark.parametrize("article, says", [
    ("ffffff", "E056: cannot split in article 'ffffff': no stored article has that id"),
    ("", "E056: cannot split in article '': no stored article"),
])
def test_actor_corrections_split_in_no_article_is_e056(db, article, says):
    result = cli("actors", "split", "Rahim Baluchzada", "--article", article, "--db", db, ok=False)
    assert result.exit_code == 1 and result.stderr.startswith(says)


def test_actor_corrections_split_where_the_actor_is_not_is_e056(db):
    delhi = article_id(db, "a.txt")
    result = cli("actors", "split", "Rahim Baluchzada", "--article", delhi, "--db", db, ok=False)
    assert result.stderr.startswith(f"E056: cannot split in article '{delhi}': it mentions no one"
                                    " that is Rahim Baluchzada (person:rahim-baluchzada)")


def test_actor_corrections_split_into_itself_is_e055(db):
    result = cli("actors", "split", "Rahim Baluchzada", "--article", article_id(db, "d.txt"),
                 "--into", "person:rahim-baluchzada", "--db", db, ok=False)
    assert result.stderr.startswith("E055: ")


# set


def test_actor_corrections_set_overrides_the_record(db):
    result = cli("actors", "set", "Haddad", "--country", "syr", "--sector", "REB", "--db", db)
    assert result.stdout.splitlines()[0] == "set Omar Haddad (person:omar-haddad): country SYR, sector REB"
    assert (actors(db)[HADDAD]["country"], actors(db)[HADDAD]["sector"]) == ("SYR", "REB")
    delhi = next(e for e in timeline(db) if HADDAD in sides(e))
    assert "Omar Haddad (SYR)" in delhi["summary"]
    cli("actors", "set", HADDAD, "--name", "Omar al-Haddad", "--db", db)
    profile = cli_json("actor", "Omar al-Haddad", "--db", db, "--format", "json")
    assert (profile["name"], profile["country"]) == ("Omar al-Haddad", "SYR")
    assert "Omar Haddad" in profile["aliases"]  # the name it had still finds it
    assert cli_json("actor", "Omar Haddad", "--db", db, "--format", "json")["id"] == HADDAD
    assert json.loads(Path("dateline-knowledge.json").read_text(encoding="utf-8"))["corrections"] == [
        {"set": HADDAD, "country": "SYR", "sector": "REB", "name": "Omar al-Haddad"}]


def test_actor_corrections_set_refuses_events_whose_key_does_not_change(db):
    """A country is not in a fusion key when the sector says the actor is no state's (MED):
    the events of an actor whose record a set changes are fused again all the same."""
    cli("actors", "set", HADDAD, "--sector", "MED", "--db", db)
    cli("actors", "set", HADDAD, "--country", "JOR", "--db", db)
    delhi = next(e for e in timeline(db) if HADDAD in sides(e))
    assert "Omar Haddad (JOR)" in delhi["summary"]


@pytest.mark.parametrize("args, says", [
    (("--country", "Syria"), "E057: cannot set country 'Syria': a country is a code of 3"),
    (("--sector", "ARMY"), "E057: cannot set sector 'ARMY': a sector is one of GOV, MIL"),
    (("--name", " "), "E057: cannot set name ' ': a name is some words"),
    ((), "E057: cannot set nothing"),
])
def test_actor_corrections_set_bad_values_are_e057(db, args, says):
    result = cli("actors", "set", "Haddad", *args, "--db", db, ok=False)
    assert result.exit_code == 1 and result.stderr.startswith(says)
    assert not Path("dateline-knowledge.json").exists()


# the knowledge file holds them for good


def correct_all(db: Path, knowledge: Path) -> None:
    cli("actors", "merge", "Omar Haddad", "Tariq Zubeidat", "--db", db, "--knowledge", knowledge)
    cli("actors", "set", "Haddad", "--country", "SYR", "--name", "Omar al-Haddad", "--db", db,
        "--knowledge", knowledge)
    cli("actors", "split", "Rahim Baluchzada", "--article", article_id(db, "d.txt"), "--db", db,
        "--knowledge", knowledge)


def test_actor_corrections_end_state_equals_a_fresh_ingest_with_the_file(db, corpus, tmp_path):
    knowledge = tmp_path / "mine.json"
    correct_all(db, knowledge)
    fresh = tmp_path / "fresh.duckdb"
    cli("ingest", corpus, "--db", fresh, "--knowledge", knowledge)
    assert snapshot(db) == snapshot(fresh)
    by_file = tmp_path / "by_file.duckdb"
    for name in ("d.txt", "b.txt", "c.txt", "a.txt"):
        cli("ingest", corpus / name, "--db", by_file, "--knowledge", knowledge)
    assert snapshot(by_file) == snapshot(fresh)


def test_actor_corrections_taken_out_of_the_file_are_taken_out_of_the_store(db, ingested, corpus,
                                                                              tmp_path):
    knowledge = tmp_path / "mine.json"
    correct_all(db, knowledge)
    payload = json.loads(knowledge.read_text(encoding="utf-8"))
    knowledge.write_text(json.dumps({**payload, "corrections": []}), encoding="utf-8")
    cli("ingest", corpus, "--db", db, "--knowledge", knowledge)
    assert snapshot(db) == snapshot(ingested)


def test_actor_corrections_leave_the_other_events_as_they_were(db):
    """Fusion again takes only the events the correction reaches."""
    def others() -> dict:
        return {e["id"]: e for e in timeline(db) if e["location"]["name"] in ("Islamabad", "Kandahar")}

    before = others()
    cli("actors", "merge", HADDAD, ZUBEIDAT, "--db", db)
    cli("actors", "set", HADDAD, "--country", "SYR", "--db", db)
    assert others() == before


def test_actor_corrections_python_api(db, tmp_path):
    knowledge = tmp_path / "api.json"
    report = dateline.merge_actors("Omar Haddad", "Tariq Zubeidat", db=db, knowledge=knowledge)
    assert (report.knowledge, report.actor.id, report.other.id) == (knowledge, HADDAD, ZUBEIDAT)
    assert report.correction == Correction("merge", HADDAD, other=ZUBEIDAT)
    report = dateline.set_actor(HADDAD, sector="reb", db=db, knowledge=knowledge)
    assert report.actor.sector == "REB"
    governor = article_id(db, "d.txt")
    report = dateline.split_actor(RAHIM, governor, db=db, knowledge=knowledge)
    assert report.correction == Correction("split", RAHIM, article=governor)
    with Database(db) as database:
        assert database.resolve_actor("Tariq Zubeidat") == {HADDAD}


def test_actor_corrections_commands_have_help():
    group = main.commands["actors"]
    for name in ("merge", "split", "set"):
        command = group.commands[name]
        assert command.help and cli("actors", name, "--help").exit_code == 0
        assert all(p.help for p in command.params if hasattr(p, "help") and p.param_type_name == "option")


# the pure steps (fuse.corrections)


def person(actor_id: str, name: str, country: str | None = None) -> Actor:
    return Actor(actor_id, name, "person", country)


def meeting(event_id: str, article: str, source: str, target: str | None = None) -> Event:
    return Event(event_id, article, "CONSULT", "meet", "040", 1, 1.0, source, target, "met", 0,
                 "They met.")


def test_actor_corrections_merges_join_whole_groups_in_order():
    links = {"a": "a", "a2": "a", "b": "b", "b2": "b", "c": "c"}
    merged = merge_groups(links, [Correction("merge", "a2", other="b2"),
                                  Correction("merge", "b", other="c"),
                                  Correction("merge", "a", other="unknown")])
    assert merged == {"a": "a", "a2": "a", "b": "a", "b2": "a", "c": "a"}


def test_actor_corrections_split_renames_the_article_ids_and_undoes():
    # "Ahmad Khan" in two articles; "Khan" alone in art2 is scoped to it by analysis
    khan, bare = "person:ahmad-khan", "person:khan~art2"
    actors_ = [person(khan, "Ahmad Khan", "PAK"), person(bare, "Khan")]
    analyzed = Analyzed(actors_, {"art1": {khan}, "art2": {khan, bare}},
                        [meeting("e1", "art1", khan), meeting("e2", "art2", bare, khan)])
    links = {khan: khan, bare: khan}
    corrected = apply_corrections(links, analyzed, [Correction("split", khan, article="art2")])
    own = "person:ahmad-khan~art2"
    assert corrected.splits == [ActorSplit("art2", own, khan)]  # the bare name keeps its id
    assert (corrected.links[khan], corrected.links[own], corrected.links[bare]) == (khan, own, bare)
    assert [(e.source_actor, e.target_actor) for e in corrected.events] == [(khan, None), (bare, own)]
    assert [(a.id, a.name, a.country) for a in corrected.split_actors] == [(own, "Ahmad Khan", "PAK")]
    undone = undo_splits(corrected.actors, analyzed.article_actors, corrected.events, corrected.splits)
    assert undone.events == analyzed.events and undone.actors == actors_
    into = apply_corrections({**links, "b": "b"},
                             Analyzed([*actors_, person("b", "B")], {}, analyzed.events),
                             [Correction("split", khan, other="b", article="art2")])
    assert (into.links[own], into.links[bare]) == ("b", "b")
    assert into.split_actors[0].country is None  # going into B, it brings only its name


def test_actor_corrections_sets_override_the_canonical_record():
    analyzed = Analyzed([person("a", "Omar Haddad"), person("a2", "Haddad", "JOR")], {}, [])
    corrected = apply_corrections({"a": "a", "a2": "a"}, analyzed, [
        Correction("set", "a2", country="SYR"), Correction("set", "a", name="Omar al-Haddad")])
    assert corrected.overrides == {"a": Correction("set", "a", name="Omar al-Haddad", country="SYR")}
    row = next(a for a in corrected.actors if a.id == "a")
    assert (row.name, row.country, row.aliases) == ("Omar al-Haddad", "SYR", ("Omar Haddad",))


def test_actor_corrections_touch_what_changed_only():
    merge = Correction("merge", "a", other="b")
    assert touched_actors([merge], [merge], {}, {}, {"a": "a", "b": "a"}) == set()
    assert touched_actors([], [merge], {}, {}, {"a": "a", "b": "a"}) == {"a"}
    old = {"a": Correction("set", "a", country="JOR")}
    new = {"a": Correction("set", "a", country="SYR")}
    assert touched_actors([], [], old, new, {}) == {"a"}
