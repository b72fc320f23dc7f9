"""The one small exception hierarchy; the CLI turns any `JixiaoError` into one Chinese line.

`describe` maps any exception a reading library raises to what is wrong with the file in the
user's terms (损坏、加密、不支持的压缩方式、嵌套过深、数值超出范围…), never the exception class.
"""

from __future__ import annotations


class JixiaoError(Exception):
    """Base of every error jixiao reports to a user; `str()` is the Chinese message."""


class InputError(JixiaoError):
    """A file that cannot be read: missing, empty, corrupt, encrypted, unsupported or hostile."""

    def __init__(self, path: str, cause: str):
        self.path = path
        self.cause = cause
        super().__init__(f"{path}：{cause}")


class MissingToolError(JixiaoError):
    """A format needs an external program (e.g. LibreOffice) that is not installed."""


CORRUPT = "文件已损坏或不完整"
ENCRYPTED = "文件已加密，请去除密码后再提交"
UNSUPPORTED_COMPRESSION = "文件使用了不支持的压缩方式，无法读取（请用 Word/Excel/WPS 另存后重试）"
TOO_DEEP = "文件结构嵌套过深，无法解析"
OUT_OF_MEMORY = "文件过大，读取时内存不足"
NUMBER_RANGE = "文件中的数值超出范围，无法读取"

# (words in an exception's class name or message, what that means for the file), first match wins.
# Library exceptions are matched by name so that this module imports no reading library.
CAUSES: list[tuple[tuple[str, ...], str]] = [
    (("Password", "Encrypt", "encrypted", "password required"), ENCRYPTED),
    (("RecursionError", "recursion depth"), TOO_DEEP),
    (("MemoryError",), OUT_OF_MEMORY),
    (("compression method", "zip file version", "compression type"), UNSUPPORTED_COMPRESSION),
    (("OverflowError", "InvalidOperation", "Exceeds the limit", "DivisionByZero"), NUMBER_RANGE),
]


def _chain(exc: BaseException) -> list[BaseException]:
    """The exception, what caused it, and exceptions it carries as arguments (library wrappers)."""
    seen: list[BaseException] = []
    todo = [exc]
    while todo and len(seen) < 20:
        e = todo.pop(0)
        if any(e is s for s in seen):
            continue
        seen.append(e)
        todo += [x for x in (e.__cause__, e.__context__, *e.args) if isinstance(x, BaseException)]
    return seen


def _text(e: BaseException) -> str:
    try:
        return str(e)[:300]
    except Exception:  # a library exception whose __str__ fails on its own damaged arguments
        return ""


def describe(exc: BaseException) -> str:
    """What a library exception says about the file, in Chinese; 损坏 when nothing more is known."""
    words = [f"{cls.__name__} {_text(e)}" for e in _chain(exc) for cls in type(e).__mro__]
    for needles, cause in CAUSES:
        if any(n in w for n in needles for w in words):
            return cause
    for e in _chain(exc):
        if isinstance(e, OSError) and e.errno is not None:
            return f"无法读取文件（{e.strerror or '系统错误'}）"
    return CORRUPT
