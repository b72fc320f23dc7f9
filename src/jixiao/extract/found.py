"""A value with its provenance, and the collector that writes found values into a `Report`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jixiao.model import Provenance, Report


@dataclass(slots=True)
class Found:
    """A value read from the document and where it was read."""

    value: Any
    provenance: Provenance


class Collector:
    """Writes values into a report by JSON path; the first source to supply a value wins."""

    def __init__(self, report: Report):
        self.report = report

    def prose(self, path: str, found: Found | None) -> None:
        """A value stated in the prose: kept for cross-checks, and used where no form gave one."""
        if found is None or found.value is None:
            return
        self.report.prose_values[path] = found.value
        self.report.provenance[f"prose:{path}"] = found.provenance
        self.put(path, found)

    def put(self, path: str, found: Found | None) -> None:
        if found is None or found.value is None or path in self.report.provenance:
            return
        *parents, leaf = path.split(".")
        target = self.report
        for name in parents:
            target = getattr(target, name)
        setattr(target, leaf, found.value)
        self.report.provenance[path] = found.provenance

    def note(self, path: str, provenance: Provenance) -> None:
        """Record where a value that was set directly (a list item) came from."""
        self.report.provenance.setdefault(path, provenance)
