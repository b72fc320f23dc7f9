"""Patterns compiled on first use behave as the compiled pattern."""

import re

from jixiao.lazyre import LazyPattern, lazy


def test_compiles_on_first_use_and_matches_as_re_compile():
    source = r"(?P<year>20\d{2})\s*年"
    pattern = lazy(source)
    assert isinstance(pattern, LazyPattern) and "search" not in vars(pattern)
    assert pattern.pattern == source and "search" not in vars(pattern)  # the source needs no compiling
    text = "2023年与2024年"
    compiled = re.compile(source)
    assert pattern.search(text).group("year") == compiled.search(text).group("year") == "2023"
    assert "search" in vars(pattern)  # later calls find the compiled pattern's method directly
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert pattern.sub("X", text) == compiled.sub("X", text) and pattern.groupindex == compiled.groupindex


def test_flags_are_kept():
    assert lazy(r"^b", re.MULTILINE).findall("a\nb") == ["b"]
    assert lazy(rb"PK(..)", re.DOTALL).match(b"PK\n\n").group(1) == b"\n\n"
    assert lazy(r"^b").findall("a\nb") == []
