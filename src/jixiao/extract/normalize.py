"""Clean source text for matching: OCR/LaTeX artefacts, full-width characters, stray spaces.

The cleaned text is used for matching and for the values reported; the original text is kept in
the provenance.  Chinese punctuation (，。；：（）) is kept as written: only the characters that
carry numbers and comparisons are folded to ASCII.
"""

from __future__ import annotations

import re

_FULLWIDTH = str.maketrans(
    "０１２３４５６７８９．％＋－＝＞＜～／",
    "0123456789.%+-=><~/",
)
_LATEX = [
    (re.compile(r"\\geq?|\\geqslant|\\ge\b"), "≥"),
    (re.compile(r"\\leq?|\\leqslant|\\le\b"), "≤"),
    (re.compile(r"\\%"), "%"),
    (re.compile(r"\\times"), "×"),
    (re.compile(r"\\sim"), "~"),
    (re.compile(r"\\(?:text|mathrm)\{([^{}]*)\}"), r"\1"),
]
_DOLLARS = re.compile(r"\$([^$\n]{0,80})\$")
_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_CJK_PUNCT = r"，。、；：！？（）《》“”‘’【】"
_SPACE_CJK = re.compile(rf"(?<=[{_CJK}{_CJK_PUNCT}])[ \u3000\u00a0]+|[ \u3000\u00a0]+(?=[{_CJK}{_CJK_PUNCT}])")
_SPACED_DIGITS = re.compile(r"(?<![\d.])\d(?: \d)+(?![\d.])")  # OCR: "1 0 0 %"
_SPACED_POINT = re.compile(r"(?<=\d\.) (?=\d)|(?<=\d) (?=\.\d)")
_PERMILLE = re.compile(r"(?<=\d)\s?%0")  # OCR reads ‰ as %0
_WIDE_THOUSANDS = re.compile(r"(?<=\d)，(?=\d{3}(?!\d))")
_SPLIT_NUMBER = re.compile(r"(?<=\d)[ \u00a0](?=\d{3}(?:\.\d+)?\s*(?:万元|元|亿元))")
_COMPARATOR_WORDS = [("＞＝", "≥"), (">=", "≥"), ("＜＝", "≤"), ("<=", "≤"), ("≧", "≥"), ("≦", "≤")]
_NOISE = re.compile(r"\[bookmark: [^\]]*\]|[\u200b\u200c\u200d\ufeff]")
_WS = re.compile(r"[ \t\u00a0]+")


def clean(text: str | None) -> str:
    """Normalised text: artefacts removed, numbers and comparators in one form, spaces collapsed."""
    if not text:
        return ""
    s = _NOISE.sub("", text)
    s = _DOLLARS.sub(lambda m: _latex(m.group(1)), s)
    s = _latex(s) if "\\" in s else s
    s = s.translate(_FULLWIDTH)
    for a, b in _COMPARATOR_WORDS:
        s = s.replace(a, b)
    s = _SPACE_CJK.sub("", s)
    s = _SPLIT_NUMBER.sub("", s)
    s = _WIDE_THOUSANDS.sub(",", s)
    s = _SPACED_DIGITS.sub(lambda m: m.group(0).replace(" ", ""), s)
    s = _PERMILLE.sub("‰", _SPACED_POINT.sub("", s))
    return _WS.sub(" ", s).strip()


def flat(text: str | None) -> str:
    """`clean` with every whitespace removed (for matching labels such as "年度 指标值")."""
    return re.sub(r"\s+", "", clean(text))


def _latex(s: str) -> str:
    for pattern, repl in _LATEX:
        s = pattern.sub(repl, s)
    return s.replace("{", "").replace("}", "")
