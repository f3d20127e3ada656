from samples import ATMAR, ATMAR_SHORT, meeting_analyses, report_a, report_b, report_c

from dateline.fuse import fuse_store
from dateline.store import Store


def fused_rows(store: Store) -> list[tuple]:
    return store.connection.execute(
        "SELECT f.id, f.type, count(*) FROM fused_events f "
        "JOIN fused_event_sources s ON s.fused_id = f.id GROUP BY f.id, f.type ORDER BY f.id"
    ).fetchall()


def test_apply_fuses_the_store_and_links_actors(tmp_path):
    with Store(tmp_path / "d.duckdb") as store:
        store.write(meeting_analyses())
        assert fuse_store(store).events == 3
        counts = {type_: n for _, type_, n in fused_rows(store)}
        links = dict(store.connection.execute("SELECT * FROM actor_links").fetchall())
    assert counts == {"CONSULT": 3, "RETREAT": 1, "THREATEN": 1}
    assert links[ATMAR_SHORT.id] == ATMAR.id


def test_apply_refusing_gives_the_same_ids(tmp_path):
    with Store(tmp_path / "d.duckdb") as store:
        store.write(meeting_analyses())
        fuse_store(store)
        first = fused_rows(store)
        fuse_store(store)
        assert fused_rows(store) == first


def test_apply_new_report_joins_the_existing_event(tmp_path):
    with Store(tmp_path / "d.duckdb") as store:
        store.write([report_a(), report_c()])
        fuse_store(store)
        before = {type_: n for _, type_, n in fused_rows(store)}
        store.write([report_b()])
        fuse_store(store)
        after = {type_: n for _, type_, n in fused_rows(store)}
    assert before["CONSULT"] == 2 and after["CONSULT"] == 3
