"""Draw the real-news benchmark's articles: 20 from each of three Timeline17 collections.

    .venv/bin/python benchmarks/realnews/draw.py

An article is eligible when it is not empty and names its collection's topic; 20 are drawn
with a fixed seed from the sorted eligible paths, so the draw is the same on every machine.
"""
from __future__ import annotations

import random
from pathlib import Path

TIMELINE17 = Path(__file__).resolve().parents[3] / "shared" / "benchmarks" / "tls-timeline17"
COLLECTIONS = {"SyrianCrisis_reuters": "syria", "IraqWar_guardian": "iraq", "LibyaWar_cnn": "libya"}
PER_COLLECTION = 20
SEED = 22


def eligible(collection: str, topic: str) -> list[str]:
    paths = sorted((TIMELINE17 / collection / "InputDocs").glob("*/*.txt"))
    return [str(p.relative_to(TIMELINE17)) for p in paths
            if topic in p.read_text(encoding="utf-8", errors="replace").lower()]


def draw() -> list[str]:
    rng = random.Random(SEED)
    chosen = []
    for collection, topic in COLLECTIONS.items():
        chosen += sorted(rng.sample(eligible(collection, topic), PER_COLLECTION))
    return chosen


if __name__ == "__main__":
    for path in draw():
        print(path)
