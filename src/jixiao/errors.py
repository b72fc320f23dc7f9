"""The one small exception hierarchy; the CLI turns any `JixiaoError` into one Chinese line."""

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
