"""Score event fusion against the sample corpus's gold happenings (examples/corpus/gold.json).

    .venv/bin/python benchmarks/fusion_gold.py [--db FILE] [--errors]

A gold event is one happening with the sentences that report it (its mentions). A fused event
*reports* a gold event when it cites one of those sentences and has its PLOVER type. Fused and
gold events are paired one to one, most shared sentences first.

Fusion figures (the goal), over what extraction found, for every fused event and for the default
view (the events at or above the default confidence) beside:
- event precision: of the fused events that report some gold event, the share paired with one.
  A second fused event for an already-paired happening is a fusion error (the happening split).
- event recall: of the gold events extraction coded at least once, the share paired with a fused
  event whose sources cover more than half of the gold sentences extraction found for it.
  A gold event whose reports land in several fused events counts once, for the largest.
- source precision: of the sources of the paired fused events, the share that are gold sentences
  of their own gold event (a source from another happening, or an unannotated sentence, is wrong).
- source recall: of the gold sentences extraction coded for the paired gold events, the share
  cited by their paired fused event.

End-to-end figures (printed beside, the bar for extraction rather than fusion): the same recall
over every gold event and every gold sentence, and the share of all fused events that report a
gold event at all.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

from dateline import Database, ingest

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"


def squash(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def gold_key(mention: dict) -> tuple[str, str]:
    where = mention["file"] + (f"#{mention['record']}" if mention.get("record") else "")
    return where, squash(mention["sentence"])


def source_key(source) -> tuple[str, str]:
    return Path(source.source).name, squash(source.sentence)


def pair_events(gold_events: list[dict], fused: list) -> dict[str, tuple[object, set, set]]:
    """Gold id -> (fused event, the gold sentences it cites, the gold sentences coded anywhere)."""
    coded = {key for event in fused for key in map(source_key, event.sources)}
    overlaps = []
    for item in gold_events:
        wanted = {gold_key(m) for m in item["mentions"]}
        for event in fused:
            if event.type != item["type"]:
                continue
            shared = wanted & set(map(source_key, event.sources))
            if shared:
                overlaps.append((len(shared), item["id"], event.id, event, shared, wanted & coded))
    pairs: dict[str, tuple[object, set, set]] = {}
    used: set[str] = set()
    for _, gold_id, fused_id, event, shared, found in sorted(overlaps, key=lambda o: (-o[0], o[1], o[2])):
        if gold_id not in pairs and fused_id not in used:
            pairs[gold_id] = (event, shared, found)
            used.add(fused_id)
    return pairs


def score(gold: dict, fused: list, errors: bool = False) -> dict[str, object]:
    events = gold["events"]
    by_id = {item["id"]: item for item in events}
    gold_types = {}
    for item in events:
        for mention in item["mentions"]:
            gold_types.setdefault(gold_key(mention), set()).add(item["type"])
    reporting = [e for e in fused if any(e.type in gold_types.get(source_key(s), ()) for s in e.sources)]
    pairs = pair_events(events, fused)
    coded_gold = [item for item in events
                  if any(e.type == item["type"] and gold_key(m) in set(map(source_key, e.sources))
                         for m in item["mentions"] for e in reporting)]
    whole = {gold_id for gold_id, (_, shared, found) in pairs.items() if len(shared) * 2 > len(found)}
    right_sources = total_sources = 0
    for gold_id, (event, _, _) in pairs.items():
        wanted = {gold_key(m) for m in by_id[gold_id]["mentions"]}
        keys = [source_key(s) for s in event.sources]
        total_sources += len(keys)
        right_sources += sum(key in wanted for key in keys)
    found_sentences = sum(len(found) for _, _, found in pairs.values())
    cited_sentences = sum(len(shared) for _, shared, _ in pairs.values())
    all_sentences = sum(len({gold_key(m) for m in item["mentions"]}) for item in events)
    if errors:
        _print_errors(events, reporting, pairs, whole)
    return {
        "gold events": len(events),
        "fused events": len(fused),
        "fused events reporting a gold event": len(reporting),
        "gold events coded at least once": len(coded_gold),
        "event precision": _ratio(len(pairs), len(reporting)),
        "event recall": _ratio(len(whole), len(coded_gold)),
        "source precision": _ratio(right_sources, total_sources),
        "source recall": _ratio(cited_sentences, found_sentences),
        "end to end: event recall": _ratio(len(whole), len(events)),
        "end to end: source recall": _ratio(cited_sentences, all_sentences),
        "end to end: fused events reporting gold": _ratio(len(reporting), len(fused)),
    }


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.3f} ({part}/{whole})" if whole else "n/a"


def _print_errors(events: list[dict], reporting: list, pairs: dict, whole: set) -> None:
    paired = {event.id for event, _, _ in pairs.values()}
    for event in reporting:
        if event.id not in paired:
            print(f"UNPAIRED {event.type} {event.date} {event.summary}")
            for source in event.sources:
                print(f"    {source_key(source)[0]}: {source.sentence[:110]}")
    counts = Counter()
    for item in events:
        if item["id"] in pairs and item["id"] not in whole:
            counts[item["id"]] += 1
            event, shared, found = pairs[item["id"]]
            print(f"SPLIT {item['id']}: {len(shared)} of {len(found)} coded sentences in one event")
    for gold_id, (event, _, _) in pairs.items():
        wanted = {gold_key(m) for m in next(i for i in events if i["id"] == gold_id)["mentions"]}
        for source in event.sources:
            if source_key(source) not in wanted:
                print(f"EXTRA SOURCE in {gold_id}: {source_key(source)[0]}: {source.sentence[:100]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="an existing database of the corpus (default: ingest into a temporary one)")
    parser.add_argument("--errors", action="store_true", help="list unpaired events, split happenings, wrong sources")
    args = parser.parse_args(argv)
    gold = json.loads((CORPUS / "gold.json").read_text("utf-8"))
    with tempfile.TemporaryDirectory() as scratch:
        path = args.db or str(Path(scratch) / "fusion.duckdb")
        if not args.db:
            ingest([CORPUS], db=path)
        with Database(path) as db:
            # Fusion is scored over every event it fused; the default view's figures beside.
            every = score(gold, db.events(min_confidence=0), errors=args.errors)
            shown = score(gold, db.events())
    print(f"{'':42} {'all events':>16} {'default view':>16}")
    for name, value in every.items():
        print(f"{name:42} {value!s:>16} {shown[name]!s:>16}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
