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
from jixiao.outcome import AuditOptions, Outcome, default_jobs, process, process_many, report_files

app = typer.Typer(
    help="jixiao（绩效）：读取、复核与审核部门整体支出绩效自评报告。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

PATH_HELP = "报告文件或目录（.docx .pdf .xlsx .txt .md .png .jpg .doc .wps .et）"
PROFILE_HELP = "评分方案：national、hunan、guangdong、external_53、chongqing，或自定义 .toml 文件；默认自动识别"


class ParseFormat(str, Enum):
    json = "json"
    table = "table"


class AuditFormat(str, Enum):
    table = "table"
    json = "json"
    html = "html"
    xlsx = "xlsx"


class RulesFormat(str, Enum):
    table = "table"
    json = "json"
    md = "md"


def _fail(message: str, code: int = 2) -> None:
    err.print(f"[bold red]错误：[/]{message}", highlight=False)
    raise typer.Exit(code)


def _print_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _batch(paths: list[Path], audit: AuditOptions | None, jobs: int | None, verb: str) -> list[Outcome]:
    outcomes: list[Outcome] = []
    columns = (TextColumn(verb), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), TextColumn("{task.description}"))
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as progress:
        task = progress.add_task("", total=len(paths))
        for outcome in process_many(paths, audit, jobs or default_jobs(len(paths))):
            progress.update(task, advance=1, description=Path(outcome.path).name)
            outcomes.append(outcome)
    return outcomes


def _report_failures(outcomes: list[Outcome]) -> int:
    failed = [o for o in outcomes if o.status == "failed"]
    err.print(f"共 {len(outcomes)} 个文件：成功 {len(outcomes) - len(failed)} 个，失败 {len(failed)} 个。", highlight=False)
    for o in failed:
        err.print(f"  [red]✗[/] {o.error}", highlight=False)
    return 1 if failed else 0


def _single(path: Path, audit: AuditOptions | None = None, keep_doc: bool = False) -> Outcome:
    outcome = process(path, audit, keep_doc)
    if outcome.status == "failed":
        _fail(outcome.error)
    return outcome


@app.command()
def parse(
    path: Path = typer.Argument(..., help=PATH_HELP),
    format: ParseFormat = typer.Option(ParseFormat.json, "--format", "-f", help="输出格式：json 或 table"),
    provenance: bool = typer.Option(True, help="JSON 中是否包含每个值的来源（provenance）"),
    jobs: int = typer.Option(None, "--jobs", "-j", help="目录批量处理的并行进程数（默认按文件数和 CPU 核数）"),
) -> None:
    """读取报告，输出结构化结果（JSON 或中文摘要表）。"""
    from jixiao.cli.views import summary

    exclude = None if provenance else {"provenance"}
    if path.is_dir():
        outcomes = _batch(report_files(path), None, jobs, "解析中")
        reports = [o.report for o in outcomes if o.report is not None]
        if format is ParseFormat.json:
            _print_json([r.model_dump(mode="json", exclude=exclude) for r in reports])
        else:
            for r in reports:
                summary.print_report(out, r)
        raise typer.Exit(_report_failures(outcomes))
    report = _single(path).report
    if format is ParseFormat.json:
        _print_json(report.model_dump(mode="json", exclude=exclude))
    else:
        summary.print_report(out, report)


@app.command()
def inspect(path: Path = typer.Argument(..., help="报告文件")) -> None:
    """显示中间文档（含合并单元格的表格）以及每个提取值的来源。"""
    from jixiao.cli.views import inspect_view

    outcome = _single(path, keep_doc=True)
    inspect_view.print_document(out, outcome.doc)
    inspect_view.print_provenance(out, outcome.report)


@app.command()
def score(
    path: Path = typer.Argument(..., help="报告文件"),
    profile: str = typer.Option(None, "--profile", "-p", help=PROFILE_HELP),
    format: ParseFormat = typer.Option(ParseFormat.table, "--format", "-f", help="输出格式：table 或 json"),
) -> None:
    """按评分方案重新计分：逐项对比自评得分与重算得分，并计算53号共性指标。"""
    from jixiao.cli.views import audit_view
    from jixiao.scoring.profile import detect_profile, load_profile
    from jixiao.scoring.score import score_report

    report = _single(path).report
    try:
        chosen = load_profile(profile) if profile else detect_profile(report)
    except JixiaoError as e:
        _fail(str(e))
    result = score_report(report, chosen)
    if format is ParseFormat.json:
        from jixiao.scoring.export import score_json

        _print_json(score_json(result))
    else:
        audit_view.print_score(out, result)


@app.command()
def audit(
    path: Path = typer.Argument(..., help=PATH_HELP),
    format: AuditFormat = typer.Option(AuditFormat.table, "--format", "-f", help="输出格式：table、json、html（审核页面）、xlsx（审核意见表）"),
    profile: str = typer.Option(None, "--profile", "-p", help=PROFILE_HELP),
    select: list[str] = typer.Option([], "--select", help="只运行这些规则（代码前缀或类别，可重复），如 AR、XR201、compliance"),
    ignore: list[str] = typer.Option([], "--ignore", help="不运行这些规则（代码前缀或类别，可重复）"),
    output: Path = typer.Option(None, "--output", "-o", help="输出文件（html、xlsx 必填；目录的 html 为输出目录）"),
    jobs: int = typer.Option(None, "--jobs", "-j", help="目录批量处理的并行进程数"),
) -> None:
    """审核报告：列出每个问题的规则代码、级别、位置、应为与实为、原文依据和修改建议。"""
    options = AuditOptions(profile, tuple(select), tuple(ignore))
    _check_profile(profile)
    if format in (AuditFormat.html, AuditFormat.xlsx) and output is None:
        _fail(f"--format {format.value} 需要用 -o 指定输出{'文件' if format is AuditFormat.xlsx else '文件或目录'}")
    if path.is_dir():
        outcomes = _batch(report_files(path), options, jobs, "审核中")
        _write_audits(outcomes, format, output)
        raise typer.Exit(_report_failures(outcomes))
    outcome = _single(path, options, keep_doc=format is AuditFormat.html)
    _write_audits([outcome], format, output)


def _check_profile(profile: str | None) -> None:
    if profile:
        from jixiao.scoring.profile import load_profile

        try:
            load_profile(profile)
        except JixiaoError as e:
            _fail(str(e))


def _write_audits(outcomes: list[Outcome], format: AuditFormat, output: Path | None) -> None:
    from jixiao.cli.views import audit_view

    audited = [o for o in outcomes if o.audit is not None]
    if format is AuditFormat.table:
        for o in audited:
            audit_view.print_audit(out, o.audit)
    elif format is AuditFormat.json:
        data = [o.audit.model_dump(mode="json") for o in audited]
        _print_json(data[0] if len(outcomes) == 1 and data else data)
    elif format is AuditFormat.xlsx:
        from jixiao.export import audit_xlsx

        audit_xlsx.write(outcomes, output)
        err.print(f"已写出审核意见表：{output}")
    else:
        _write_html(audited, outcomes, output)


def _write_html(audited: list[Outcome], outcomes: list[Outcome], output: Path) -> None:
    from jixiao.export import audit_html
    from jixiao.ingest.registry import read

    single = len(outcomes) == 1
    if not single:
        output.mkdir(parents=True, exist_ok=True)
    for o in audited:
        target = output if single else output / f"{Path(o.path).stem}.html"
        target.write_text(audit_html.render(o.audit, o.doc or read(o.path)), encoding="utf-8")
    err.print(f"已写出审核页面：{output}")


@app.command()
def rules(format: RulesFormat = typer.Option(RulesFormat.table, "--format", "-f", help="输出格式：table、json 或 md")) -> None:
    """列出全部审核规则（代码、类别、默认级别、名称、检查内容）。"""
    from jixiao.audit import RULES
    from jixiao.audit.catalogue import as_json, as_markdown
    from jixiao.cli.views import audit_view

    if format is RulesFormat.json:
        _print_json(as_json())
    elif format is RulesFormat.md:
        sys.stdout.write(as_markdown())
    else:
        audit_view.print_rules(out, [RULES[c] for c in sorted(RULES)])


@app.command()
def template(
    output: Path = typer.Option(Path("填报模板.xlsx"), "--output", "-o", help="输出的 .xlsx 填报模板"),
    profile: str = typer.Option("hunan", "--profile", "-p", help=PROFILE_HELP.removesuffix("；默认自动识别") + "；默认 hunan"),
) -> None:
    """生成自评数据填报模板（Excel）：下拉选项、数值校验、必填标记和填报说明。"""
    from jixiao.compose import template as template_xlsx
    from jixiao.scoring.profile import load_profile

    try:
        template_xlsx.write(output, load_profile(profile))
    except JixiaoError as e:
        _fail(str(e))
    except OSError as e:
        _fail(f"{output}：无法写出模板（{e.strerror or e}）")
    err.print(f"已写出填报模板：{output}", highlight=False)


@app.command()
def render(
    path: Path = typer.Argument(..., help="填好的 .xlsx 填报表，或 jixiao parse 输出的报告 JSON"),
    output: Path = typer.Option(..., "--output", "-o", help="输出的 Word 报告（.docx）"),
    pdf: bool = typer.Option(False, "--pdf", help="同时用 LibreOffice 转换为 PDF"),
    force: bool = typer.Option(False, "--force", help="填报有错误时仍然生成报告（并给出警告）"),
    redact: bool = typer.Option(False, "--redact", help="生成公开版：不显示填表人、联系电话和单位负责人"),
    profile: str = typer.Option("hunan", "--profile", "-p", help=PROFILE_HELP.removesuffix("；默认自动识别") + "；默认 hunan"),
) -> None:
    """由填报表生成自评报告（Word，可选 PDF）：先校验填报数据并审核，有错误时列出单元格位置并拒绝生成。"""
    from jixiao.compose.report import render as render_report
    from jixiao.scoring.profile import load_profile

    if output.suffix.lower() != ".docx":
        _fail(f"{output}：输出文件应为 .docx")
    try:
        result = render_report(path, output, load_profile(profile), force, redact, pdf)
    except JixiaoError as e:
        _fail(str(e))
    except OSError as e:
        _fail(f"{output}：无法写出报告（{e.strerror or e}）")
    check = result.preflight
    for line in check.warnings:
        err.print(f"  [yellow]提示[/] {line}", highlight=False)
    for line in check.errors:
        err.print(f"  [red]✗[/] {line}", highlight=False)
    if check.errors and not result.written:
        _fail(f"{path}：填报数据有 {len(check.errors)} 处错误，未生成报告；请改正后重试，或加 --force 强制生成")
    if check.errors:
        err.print(f"[bold yellow]警告：[/]填报数据有 {len(check.errors)} 处错误，已按 --force 强制生成", highlight=False)
    err.print("已写出：" + "、".join(str(p) for p in result.written), highlight=False)


@app.command()
def version() -> None:
    """显示版本号。"""
    out.print(f"jixiao {__version__}")


from jixiao.cli.serve import serve, user_app  # noqa: E402 — registered after the core commands

app.command()(serve)
app.add_typer(user_app, name="user")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
