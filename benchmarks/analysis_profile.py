"""Where per-article analysis spends its time, over a Timeline17 sample: each spaCy component and
each stage of our own rules.

    .venv/bin/python benchmarks/analysis_profile.py [--root DIR] [--sample N] [--functions K]

The articles are the sample `benchmarks/throughput.py` takes (every k-th file of the corpus written
as dated text files, read by Dateline's reader), analyzed in chunks of the ingest's CHUNK_SIZE, as
one worker does. Printed, in seconds and as shares of the whole:
- start-up: the knowledge, the pipeline and the analysis components, built once per worker;
- the parse: the tokenizer and each component of the pipeline, run one after another over each
  chunk exactly as `nlp.pipe` runs them;
- our rules: each stage `analyze_doc` calls (times, actors, events, quotes...), timed by wrapping
  the functions and components it calls, so the analysis runs unchanged; what no stage holds is "other";
- with --functions K, the K functions of our own code with the most time of their own (cProfile,
  over the rules only: the profiler slows them, so read its figures as shares).
Times are CPU seconds of this process.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import ROOT, reader_articles, sample_files, write_corpus  # noqa: E402  the sibling script

# The functions an ArticleAnalyzer calls for each stage, and the components whose calls it makes,
# by their names in dateline.analyze.article, with the stage each is.
STAGES = {"clause_direction": "tense of clauses", "find_times": "times", "ActorFinder": "actors",
          "EventFinder": "events", "find_quotes": "quotes", "CollectiveNamer": "collectives",
          "_with_event_actors": "event actors", "_by_collectives": "events of collectives"}


class Clock:
    """CPU seconds of this process summed by name: the machine may be shared, and wall time would
    count the others' work too."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    def wrap(self, name: str, fn):
        def timed(*args, **kwargs):
            start = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds[name] += time.process_time() - start
        return timed


def sample_articles(root: Path, size: int, work: Path) -> list:
    return reader_articles(sample_files(write_corpus(root, work), size))


def parse_chunk(nlp, texts: list[str], clock: Clock) -> list:
    """The docs of one chunk, each component timed over the chunk, as `nlp.pipe` chains them."""
    start = time.process_time()
    docs = [nlp.make_doc(text) for text in texts]
    clock.seconds["tokenizer"] += time.process_time() - start
    for name, component in nlp.pipeline:
        start = time.process_time()
        docs = list(component.pipe(docs)) if hasattr(component, "pipe") else [component(doc) for doc in docs]
        clock.seconds[name] += time.process_time() - start
    return docs


def profile(articles: list, functions: int) -> None:
    from dateline.analyze import article as analysis
    from dateline.knowledge import load_knowledge
    from dateline.pipeline import CHUNK_SIZE

    startup, parse, rules = Clock(), Clock(), Clock()
    kb = startup.wrap("knowledge", load_knowledge)()
    analyzer = startup.wrap("analyzer (pipeline and components)", analysis.ArticleAnalyzer)(kb)
    nlp = analyzer.nlp
    for name, stage in STAGES.items():
        if isinstance(getattr(analysis, name, None), type):  # a component: time its calls
            component = getattr(analysis, name)
            setattr(component, "__call__", rules.wrap(f"{stage} ({name})", component.__call__))
        elif hasattr(analysis, name):
            setattr(analysis, name, rules.wrap(f"{stage} ({name})", getattr(analysis, name)))
    profiler = cProfile.Profile()
    for first in range(0, len(articles), CHUNK_SIZE):
        chunk = articles[first:first + CHUNK_SIZE]
        docs = parse_chunk(nlp, [article.text for article in chunk], parse)
        for doc, article in zip(docs, chunk):
            if functions:
                profiler.enable()
            rules.wrap("analyze_doc", analyzer)(doc, article)
            profiler.disable()
    whole = rules.seconds.pop("analyze_doc")
    rules.seconds["other"] = whole - sum(rules.seconds.values())
    total = sum(parse.seconds.values()) + whole
    print(f"{len(articles)} articles, {sum(len(a.text) for a in articles) / 1e6:.2f} M characters, "
          f"{total:.1f} s parse and rules ({len(articles) / total:.2f} articles/s)")
    report("start-up (once)", startup.seconds, None)
    report("parse", parse.seconds, total)
    report("rules", rules.seconds, total)
    if functions:
        print("\nour functions with the most time of their own (cProfile, rules only)")
        stats = pstats.Stats(profiler)
        stats.sort_stats("tottime")
        own = [(key, value) for key, value in stats.stats.items() if "/dateline/" in key[0]]
        hottest = sorted(own, key=lambda kv: -kv[1][2])[:functions]
        for (path, line, name), (_, calls, tottime, cumtime, _) in hottest:
            print(f"  {tottime:7.2f} s own {cumtime:7.2f} s cum {calls:9d} calls  "
                  f"{Path(path).name}:{line} {name}")


def report(title: str, seconds: dict[str, float], total: float | None) -> None:
    print(f"\n{title}: {sum(seconds.values()):.2f} s"
          + (f" ({sum(seconds.values()) / total:.1%})" if total else ""))
    for name, spent in sorted(seconds.items(), key=lambda kv: -kv[1]):
        share = f"{spent / total:7.1%}" if total else ""
        print(f"  {name:40s} {spent:8.2f} s {share}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT)
    parser.add_argument("--sample", type=int, default=150, help="articles to analyze")
    parser.add_argument("--functions", type=int, default=0, help="list this many of our hottest functions")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dateline-profile-") as work:
        articles = sample_articles(options.root, options.sample, Path(work))
    profile(articles, options.functions)


if __name__ == "__main__":
    main()
