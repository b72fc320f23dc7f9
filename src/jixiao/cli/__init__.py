"""The `jixiao` command line: thin callers of the library, Chinese messages, no tracebacks.

`main` is the entry point (`jixiao = "jixiao.cli:main"`, and `python -m jixiao`); `app`, the typer
app in `cli/root.py`, is imported on first use (`from jixiao.cli import app` works as before).  Each
command lives in `cli/commands/`, imports what it needs when it runs, and leaves failures to the one
handler in `cli/errors.py`.

The command line runs no user code, so pydantic's plugin discovery (a scan of every installed
package's entry points, ~20 ms at start-up) is switched off here unless the environment says
otherwise (`PYDANTIC_DISABLE_PLUGINS=` set to empty keeps plugins on); the library leaves it alone.

Garbage collection: start-up (the imports, the command tree, its options) allocates
tens of thousands of objects that all live until the process ends, and the collector would walk them
again and again.  `main` turns automatic collection off while the command starts; when the command
itself begins (`chrome.Group.invoke`) everything made so far is moved out of the collector's sight
(`gc.freeze`) and collection is back on, so a long directory or batch run collects as usual.  At
exit the objects still alive are frozen too: the interpreter's final collection would only walk
them once more before the process ends.
"""

import gc
import os

os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

__all__ = ["app", "main"]


def main() -> None:
    """Run the `jixiao` command (exits with its code, like `app()`)."""
    gc.disable()
    try:
        from jixiao.cli.root import app

        app()
    finally:
        gc.freeze()
        gc.enable()  # as it was, for a caller that goes on after the command (tests catch SystemExit)


def __getattr__(name: str):
    if name == "app":
        from jixiao.cli.root import app

        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


if __name__ == "__main__":
    main()
