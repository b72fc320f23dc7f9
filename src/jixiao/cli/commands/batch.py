"""`jixiao batch`: a whole directory parsed, scored and audited into an output folder, resumably."""

from functools import partial
from pathlib import Path

import typer

from jixiao.cli.errors import CliError, state
from jixiao.cli.options import IGNORE_HELP, PROFILE_HELP, SELECT_HELP, TIMEOUT_HELP

STATUS_NAMES = {"ok": "成功", "partial": "部分", "failed": "失败", "skipped": "跳过"}


def batch(
    directory: Path = typer.Argument(..., help="报告所在目录（递归处理其中全部报告）"),
    output: Path = typer.Option(..., "--output", "-o", help="输出目录：台账 ledger.sqlite、results/ 下每个文件的结果、failures.csv、审核意见表.xlsx"),
    jobs: int = typer.Option(None, "--jobs", "-j", help="并行工作进程数（默认每个 CPU 核一个）"),
    timeout: float = typer.Option(60, "--timeout", help=TIMEOUT_HELP),
    memory: int = typer.Option(2048, "--memory", help="每个工作进程的内存上限（MB），超出时停止该文件并记为失败；0 表示不限"),
    scheduler: str = typer.Option(None, "--scheduler", help="Dask 调度器地址（如 tcp://127.0.0.1:8786）：在 Dask 集群上处理"),
    profile: str = typer.Option(None, "--profile", "-p", help=PROFILE_HELP),
    select: list[str] = typer.Option([], "--select", metavar="<代码>", help=SELECT_HELP),
    ignore: list[str] = typer.Option([], "--ignore", metavar="<代码>", help=IGNORE_HELP),
) -> None:
    """批量处理目录：解析、计分、审核，逐个文件写出结果并记入台账；再次运行时跳过未改动的文件，中断后可续跑。"""
    from jixiao.batch.logs import LoggedWork
    from jixiao.batch.run import BatchOptions, default_jobs, run_batch
    from jixiao.batch.runner import Limits
    from jixiao.cli.console import output_dir, say
    from jixiao.cli.progress import progress_bar
    from jixiao.outcome import AuditOptions, check_selection, process
    from jixiao.scoring.profile import load_profile

    if not directory.is_dir():
        raise CliError(f"{directory}：不是目录（处理单个文件请用 jixiao parse 或 jixiao audit）", directory, "usage_error")
    if scheduler and not scheduler.startswith(("tcp://", "tls://")):
        raise CliError(f"--scheduler 应为 tcp://主机:端口 形式的地址，而不是 {scheduler}", code="usage_error")
    check_selection(select, ignore)
    if profile:
        load_profile(profile)
    audit = AuditOptions(profile, tuple(select), tuple(ignore))
    options = BatchOptions(audit, jobs or default_jobs(), Limits(timeout, memory or None), scheduler)
    work = partial(process, audit=audit, score=True)
    if not scheduler:  # local workers log like this command; a Dask worker keeps its own logging
        work = LoggedWork(work, state.debug_log)
    with progress_bar("处理中") as bar:
        summary = run_batch(directory, output_dir(output), options, work, on_total=bar.total, on_result=lambda status, path: bar.advance(path))
    counts = "，".join(f"{STATUS_NAMES[s]} {summary.counts[s]} 个" for s in STATUS_NAMES)
    say(f"共 {summary.total} 个文件：{counts}；用时 {summary.seconds:.1f} 秒。结果在 {output}")
    if summary.counts["failed"]:
        say(f"失败的文件及原因见 {output / 'failures.csv'}")
    if summary.interrupted:
        from jixiao.cli.dirrun import interrupted_line

        say(interrupted_line(summary.done, summary.remaining))
        raise typer.Exit(130)
    raise typer.Exit(1 if summary.counts["failed"] else 0)

