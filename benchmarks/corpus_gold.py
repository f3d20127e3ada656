"""Score Dateline against the sample corpus's gold annotation (examples/corpus/gold.json).

    .venv/bin/python benchmarks/corpus_gold.py [--db FILE]

Prints, for events in the default view and over all events: mention recall (a gold event sentence yields a coded event of the gold type),
fused precision (a fused event shares a sentence and type with some gold event), fusion (a gold
event reported more than once lands in one fused event), and, over matched events, the share
with the gold date and the gold actors; for dates, the share of gold time expressions found with
the gold value; for quotes, the share found with the gold speaker.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

from dateline import Database, ingest
from dateline.analyze.timex import find_times

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"


def squash(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def source_key(path: str) -> str:
    return Path(path).name


def gold_key(mention: dict) -> str:
    return mention["file"] + (f"#{mention['record']}" if mention.get("record") else "")


def event_index(events):
    """(source file, squashed sentence) -> fused events citing it."""
    index: dict[tuple[str, str], list] = {}
    for event in events:
        for source in event.sources:
            index.setdefault((source_key(source.source), squash(source.sentence)), []).append(event)
    return index


def actor_names(event) -> set[str]:
    names = set()
    for actor in (event.source_actor, event.target_actor):
        if actor is not None:
            names.add(actor.name.lower())
            names.update(a.lower() for a in actor.aliases)
    return names


def score_events(gold: dict, db: Database, min_confidence: float | None = None) -> dict:
    events = db.events(min_confidence=min_confidence)
    index = event_index(events)
    found_mentions = total_mentions = 0
    matched_fused: set[str] = set()
    fused_whole = multi = 0
    date_right = actor_right = matched = 0
    for item in gold["events"]:
        hits = []
        for mention in item["mentions"]:
            total_mentions += 1
            candidates = [e for e in index.get((gold_key(mention), squash(mention["sentence"])), []) if e.type == item["type"]]
            if candidates:
                found_mentions += 1
                hits.append(candidates)
        if not hits:
            continue
        matched += 1
        first = hits[0][0]
        matched_fused.update(e.id for group in hits for e in group)
        if len(item["mentions"]) > 1:
            multi += 1
            common = set.intersection(*[{e.id for e in group} for group in hits])
            fused_whole += bool(common) and len(hits) == len(item["mentions"])
        date_right += str(first.date) == str(item["date"]) if item["date"] else first.date is None
        wanted = {n.lower() for n in (item.get("source"), item.get("target")) if n}
        actor_right += wanted <= actor_names(first)
    return {
        "gold events": len(gold["events"]),
        "mention recall": round(found_mentions / max(total_mentions, 1), 3),
        "fused precision": round(len({e.id for e in events} & matched_fused) / max(len(events), 1), 3),
        "fused events": len(events),
        "multi-report events fused whole": f"{fused_whole}/{multi}",
        "date accuracy (matched)": round(date_right / max(matched, 1), 3),
        "actor accuracy (matched)": round(actor_right / max(matched, 1), 3),
    }


def article_texts(db: Database) -> dict[str, tuple[str, object]]:
    rows = db.connection.execute("select source, text, published from articles").fetchall()
    return {source_key(source): (text, published) for source, text, published in rows}


def score_dates(gold: dict, db: Database) -> dict:
    texts = article_texts(db)
    right = 0
    for item in gold["dates"]:
        text, published = texts.get(gold_key(item), ("", None))
        values = {r.text.lower(): r.value for r in find_times(text, published)}
        wanted = item["text"].lower()
        value = next((v for t, v in values.items() if t in wanted or wanted in t), None)
        right += value == item["value"]
    return {"gold dates": len(gold["dates"]), "date value accuracy": round(right / max(len(gold["dates"]), 1), 3)}


def score_quotes(gold: dict, db: Database) -> dict:
    quotes = db.quotes()
    actors = {a.id: a for a, _ in db.actors()}
    right = found = 0
    for item in gold["quotes"]:
        wanted = squash(item["text"])[:60]
        match = next((q for q in quotes if wanted[:40] in squash(q.text) or squash(q.text)[:40] in wanted), None)
        if match is None:
            continue
        found += 1
        speaker = actors.get(match.speaker)
        names = {speaker.name.lower(), *(a.lower() for a in speaker.aliases)} if speaker else set()
        right += item["speaker"].lower() in names
    total = max(len(gold["quotes"]), 1)
    return {"gold quotes": len(gold["quotes"]), "quotes found": round(found / total, 3),
            "quotes with the gold speaker": round(right / total, 3)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="an existing database of the corpus (default: ingest into a temporary one)")
    args = parser.parse_args(argv)
    gold = json.loads((CORPUS / "gold.json").read_text("utf-8"))
    with tempfile.TemporaryDirectory() as scratch:
        path = args.db or str(Path(scratch) / "gold.duckdb")
        if not args.db:
            ingest([CORPUS], db=path)
        with Database(path) as db:
            default, every = score_events(gold, db), score_events(gold, db, min_confidence=0)
            print(f"{'events':34} {'default view':>14} {'all events':>12}")
            for name, value in default.items():
                print(f"{name:34} {value!s:>14} {every[name]!s:>12}")
            for part in (score_dates(gold, db), score_quotes(gold, db)):
                for name, value in part.items():
                    print(f"{name:34} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
