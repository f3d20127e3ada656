from __future__ import annotations

from dateline.knowledge import normalize


def test_names_normalize_ignores_case_periods_articles_and_possessives():
    assert normalize("The U.S.") == "u s"
    assert normalize("U S") == normalize("U.S.")
    assert normalize("India's") == "india"


def _edit_distance(first: str, second: str) -> int:
    previous = list(range(len(second) + 1))
    for i, letter in enumerate(first, start=1):
        current = [i]
        for j, other in enumerate(second, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (letter != other)))
        previous = current
    return previous[-1]


def test_names_one_edit_apart_is_an_edit_distance_of_at_most_one():
    from itertools import product

    from dateline.knowledge.names import _one_edit_apart

    words = ["".join(letters) for size in range(5) for letters in product("aab", repeat=size)]
    words += ["mitterrand", "mitterand", "mittérrand", "lavrov", "lavrova", "alavrov", "lavorv"]
    for first, second in product(words, repeat=2):
        assert _one_edit_apart(first, second) == (_edit_distance(first, second) <= 1), (first, second)
