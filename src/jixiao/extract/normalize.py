"""Clean source text for matching: OCR/LaTeX artefacts, full-width characters, stray spaces.

The cleaned text is used for matching and for the values reported; the original text is kept in
the provenance.  Chinese punctuation (，。；：（）) is kept as written: only the characters that
carry numbers and comparisons are folded to ASCII.
"""

from __future__ import annotations

from functools import lru_cache

from jixiao.ingest.limits import current
from jixiao.lazyre import lazy

# The extractors look at no more of a paragraph or cell than this: a report field is never longer,
# and every pattern below then costs bounded time per text (the document keeps the whole text).
VIEW_CHARS = current().field_chars
_FULLWIDTH = str.maketrans(
    "０１２３４５６７８９．％＋－＝＞＜～／",
    "0123456789.%+-=><~/",
)
_LATEX = [
    (lazy(r"\\geq?|\\geqslant|\\ge\b"), "≥"),
    (lazy(r"\\leq?|\\leqslant|\\le\b"), "≤"),
    (lazy(r"\\%"), "%"),
    (lazy(r"\\times"), "×"),
    (lazy(r"\\sim"), "~"),
    (lazy(r"\\(?:text|mathrm)\{([^{}]*)\}"), r"\1"),
]
_DOLLARS = lazy(r"\$([^$\n]{0,80})\$")
_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_CJK_PUNCT = r"，。、；：！？（）《》“”‘’【】"
# A run of spaces is tried from its first space only (the lookbehind), so long runs stay linear.
_SPACE_CJK = lazy(rf"(?<=[{_CJK}{_CJK_PUNCT}])[ \u3000\u00a0]+|(?<![ \u3000\u00a0])[ \u3000\u00a0]++(?=[{_CJK}{_CJK_PUNCT}])")
_SPACED_DIGITS = lazy(r"(?<![\d.])\d(?: \d)+(?![\d.])")  # OCR: "1 0 0 %"
_SPACED_POINT = lazy(r"(?<=\d\.) (?=\d)|(?<=\d) (?=\.\d)")
_PERMILLE = lazy(r"(?<=\d)\s?%0")  # OCR reads ‰ as %0
_WIDE_THOUSANDS = lazy(r"(?<=\d)，(?=\d{3}(?!\d))")
_SPLIT_NUMBER = lazy(r"(?<=\d)[ \u00a0](?=\d{3}(?:\.\d{1,20})?\s{0,8}(?:万元|元|亿元))")
_COMPARATOR_WORDS = [("＞＝", "≥"), (">=", "≥"), ("＜＝", "≤"), ("<=", "≤"), ("≧", "≥"), ("≦", "≤")]
_NOISE = lazy(r"\[bookmark: [^\[\]]{0,255}\]|[\u200b\u200c\u200d\ufeff]")
_WS = lazy(r"[ \t\u00a0]+")
_ANY_WS = lazy(r"\s+")
_SPACE = lazy(r"[ \u3000\u00a0]")
_NOISE_START = lazy(r"\[bookmark|[\u200b\u200c\u200d\ufeff]")
# Any character some step below acts on; a text without one only needs the full-width fold.
_TRIGGERS = lazy(r"[\[\u200b\u200c\u200d\ufeff$\\＞＜>=<≧≦，%％\s]")


def clean(text: str | None) -> str:
    """Normalised text: artefacts removed, numbers and comparators in one form, spaces collapsed.

    Only the first `VIEW_CHARS` characters are looked at.  Each step runs only when its trigger
    character is present: most cells are short plain text and pass through almost untouched.
    """
    return _clean(text[:VIEW_CHARS]) if text else ""


@lru_cache(maxsize=2048)
def _clean(s: str) -> str:
    """`clean` of a text already cut to `VIEW_CHARS`, memoised: the extractors and the audit clean the same
    paragraphs and cells several times over (the cache holds at most 2048 × VIEW_CHARS characters)."""
    if not _TRIGGERS.search(s):  # the common case: a short plain label or figure
        return s.translate(_FULLWIDTH).strip()
    if _NOISE_START.search(s):
        s = _NOISE.sub("", s)
    if "$" in s:
        s = _DOLLARS.sub(lambda m: _latex(m.group(1)), s)
    s = _latex(s) if "\\" in s else s
    s = s.translate(_FULLWIDTH)
    for a, b in _COMPARATOR_WORDS:
        if a in s:
            s = s.replace(a, b)
    if _SPACE.search(s):
        s = _SPACE_CJK.sub("", s)
        s = _SPLIT_NUMBER.sub("", s)
        s = _SPACED_DIGITS.sub(lambda m: m.group(0).replace(" ", ""), s)
        s = _SPACED_POINT.sub("", s)
    if "，" in s:
        s = _WIDE_THOUSANDS.sub(",", s)
    if "%0" in s:
        s = _PERMILLE.sub("‰", s)
    return _WS.sub(" ", s).strip()


def flat(text: str | None) -> str:
    """`clean` with every whitespace removed (for matching labels such as "年度 指标值")."""
    return _ANY_WS.sub("", clean(text))


def _latex(s: str) -> str:
    if "\\" not in s:
        return s.replace("{", "").replace("}", "")
    for pattern, repl in _LATEX:
        s = pattern.sub(repl, s)
    return s.replace("{", "").replace("}", "")
