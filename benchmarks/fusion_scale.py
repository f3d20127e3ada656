"""What adding 10 articles costs as the store grows: 5,000, 20,000 and 100,000 articles.

    .venv/bin/python benchmarks/fusion_scale.py [--sample 1000] [--base DB] [--copies 5,20,100]

We cannot analyze 100,000 articles here, so the large stores are built from real ones: a sample of
Timeline17 (every k-th file, 10 held out) is ingested into a base store (or `--base` names a fused
store, such as a whole Timeline17 ingest without the held-out files), and the store of n copies
holds the base and n - 1 copies of every stored analysis and fused record, each copy:
- dated decades earlier (copy i is i * 7,300 days older), so it is no part of the base's stories
  or happenings, and new articles (news comes newest last) come after all of it;
- with every actor and country renamed (ids of its own, and a code of four letters put after
  each word of a person's names or before another actor's name), so that linking and matching
  find no one of the base or of another copy in it;
- with its near-duplicate buckets moved (a byte added to each band key), so that no new article
  is ever compared with it. The texts, vectors and word counts stay, so the store weighs what a
  real one of that size weighs.
Then, each in a fresh process, side by side: `dateline ingest` of the 10 held-out articles (the
newest of 10 collections) into an empty store, into the base, and into each grown store, with
its wall time and the peak resident memory of the process, and the ratios the goals are set on.
"""
from __future__ import annotations

import argparse
import itertools
import re
import shutil
import sys
import tempfile
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import (FUSION_TABLES, GIB, ROOT, held_out, ingest, link_files, sample_files,  # noqa: E402
                        write_corpus)

from dateline.fuse.actors_step import person_keys  # noqa: E402
from dateline.knowledge.names import name_word_keys  # noqa: E402
from dateline.model import Actor  # noqa: E402
from dateline.store.rows import insert_rows  # noqa: E402

SHIFT_DAYS = 7300  # each copy twenty years before the one after it
COPY_COLUMNS = {  # table -> its columns, each as copied: {c} is the copy's number, {s} its shift
    "articles": "id || '.c{c}', source || '.c{c}', outlet, title, url, text, published - {s},"
                " published_basis, ingested_at",
    "article_copies": "article_id || '.c{c}', source || '.c{c}', outlet",
    "sentences": "article_id || '.c{c}', idx, start_char, end_char, text",
    "times": "article_id || '.c{c}', start_char, end_char, text, type, value, first_day - {s},"
             " last_day - {s}, precision, basis, anchor - {s}",
    "mentions": "article_id || '.c{c}', start_char, end_char, text, {actor_id}, sentence, how",
    "events": "id || '.c{c}', article_id || '.c{c}', type, mode, cameo, quad_class, intensity,"
              " {source_actor}, {target_actor}, trigger, sentence, sentence_text, status,"
              " location_name, {location_country}, date - {s}, date_end - {s}, date_precision,"
              " date_basis, date_text, confidence, source_text, source_sector, target_text,"
              " target_sector, date_value, evidence",
    "quotes": "id || '.c{c}', article_id || '.c{c}', {speaker}, text, sentence, said_on - {s}",
    "actors": "{id}, {name}, kind, {country}, sector",
    "actor_aliases": "{actor_id}, {alias}, how",
    "actor_roles": "{actor_id}, title, {country}, since - {s}, until - {s}, basis",
    "actor_links": "{actor_id}, {canonical_id}",
    "actor_records": "{actor_id}, {name}, kind, {country}, sector",
    "article_signatures": "article_id || '.c{c}', signature",
    "article_bands": "band, key || '\\x{c:02x}'::BLOB, article_id || '.c{c}'",
    "article_pairs": "a || '.c{c}', b || '.c{c}', similarity",
    "near_duplicates": "article_id || '.c{c}', original_id || '.c{c}', similarity",
    "story_features": "article_id || '.c{c}', features, counts, surface_keys, surfaces,"
                      " vector_features, vector_weights",
    "stories": "id || '.c{c}', label, first - {s}, last - {s}",
    "story_articles": "article_id || '.c{c}', story_id || '.c{c}', position",
    "fused_events": "id || '.c{c}', type, mode, cameo, quad_class, intensity, status,"
                    " {source_actor}, {target_actor}, location_name, {location_country}, date - {s},"
                    " date_end - {s}, date_precision, date_basis, summary, date_note, confidence,"
                    " date_value, source_sector, target_sector",
    "fused_event_sources": "fused_id || '.c{c}', event_id || '.c{c}', cited",
    "fused_event_dates": "fused_id || '.c{c}', rank, date - {s}, date_end - {s}, precision, basis,"
                         " reports, support",
    "event_fusion_keys": "event_id || '.c{c}', key, family, first - {s}, last - {s}",
}
# Columns naming an actor or a country: every one renamed, so a copy is a world of its own.
ACTOR_ID_COLUMNS = ("actor_id", "source_actor", "target_actor", "speaker", "id", "canonical_id",
                    "country", "location_country")


def renamed_id(column: str) -> str:
    return f"CASE WHEN {column} IS NULL THEN NULL ELSE {column} || '.c{{c}}' END"


def renamed_name(column: str) -> str:
    """A person's name with the copy's code after each word of two letters or more, so that no
    name, given name or surname of a copy fits one of another copy's; any other actor's with the
    code before it (a copy's missions still name their seats); countries keep theirs."""
    return (f"CASE kind WHEN 'country' THEN {column}"
            f" WHEN 'person' THEN regexp_replace({column}, '(\\w\\w+)', '\\1{{code}}', 'g')"
            f" ELSE '{{code}} ' || {column} END")


def copy_codes(count: int) -> list[str]:
    """Codes whose surnames share no name key with another copy's (nor the base's)."""
    probes = ("assad", "singh", "obama")
    chosen: list[str] = []
    taken = {p: set(name_word_keys(p)) for p in probes}
    for letters in itertools.product("bcdfghjklmnpqrstvwxz", repeat=4):
        code = "".join(letters)
        keys = {p: name_word_keys(p + code) for p in probes}
        if all(not keys[p] & taken[p] for p in probes):
            chosen.append(code)
            for p in probes:
                taken[p] |= keys[p]
            if len(chosen) == count:
                return chosen
    raise SystemExit(f"only {len(chosen)} codes found")


def add_copy(con: duckdb.DuckDBPyConnection, number: int, code: str) -> None:
    """Copy number `number` of the base's rows (those without '.c' in their article or actor id)."""
    shift = number * SHIFT_DAYS
    for table, columns in COPY_COLUMNS.items():
        select = columns
        for column in ACTOR_ID_COLUMNS:
            select = select.replace("{" + column + "}", renamed_id(column))
        for column in ("name", "alias"):
            select = select.replace("{" + column + "}", renamed_name(column))
        select = select.replace("{c:02x}", f"{number:02x}").replace("{c}", str(number))
        select = re.sub(r"(\w+) - \{s\}", lambda m: _shifted(m.group(1), shift), select)
        select = select.replace("{code}", code)
        source = f"(SELECT t.*, a.kind FROM {table} t LEFT JOIN actors a ON a.id = t.actor_id)" \
            if table == "actor_aliases" else table
        con.execute(f"INSERT INTO {table} SELECT {select} FROM {source} WHERE {_base_rows(table)}")
    people = con.execute(f"SELECT id, name, kind FROM actors WHERE id LIKE '%.c{number}'").fetchall()
    insert_rows(con, "actor_keys", ("actor_id", "key"),
                [(i, key) for i, name, kind in people for key in sorted(person_keys(Actor(i, name, kind)))])


def _shifted(column: str, days: int) -> str:
    """The column's date `days` earlier, kept within the calendar (a date the text gives from
    centuries ago stops at the year 2)."""
    return f"CASE WHEN {column} IS NULL THEN NULL ELSE greatest({column} - {days}, DATE '0002-01-01') END"


def _base_rows(table: str) -> str:
    key = {"actors": "id", "actor_aliases": "actor_id", "actor_roles": "actor_id",
           "actor_links": "actor_id", "actor_records": "actor_id", "stories": "id",
           "fused_events": "id", "fused_event_sources": "fused_id", "fused_event_dates": "fused_id",
           "event_fusion_keys": "event_id", "article_pairs": "a"}.get(table, "article_id")
    if table in ("articles", "events", "quotes"):
        key = "id"
    return f"{key} NOT LIKE '%.c%'"


def scale(base: Path, copies: int, out: Path, codes: list[str]) -> int:
    """A store of `copies` times the base (see the module's note); its article count."""
    shutil.copy(base, out)
    with duckdb.connect(str(out)) as con:
        con.execute("UPDATE story_df SET count = count * ?", [copies])
        for number in range(1, copies):
            con.begin()
            add_copy(con, number, codes[number])
            con.commit()
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]


def measure(label: str, added: Path, db: Path, empty_seconds: float | None,
            first: float | None) -> float:
    seconds, peak, out = ingest(added, db, 1)
    ratios = ""
    if empty_seconds:
        ratios += f"  x empty {seconds / empty_seconds:.2f}"
    if first:
        ratios += f"  x smallest {seconds / first:.2f}"
    print(f"{label:<34}{seconds:7.1f} s  peak {peak / GIB:.2f} GiB{ratios}   ({out.strip().splitlines()[-1]})",
          flush=True)
    return seconds


FUSED_TABLES = ("actor_links", "actor_records", "stories", "story_articles", "near_duplicates",
                "fused_events", "fused_event_sources", "fused_event_dates", "event_fusion_keys",
                "story_features", "story_df")


def fused_at_once(base: Path, added: Path, out: Path) -> None:
    """The base with the added articles stored and fused in one go, as if never fused before:
    what adding them to the fused base must equal."""
    from dateline.analyze import analyze_articles
    from dateline.fuse import fuse_store
    from dateline.ingest import read_file
    from dateline.model import Article
    from dateline.store import Store

    shutil.copy(base, out)
    articles = [a for path in sorted(added.rglob("*.txt")) for a in read_file(path) if isinstance(a, Article)]
    with Store(out) as store:
        store.write(analyze_articles(articles))
        for table in FUSION_TABLES:
            store.connection.execute(f"DELETE FROM {table}")
        store.release()
        fuse_store(store)


def same_fused_tables(a: Path, b: Path) -> list[str]:
    """The fused tables whose rows differ between two stores."""
    with duckdb.connect(str(a), read_only=True) as one, duckdb.connect(str(b), read_only=True) as other:
        return [t for t in FUSED_TABLES if sorted(map(repr, one.execute(f"SELECT * FROM {t}").fetchall()))
                != sorted(map(repr, other.execute(f"SELECT * FROM {t}").fetchall()))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT)
    parser.add_argument("--sample", type=int, default=1000, help="articles in the base store")
    parser.add_argument("--base", type=Path, help="a fused store to grow instead of a sample's")
    parser.add_argument("--copies", default="5,20,100", help="the sizes, as copies of the base")
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="dateline-fusion-scale-"))
    try:
        files = write_corpus(options.root, work / "corpus")
        late = held_out(files, work / "corpus")
        added = link_files(late, work / "corpus", work / "added")
        base = work / "base.duckdb"
        if options.base:
            shutil.copy(options.base, base)
        else:
            early = sample_files([f for f in files if f not in set(late)], options.sample)
            seconds, _, out = ingest(link_files(early, work / "corpus", work / "sample"), base, 2)
            print(f"base: {len(early)} Timeline17 files in {seconds:.0f} s: {out.strip().splitlines()[-1]}")
        copies = [int(n) for n in options.copies.split(",")]
        codes = copy_codes(max(copies))
        empty = measure("into an empty store", added, work / "empty.duckdb", None, None)
        with duckdb.connect(str(base), read_only=True) as con:
            stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        shutil.copy(base, work / "base-added.duckdb")
        measure(f"into the base ({stored:,} articles)", added, work / "base-added.duckdb", empty, None)
        fused_at_once(base, added, work / "at-once.duckdb")
        differ = same_fused_tables(work / "base-added.duckdb", work / "at-once.duckdb")
        print(f"{'same as fusing it all at once':<34}{'yes' if not differ else 'NO: ' + ', '.join(differ)}",
              flush=True)
        first = None
        for number in copies:
            grown = work / f"x{number}.duckdb"
            count = scale(base, number, grown, codes)
            seconds = measure(f"into {count:,} articles ({number} copies)", added, grown, empty, first)
            first = first or seconds
            grown.unlink()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
