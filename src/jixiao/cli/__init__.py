"""The `jixiao` command line: thin callers of the library, Chinese messages, no tracebacks.

`app` (in `cli/app.py`) is the entry point (`jixiao = "jixiao.cli:app"`); each command lives in
`cli/commands/`, imports what it needs when it runs, and leaves failures to the one handler in
`cli/errors.py`.
"""

from jixiao.cli.app import app
from jixiao.cli.serve import register

__all__ = ["app", "main"]

register(app)  # jixiao serve, jixiao user add


def main() -> None:
    app()


if __name__ == "__main__":
    main()
