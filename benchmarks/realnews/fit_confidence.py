"""Fit the weights of event confidence (src/dateline/data/evidence_weights.json) on the
real-news annotations, and compare them with the weights shipped, on held-out collections.

    .venv/bin/python benchmarks/realnews_gold.py --features /tmp/features.jsonl
    .venv/bin/python benchmarks/realnews/fit_confidence.py /tmp/features.jsonl [--write]

A logistic regression (L2-penalized, fitted by Newton's method with numpy) over the evidence
names of each per-article event, labelled by whether the event reports a gold happening. Each
collection is held out in turn (fit on the other two, score on it), so the figures are for
articles the weights never saw; beside them, the hand-set weights we started from
(HAND_WEIGHTS) and the weights shipped (fitted on all three, so not held out). `--write` stores
the weights fitted on all three.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
from dateline.evidence import EVIDENCE  # noqa: E402
from dateline.model import PLOVER_TYPES  # noqa: E402

NAMES = (*EVIDENCE, *(f"type:{kind}" for kind in PLOVER_TYPES))

WEIGHTS = ROOT / "src" / "dateline" / "data" / "evidence_weights.json"
# The weights set by hand before any annotation existed, kept to show what fitting gained.
HAND_WEIGHTS = {
    "intercept": -1.5, "doer": 1.2, "target": 0.6, "political-doer": 0.8, "person-doer": 0.2,
    "main-clause": 0.6, "reported": -0.2, "quoted": -0.8, "hedged": -1.5, "question": -1.5, "verb": 0.3,
    "date-text": 0.5, "date-inherited": 0.2, "undated": -0.2, "occurred": 0.5, "planned": -2.0,
    "denied": -2.5, "conditional": -2.0,
}
PENALTY = 1.0  # L2 on every weight but the intercept: keeps rare evidence from swinging far


def load(path: Path) -> tuple[np.ndarray, np.ndarray, list[str]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    x = np.array([[1.0] + [name in row["evidence"] for name in NAMES] for row in rows])
    y = np.array([row["right"] for row in rows], dtype=float)
    return x, y, [row["article"].split("/")[0] for row in rows]


def fit(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    w = np.zeros(x.shape[1])
    ridge = np.eye(x.shape[1]) * PENALTY
    ridge[0, 0] = 0
    for _ in range(50):
        p = 1 / (1 + np.exp(-x @ w))
        gradient = x.T @ (p - y) + ridge @ w
        hessian = x.T @ (x * (p * (1 - p))[:, None]) + ridge
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def as_vector(table: dict[str, float]) -> np.ndarray:
    return np.array([table["intercept"]] + [table.get(name, 0.0) for name in NAMES])


def shipped() -> np.ndarray:
    return as_vector(json.loads(WEIGHTS.read_text(encoding="utf-8"))["weights"])


def figures(w: np.ndarray, x: np.ndarray, y: np.ndarray) -> str:
    p = 1 / (1 + np.exp(-x @ w))
    order = np.argsort(-p)
    ranks = np.empty(len(p))
    ranks[order] = np.arange(len(p))
    positives = y.sum()
    auc = ((ranks[y == 0][:, None] > ranks[y == 1][None, :]).sum() / (positives * (len(y) - positives))
           if 0 < positives < len(y) else float("nan"))
    parts = [f"AUC {auc:.3f}"]
    for threshold in (0.3, 0.4, 0.5, 0.6, 0.7):
        shown = p >= threshold
        precision = y[shown].mean() if shown.any() else 0.0
        parts.append(f"@{threshold}: P {precision:.2f} kept {shown.mean():.2f}")
    return "  ".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("features", type=Path)
    parser.add_argument("--write", action="store_true", help="store the weights fitted on every collection")
    args = parser.parse_args()
    x, y, groups = load(args.features)
    print(f"{len(y)} events, {int(y.sum())} right")
    for held in sorted(set(groups)):
        test = np.array([g == held for g in groups])
        print(f"held out {held:<22} fitted  {figures(fit(x[~test], y[~test]), x[test], y[test])}")
        print(f"{'':<31} hand    {figures(as_vector(HAND_WEIGHTS), x[test], y[test])}")
        print(f"{'':<31} shipped {figures(shipped(), x[test], y[test])} (not held out)")
    w = fit(x, y)
    print("weights:", {name: round(v, 2) for name, v in zip(("intercept", *NAMES), w)})
    if args.write:
        table = json.loads(WEIGHTS.read_text(encoding="utf-8"))
        table["weights"] = {name: round(float(v), 3) for name, v in zip(("intercept", *NAMES), w)}
        WEIGHTS.write_text(json.dumps(table, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
