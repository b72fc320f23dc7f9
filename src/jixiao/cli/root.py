"""The typer app: global options (--version, --debug), the commands, Chinese chrome, one error handler.

The commands are listed in `COMMANDS` by where they live and are built when first asked for
(`chrome.LazyCommands`): `jixiao parse` imports and builds `parse` alone, `jixiao --help` all of them.
"""

from pathlib import Path

import typer

from jixiao import __version__
from jixiao.cli.chrome import Group
from jixiao.cli.errors import state

COMMANDS = {
    "parse": "jixiao.cli.commands.read:parse",
    "inspect": "jixiao.cli.commands.read:inspect",
    "score": "jixiao.cli.commands.check:score",
    "audit": "jixiao.cli.commands.check:audit",
    "rules": "jixiao.cli.commands.check:rules",
    "template": "jixiao.cli.commands.compose:template",
    "render": "jixiao.cli.commands.compose:render",
    "batch": "jixiao.cli.commands.batch:batch",
    "synth": "jixiao.cli.commands.synth:synth",
    "version": "jixiao.cli.root:version",
    "serve": "jixiao.cli.serve:serve",
    "user": "jixiao.cli.serve:user_app",
}
"""Every command (or group of commands) by name, in the order help lists them: "module:function" or "module:typer app"."""


class Root(Group):
    commands_by_path = COMMANDS


app = typer.Typer(
    cls=Root,
    help="jixiao（绩效）：读取、复核与审核部门整体支出绩效自评报告。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"jixiao {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", "-V", callback=_show_version, is_eager=True, help="显示版本号并退出"),
    debug: bool = typer.Option(False, "--debug", help="把详细错误信息（回溯、库的日志）写入日志文件 jixiao-debug.log，不显示在终端"),
    debug_log: Path = typer.Option(None, "--debug-log", help="调试日志文件的路径（给出时即开启 --debug）"),
) -> None:
    """jixiao（绩效）：读取、复核与审核部门整体支出绩效自评报告。"""
    from jixiao.batch.logs import configure

    state.json_errors = False
    state.debug_log = (debug_log or Path("jixiao-debug.log")).resolve() if debug or debug_log else None
    configure(state.debug_log)


def version() -> None:
    """显示版本号。"""
    typer.echo(f"jixiao {__version__}")
