import shutil

import pytest
from samples import fake_analyzer, fake_discover, fake_reader, write_dated, write_sample_files

from dateline import pipeline
from dateline.errors import InputError
from dateline.model import Skip
from dateline.query import Database


def run(paths, db, **options):
    options = {"analyzer": fake_analyzer, "reader": fake_reader, "discoverer": fake_discover,
               **options}
    return pipeline.ingest(paths, db=db, **options)


def test_pipeline_ingests_stores_and_fuses(tmp_path):
    write_sample_files(tmp_path / "in")
    db = tmp_path / "d.duckdb"
    report = run([tmp_path / "in"], db)
    assert (report.ingested, report.unchanged, report.skipped, report.events) == (3, 0, [], 3)
    with Database(db) as database:
        assert len(database.events(type="CONSULT")[0].sources) == 3


def test_pipeline_second_run_analyzes_nothing(tmp_path):
    write_sample_files(tmp_path / "in")
    db = tmp_path / "d.duckdb"
    run([tmp_path / "in"], db)
    analyzed = []

    def counting_analyzer(article):
        analyzed.append(article.id)
        return fake_analyzer(article)

    report = run([tmp_path / "in"], db, analyzer=counting_analyzer)
    assert (report.ingested, report.unchanged) == (0, 3)
    assert analyzed == []


def test_pipeline_same_content_in_two_files_is_one_article(tmp_path):
    first, *_ = write_sample_files(tmp_path / "in")
    copy = tmp_path / "copy" / first.name
    copy.parent.mkdir()
    shutil.copy(first, copy)
    report = run([tmp_path / "in", tmp_path / "copy"], tmp_path / "d.duckdb")
    assert (report.ingested, report.unchanged) == (3, 1)


def test_pipeline_reports_skips_and_reader_errors(tmp_path):
    paths = write_sample_files(tmp_path / "in")
    (tmp_path / "in" / "notes.pdf").write_bytes(b"%PDF")

    def reader(path):
        if path.name == "b.txt":
            raise InputError("E003: not valid UTF-8 text")
        return fake_reader(path)

    report = run([tmp_path / "in", tmp_path / "gone.txt"], tmp_path / "d.duckdb", reader=reader)
    reasons = sorted(str(skip) for skip in report.skipped)
    assert report.ingested == 2 and len(reasons) == 3
    assert any("E001" in r for r in reasons) and any("E003" in r for r in reasons)
    assert all(isinstance(skip, Skip) for skip in report.skipped)
    assert paths[0].exists()


def test_pipeline_progress_counts_files(tmp_path):
    write_sample_files(tmp_path / "in")
    calls = []
    run([tmp_path / "in"], tmp_path / "d.duckdb", progress=lambda stage, done, total: calls.append(
        (stage, done, total)))
    assert [(done, total) for stage, done, total in calls if stage == "reading"] == [
        (1, 3), (2, 3), (3, 3)]


def test_pipeline_progress_tells_each_stage_in_order(tmp_path):
    write_sample_files(tmp_path / "in")
    calls = []
    run([tmp_path / "in"], tmp_path / "d.duckdb", progress=lambda stage, done, total: calls.append(
        (stage, done, total)))
    assert [stage for stage, *_ in calls if stage != "reading"][0] == "analysing"
    analysed = [(done, total) for stage, done, total in calls if stage == "analysing"]
    assert analysed[0] == (0, None) and analysed[-1] == (3, 3)  # the total once all is read
    assert calls[-2:] == [("fusing", 0, 1), ("fusing", 1, 1)]
    assert {stage for stage, *_ in calls} == set(pipeline.STAGES)


def test_pipeline_reports_undated_articles_once_per_file(tmp_path):
    folder = tmp_path / "in"
    write_dated(folder, "dated.txt", "2021-07-14", "India and Afghanistan met in Dushanbe.")
    (folder / "undated.txt").write_text("India and Afghanistan met on Tuesday.\n", encoding="utf-8")
    (folder / "feed.jsonl").write_text(
        '{"id": "a", "text": "Talks were held on Monday."}\n'
        '{"id": "b", "text": "Talks resumed on Friday."}\n'
        '{"id": "c", "text": "Talks ended.", "date": "2021-07-15"}\n', encoding="utf-8")
    db = tmp_path / "d.duckdb"
    report = pipeline.ingest([folder], db=db, analyzer=fake_analyzer)
    assert sorted(report.undated) == [f"{folder / 'feed.jsonl'}#a", f"{folder / 'feed.jsonl'}#b",
                                      str(folder / "undated.txt")]
    undated_notes = sorted(str(n) for n in report.notes if "W004" in n.message)
    assert undated_notes == [
        f"note {folder / 'feed.jsonl'}: W004: no publication date (2 of its articles); its "
        "relative dates stay unresolved",
        f"note {folder / 'undated.txt'}: W004: no publication date; its relative dates stay "
        "unresolved"]
    assert report.undated_summary.startswith("W005: 3 of 5 new articles had no publication date")
    again = pipeline.ingest([folder], db=db, analyzer=fake_analyzer)  # nothing new: nothing to say
    assert (again.undated, again.undated_summary, again.unchanged) == ([], None, 5)
    assert not [n for n in again.notes if "W004" in n.message]


def test_pipeline_batches_store_in_several_transactions(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "BATCH_SIZE", 2)
    write_sample_files(tmp_path / "in")
    report = run([tmp_path / "in"], tmp_path / "d.duckdb")
    assert report.ingested == 3


def test_pipeline_worker_processes_give_the_same_result(tmp_path):
    write_sample_files(tmp_path / "in")
    serial = run([tmp_path / "in"], tmp_path / "serial.duckdb")
    parallel = run([tmp_path / "in"], tmp_path / "parallel.duckdb", workers=2)
    assert (parallel.ingested, parallel.events) == (serial.ingested, serial.events)
    with Database(tmp_path / "serial.duckdb") as a, Database(tmp_path / "parallel.duckdb") as b:
        assert [e.id for e in a.timeline()] == [e.id for e in b.timeline()]


def test_pipeline_article_whose_analysis_fails_is_skipped_and_the_others_stored(tmp_path):
    write_sample_files(tmp_path / "in")

    def broken_on_one(article):
        if article.source.endswith("b.txt"):
            raise RuntimeError("analyzer crashed\non two lines")
        return fake_analyzer(article)

    report = run([tmp_path / "in"], tmp_path / "d.duckdb", analyzer=broken_on_one)
    assert report.ingested == 2
    assert [str(skip) for skip in report.skipped] == [
        "skipped articles/b.txt: E013: analysis failed: RuntimeError: analyzer crashed"]
    with Database(tmp_path / "d.duckdb") as database:
        assert database.stats()["articles"] == 2


def test_pipeline_reader_bug_on_one_file_is_a_skip(tmp_path):
    paths = write_sample_files(tmp_path / "in")

    def reader(path):
        if path.name == "a.txt":
            raise KeyError("odd")
        return fake_reader(path)

    report = run([tmp_path / "in"], tmp_path / "d.duckdb", reader=reader)
    assert report.ingested == 2
    assert [str(skip) for skip in report.skipped] == [f"skipped {paths[0]}: E015: reading failed: KeyError: 'odd'"]


def test_pipeline_failure_while_storing_stores_nothing_of_its_batch(tmp_path, monkeypatch):
    write_sample_files(tmp_path / "in")
    from dateline.store import writer

    def failing_quotes(con, table, columns, rows, conflict=""):
        if table == "quotes":  # late in the batch: articles, events and mentions are written
            raise RuntimeError("disk full")
        real_insert(con, table, columns, rows, conflict)

    real_insert = writer.insert_rows
    monkeypatch.setattr(writer, "insert_rows", failing_quotes)
    with pytest.raises(RuntimeError):
        run([tmp_path / "in"], tmp_path / "d.duckdb")
    with Database(tmp_path / "d.duckdb") as database:
        assert database.stats()["articles"] == 0


def test_pipeline_date_from_path_dates_what_the_file_leaves_undated(tmp_path):
    from datetime import date

    from dateline import ingest

    folder = tmp_path / "2011" / "06" / "03"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text("Talks were held on Tuesday.\n", encoding="utf-8")
    write_dated(folder, "b.txt", "2011-05-30", "Talks ended on Monday.")
    db = tmp_path / "d.duckdb"
    report = ingest([tmp_path / "2011"], db=db, analyzer=fake_analyzer, date_from_path=True)
    assert (report.ingested, report.undated) == (2, [])
    with Database(db) as database:
        published = sorted((h.published, h.published_basis)
                           for h in (database.article(i) for i in database.article_heads()))
    assert published == [(date(2011, 5, 30), "dateline"), (date(2011, 6, 3), "path")]
