"""Events named by the start of their id, as the views show it: `Database.event` and
`Database.short_id_length`, over a store where two ids start alike."""
import shutil
from datetime import date

import duckdb
import pytest
from samples import build_database

from dateline.errors import NotFound, QueryError
from dateline.model import KeyDate
from dateline.query import Database
from dateline.query.event_ids import LEAST_PREFIX, SHORT_ID


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("ids") / "d.duckdb"
    build_database(path)
    return path


def alike(sample_db, tmp_path, shared: int):
    """A copy of the sample store with one more fused event whose id starts with the first
    `shared` characters of the meeting's id: (the copy, the meeting's id, the new id)."""
    path = tmp_path / "alike.duckdb"
    shutil.copy(sample_db, path)
    with Database(path) as db:
        meeting = next(e for e in db.events() if e.type == "CONSULT").id
    twin = meeting[:shared] + "".join("0" if c != "0" else "1" for c in meeting[shared:])
    with duckdb.connect(str(path)) as connection:
        connection.execute("INSERT INTO fused_events SELECT * REPLACE (? AS id, 'A twin event'"
                           " AS summary) FROM fused_events WHERE id = ?", [twin, meeting])
    return path, meeting, twin


def test_event_ids_short_ids_are_eight_characters_and_name_their_event(sample_db):
    with Database(sample_db) as db:
        assert db.short_id_length() == SHORT_ID
        for event in db.events(min_confidence=0):
            assert event.short_id == event.id[:SHORT_ID]
            assert db.event(event.short_id).id == event.id
            assert db.event(event.id[:LEAST_PREFIX].upper()).id == event.id


def test_event_ids_a_per_article_id_or_its_start_names_its_fused_event(sample_db):
    with Database(sample_db) as db:
        meeting = next(e for e in db.events() if e.type == "CONSULT")
        member = meeting.members[0]
        assert db.event(member).id == meeting.id
        sentence_start = member.rsplit(":", 1)[0] + ":"  # "{article id}:{sentence}:"
        assert db.event(sentence_start).id == meeting.id


def test_event_ids_alike_ids_lengthen_every_short_id(sample_db, tmp_path):
    path, meeting, twin = alike(sample_db, tmp_path, shared=10)
    with Database(path) as db:
        assert db.short_id_length() == 11
        shown = {e.id: e.short_id for e in db.events(min_confidence=0)}
        assert shown[meeting] == meeting[:11] and shown[twin] == twin[:11]
        assert all(len(short) == 11 for short in shown.values())
        assert db.event(shown[meeting]).id == meeting and db.event(shown[twin]).id == twin


def test_event_ids_an_ambiguous_start_is_e058_naming_the_candidates(sample_db, tmp_path):
    path, meeting, twin = alike(sample_db, tmp_path, shared=10)
    with Database(path) as db, pytest.raises(QueryError) as raised:
        db.event(meeting[:SHORT_ID])
    message = str(raised.value)
    assert message.startswith(f"E058: '{meeting[:SHORT_ID]}' starts the ids of 2 events:")
    assert f"  {meeting}  Subrahmanyam Jaishankar" in message
    assert f"  {twin}  A twin event" in message
    assert not isinstance(raised.value, NotFound)


def test_event_ids_unknown_is_e047_and_too_short_is_e059(sample_db):
    with Database(sample_db) as db:
        with pytest.raises(NotFound, match="^E047: no event has the id 'ffffffffff'"):
            db.event("ffffffffff")
        with pytest.raises(QueryError, match="^E059: 'abc' is too short"):
            db.event("abc")
        with pytest.raises(NotFound, match="^E047"):
            db.event("%%%%")  # no wildcard: the start is matched as written


def test_event_ids_key_date_says_date_and_keeps_day_as_its_old_name():
    key = KeyDate(date(2021, 7, 13), 9.8, 3, 2)
    assert key.date == key.day == date(2021, 7, 13)
    assert "date" in KeyDate.__dataclass_fields__ and "day" not in KeyDate.__dataclass_fields__


def test_event_ids_e058_names_five_events_and_counts_the_rest(sample_db, tmp_path):
    path, meeting, _ = alike(sample_db, tmp_path, shared=10)
    with duckdb.connect(str(path)) as connection:
        for n in range(2, 7):  # the twin is made of 0s and 1s
            connection.execute("INSERT INTO fused_events SELECT * REPLACE (? AS id) FROM"
                               " fused_events WHERE id = ?", [meeting[:10] + f"{n:x}" * 6, meeting])
    with Database(path) as db, pytest.raises(QueryError) as raised:
        db.event(meeting[:10])
    lines = str(raised.value).splitlines()
    assert lines[0] == f"E058: '{meeting[:10]}' starts the ids of 7 events:"
    assert len([line for line in lines if line.startswith(f"  {meeting[:10]}")]) == 5
    assert lines[-2:] == ["  … and 2 more", "type more of the id to name one"]


def test_event_ids_a_source_is_cited_by_its_named_copy_whichever_came_first(tmp_path):
    """One text read from two files with their own headlines: the citation names the first file
    by path, with that file's headline, in either order of ingest (tests/test_incremental.py)."""
    from dataclasses import replace

    from samples import report_a

    from dateline.fuse import fuse_store
    from dateline.store import Store

    analysis = report_a()
    early = replace(analysis.article, source="a/first.txt", title="First file's headline")
    late = replace(analysis.article, source="b/second.txt", title="Second file's headline")
    cited = []
    for stored, copy in ((early, late), (late, early)):
        path = tmp_path / f"{stored.source[0]}.duckdb"
        with Store(path) as store:
            store.write([replace(analysis, article=stored)])
            store.note_copies([copy])
            fuse_store(store)
        with Database(path) as db:
            cited.append({(s.source, s.title) for e in db.events(min_confidence=0)
                          for s in e.sources})
    assert cited[0] == cited[1] == {("a/first.txt", "First file's headline")}
