import os
import subprocess
import sys
import time
from dataclasses import replace
from datetime import date

import duckdb
import pytest
from samples import ATMAR, JAISHANKAR, meeting_analyses, report_a, report_b

from dateline.errors import StoreError
from dateline.model import Actor, Analysis, Role, Sentence
from dateline.store import Store, default_db_path, schema


def count(store: Store, table: str) -> int:
    return store.connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_store_write_counts_new_and_unchanged(tmp_path):
    with Store(tmp_path / "d.duckdb") as store:
        first = store.write(meeting_analyses())
        second = store.write(meeting_analyses())
    assert (first.new, first.unchanged) == (3, 0)
    assert (second.new, second.unchanged) == (0, 3)


def test_store_write_twice_duplicates_nothing(tmp_path):
    tables = ("articles", "sentences", "times", "mentions", "events", "quotes", "actors",
              "actor_aliases", "actor_roles")
    with Store(tmp_path / "d.duckdb") as store:
        store.write(meeting_analyses())
        before = {table: count(store, table) for table in tables}
        store.write([report_a(), report_a()])
        assert {table: count(store, table) for table in tables} == before
    assert before["articles"] == 3 and before["events"] == 5 and before["quotes"] == 2


def test_store_same_article_twice_in_one_batch_is_stored_once(tmp_path):
    with Store(tmp_path / "d.duckdb") as store:
        report = store.write([report_a(), report_a()])
        assert (report.new, report.unchanged) == (1, 1)
        assert count(store, "articles") == 1


def test_store_has_article(tmp_path):
    analysis = report_a()
    with Store(tmp_path / "d.duckdb") as store:
        assert not store.has_article(analysis.article.id)
        store.write([analysis])
        assert store.has_article(analysis.article.id)


def test_store_mention_texts_become_aliases(tmp_path):
    with Store(tmp_path / "d.duckdb") as store:
        store.write(meeting_analyses())
        actors = {actor.id: actor for actor in store.actors()}
    assert set(actors[JAISHANKAR.id].aliases) == {"Jaishankar", "S Jaishankar"}
    assert "Atmar" in actors[ATMAR.id].aliases


def test_store_actor_upsert_fills_blanks_and_keeps_roles_once(tmp_path):
    bare = Actor(JAISHANKAR.id, JAISHANKAR.name, "person")
    first = Analysis(replace(report_a().article, id="first", text="one"), actors=[bare])
    second = Analysis(replace(report_a().article, id="second", text="two"), actors=[JAISHANKAR])
    third = Analysis(replace(report_a().article, id="third", text="three"), actors=[JAISHANKAR])
    with Store(tmp_path / "d.duckdb") as store:
        store.write([first])
        store.write([second])
        store.write([third])
        (stored,) = store.actors()
    assert (stored.country, stored.sector) == ("IND", "GOV")
    assert stored.roles == (Role("external affairs minister", "IND", date(2019, 5, 30)),)


def test_store_write_does_not_change_the_callers_records(tmp_path):
    bare = Actor(JAISHANKAR.id, JAISHANKAR.name, "person")
    batch = [Analysis(replace(report_a().article, id="x", text="x"), actors=[bare]),
             Analysis(replace(report_a().article, id="y", text="y"), actors=[JAISHANKAR])]
    with Store(tmp_path / "d.duckdb") as store:
        store.write(batch)
    assert bare.country is None


def test_store_reads_events_back_unchanged(tmp_path):
    analyses = meeting_analyses()
    with Store(tmp_path / "d.duckdb") as store:
        store.write(analyses)
        stored = store.events()
    written = sorted((e for a in analyses for e in a.events), key=lambda e: e.id)
    assert stored == written


def test_store_failed_batch_writes_nothing(tmp_path):
    broken = report_b()
    broken.sentences.append(Sentence("not a number", 0, 1, "x"))  # type: ignore[arg-type]
    with Store(tmp_path / "d.duckdb") as store:
        with pytest.raises(duckdb.Error):
            store.write([report_a(), broken])
        assert count(store, "articles") == 0
        assert count(store, "actors") == 0
        assert store.write([report_a()]).new == 1


def test_store_reopens_existing_database(tmp_path):
    path = tmp_path / "d.duckdb"
    with Store(path) as store:
        store.write(meeting_analyses())
    with Store(path) as store:
        assert count(store, "articles") == 3


def test_store_rejects_a_duckdb_file_that_is_not_dateline(tmp_path):
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE something (x INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="E041"):
        Store(path)


def test_store_rejects_a_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("hello\n" * 100)
    with pytest.raises(StoreError, match="E041"):
        Store(path)


def test_store_unopenable_path_is_e040(tmp_path):
    with pytest.raises(StoreError, match="E040"):
        Store(tmp_path / "no" / "such" / "folder" / "d.duckdb")


def test_store_default_db_path_follows_environment(monkeypatch):
    monkeypatch.setenv("DATELINE_DB", "/data/news.duckdb")
    assert str(default_db_path()) == "/data/news.duckdb"
    monkeypatch.delenv("DATELINE_DB")
    assert str(default_db_path()) == "dateline.duckdb"


def test_store_adds_the_event_columns_an_older_database_lacks(tmp_path):
    path = tmp_path / "old.duckdb"
    with Store(path):
        pass
    con = duckdb.connect(str(path))
    for column in ("source_text", "source_sector", "target_text", "target_sector"):
        con.execute(f"ALTER TABLE events DROP COLUMN {column}")
    con.close()
    with Store(path) as store:
        store.write(meeting_analyses())
        assert count(store, "events") > 0
        columns = {row[0] for row in store.connection.execute("DESCRIBE events").fetchall()}
    assert {"source_text", "source_sector", "target_text", "target_sector"} <= columns


def test_store_an_older_database_opens_for_queries_with_the_parts_it_lacks(tmp_path):
    path = tmp_path / "old.duckdb"
    with Store(path) as store:
        store.write(meeting_analyses())
    con = duckdb.connect(str(path))
    for table in ("stories", "story_articles", "fused_event_dates", "near_duplicates"):
        con.execute(f"DROP TABLE {table}")
    con.execute("ALTER TABLE fused_events DROP COLUMN date_note")
    con.close()
    from dateline.query import Database
    with Database(path) as db:
        assert db.stories() == [] and db.stats()["articles"] == 3
        assert db.events() == []


def test_store_one_writer_at_a_time_and_the_lock_goes_with_it(tmp_path):
    path = tmp_path / "d.duckdb"
    with Store(path):
        with pytest.raises(StoreError, match="E050: another ingest is writing to"):
            Store(path)
    with Store(path) as again:  # closed: free again
        assert again.article_ids() == set()


@pytest.mark.parametrize(("first", "second"), [
    ("alias.duckdb", "data/d.duckdb"),  # through a symlink to a database not made yet
    ("data/d.duckdb", "alias.duckdb"),
    ("link/d.duckdb", "alias.duckdb"),  # a symlinked folder
    ("data/d.duckdb", "link/../data/d.duckdb"),
    ("alias.duckdb", "absolute"),  # the real path, spelled from the root
])
def test_store_one_writer_however_the_database_is_named(tmp_path, monkeypatch, first, second):
    # Regression: the lock was named after the path as given, so a symlink to the database gave
    # a second lock and two ingests wrote at once (the second died with "Duplicate key").
    (tmp_path / "data").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "data", target_is_directory=True)
    (tmp_path / "alias.duckdb").symlink_to(tmp_path / "data" / "d.duckdb")
    monkeypatch.chdir(tmp_path)
    real = os.path.realpath(tmp_path / "data" / "d.duckdb")
    second = real if second == "absolute" else second
    with Store(first):
        with pytest.raises(StoreError, match="E050") as refused:
            Store(second)
    assert f"(it holds {real}.lock)" in str(refused.value)  # the one lock, where it really is
    with Store(second) as again:  # let go: free again
        assert again.article_ids() == set()


def _holding_reader(path, seconds):
    """Another process that holds the database open read-only for `seconds`."""
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time, duckdb; con = duckdb.connect(sys.argv[1], read_only=True); "
        "print('open', flush=True); time.sleep(float(sys.argv[2]))"), str(path), str(seconds)],
        stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline() == "open\n"
    return holder


def test_store_released_between_batches_lets_readers_in_and_waits_for_them(tmp_path):
    path = tmp_path / "d.duckdb"
    with Store(path) as store:
        store.write(meeting_analyses()[:1])
        store.release()
        holder = _holding_reader(path, 1.0)  # a reader gets in while the writer is released
        started = time.monotonic()
        store.write(meeting_analyses()[1:])  # the writer waits for it, then writes
        assert time.monotonic() - started > 0.3
        holder.wait(timeout=30)
        assert len(store.article_ids()) == len(meeting_analyses())


def test_store_waits_only_so_long_for_a_reader(tmp_path, monkeypatch):
    path = tmp_path / "d.duckdb"
    Store(path).close()
    monkeypatch.setitem(schema.LOCK_WAIT_SECONDS, "write", 0.3)
    holder = _holding_reader(path, 5.0)
    try:
        with pytest.raises(StoreError, match="E049: database .* is busy: another process has held it for over 0.3 s"):
            Store(path)
    finally:
        holder.kill()
        holder.wait(timeout=30)


def test_a_reader_waits_for_a_writer_in_another_process(tmp_path):
    path = tmp_path / "d.duckdb"
    Store(path).close()
    writer = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from dateline.store import Store; store = Store(sys.argv[1]); "
        "store.connection; print('open', flush=True); time.sleep(1.0); store.close()"), str(path)],
        stdout=subprocess.PIPE, text=True)
    assert writer.stdout.readline() == "open\n"
    started = time.monotonic()
    con = schema.connect(str(path), read_only=True)  # what every query and page opens with
    waited = time.monotonic() - started
    con.close()
    writer.wait(timeout=30)
    assert waited > 0.3
