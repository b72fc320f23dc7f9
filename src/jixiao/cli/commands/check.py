"""`jixiao score`, `jixiao audit` and `jixiao rules`: re-scoring and auditing reports."""

import sys
from functools import partial
from pathlib import Path

import typer

from jixiao.cli.commands.read import JsonArray, single
from jixiao.cli.errors import CliError, state
from jixiao.cli.options import IGNORE_HELP, JOBS_HELP, PATH_HELP, PROFILE_HELP, SELECT_HELP, TIMEOUT_HELP, AuditFormat, ParseFormat, RulesFormat


def score(
    path: Path = typer.Argument(..., help="报告文件"),
    profile: str = typer.Option(None, "--profile", "-p", help=PROFILE_HELP),
    format: ParseFormat = typer.Option(ParseFormat.table, "--format", "-f", help="输出格式：table 或 json"),
) -> None:
    """按评分方案重新计分：逐项对比自评得分与重算得分，并计算53号共性指标。"""
    import jixiao

    state.json_errors = format is ParseFormat.json
    report = single(path).report
    result = jixiao.score(report, profile)
    if format is ParseFormat.json:
        from jixiao.cli.console import print_json

        print_json(result.to_json())
    else:
        from jixiao.cli.console import out
        from jixiao.cli.views import audit_view

        audit_view.print_score(out(), result)


def audit(
    path: Path = typer.Argument(..., help=PATH_HELP),
    format: AuditFormat = typer.Option(AuditFormat.table, "--format", "-f", help="输出格式：table、json、html（审核页面）、xlsx（审核意见表）"),
    profile: str = typer.Option(None, "--profile", "-p", help=PROFILE_HELP),
    select: list[str] = typer.Option([], "--select", metavar="<代码>", help=SELECT_HELP),
    ignore: list[str] = typer.Option([], "--ignore", metavar="<代码>", help=IGNORE_HELP),
    output: Path = typer.Option(None, "--output", "-o", help="输出文件或目录（html、xlsx 必填；给出目录时在其中按报告名生成文件）"),
    exit_code: bool = typer.Option(False, "--exit-code", help="发现“错误”级问题时以退出码 1 结束（便于脚本判断）"),
    jobs: int = typer.Option(None, "--jobs", "-j", help=JOBS_HELP),
    timeout: float = typer.Option(60, "--timeout", help=TIMEOUT_HELP),
) -> None:
    """审核报告：列出每个问题的规则代码、级别、位置、应为与实为、原文依据和修改建议。"""
    from jixiao.outcome import AuditOptions, check_selection
    from jixiao.scoring.profile import load_profile

    state.json_errors = format is AuditFormat.json
    check_selection(select, ignore)
    if profile:
        load_profile(profile)
    if format in (AuditFormat.html, AuditFormat.xlsx) and output is None:
        raise CliError(f"--format {format.value} 需要用 -o 指定输出{'文件' if format is AuditFormat.xlsx else '文件或目录'}", code="usage_error")
    options = AuditOptions(profile, tuple(select), tuple(ignore))
    if path.is_dir():
        raise typer.Exit(_audit_directory(path, options, format, output, exit_code, jobs, timeout))
    outcome = single(path, options, keep_doc=format is AuditFormat.html)
    _write_one(outcome, format, output)
    raise typer.Exit(1 if exit_code and outcome.audit.count("error") else 0)


def _write_one(outcome, format: AuditFormat, output: Path | None) -> None:
    from jixiao.cli.console import out, output_file, print_model_json, say, writing

    if format is AuditFormat.table:
        from jixiao.cli.views import audit_view

        audit_view.print_audit(out(), outcome.audit)
    elif format is AuditFormat.json:
        print_model_json(outcome.audit)
    else:
        suffix = f".{format.value}"
        target = output_file(output, "审核意见表.xlsx" if format is AuditFormat.xlsx else Path(outcome.path).stem + suffix)
        with writing(target):
            _write_page([outcome], target) if format is AuditFormat.html else _write_book([outcome], target)
        say(f"已写出{'审核页面' if format is AuditFormat.html else '审核意见表'}：{target}")


def _write_page(outcomes, target: Path) -> None:
    from jixiao.export import audit_html

    for o in outcomes:
        target.write_text(audit_html.render(o.audit, o.doc), encoding="utf-8")


def _write_book(outcomes, target: Path) -> None:
    from jixiao.export import audit_xlsx

    audit_xlsx.write(outcomes, target)


class _Tally:
    """Counts 错误-level findings of the outcomes passing through."""

    def __init__(self) -> None:
        self.errors = 0

    def count(self, outcomes):
        for o in outcomes:
            self.errors += o.audit.count("error") if o.audit is not None else 0
            yield o


def _audit_directory(path: Path, options, format: AuditFormat, output: Path | None, exit_code: bool, jobs: int | None, timeout: float) -> int:
    from jixiao.cli.console import output_dir, output_file, say, writing
    from jixiao.cli.dirrun import DirectoryRun
    from jixiao.outcome import process

    run = DirectoryRun(path, partial(process, audit=options, keep_doc=format is AuditFormat.html), "审核中", jobs, timeout)
    tally = _Tally()
    if format is AuditFormat.xlsx:
        target = output_file(output, "审核意见表.xlsx")
        with writing(target):
            _write_book(tally.count(run.until_interrupted()), target)
        say(f"已写出审核意见表：{target}")
    else:
        folder = output_dir(output) if format is AuditFormat.html else None
        array = JsonArray() if format is AuditFormat.json else None
        with run:
            for o in tally.count(run):
                if o.audit is not None:
                    _show(o, format, array, folder)
        if array is not None:
            array.close()
        if folder is not None:
            say(f"已写出审核页面：{folder}")
    code = run.finish()
    return code or (1 if exit_code and tally.errors else 0)


def _show(o, format: AuditFormat, array: JsonArray | None, folder: Path | None) -> None:
    """One audited file of a directory run: into the JSON array, the terminal, or its review page."""
    from jixiao.cli.console import out, writing

    if array is not None:
        array.add(o.audit)
    elif folder is not None:
        target = folder / f"{Path(o.path).stem}.html"
        with writing(target):
            _write_page([o], target)
    else:
        from jixiao.cli.views import audit_view

        audit_view.print_audit(out(), o.audit)


def rules(
    code: str = typer.Argument(None, help="规则代码（如 AR101）：显示这条规则的说明；也可给代码前缀或类别，列出匹配的规则"),
    format: RulesFormat = typer.Option(RulesFormat.table, "--format", "-f", help="输出格式：table、json 或 md"),
) -> None:
    """列出全部审核规则（代码、类别、默认级别、名称、检查内容），或说明一条规则。"""
    from jixiao.audit import RULES
    from jixiao.audit.catalogue import as_json, as_markdown
    from jixiao.audit.registry import selected
    from jixiao.cli.console import out, print_json
    from jixiao.cli.views import audit_view
    from jixiao.outcome import check_selection

    state.json_errors = format is RulesFormat.json
    chosen = [RULES[c] for c in sorted(RULES)]
    if code:
        check_selection([code], [])
        chosen = list(selected([code]))
    if code and code.upper() in RULES and format is RulesFormat.table:
        audit_view.print_rule(out(), RULES[code.upper()])
    elif format is RulesFormat.json:
        codes = {r.code for r in chosen}
        print_json([r for r in as_json() if r["code"] in codes])
    elif format is RulesFormat.md and not code:
        sys.stdout.write(as_markdown())
    else:
        audit_view.print_rules(out(), chosen)
