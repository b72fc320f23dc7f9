"""Regular expressions compiled on first use, so importing a module costs nothing for patterns a run never needs.

Compiling a pattern is slow in CPython (~0.1 ms, ~1 ms for a class such as ``[\\u4e00-\\u9fa5]``), and
the extractors hold a few hundred of them; a .docx parse uses about half.  ``lazy(r"…")`` stands in
for ``re.compile(r"…")`` at module level: the first method call compiles the pattern, and the
compiled pattern's methods are then looked up as plain attributes.
"""

from __future__ import annotations

import re
from typing import Any

_FORWARDED = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "flags", "groups", "groupindex")


class LazyPattern:
    """A `re.Pattern` compiled when first used; `pattern` (its source) is there without compiling."""

    def __init__(self, pattern: str | bytes, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self._flags)
        vars(self).update((n, getattr(compiled, n)) for n in _FORWARDED)
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r})"


def lazy(pattern: str | bytes, flags: int = 0) -> re.Pattern:
    """`re.compile(pattern, flags)`, done on first use."""
    return LazyPattern(pattern, flags)  # type: ignore[return-value]  # quacks like the compiled pattern
