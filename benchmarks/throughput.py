"""Throughput, scale-out and memory of `dateline ingest` on real news: Timeline17.

    .venv/bin/python benchmarks/throughput.py [--root DIR] [--sample N] [--sample-only]

Every Timeline17 article (`<collection>/InputDocs/<YYYY-MM-DD>/<n>.htm.txt`) is written as a text
file with a date line (` date YYYY-MM-DD :`) from its folder's name, as a user's corpus would be.
Each figure is measured in this run, side by side, every command in a fresh process:

1. on a sample of N articles (every k-th file, so all collections are in it):
   - bare: a process that loads the stock spaCy pipeline Dateline stands on (the same model with
     the same components) and runs `nlp.pipe` over the texts Dateline's reader makes of the files;
   - `dateline ingest --workers 1` over the same files into a new database: reading, analysis,
     storing and fusing, start-up included as in the bare run;
   - the ratio bare/Dateline (goal >= 1.0) and articles per second;
   - `dateline ingest --workers 2` into another new database: its speed-up over one worker
     (goal >= 1.8 on 2 cores);
2. on the whole corpus (skipped with --sample-only):
   - `dateline ingest --workers 2` of every file but 10 into a new database, with the peak
     resident memory of the ingest and its workers together (goal < 1.5 GiB), polled every 0.1 s;
   - fusing that whole store at once, as the ingest did at its end (a copy of it with every
     fused table emptied), against the full ingest (goal <= 0.1);
   - adding the 10 held-out articles (the newest of 10 collections, so they belong to stories
     already stored) to that database, against ingesting the same 10 into an empty one
     (goal <= 2) and against the full ingest.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks" / "tls-timeline17"
BIN = Path(sys.executable).parent
HELD_OUT = 10
POLL_SECONDS = 0.1
GIB = 1024 ** 3

BARE_PARSE = """
import json, sys, spacy
from dateline.analyze.nlp import MODEL_NAME, UNUSED_COMPONENTS
texts = json.load(open(sys.argv[1]))
nlp = spacy.load(MODEL_NAME, exclude=UNUSED_COMPONENTS)
for _ in nlp.pipe(texts):
    pass
"""


def write_corpus(root: Path, out: Path) -> list[Path]:
    """Every article as `<collection>/<day>/<name>` with a date line; the paths, sorted. The
    collection's empty files stay empty, for Dateline to skip."""
    written = []
    for source in sorted(root.glob("*/InputDocs/*/*.txt")):
        collection, day = source.parts[-4], source.parent.name
        text = source.read_text(encoding="utf-8", errors="replace")
        target = out / collection / day / source.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f" date {day} :\n{text}" if text.strip() else "", encoding="utf-8")
        written.append(target)
    return written


def link_files(files: list[Path], base: Path, folder: Path) -> Path:
    """A folder holding just these files (hard links), keeping their relative paths."""
    for path in files:
        target = folder / path.relative_to(base)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(path, target)
    return folder


def reader_texts(files: list[Path]) -> list[str]:
    """The article texts Dateline's reader makes of the files: what both runs parse."""
    return [article.text for article in reader_articles(files)]


def reader_articles(files: list[Path]) -> list:
    """The articles Dateline's reader makes of the files."""
    from dateline.ingest import read_file
    from dateline.model import Article

    return [item for path in files for item in _read_or_skip(read_file, path) if isinstance(item, Article)]


def _read_or_skip(read_file, path: Path) -> list:
    from dateline.errors import DatelineError

    try:
        return list(read_file(path))
    except DatelineError:
        return []  # an empty file: Dateline skips it too


def run_measured(command: list[str]) -> tuple[float, int, str]:
    """(wall seconds, peak RSS in bytes of the process and its children together, stdout)."""
    start = time.perf_counter()
    process = psutil.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_rss(process))
        time.sleep(POLL_SECONDS)
    seconds = time.perf_counter() - start
    out, err = process.communicate()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{err[-2000:]}")
    return seconds, peak, out


def _tree_rss(process: psutil.Process) -> int:
    total = 0
    try:
        for member in [process, *process.children(recursive=True)]:
            total += member.memory_info().rss
    except psutil.NoSuchProcess:
        pass  # a worker that ended between the listing and the reading
    return total


def ingest(folder: Path, db: Path, workers: int) -> tuple[float, int, str]:
    return run_measured([str(BIN / "dateline"), "ingest", str(folder), "--db", str(db),
                         "--workers", str(workers)])


def held_out(files: list[Path], base: Path) -> list[Path]:
    """The newest article of each of the first HELD_OUT collections."""
    newest: dict[str, Path] = {}
    for path in files:
        collection = path.relative_to(base).parts[0]
        if collection not in newest or path.parent.name >= newest[collection].parent.name:
            newest[collection] = path
    return [newest[name] for name in sorted(newest)[:HELD_OUT]]


def sample_files(files: list[Path], size: int) -> list[Path]:
    """Every k-th of the files, `size` of them, so that every collection is in the sample."""
    step = max(1, len(files) // size)
    return files[::step][:size]


def measure_sample(files: list[Path], base: Path, work: Path, size: int) -> None:
    sample = sample_files(files, size)
    folder = link_files(sample, base, work / "sample")
    texts = reader_texts(sample)
    (work / "texts.json").write_text(json.dumps(texts), encoding="utf-8")
    print(f"sample                          {len(sample)} files, {len(texts)} articles, "
          f"{sum(map(len, texts)) / 1e6:.2f} M characters")
    bare, bare_peak, _ = run_measured([sys.executable, "-c", BARE_PARSE, str(work / "texts.json")])
    one, one_peak, out = ingest(folder, work / "one.duckdb", 1)
    two, _, _ = ingest(folder, work / "two.duckdb", 2)
    print(f"bare nlp.pipe                   {bare:.1f} s ({len(texts) / bare:.2f} articles/s, "
          f"peak {bare_peak / GIB:.2f} GiB)")
    print(f"dateline ingest --workers 1     {one:.1f} s ({len(texts) / one:.2f} articles/s, "
          f"peak {one_peak / GIB:.2f} GiB): {out.strip().splitlines()[-1]}")
    print(f"ratio bare/dateline             {bare / one:.3f} (goal >= 1.0)")
    print(f"dateline ingest --workers 2     {two:.1f} s ({len(texts) / two:.2f} articles/s)")
    print(f"speed-up of 2 workers over 1    {one / two:.2f} (goal >= 1.8, on {os.cpu_count()} cores)")


def measure_full(files: list[Path], base: Path, work: Path) -> None:
    late = held_out(files, base)
    early = [path for path in files if path not in set(late)]
    folder = link_files(early, base, work / "base")
    seconds, peak, out = ingest(folder, work / "full.duckdb", 2)
    print(f"full ingest --workers 2         {len(early)} files in {seconds:.1f} s "
          f"({len(early) / seconds:.2f} articles/s): {out.strip().splitlines()[-1]}")
    print(f"peak resident memory            {peak / GIB:.2f} GiB, ingest and workers together "
          f"(goal < 1.5 GiB)")
    fuse_seconds = fuse_anew(work / "full.duckdb", work / "refused.duckdb")
    print(f"fusing it all at once           {fuse_seconds:.1f} s: {fuse_seconds / seconds:.3f} of the full ingest"
          " (goal <= 0.1)")
    added = link_files(late, base, work / "added")
    empty_seconds, _, _ = ingest(added, work / "empty.duckdb", 2)
    add_seconds, _, add_out = ingest(added, work / "full.duckdb", 2)
    print(f"adding {len(late)} new articles         {add_seconds:.1f} s: {add_out.strip().splitlines()[-1]}")
    print(f"  the same into an empty store  {empty_seconds:.1f} s: ratio {add_seconds / empty_seconds:.2f} (goal <= 2)")
    print(f"adding 10 / full ingest         {add_seconds / seconds:.3f}")


FUSE_ANEW = """
import sys, time
from dateline.fuse import fuse_store
from dateline.store import Store
with Store(sys.argv[1]) as store:
    for table in sys.argv[2:]:
        store.connection.execute(f"DELETE FROM {table}")
    store.release()
    start = time.perf_counter()
    fuse_store(store)
    print(time.perf_counter() - start)
"""
# Everything fusion writes: emptied, a store is as analysis left it.
FUSION_TABLES = ("actor_links", "actor_records", "actor_keys", "stories", "story_articles", "story_features",
                 "story_df", "near_duplicates", "article_signatures", "article_bands",
                 "article_pairs", "fused_events", "fused_event_sources", "fused_event_dates",
                 "event_fusion_keys")


def fuse_anew(db: Path, copy: Path) -> float:
    """Seconds to fuse a copy of the store with everything fusion made emptied: the fusion a
    one-run ingest of it ends with."""
    shutil.copy(db, copy)
    _, _, out = run_measured([sys.executable, "-c", FUSE_ANEW, str(copy), *FUSION_TABLES])
    copy.unlink()
    return float(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT)
    parser.add_argument("--sample", type=int, default=300, help="articles in the side-by-side runs")
    parser.add_argument("--sample-only", action="store_true", help="skip the whole-corpus runs")
    parser.add_argument("--keep", action="store_true", help="keep the files and databases written")
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="dateline-throughput-"))
    if options.keep:
        print(f"work folder                     {work}")
    try:
        base = work / "corpus"
        files = write_corpus(options.root, base)
        print(f"Timeline17                      {len(files)} files written as dated text files")
        measure_sample(files, base, work, options.sample)
        if not options.sample_only:
            measure_full(files, base, work)
    finally:
        if not options.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
