"""Stages depend one way: store <- fuse <- query <- cli; the per-article stages stay below."""
import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "dateline"
FORBIDDEN = {
    # Reading inputs needs no analysis nor anything after it (month names: dateline.months).
    "ingest": {"dateline.analyze", "dateline.store", "dateline.fuse", "dateline.query",
               "dateline.cli", "dateline.pipeline", "dateline.web", "dateline.export"},
    "store": {"dateline.fuse", "dateline.query", "dateline.cli", "dateline.pipeline"},
    "fuse": {"dateline.query", "dateline.cli", "dateline.pipeline", "dateline.analyze",
             "dateline.ingest"},
    "query": {"dateline.analyze", "dateline.ingest", "dateline.cli", "dateline.pipeline",
              "dateline.web", "dateline.export"},
    # Interfaces stand on query; none reaches back into analysis or another interface's CLI.
    "web": {"dateline.analyze", "dateline.ingest", "dateline.cli", "dateline.pipeline",
            "dateline.fuse", "dateline.store", "dateline.export"},
    "export": {"dateline.analyze", "dateline.ingest", "dateline.cli", "dateline.pipeline",
               "dateline.fuse", "dateline.store", "dateline.web"},
}


def imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module)
        elif isinstance(node, ast.Import):
            modules |= {alias.name for alias in node.names}
    return modules


@pytest.mark.parametrize("stage", sorted(FORBIDDEN))
def test_store_layers_stage_imports_only_earlier_stages(stage):
    for path in (PACKAGE / stage).glob("*.py"):
        bad = {m for m in imported_modules(path)
               if any(m == f or m.startswith(f + ".") for f in FORBIDDEN[stage])}
        assert not bad, f"{path.name} imports {bad}"


def test_store_layers_pipeline_loads_analysis_lazily():
    # Importing the pipeline (and so the CLI) must not load spaCy or the ingest readers.
    top_level = {m for node in ast.parse((PACKAGE / "pipeline.py").read_text()).body
                 if isinstance(node, (ast.Import, ast.ImportFrom))
                 for m in ([node.module] if isinstance(node, ast.ImportFrom) else
                           [a.name for a in node.names])}
    assert not {m for m in top_level if m.startswith(("dateline.analyze", "dateline.ingest"))}
