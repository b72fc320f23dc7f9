"""Directory runs of `parse` and `audit` (目录处理): the per-file runner, progress, summary, Ctrl-C.

Each file goes through the same runner as `jixiao batch`, within its time limit; a progress bar on
a terminal; a Chinese summary with every failure's reason; Ctrl-C keeps what is done (exit 130).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

from jixiao.batch.logs import LoggedWork
from jixiao.batch.runner import Limits, run_local
from jixiao.cli.console import say
from jixiao.cli.errors import state
from jixiao.outcome import Outcome, count_report_files, failed, iter_report_files


def interrupted_line(done: int, remaining: int) -> str:
    return f"已中断：已完成 {done} 个，未处理 {remaining} 个"


class DirectoryRun:
    """Outcomes of a directory's files in input order; use as `with run: for o in run: …`, then `run.finish()`."""

    def __init__(self, directory: Path, work: Callable[[str], Outcome], verb: str, jobs: int | None, timeout: float):
        self.directory, self.verb = directory, verb
        self.work = LoggedWork(work, state.debug_log)
        self.limits = Limits(timeout=timeout)
        self.total = count_report_files(directory)
        self.jobs = jobs or max(min(os.cpu_count() or 1, self.total), 1)
        self.done = 0
        self.failures: list[str] = []
        self.partial: list[str] = []  # the problems of files done only in part
        self.partial_files = 0
        self.interrupted = False
        self._outcomes: Iterator[Outcome] | None = None

    def __iter__(self) -> Iterator[Outcome]:
        from jixiao.cli.progress import progress_bar

        lost = lambda path, reason: failed(path, f"{path}：{reason}")  # noqa: E731
        self._outcomes = run_local((str(p) for p in iter_report_files(self.directory)), self.work, lost, self.jobs, self.limits, ordered=True)
        with progress_bar(self.verb, self.total) as bar:
            for outcome in self._outcomes:
                bar.advance(Path(outcome.path).name)
                yield outcome
                self._count(outcome)  # only once the caller has taken it and asks for more: a Ctrl-C meanwhile leaves it out

    def _count(self, outcome: Outcome) -> None:
        self.done += 1
        if outcome.status == "failed":
            self.failures.append(outcome.error or outcome.path)
        if outcome.status == "partial":
            self.partial_files += 1
            self.partial += outcome.problems

    def __enter__(self) -> DirectoryRun:
        return self

    def __exit__(self, kind, error, tb) -> bool:
        if self._outcomes is not None:
            self._outcomes.close()  # stops the workers
        if isinstance(error, KeyboardInterrupt):
            self.interrupted = True
            return True
        return False

    def until_interrupted(self) -> Iterator[Outcome]:
        """The outcomes, ending early (not raising) on Ctrl-C — for writers that must finish their file."""
        try:
            yield from self
        except KeyboardInterrupt:
            self.interrupted = True

    def finish(self) -> int:
        """Print the summary; the exit code: 130 interrupted, 1 if a file failed, else 0."""
        ok = self.done - len(self.failures) - self.partial_files
        say(f"共 {self.total} 个文件：成功 {ok} 个，部分 {self.partial_files} 个，失败 {len(self.failures)} 个。")
        for problem in self.partial:
            say(problem, "  ! ", "yellow")
        for reason in self.failures:
            say(reason, "  ✗ ", "red")
        if self.interrupted:
            say(interrupted_line(self.done, self.total - self.done))
            return 130
        return 1 if self.failures else 0
