"""The CLI's one error handler: a Chinese line (or one JSON error object), an exit code, no traceback.

JixiaoError → its message, exit 2; an OSError (an output path that cannot be written) → one line
naming the path, exit 2; MemoryError → one line, exit 2; Ctrl-C → 已中断, exit 130; anything
else → 内部错误 with the exception's type, exit 3.  The raw detail (traceback) goes to the debug
log when `--debug` is on, never to the terminal.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from typer._click.exceptions import ClickException
from typer.exceptions import Abort, Exit

from jixiao.errors import InputError, JixiaoError

log = logging.getLogger("jixiao.cli")


class CliError(JixiaoError):
    """A user-facing failure of a command: the Chinese message, the file it is about, a code for JSON."""

    def __init__(self, message: str, file: str | Path | None = None, code: str = "error", exit_code: int = 2):
        super().__init__(message)
        self.file = None if file is None else str(file)
        self.code = code
        self.exit_code = exit_code


@dataclass(slots=True)
class State:
    """Per invocation: whether errors go out as JSON (a `--format json` command), and the debug log."""

    json_errors: bool = False
    debug_log: Path | None = None


state = State()


def as_cli_error(e: BaseException) -> CliError:
    """Any failure as a CliError with its Chinese message, file and code."""
    if isinstance(e, CliError):
        return e
    if isinstance(e, InputError):
        return CliError(str(e), e.path, "input_error")
    if isinstance(e, JixiaoError):
        return CliError(str(e), code=type(e).__name__.removesuffix("Error").lower() or "error")
    if isinstance(e, OSError):
        where = f"{e.filename}：" if e.filename else ""
        return CliError(f"{where}文件读写失败（{e.strerror or e}）", e.filename, "os_error")
    if isinstance(e, MemoryError):
        return CliError("内存不足，无法完成（文件或结果过大）", code="memory_error")
    if isinstance(e, KeyboardInterrupt):
        return CliError("已中断", code="interrupted", exit_code=130)
    hint = f"详情已写入 {state.debug_log}" if state.debug_log else "加 --debug 运行可把详情写入日志文件"
    return CliError(f"内部错误（{type(e).__name__}：{e}）；{hint}"[:500], code="internal_error", exit_code=3)


def report(error: CliError) -> None:
    """Print one error: a JSON object on stdout for `--format json`, and one Chinese line on stderr."""
    from jixiao.cli.console import print_error, print_json

    if state.json_errors:
        with suppress(CliError):  # even this small object cannot be written: the line on stderr says it all
            print_json({"error": {"file": error.file, "message": str(error), "code": error.code}})
    print_error(str(error))


@contextmanager
def handle() -> Iterator[None]:
    """Turn every failure of a command into `report` and an exit code."""
    try:
        yield
    except (ClickException, Exit, Abort):
        raise
    except (Exception, KeyboardInterrupt) as e:
        log.debug("command failed", exc_info=e)
        error = as_cli_error(e)
        report(error)
        raise Exit(error.exit_code) from None
