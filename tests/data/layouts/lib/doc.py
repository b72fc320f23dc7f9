"""A rendered layout document: its blocks (or workbook sheets) and the values it states."""

from __future__ import annotations

from dataclasses import dataclass, field

from .writers import plain_text


@dataclass
class Doc:
    fmt: str                      # docx | xlsx | txt | pdf | scan
    expected: dict                # gold values the document states (no findings yet)
    blocks: list[tuple] = field(default_factory=list)
    sheets: list[tuple] = field(default_factory=list)   # xlsx: (name, blocks, widths)
    encoding: str = "utf-8"
    landscape: bool = False

    def text(self) -> str:
        if self.sheets:
            return "\n".join(plain_text(parts) for _, parts, _ in self.sheets)
        return plain_text(self.blocks)
