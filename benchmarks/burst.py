"""A burst of near-identical reports against as many distinct articles: time and peak memory.

    .venv/bin/python benchmarks/burst.py [--sizes 500,1000,5000] [--workers 1]

Wire alerts and syndicated copies arrive in bursts: hundreds of outlets print one agency story with
their own name on it. For each size N, two corpora of N small text files are written, and each is
ingested by `dateline ingest` in a fresh process into a new database, side by side in this run:

- burst: N reports of one happening (one agency text, each copy with its own outlet, byline and
  copy number), so fusion sees one event reported N times and N - 1 near-duplicates;
- distinct: N articles of N different happenings (a different pair of countries or act, a
  different day and place; up to 9,360 articles, no two near-duplicates).

Printed per size: wall time and the peak resident memory of the ingest process (analysis runs in
it with --workers 1, so the spaCy pipeline is counted), and the burst's ratio to distinct. Goals
(issue 21): the burst under 1 GiB at every size, and within 2x the time of distinct.
"""
from __future__ import annotations

import argparse
import itertools
import json
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

BIN = Path(sys.executable).parent
GIB = 1024 ** 3

# The ingest as a child that reports its own peak memory: ru_maxrss of the process itself.
RUN_INGEST = """
import json, resource, sys, time
from dateline.pipeline import ingest
started = time.perf_counter()
report = ingest([sys.argv[1]], db=sys.argv[2], workers=int(sys.argv[3]))
print(json.dumps({"seconds": time.perf_counter() - started, "ingested": report.ingested,
                  "skipped": len(report.skipped), "events": report.events,
                  "peak_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""

OUTLETS = ("Daily", "Herald", "Courier", "Gazette", "Tribune", "Observer", "Post", "Chronicle")
TOWNS = ("Alder", "Birch", "Cedar", "Dover", "Elm", "Fern", "Glen", "Hazel", "Iris", "Juniper")
COUNTRIES = ("India", "Nepal", "Pakistan", "Bangladesh", "Bhutan", "China", "Japan", "Iran",
             "Iraq", "Turkey", "Egypt", "Kenya", "Nigeria", "Ghana", "Brazil", "Chile", "Peru",
             "Mexico", "Canada", "France", "Germany", "Italy", "Spain", "Poland", "Sweden",
             "Norway", "Russia", "Ukraine", "Qatar", "Oman", "Jordan", "Syria", "Israel",
             "Lebanon", "Tunisia", "Morocco", "Algeria", "Libya", "Sudan", "Ethiopia")
CAPITALS = ("New Delhi", "Kathmandu", "Islamabad", "Dhaka", "Thimphu", "Beijing", "Tokyo",
            "Tehran", "Baghdad", "Ankara", "Cairo", "Nairobi", "Abuja", "Accra", "Brasilia",
            "Santiago", "Lima", "Mexico City", "Ottawa", "Paris", "Berlin", "Rome", "Madrid",
            "Warsaw", "Stockholm", "Oslo", "Moscow", "Kyiv", "Doha", "Muscat", "Amman",
            "Damascus", "Jerusalem", "Beirut", "Tunis", "Rabat", "Algiers", "Tripoli",
            "Khartoum", "Addis Ababa")
ACTS = (
    "{a} and {b} signed a trade agreement in {place} on {day}, officials said.",
    "{a} accused {b} of violating the border accord on {day}.",
    "{a} sent food aid to {b} on {day}, the foreign ministry said.",
    "Protesters marched on the {b} embassy in {place} on {day} to denounce its policy.",
    "{a} imposed sanctions on {b} on {day} over the detention of its diplomats.",
    "The foreign ministers of {a} and {b} met in {place} on {day} to discuss water sharing.",
)
BURST_TEXT = ("India and Nepal signed a trade agreement in Kathmandu on Tuesday, officials said. "
              "The accord cuts tariffs on farm goods and opens two new border crossings.")


def burst_article(i: int) -> str:
    outlet = f"{OUTLETS[i % len(OUTLETS)]} {TOWNS[i // len(OUTLETS) % len(TOWNS)]} {i}"
    return (f" date 2021-07-14 :\nIndia, Nepal sign trade pact | {outlet}\n\n{BURST_TEXT}\n\n"
            f"Reported for the {outlet} by desk {i}.\n")


FOLLOW_UPS = (
    "Officials in {town} expect a reply within {n} days.",
    "The statement, number {n}, was read out in {town}.",
    "Markets in {town} barely moved; {n} traders were asked.",
    "A spokesman in {town} declined to comment on case {n}.",
    "Witnesses in {town} counted {n} vehicles near the site.",
)
# Every (pair of countries, act) once: 1,560 ordered pairs times 6 acts, in a scattered order.
COMBINATIONS = [(pair, act) for act in range(len(ACTS))
                for pair in itertools.permutations(range(len(COUNTRIES)), 2)]


def distinct_article(i: int) -> str:
    (a, b), act = COMBINATIONS[(i * 7919) % len(COMBINATIONS)]  # 7919 is prime to the count
    day = date(2000, 1, 1) + timedelta(days=3 * i)
    sentence = ACTS[act].format(a=COUNTRIES[a], b=COUNTRIES[b], place=CAPITALS[a],
                                day=f"{day:%B} {day.day}, {day.year}")
    follow_up = FOLLOW_UPS[i % len(FOLLOW_UPS)].format(town=TOWNS[i % len(TOWNS)], n=i)
    return (f" date {day.isoformat()} :\n{COUNTRIES[a]} and {COUNTRIES[b]}: report {i}\n\n"
            f"{sentence}\n{follow_up}\n")


def write_corpus(folder: Path, size: int, article) -> Path:
    folder.mkdir(parents=True)
    for i in range(size):
        (folder / f"{i:05d}.txt").write_text(article(i), encoding="utf-8")
    return folder


def measure(corpus: Path, db: Path, workers: int) -> dict:
    done = subprocess.run([str(BIN / "python"), "-c", RUN_INGEST, str(corpus), str(db), str(workers)],
                          check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="500,1000,5000")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    print(f"{'N':>6} {'corpus':>9} {'seconds':>8} {'peak GiB':>9} {'events':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            results = {}
            for name, article in (("burst", burst_article), ("distinct", distinct_article)):
                corpus = write_corpus(Path(tmp) / f"{name}-{size}", size, article)
                result = measure(corpus, Path(tmp) / f"{name}-{size}.duckdb", args.workers)
                results[name] = result
                print(f"{size:>6} {name:>9} {result['seconds']:>8.1f} "
                      f"{result['peak_kib'] * 1024 / GIB:>9.2f} {result['events']:>7}", flush=True)
            burst, distinct = results["burst"], results["distinct"]
            print(f"{size:>6} {'ratio':>9} {burst['seconds'] / distinct['seconds']:>8.2f} "
                  f"{burst['peak_kib'] / distinct['peak_kib']:>9.2f}   (burst / distinct; goal: "
                  f"time <= 2, burst peak < 1 GiB)", flush=True)


if __name__ == "__main__":
    main()
