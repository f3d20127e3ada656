"""Undoing the tokenization of research corpora (Penn Treebank style, as in Timeline17 and many
news data sets): `` '' for quotes, -LRB- -RRB- for brackets, spaces before punctuation and
before clitics. A parser trained on running text reads "Assad 's decision -LRB- Friday -RRB- ,"
badly; once restored, quotes are found and names are whole again.
"""
from __future__ import annotations

import re

# Evidence of tokenized text, counted over the whole article: bracket and quote tokens never
# occur in written prose, and a space before a comma or a clitic is rare there.
_TOKEN_MARKS = re.compile(r"-[LR][RSC]B-|``|''| , | 's\b| n't\b| \.$", re.MULTILINE)
# Written prose has at most a stray " , " or two; tokenized text has one every sentence or so.
MIN_MARKS = 3
MIN_MARKS_PER_LINE = 0.5

_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
_RULES = [
    (re.compile(r"-[LR][RSC]B-"), lambda m: _BRACKETS[m.group(0)]),
    (re.compile(r"\\/"), lambda m: "/"),  # Reuters' escaped slash: "Reuters\/Syrian TV"
    (re.compile(r"``\s*"), lambda m: '"'),
    (re.compile(r"(^|(?<=\s))`\s*"), lambda m: "'"),  # a single opening quote: "` the king '"
    (re.compile(r"\s*''"), lambda m: '"'),
    (re.compile(r"([(\[{$])\s+"), lambda m: m.group(1)),
    (re.compile(r"\s+([)\]}])"), lambda m: m.group(1)),
    (re.compile(r"\s+([,;:!?%]|\.(?!\.))"), lambda m: m.group(1)),
    (re.compile(r"(\w)\s+('(?:s|re|ve|ll|d|m)|n't)\b", re.IGNORECASE), lambda m: m.group(1) + m.group(2)),
    (re.compile(r"(\w)\s+'(?=\s)"), lambda m: m.group(1) + "'"),  # "protesters ' demands"
]


def is_tokenized(text: str) -> bool:
    """True when the text carries the marks of a tokenized corpus, densely enough to be one."""
    marks = len(_TOKEN_MARKS.findall(text))
    lines = sum(1 for line in text.split("\n") if line.strip())
    return marks >= MIN_MARKS and marks >= MIN_MARKS_PER_LINE * lines


def detokenize(text: str) -> str:
    """The text as written, when it is tokenized; otherwise the text unchanged."""
    if not is_tokenized(text):
        return text
    lines = []
    for line in text.split("\n"):
        for pattern, replace in _RULES:
            line = pattern.sub(replace, line)
        lines.append(line)
    return "\n".join(lines)
