"""Instructions per .docx of one stage of the pipeline, counted by valgrind's callgrind: a figure that
does not drift with the load of a shared machine (~1 % between runs of the same code), for A/B of a change.

The stage runs over the .docx set of run.py's peers row (the fixtures and the synthetic corpus's first 16
files) after a warm-up pass, once with no extra pass and once with two; the difference ÷ (2 × files) is
the stage's instructions per file.  Needs valgrind (`apt-get install valgrind`); each count takes 1–3 min.

Usage: .venv/bin/python benchmarks/instructions.py [read|extract|audit|process] [--src DIR]
  --src: a jixiao source tree to measure instead of the installed one (e.g. a copy of another commit's src)
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth  # the benchmarks' own generator, beside this file

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"


def files(corpus: Path) -> list[Path]:
    return (sorted((DATA / "docx" / "sources").glob("*.docx")) + sorted((DATA / "layouts" / "sources").glob("*.docx"))
            + synth.build(corpus, 16))


def run_stage(stage: str, passes: int, paths: list[Path]) -> None:
    """The child: read/extract every file once (and its warm-up), then `passes` more passes of `stage`."""
    import jixiao
    from jixiao.audit import audit
    from jixiao.scoring.profile import detect_profile

    docs = {p: jixiao.read(p) for p in paths}
    reports = {p: jixiao.extract(docs[p]) for p in paths}
    work = {"read": jixiao.read, "extract": lambda p: jixiao.extract(docs[p]), "process": lambda p: jixiao.process(p, audit=True),
            "audit": lambda p: audit(reports[p], docs[p], detect_profile(reports[p]), (), (), None)}[stage]
    for _ in range(passes + 1):
        for p in paths:
            work(p)


def count(stage: str, passes: int, paths: list[Path], src: Path | None) -> int:
    env = dict(os.environ, PYTHONHASHSEED="0")
    if src:
        env["PYTHONPATH"] = str(src)
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, __file__, "--child", stage, str(passes),
           *map(str, paths)]
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)
    return int(re.search(r"Collected : (\d+)", done.stderr).group(1))


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        run_stage(sys.argv[2], int(sys.argv[3]), [Path(p) for p in sys.argv[4:]])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stage", nargs="?", default="process", choices=["read", "extract", "audit", "process"])
    parser.add_argument("--src", type=Path, help="a jixiao source tree to measure (PYTHONPATH) instead of the installed one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="jixiao-synth-") as tmp:
        paths = files(Path(tmp))
        base, more = count(args.stage, 0, paths, args.src), count(args.stage, 2, paths, args.src)
    print(f"{args.stage}: {(more - base) / (2 * len(paths)) / 1000:,.0f} thousand instructions per file ({len(paths)} files)")


if __name__ == "__main__":
    main()
