"""The `jixiao` command line: thin callers of the library, Chinese messages, no tracebacks.

`app` (in `cli/app.py`) is the entry point (`jixiao = "jixiao.cli:app"`); each command lives in
`cli/commands/`, imports what it needs when it runs, and leaves failures to the one handler in
`cli/errors.py`.

The command line runs no user code, so pydantic's plugin discovery (a scan of every installed
package's entry points, ~20 ms at start-up) is switched off here unless the environment says
otherwise (`PYDANTIC_DISABLE_PLUGINS=` set to empty keeps plugins on); the library leaves it alone.
"""

import os

os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from jixiao.cli.app import app  # after the environment is set
from jixiao.cli.serve import register

__all__ = ["app", "main"]

register(app)  # jixiao serve, jixiao user add


def main() -> None:
    app()


if __name__ == "__main__":
    main()
