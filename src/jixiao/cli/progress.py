"""The progress bar of directory runs (rich, on stderr, only on a terminal): count, rate and time left."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def progress_bar(verb: str, total: int | None = None) -> Iterator[Any]:
    """A bar to `advance(name)`; silent when stderr is not a terminal."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, TimeRemainingColumn
    from rich.text import Text

    from jixiao.cli.console import err

    class Rate(ProgressColumn):
        def render(self, task) -> Text:
            return Text(f"{task.speed:.1f} 个/秒" if task.speed else "", style="progress.data.speed")

    columns = (TextColumn(verb), BarColumn(), MofNCompleteColumn(), Rate(), TextColumn("剩余"), TimeRemainingColumn(),
               TextColumn("{task.description}", markup=False))
    with Progress(*columns, console=err(), transient=True, disable=not err().is_terminal) as bar:
        task = bar.add_task("", total=total)
        yield _Bar(bar, task)


class _Bar:
    def __init__(self, bar: Any, task: Any):
        self.bar, self.task = bar, task

    def total(self, n: int) -> None:
        self.bar.update(self.task, total=n)

    def advance(self, name: str = "") -> None:
        self.bar.update(self.task, advance=1, description=name)
