"""The `jixiao` command line: thin callers of the library, Chinese messages, no tracebacks."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from jixiao import __version__
from jixiao.errors import JixiaoError
from jixiao.outcome import Outcome, parse_file, parse_many, report_files
from jixiao.views import inspect_view, summary

app = typer.Typer(
    help="jixiao（绩效）：读取、复核与审核部门整体支出绩效自评报告。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(soft_wrap=True)
err = Console(stderr=True)


class OutputFormat(str, Enum):
    json = "json"
    table = "table"


def _fail(message: str, code: int = 2) -> None:
    err.print(f"[bold red]错误：[/]{message}", highlight=False)
    raise typer.Exit(code)


def _with_progress(paths: list[Path]) -> list[Outcome]:
    outcomes: list[Outcome] = []
    columns = (TextColumn("解析中"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), TextColumn("{task.description}"))
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as progress:
        task = progress.add_task("", total=len(paths))
        for outcome in parse_many(paths):
            progress.update(task, advance=1, description=Path(outcome.path).name)
            outcomes.append(outcome)
    return outcomes


def _report_failures(outcomes: list[Outcome]) -> int:
    failed = [o for o in outcomes if o.status == "failed"]
    err.print(f"共 {len(outcomes)} 个文件：成功 {len(outcomes) - len(failed)} 个，失败 {len(failed)} 个。", highlight=False)
    for o in failed:
        err.print(f"  [red]✗[/] {o.error}", highlight=False)
    return 1 if failed else 0


@app.command()
def parse(
    path: Path = typer.Argument(..., help="报告文件或目录（.docx .pdf .xlsx .txt .md .png .jpg .doc .wps .et）"),
    format: OutputFormat = typer.Option(OutputFormat.json, "--format", "-f", help="输出格式：json 或 table"),
    provenance: bool = typer.Option(True, help="JSON 中是否包含每个值的来源（provenance）"),
) -> None:
    """读取报告，输出结构化结果（JSON 或中文摘要表）。"""
    exclude = None if provenance else {"provenance"}
    if path.is_dir():
        outcomes = _with_progress(report_files(path))
        reports = [o.report for o in outcomes if o.report is not None]
        if format is OutputFormat.json:
            out.print_json(data=[r.model_dump(mode="json", exclude=exclude) for r in reports]) if reports else out.print("[]")
        else:
            for r in reports:
                summary.print_report(out, r)
        raise typer.Exit(_report_failures(outcomes))
    try:
        report = parse_file(path)
    except JixiaoError as e:
        _fail(str(e))
    if format is OutputFormat.json:
        sys.stdout.write(json.dumps(report.model_dump(mode="json", exclude=exclude), ensure_ascii=False, indent=2) + "\n")
    else:
        summary.print_report(out, report)


@app.command()
def inspect(path: Path = typer.Argument(..., help="报告文件")) -> None:
    """显示中间文档（含合并单元格的表格）以及每个提取值的来源。"""
    from jixiao.ingest.registry import read
    from jixiao.extract import extract

    try:
        doc = read(path)
    except JixiaoError as e:
        _fail(str(e))
    inspect_view.print_document(out, doc)
    inspect_view.print_provenance(out, extract(doc))


@app.command()
def version() -> None:
    """显示版本号。"""
    out.print(f"jixiao {__version__}")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
