"""Terminal output: lazy rich consoles, plain-text printing (a file name is never markup), JSON, output paths."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from jixiao.cli.errors import CliError
from jixiao.lazyre import lazy

if TYPE_CHECKING:
    from pydantic import BaseModel
    from rich.console import Console


@cache
def out() -> Console:
    from rich.console import Console

    return Console(soft_wrap=True, highlight=False)


@cache
def err() -> Console:
    from rich.console import Console

    return Console(stderr=True, soft_wrap=True, highlight=False)


def say(message: str, label: str = "", style: str = "") -> None:
    """One line on stderr: an optional styled label, then the message as plain text (never markup)."""
    from rich.text import Text

    err().print(Text.assemble((label, style), message))


def print_error(message: str) -> None:
    say(message, "错误：", "bold red")


def print_json(data: object) -> None:
    """Indented JSON on stdout; every number valid JSON; a result too large for memory is a clear error."""
    from jixiao.batch.files import dumps

    _write_json(lambda: dumps(data, indent=2))


def print_model_json(model: BaseModel, exclude: set[str] | None = None) -> None:
    """`print_json(model.model_dump(mode="json", exclude=exclude))`, the same text (see `model_json`)."""
    _write_json(lambda: model_json(model, exclude))


def _write_json(make: Callable[[], str]) -> None:
    try:
        text = make()
    except MemoryError:
        raise CliError("结果过大，输出 JSON 时内存不足；请减少一次处理的文件，或用 jixiao batch 按文件写出结果", code="memory_error") from None
    sys.stdout.write(text + "\n")


_FLOAT_FORMS_DIFFER = lazy(r"\d[eE]|0\.0000")
"""Numbers whose text pydantic's serializer (Rust, ryu) and Python's `repr` write differently: an exponent
(1e+16 / 1e16, 1e-07 / 1e-7) or a positional 0.0000… (1e-05 / 0.00001).  Anywhere else in a JSON text the two
agree number for number; a match inside a string only sends that text the slow way."""


def model_json(model: BaseModel, exclude: set[str] | None = None) -> str:
    """`batch.files.dumps(model.model_dump(mode="json", exclude=exclude), indent=2)`, the same text.

    Written by pydantic's own serializer (about 5× faster than the json module's pure-Python indenting
    encoder) unless it may write a number differently (`_FLOAT_FORMS_DIFFER`) or cannot write the data
    (a lone surrogate): then by the json module, as before.
    """
    from pydantic_core import PydanticSerializationError

    try:
        text = model.model_dump_json(indent=2, exclude=exclude)
    except (PydanticSerializationError, ValueError):
        text = None
    if text is None or _FLOAT_FORMS_DIFFER.search(text):
        from jixiao.batch.files import dumps

        return dumps(model.model_dump(mode="json", exclude=exclude), indent=2)
    return text


def output_file(output: Path, default_name: str) -> Path:
    """The file to write: `output`, or a file named `default_name` inside it when it is a folder (an existing
    directory, or a name without an extension); the folder is created when missing."""
    if output.is_dir() or not output.suffix:
        output = output / default_name
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise CliError(f"{output.parent}：无法创建输出目录（{e.strerror or e}）", output.parent, "output_error") from None
    if output.is_dir():
        raise CliError(f"{output}：这是一个目录，无法作为输出文件", output, "output_error")
    return output


def output_dir(output: Path) -> Path:
    """A folder to write many files into, created when missing."""
    try:
        output.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise CliError(f"{output}：已存在同名文件，无法作为输出目录", output, "output_error") from None
    except OSError as e:
        raise CliError(f"{output}：无法创建输出目录（{e.strerror or e}）", output, "output_error") from None
    return output


@contextmanager
def writing(target: Path, what: str = "文件") -> Iterator[None]:
    """An OSError while writing `target` becomes one Chinese line naming it."""
    try:
        yield
    except OSError as e:
        raise CliError(f"{target}：无法写出{what}（{e.strerror or e}）", target, "output_error") from None
