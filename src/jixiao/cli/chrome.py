"""Chinese chrome for typer/click: usage line, help option, panel titles and usage-error messages.

typer vendors click with fixed English strings; this module translates what a user sees through a
small table, applied where the strings are made: the command classes below (usage prefix, option
metavars, help option), typer's rich panel constants (patched when help or an error is shown, so
start-up never pays for rich), and usage-error messages (translated before typer prints them).
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator, MutableMapping
from contextlib import contextmanager
from importlib import import_module
from typing import ClassVar

from typer._click.exceptions import UsageError
from typer.core import TyperCommand, TyperGroup

from jixiao.lazyre import lazy

OPTIONS_METAVAR = "[选项]"
HELP_TEXT = "显示帮助并退出"
RICH_STRINGS = {
    "ARGUMENTS_PANEL_TITLE": "参数",
    "OPTIONS_PANEL_TITLE": "选项",
    "COMMANDS_PANEL_TITLE": "命令",
    "ERRORS_PANEL_TITLE": "错误",
    "REQUIRED_LONG_STRING": "[必填]",
    "DEFAULT_STRING": "[默认：{}]",
    "ENVVAR_STRING": "[环境变量：{}]",
    "DEPRECATED_STRING": "（已弃用）",
    "ABORTED_TEXT": "已中止。",
    "RICH_HELP": "运行 [blue]'{command_path} {help_option}'[/] 查看帮助。",
}
MESSAGES = [
    (lazy(r"^No such option: (\S+)(?:\s+Did you mean (\S+)\?)?"), lambda m: f"没有选项 {m[1]}" + (f"；是否想用 {m[2]}？" if m[2] else "")),
    (lazy(r"^No such command '(.+)'\."), lambda m: f"没有命令 {m[1]}"),
    (lazy(r"^Missing argument '(.+)'\."), lambda m: f"缺少参数 {m[1]}"),
    (lazy(r"^Missing option '(.+)'\."), lambda m: f"缺少选项 {m[1]}"),
    (lazy(r"^Missing parameter: (.+)"), lambda m: f"缺少参数 {m[1]}"),
    (lazy(r"^Missing command\."), lambda m: "缺少命令"),
    (lazy(r"^Option '(.+)' requires an argument\."), lambda m: f"选项 {m[1]} 需要一个值"),
    (lazy(r"^Got unexpected extra arguments? ?(?:\(s\))? \((.+)\)"), lambda m: f"多余的参数：{m[1]}"),
    (lazy(r"^Invalid value for (.+?): (.+)", re.S), lambda m: f"{m[1].replace(chr(39), '')} 的值无效：{_invalid(m[2].strip())}"),
]
INVALID = [
    (lazy(r"'(.*)' is not one of (.+?)\.?$", re.S), lambda m: f"“{m[1]}”不在可选值 {m[2].replace(chr(39), '')} 之中"),
    (lazy(r"valid integer"), lambda m: "应为整数"),
    (lazy(r"valid number|valid float"), lambda m: "应为数字"),
    (lazy(r"does not exist"), lambda m: "路径不存在"),
]


def _invalid(reason: str) -> str:
    return _first(INVALID, reason)


def translate(message: str) -> str:
    """A click usage-error message in Chinese (unchanged when the table has no entry for it)."""
    return _first(MESSAGES, message)


def _first(table, text: str) -> str:
    """The translation by the first entry of `table` whose pattern occurs in `text`, else `text`."""
    return next((chinese(m) for pattern, chinese in table if (m := pattern.search(text))), text)


def patch_rich() -> None:
    """Put the Chinese strings into typer's rich help and error rendering."""
    from typer import rich_utils
    from typer.core import TyperOption

    for name, text in RICH_STRINGS.items():
        setattr(rich_utils, name, text)
    if not getattr(TyperOption.display_type_rich, "flags_bare", False):
        TyperOption.display_type_rich = _flag_bare(TyperOption.display_type_rich)


def _flag_bare(display_type_rich):
    """A flag (`--debug`, `--provenance/--no-provenance`) shows no value type: it takes no value."""

    def display(self, ctx):
        return None if getattr(self, "is_flag", False) else display_type_rich(self, ctx)

    display.flags_bare = True
    return display


class _Chinese:
    """Usage line, option metavar and help option in Chinese (mixed into typer's command classes)."""

    def format_usage(self, ctx, formatter) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix="用法：")

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = HELP_TEXT
        return option

    def format_help(self, ctx, formatter) -> None:
        patch_rich()
        super().format_help(ctx, formatter)


class Command(_Chinese, TyperCommand):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.options_metavar = OPTIONS_METAVAR


class LazyCommands(MutableMapping):
    """A group's commands by name, each imported and built on first access from "module:attribute",
    where the attribute is a command function or a typer app (a group of commands)."""

    def __init__(self, paths: dict[str, str]):
        self.paths = dict(paths)
        self.built: dict[str, Command] = {}

    def __getitem__(self, name: str):
        if name not in self.built:
            self.built[name] = _build(name, self.paths[name])
        return self.built[name]

    def __setitem__(self, name: str, command) -> None:
        self.paths.setdefault(name, "")
        self.built[name] = command

    def __delitem__(self, name: str) -> None:
        del self.paths[name]
        self.built.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(self.paths)

    def __len__(self) -> int:
        return len(self.paths)


def _build(name: str, path: str):
    import typer
    import typer.main

    module, attribute = path.split(":")
    target = getattr(import_module(module), attribute)
    holder = typer.Typer(add_completion=False)
    if isinstance(target, typer.Typer):
        holder.add_typer(target, name=name)
        return typer.main.get_command(holder).commands[name]
    holder.command(name, cls=Command)(target)
    return typer.main.get_command(holder)


class Group(_Chinese, TyperGroup):
    """The app's command group; `invoke` is where the one error handler sits (see `errors.handle`).

    A subclass that sets `commands_by_path` ({name: "module:attribute"}) gets its commands built on
    first use (`LazyCommands`) instead of all of them before every run."""

    commands_by_path: ClassVar[dict[str, str]] = {}

    def __init__(self, *args, **kwargs):
        kwargs["subcommand_metavar"] = "命令 [参数]..."
        super().__init__(*args, **kwargs)
        self.options_metavar = OPTIONS_METAVAR
        if self.commands_by_path:
            lazy = LazyCommands(self.commands_by_path)
            for name, command in self.commands.items():
                lazy[name] = command
            self.commands = lazy

    def list_commands(self, ctx) -> list[str]:
        return list(self.commands)  # the names alone: building every command is for help, not for listing

    def parse_args(self, ctx, args):
        with _chinese_usage_errors():
            return super().parse_args(ctx, args)

    def resolve_command(self, ctx, args):
        with _chinese_usage_errors():
            return super().resolve_command(ctx, args)

    def invoke(self, ctx):
        from jixiao.cli.errors import handle

        if not gc.isenabled():  # started by `jixiao.cli.main`: what start-up made lives until exit
            gc.freeze()
            gc.enable()
        with _chinese_usage_errors(), handle():
            return super().invoke(ctx)


@contextmanager
def _chinese_usage_errors() -> Iterator[None]:
    """Translate a usage error's message on its way out, and ready the Chinese panel for it."""
    try:
        yield
    except UsageError as error:
        if not getattr(error, "translated", False):
            patch_rich()
            message = translate(error.format_message())
            error.format_message = lambda: message
            error.translated = True
        raise
