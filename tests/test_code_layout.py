"""The shape of the code: stages depend one way, nothing imports in a circle, files and functions
stay small enough to read."""
from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "dateline"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 50

# What each part of the package may import besides itself: the flow is ingest -> analyze -> store
# -> fuse -> query -> interfaces, over shared records and the knowledge. A part missing here fails
# the test, so that a new one is placed on purpose.
BASE = frozenset({"model", "errors", "days", "months", "words", "evidence"})
MAY_IMPORT = {
    "model": frozenset(), "errors": frozenset(), "days": frozenset(), "words": frozenset(),
    "evidence": frozenset(), "months": frozenset(),
    "knowledge": BASE,
    "ingest": BASE,
    "executors": BASE,
    "analyze": BASE | {"knowledge"},
    # The store measures each sentence's wire opening as ingest recognizes it (ingest.wire).
    "store": BASE | {"ingest"},
    "fuse": BASE | {"store", "knowledge"},
    "query": BASE | {"store", "fuse"},
    # What the interfaces share to show records (labels, safe CSV cells) stands on query alone.
    "render": BASE | {"query"},
    "export": BASE | {"query", "knowledge", "render"},
    "web": BASE | {"query", "render"},
    "extract": BASE | {"analyze", "ingest", "knowledge"},
    "explain": BASE | {"analyze", "ingest", "knowledge", "query"},
    "corrections": BASE | {"store", "fuse", "query", "knowledge"},
    "pipeline": BASE | {"ingest", "analyze", "store", "fuse", "knowledge", "executors"},
    # Following sources: rounds of ingests of web addresses, each round kept in the store.
    "watch": BASE | {"pipeline", "ingest", "store"},
    # The interfaces on top: the CLI and the package's own front door may use every part.
    "cli": None,
    "__init__": None,
}
# Inside analysis, the components stand on the shared parsing modules and on each other one way.
ANALYZE_MAY_IMPORT = {
    "timex": frozenset({"nlp", "tense", "word_lists"}),
    "actors": frozenset({"nlp", "word_lists"}),
    "events": frozenset({"nlp", "tense", "timex", "actors", "word_lists"}),
}


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def source_files() -> tuple[Path, ...]:
    return tuple(sorted(PACKAGE.rglob("*.py")))


@cache
def tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


def imported(path: Path) -> set[str]:
    """The dateline modules a file imports, anywhere in it (lazy imports count too). Of `from
    package import name`, the module `package.name` when there is one, else the package."""
    modules = known_modules()
    found = set()
    for node in ast.walk(tree(path)):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("dateline"):
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                found.add(submodule if submodule in modules else node.module)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("dateline")}
    return found


def part_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


@cache
def known_modules() -> dict[str, Path]:
    return {module_name(path): path for path in source_files()}


def test_code_layout_every_part_is_placed():
    parts = {part_of(module_name(path)) for path in source_files()}
    assert parts <= set(MAY_IMPORT), f"place {parts - set(MAY_IMPORT)} in MAY_IMPORT"


@pytest.mark.parametrize("part", sorted(p for p, allowed in MAY_IMPORT.items() if allowed is not None))
def test_code_layout_part_imports_only_what_stands_below_it(part):
    modules = known_modules()
    for module, path in modules.items():
        if part_of(module) != part:
            continue
        reached = {part_of(name) for name in imported(path) if name in modules}
        bad = reached - MAY_IMPORT[part] - {part}
        assert not bad, f"{path.relative_to(SRC)} imports {sorted(bad)}"


@pytest.mark.parametrize("component", sorted(ANALYZE_MAY_IMPORT))
def test_code_layout_analysis_components_depend_one_way(component):
    modules = known_modules()
    siblings = {name.split(".")[2] for name in modules if name.startswith("dateline.analyze.")}
    for module, path in modules.items():
        if not module.startswith(f"dateline.analyze.{component}"):
            continue
        reached = {name.split(".")[2] for name in imported(path)
                   if name.startswith("dateline.analyze.") and name in modules}
        bad = reached & siblings - ANALYZE_MAY_IMPORT[component] - {component}
        assert not bad, f"{path.relative_to(SRC)} imports {sorted(bad)}"


def import_graph() -> dict[str, set[str]]:
    modules = known_modules()
    return {module: {name for name in imported(path) if name in modules and name != module}
            for module, path in modules.items()}


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm, iteratively)."""
    index, low, on_stack, stack, found = {}, {}, set(), [], []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(sorted(group))
    return found


def test_code_layout_finds_a_circle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert circles(graph) == [["a", "b", "c"]]


def test_code_layout_no_import_circle():
    assert circles(import_graph()) == []


def test_code_layout_modules_stay_short():
    long = {str(path.relative_to(SRC)): length for path in source_files()
            if (length := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert not long, f"over {MAX_MODULE_LINES} lines: {long}"


def test_code_layout_functions_stay_short():
    long = [f"{path.relative_to(SRC)}:{node.lineno} {node.name} ({node.end_lineno - node.lineno + 1})"
            for path in source_files() for node in ast.walk(tree(path))
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES]
    assert not long, f"functions over {MAX_FUNCTION_LINES} lines: {long}"


def test_code_layout_no_cache_keyed_by_identity():
    keyed = [f"{path.relative_to(SRC)}:{node.lineno}" for path in source_files()
             for node in ast.walk(tree(path))
             if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Call)
             and isinstance(node.slice.func, ast.Name) and node.slice.func.id == "id"]
    keyed += [f"{path.relative_to(SRC)}:{node.lineno}" for path in source_files()
              for node in ast.walk(tree(path))
              if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr in ("get", "setdefault") and node.args
              and isinstance(node.args[0], ast.Call) and isinstance(node.args[0].func, ast.Name)
              and node.args[0].func.id == "id"]
    assert not keyed, f"dicts keyed by object identity: {keyed}"


def test_code_layout_query_renders_nothing():
    for path in (PACKAGE / "query").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "rich" not in {name.split(".")[0] for name in _all_imports(path)}, path.name
        assert "<html" not in text, path.name


def _all_imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(tree(path)):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
    return names


def test_code_layout_pipeline_loads_analysis_lazily():
    # Importing the pipeline (and so the CLI) must not load spaCy or the ingest readers.
    top_level = {m for node in tree(PACKAGE / "pipeline.py").body
                 if isinstance(node, (ast.Import, ast.ImportFrom))
                 for m in ([node.module] if isinstance(node, ast.ImportFrom) else
                           [a.name for a in node.names])}
    assert not {m for m in top_level if m.startswith(("dateline.analyze", "dateline.ingest"))}


def test_code_layout_test_files_have_unique_names():
    # The test folders are not packages: pytest imports each file by its name alone, so two files
    # of one name in two folders would stop the whole run.
    names = [path.name for path in (SRC.parent / "tests").rglob("test_*.py") if "node_modules" not in path.parts]
    assert sorted({name for name in names if names.count(name) > 1}) == []
