"""`jixiao parse` and `jixiao inspect`: reading reports."""

import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from jixiao.cli.errors import CliError, state
from jixiao.cli.options import JOBS_HELP, PATH_HELP, TIMEOUT_HELP, ParseFormat

if TYPE_CHECKING:
    from pydantic import BaseModel


def single(path: Path, audit=None, keep_doc: bool = False):
    """One file's outcome, in this process; a failed file is an error (exit 2)."""
    from jixiao.outcome import process

    outcome = process(path, audit, keep_doc)
    if outcome.status == "failed":
        raise CliError(outcome.error, path, "input_error")
    if outcome.problems:
        from jixiao.cli.console import say

        for problem in outcome.problems:
            say(problem, "提示：", "yellow")
    return outcome


class JsonArray:
    """A JSON array written item by item, valid JSON even when the run is interrupted."""

    def __init__(self) -> None:
        self.first = True
        sys.stdout.write("[")

    def add(self, model: "BaseModel", exclude: set[str] | None = None) -> None:
        from jixiao.cli.console import model_json

        text = model_json(model, exclude).replace("\n", "\n  ")
        sys.stdout.write(("\n  " if self.first else ",\n  ") + text)
        self.first = False

    def close(self) -> None:
        sys.stdout.write("\n]\n" if not self.first else "]\n")


def parse(
    path: Path = typer.Argument(..., help=PATH_HELP),
    format: ParseFormat = typer.Option(ParseFormat.json, "--format", "-f", help="输出格式：json 或 table"),
    provenance: bool = typer.Option(True, "--provenance/--no-provenance", help="JSON 中是否包含每个值的来源（provenance）"),
    jobs: int = typer.Option(None, "--jobs", "-j", help=JOBS_HELP),
    timeout: float = typer.Option(60, "--timeout", help=TIMEOUT_HELP),
) -> None:
    """读取报告，输出结构化结果（JSON 或中文摘要表）。"""
    state.json_errors = format is ParseFormat.json
    exclude = None if provenance else {"provenance"}
    if path.is_dir():
        raise typer.Exit(_parse_directory(path, format, exclude, jobs, timeout))
    report = single(path).report
    if format is ParseFormat.json:
        from jixiao.cli.console import print_model_json

        print_model_json(report, exclude)
    else:
        from jixiao.cli.console import out
        from jixiao.cli.views import summary

        summary.print_report(out(), report)


def _parse_directory(path: Path, format: ParseFormat, exclude: set | None, jobs: int | None, timeout: float) -> int:
    from jixiao.cli.dirrun import DirectoryRun
    from jixiao.outcome import process

    run = DirectoryRun(path, partial(process), "解析中", jobs, timeout)
    if format is ParseFormat.json:
        array = JsonArray()
        with run:
            for o in run:
                if o.report is not None:
                    array.add(o.report, exclude)
        array.close()
    else:
        from jixiao.cli.console import out
        from jixiao.cli.views import summary

        with run:
            for o in run:
                if o.report is not None:
                    summary.print_report(out(), o.report)
    return run.finish()


def inspect(path: Path = typer.Argument(..., help="报告文件")) -> None:
    """显示中间文档（含合并单元格的表格）以及每个提取值的来源。"""
    from jixiao.cli.console import out
    from jixiao.cli.views import inspect_view

    outcome = single(path, keep_doc=True)
    inspect_view.print_document(out(), outcome.doc)
    inspect_view.print_provenance(out(), outcome.report)
