"""Names as keys: the lookup key of a name, its slug, and the matching of names written differently.

Two spellings of one name meet when their words are one word (`same_name_word`: equal, transliteration
variants, or a letter apart); `surname_key` and `name_word_keys` are the index keys that let a name
find the names it may match without comparing it with every other. The knowledge's lookups and
fusion's joining of actors read names through these, so both agree on what one name is.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# The name keys below are pure functions of their string, asked for the same few names again and
# again (every short name of an article is read against every full name in it): each remembers
# its answers. The bound only caps memory; it changes no answer.
NAME_MEMO = 1 << 16


@lru_cache(maxsize=NAME_MEMO)
def normalize(text: str) -> str:
    """The lookup key: case, periods, spacing, a leading "the" and a trailing "'s" do not matter."""
    key = unicodedata.normalize("NFKC", text).replace("\u2019", "'").lower()
    key = re.sub(r"'s$", "", key.replace(".", " ").strip())
    key = " ".join(key.split())
    return key[4:] if key.startswith("the ") else key


def slugify(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")

# Spellings that transliterations of one name vary between: Haneef/Hanif, Sergey/Sergei, Qaddafi/Kadafi.
TRANSLITERATION_FOLDS = (("ee", "i"), ("oo", "u"), ("ou", "u"), ("ph", "f"), ("kh", "k"), ("q", "k"),
                         ("y", "i"), ("dh", "d"), ("th", "t"), ("sch", "sh"), ("w", "v"))


@lru_cache(maxsize=65536)  # names are compared with every known person's: their words repeat
def _skeleton(word: str) -> str:
    for written, folded in TRANSLITERATION_FOLDS:
        word = word.replace(written, folded)
    return re.sub(r"(.)\1+", r"\1", word)  # doubled letters: Mitterrand/Mitterand


# Arabic articles written apart or joined: "Omar El Bashir", "Omar al-Bashir".
NAME_ARTICLES = ("al", "el", "ad", "ash", "as", "an", "ar", "at", "az", "ul")


@lru_cache(maxsize=NAME_MEMO)
def surname_key(word: str) -> str:
    """The key two spellings of one surname share: "Gadhafi" and "Gaddafi", "al-Assad" and "Assad"."""
    words = name_parts(word)
    return _skeleton(words[-1]) if words else ""


def name_parts(name: str) -> list[str]:
    return list(_name_parts(name))  # a list of its own: callers may change theirs


@lru_cache(maxsize=NAME_MEMO)
def _name_parts(name: str) -> tuple[str, ...]:
    words = normalize(name).replace("-", " ").split()
    return tuple(word for word in words if word not in NAME_ARTICLES)


def same_name_word(known: str, written: str) -> bool:
    """Whether two words of names are one: equal, transliteration variants ("Haneef", "Hanif";
    "Sergei", "Sergey"), or one letter added, dropped or changed in a word of five letters or more."""
    if known == written or len(known) >= 4 and _skeleton(known) == _skeleton(written):
        return True
    if min(len(known), len(written)) < 5 or abs(len(known) - len(written)) > 1:
        return False
    return _one_edit_apart(known, written)


def name_word_keys(word: str) -> set[str]:
    """Keys that two words share whenever `same_name_word` holds for them: the word, its
    transliteration skeleton, and for a word of five letters or more (the only ones a letter
    apart can be one), the word with each letter left out in turn (one letter added, dropped or
    changed leaves a common word). An index over these finds the words a name word may match
    without comparing it with every other."""
    keys = {word, _skeleton(word)}
    if len(word) >= 5:
        keys |= {word[:i] + word[i + 1:] for i in range(len(word))}
    return keys


def _one_edit_apart(first: str, second: str) -> bool:
    """Whether one letter changed, added or dropped turns one word into the other (an edit
    distance of at most 1), read in one pass: a full edit-distance table cost a third of the
    actor step, for every known person of the same initial."""
    shorter, longer = sorted((first, second), key=len)
    if len(shorter) == len(longer):
        return sum(a != b for a, b in zip(shorter, longer)) <= 1
    if len(longer) - len(shorter) > 1:
        return False
    # The longer word's extra letter sits at the first place they differ (or at its end).
    cut = next((i for i, (a, b) in enumerate(zip(shorter, longer)) if a != b), len(shorter))
    return shorter[cut:] == longer[cut + 1:]
