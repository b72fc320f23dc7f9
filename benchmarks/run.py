"""One command for jixiao's speed and memory targets, with the baselines measured in the same run.

Prints one table (and with --write, puts it into docs/performance.md between its markers):
  - parse time per format (median, p95) on the project's fixtures and synthetic .docx;
  - audit time (score + rule catalogue) per report;
  - per .docx report: jixiao parse + audit beside the unzip + lxml floor, python-docx's bare load
    and docling's DOCX conversion (in its own virtualenv, when it is there);
  - batch throughput of `jixiao batch --jobs 2` over 1,000 and 10,000 synthetic .docx, peak RSS;
  - start-up: bare Python, `jixiao --version`, `jixiao parse FILE.docx`, `jixiao audit FILE.docx` as whole commands;
  - OCR: seconds per scanned page (a table page included) and a 14-page scan's time and peak RSS.
Times per report are CPU time of this process (`time.process_time`): the machine is shared, and CPU
time is what another process's load disturbs least; wall times are given beside them.  Whole
commands are timed from outside (wall, and CPU and peak RSS from the kernel's accounting of the
finished process tree).  The package is byte-compiled first, as an installed wheel would be.

Usage: .venv/bin/python benchmarks/run.py [--sizes 1000 10000] [--quick] [--corpus DIR]
       [--docling-python /work/venv-docling/bin/python] [--write docs/performance.md]
       .venv/bin/python benchmarks/run.py --only startup     # the start-up rows alone, in ~15 s
       .venv/bin/python benchmarks/run.py --only peers       # the .docx rows against the floor, python-docx and docling, ~1 min
       .venv/bin/python benchmarks/run.py --only ocr         # the OCR rows alone, ~1-2 min (--quick: no 14-page scan)
"""

from __future__ import annotations

import argparse
import compileall
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))

from baselines import floor, python_docx

import synth  # the benchmarks' own generator, beside this file

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
JIXIAO = str(Path(sys.executable).with_name("jixiao"))
DOCLING_PYTHON = "/work/venv-docling/bin/python"
BEGIN, END = "<!-- run.py:begin -->", "<!-- run.py:end -->"


@dataclass
class Table:
    """The rows of the result table: what, jixiao's figure, the baseline, the ratio, the target and whether it is met."""

    rows: list[tuple[str, ...]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, what: str, figure: str, baseline: str = "", ratio: str = "", target: str = "", met: bool | None = None) -> None:
        verdict = "" if met is None else ("met" if met else "**not met**")
        self.rows.append((what, figure, baseline, ratio, target, verdict))
        print(f"  {what:58s} {figure:28s} {baseline:32s} {ratio:18s} {target:20s} {verdict}", flush=True)

    def markdown(self) -> str:
        head = ["| measure | jixiao | baseline (same run) | ratio | target | |", "|---|---|---|---|---|---|"]
        return "\n".join(head + ["| " + " | ".join(r) + " |" for r in self.rows] + ["", *(f"- {n}" for n in self.notes)])


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(math.ceil(0.95 * len(ordered)) - 1, 0)]


def timed(func: Callable[[], object], repeats: int) -> tuple[list[float], list[float]]:
    """CPU and wall seconds of `repeats` calls, after one warm-up call."""
    func()
    cpu, wall = [], []
    for _ in range(repeats):
        c, w = time.process_time(), time.perf_counter()
        func()
        cpu.append(time.process_time() - c)
        wall.append(time.perf_counter() - w)
    return cpu, wall


@dataclass
class Run:
    """A whole command: wall seconds, CPU seconds of its process tree, peak RSS (MB) of the tree and of one process."""

    wall: float
    cpu: float
    tree_mb: float
    largest_mb: float
    stderr: str


def run_command(cmd: list[str], env: dict | None = None, stdout=subprocess.DEVNULL, sample: float | None = 0.02) -> Run:
    """Run `cmd`, sampling the RSS of its process tree; CPU and the largest RSS from the kernel (wait4).

    With `sample=None` (a command of one process) nothing is sampled: the wait blocks, so the wall time is
    not rounded up to the next sample and no sampling competes with the command for the CPU.
    """
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=stdout, stderr=err, env=env)
        if sample is None:
            usage, tree, largest = os.wait4(proc.pid, 0)[2], 0.0, 0.0
        else:
            usage, tree, largest = _wait_sampling(proc.pid, sample)
        wall = time.perf_counter() - start
        proc.returncode = 0
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    largest = max(largest, usage.ru_maxrss / 1024)
    return Run(wall, usage.ru_utime + usage.ru_stime, max(tree, largest), largest, text)


def _wait_sampling(pid: int, sample: float):
    """Wait for `pid`, sampling the RSS of its process tree every `sample` s: its rusage, the tree's and one process's peak (MB)."""
    parent = psutil.Process(pid)
    tree = largest = 0.0
    while True:
        try:
            sizes = [p.memory_info().rss for p in [parent, *parent.children(recursive=True)]]
        except psutil.Error:
            sizes = []
        tree = max(tree, sum(sizes) / 2**20)
        largest = max([largest, *(s / 2**20 for s in sizes)])
        done, _, usage = os.wait4(pid, os.WNOHANG)
        if done:
            return usage, tree, largest
        time.sleep(sample)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


# --- parse and audit per format ---------------------------------------------------------------------


def fixtures(fmt: str) -> list[Path]:
    found = sorted((DATA / fmt / "sources").glob("*"))
    if fmt == "text":
        found += sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))
    return found


def parse_per_format(table: Table, sample: list[Path], repeats: int) -> None:
    """Median and p95 of read + extract per file, per format (CPU; wall median beside)."""
    from jixiao.extract import extract
    from jixiao.ingest.registry import read

    formats = {fmt: fixtures(fmt) for fmt in ("text", "docx", "xlsx", "pdf")}
    formats["docx (synthetic)"] = sample
    for fmt, paths in formats.items():
        cpu, wall = [], []
        for path in paths:
            c, w = timed(lambda path=path: extract(read(path)), repeats)
            cpu += c
            wall += w
        table.add(f"parse {fmt} ({len(paths)} files × {repeats})", f"{ms(statistics.median(cpu))} median, {ms(p95(cpu))} p95",
                  f"wall {ms(statistics.median(wall))} median")


def audit_time(table: Table, paths: list[Path], repeats: int) -> None:
    """Score + audit of a read report (the rule catalogue, profile detected), per report."""
    import jixiao

    cpu = []
    for path in paths:
        doc = jixiao.read(path)
        report = jixiao.extract(doc)
        c, _ = timed(lambda doc=doc, report=report: (jixiao.score(report), jixiao.audit(report, doc)), repeats)
        cpu += c
    table.add(f"audit + score per report ({len(paths)} .docx/.txt/.xlsx/.pdf)", f"{ms(statistics.median(cpu))} median, {ms(p95(cpu))} p95")


# --- .docx against its peers -------------------------------------------------------------------------



def jixiao_docx(path: Path) -> None:
    import jixiao

    jixiao.process(path, audit=True)


class Docling:
    """docling's DOCX conversion timed file by file in its own virtualenv (`peer_docling.py`, a line server),
    or why it cannot be: no virtualenv, or the peer failed."""

    def __init__(self, python: str, repeats: int):
        self.proc, self.import_ms, self.problem = None, 0.0, ""
        if not Path(python).exists():
            self.problem = (f"docling: no virtualenv at {python} (python3 -m venv /work/venv-docling && "
                            "/work/venv-docling/bin/pip install 'docling-slim[format-docx]')")
            return
        script = Path(__file__).with_name("peer_docling.py")
        self.proc = subprocess.Popen([python, str(script), str(repeats)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True)
        self.import_ms = self._answer().get("import_ms", 0.0)

    def _answer(self) -> dict:
        line = self.proc.stdout.readline() if self.proc and not self.problem else ""
        if not line:
            self.problem = self.problem or f"docling failed: {self.proc.stderr.read().strip().splitlines()[-1:] if self.proc else ''}"
            return {}
        return json.loads(line)

    def cpu(self, path: Path) -> float | None:
        """Median CPU seconds of converting `path`, or None once the peer has failed."""
        if self.problem:
            return None
        self.proc.stdin.write(f"{path}\n")
        self.proc.stdin.flush()
        found = self._answer()
        return found["cpu_ms"] / 1000 if found else None

    def close(self) -> None:
        if self.proc:
            self.proc.stdin.close()
            self.proc.wait()


def docx_peers(table: Table, paths: list[Path], repeats: int, docling_python: str) -> None:
    """Per file: jixiao parse + audit, the floor, python-docx and docling one after another (so that the
    machine's drift falls on all alike); ratios are medians of per-file ratios."""
    rows = {name: [] for name in ("jixiao", "floor", "python-docx")}
    walls = {name: [] for name in rows}
    peer = Docling(docling_python, repeats)
    dl: list[float | None] = []
    try:
        for path in paths:
            for name, func in (("jixiao", jixiao_docx), ("floor", floor), ("python-docx", python_docx)):
                cpu, wall = timed(lambda func=func, path=path: func(path), repeats)
                rows[name].append(statistics.median(cpu))
                walls[name].append(statistics.median(wall))
            dl.append(peer.cpu(path))
    finally:
        peer.close()
    jx, fl, pd = rows["jixiao"], rows["floor"], rows["python-docx"]
    to_floor = [a / b for a, b in zip(jx, fl)]
    table.add(f"parse + audit of a .docx ({len(paths)} files)", f"{ms(statistics.median(jx))} median", f"floor {ms(statistics.median(fl))} median",
              f"{statistics.median(to_floor):.1f}× floor", "≤ 6× floor", statistics.median(to_floor) <= 6)
    table.add("  (same, wall)", f"{ms(statistics.median(walls['jixiao']))} median", f"floor {ms(statistics.median(walls['floor']))}")
    table.add("python-docx bare load + tables walk", "", f"{ms(statistics.median(pd))} median", f"{statistics.median([b / a for a, b in zip(jx, pd)]):.2f}× jixiao")
    if peer.problem:
        table.notes.append(peer.problem)
        return
    speedup = [b / a for a, b in zip(jx, dl)]
    table.add("docling DOCX conversion (backend, no models)", "", f"{ms(statistics.median(dl))} median, +{peer.import_ms / 1000:.1f} s import",
              f"jixiao {statistics.median(speedup):.1f}× faster", "≥ 10× faster", statistics.median(speedup) >= 10)


# --- batch, start-up, OCR ----------------------------------------------------------------------------


def batch(table: Table, corpus: Path, n: int, jobs: int = 2) -> None:
    """`jixiao batch` over the first n files of the corpus, into a fresh output folder."""
    with tempfile.TemporaryDirectory(prefix="jixiao-batch-") as tmp:
        src = Path(tmp) / "in"
        src.mkdir()
        for path in sorted(corpus.glob("*.docx"))[:n]:
            os.link(path, src / path.name)
        run = run_command([JIXIAO, "batch", str(src), "-o", f"{tmp}/out", "--jobs", str(jobs)])
    rate = n / run.wall
    summary = next((line for line in reversed(run.stderr.splitlines()) if line.startswith("共")), run.stderr[-200:])
    table.add(f"batch --jobs {jobs}: {n:,} synthetic .docx (parse+score+audit, stored)", f"{rate:.1f} reports/s ({run.wall:.0f} s wall)",
              f"{run.cpu / n * 1000:.1f} ms CPU per report", f"{n / run.cpu:.1f} reports per CPU-s", "≥ 100 reports/s", rate >= 100)
    table.add(f"  peak RSS, {n:,} files", f"{run.tree_mb:.0f} MB (all processes)", f"largest process {run.largest_mb:.0f} MB", "", "< 1 GB", run.tree_mb < 1024)
    table.notes.append(f"batch of {n:,}: {summary.strip()}")


# What any `jixiao parse` imports before jixiao's own code runs: the CLI (typer, which coerces its options through
# pydantic), pydantic's models and plugin loader, and lxml — the floor a parse's start-up cannot go below.
LIBRARY_FLOOR = "import typer._adapters, lxml.etree, pydantic.plugin._loader; from pydantic import BaseModel"


def startup(table: Table, repeats: int) -> None:
    """Whole commands, medians of `repeats` rounds: bare Python, the libraries' import floor, `jixiao --version`,
    `jixiao parse` and `jixiao audit` of one fixture .docx."""
    path = DATA / "docx" / "sources" / "hn_qingshi_2024.docx"
    commands = [("python -c pass", [sys.executable, "-c", "pass"]), ("import floor: typer, pydantic, lxml", [sys.executable, "-c", LIBRARY_FLOOR]),
                ("jixiao --version", [JIXIAO, "--version"]),
                (f"jixiao parse {path.name}", [JIXIAO, "parse", str(path)]), (f"jixiao audit {path.name}", [JIXIAO, "audit", str(path)])]
    runs: dict[str, list[Run]] = {name: [] for name, _ in commands}
    for _ in range(repeats + 1):  # round by round, so that a change of load falls on every command alike; the first round warms up
        for name, cmd in commands:
            runs[name].append(run_command(cmd, sample=None))
    results = {name: (statistics.median(r.wall for r in rs[1:]), statistics.median(r.cpu for r in rs[1:]), max(r.largest_mb for r in rs[1:]))
               for name, rs in runs.items()}
    base, floor_wall = results["python -c pass"][0], results["import floor: typer, pydantic, lxml"][0]
    for name, (wall, cpu, rss) in results.items():
        is_parse = name.startswith("jixiao parse")
        baseline = "" if name == "python -c pass" else f"python -c pass {ms(base)} wall"
        if is_parse:
            baseline = f"import floor {ms(floor_wall)} wall; jixiao's own {ms(wall - floor_wall)}"
        table.add(f"start-up: {name}", f"{ms(wall)} wall, {ms(cpu)} CPU", baseline, f"peak {rss:.0f} MB",
                  "< 200 ms wall" if is_parse else "", wall < 0.2 if is_parse else None)


def scan14(pdf_dir: Path, target: Path) -> int:
    """A 14-page scan: the text PDF fixtures' pages rendered at 150 dpi into an image-only PDF."""
    import pypdfium2

    pages = []
    for path in sorted(pdf_dir.glob("*.pdf")):
        for page in pypdfium2.PdfDocument(str(path)):
            if len(pages) < 14:
                pages.append(page.render(scale=150 / 72, grayscale=True).to_pil())
    pages[0].save(target, save_all=True, append_images=pages[1:], resolution=150)
    return len(pages)


def ocr(table: Table, quick: bool) -> None:
    """Seconds per scanned page (in this process, engine loaded) and a 14-page scan as a whole command."""
    import pypdfium2

    from jixiao.extract import extract
    from jixiao.ingest.registry import read

    scans = fixtures("scan") + sorted((DATA / "layouts" / "sources").glob("*scan*"))
    per_page, table_page = [], []
    for path in scans:
        pages = len(pypdfium2.PdfDocument(str(path))) if path.suffix == ".pdf" else 1
        cpu, wall = timed(lambda path=path: extract(read(path)), 1)
        per_page.append((wall[0] / pages, cpu[0] / pages))
        if "selfeval_page" in path.name or "form_scan" in path.name:
            table_page.append(wall[0] / pages)
    walls = [w for w, _ in per_page]
    table.add(f"OCR per scanned page ({len(scans)} scans)", f"{statistics.median(walls):.2f} s median wall, max {max(walls):.2f} s",
              f"{statistics.median(c for _, c in per_page):.2f} s CPU median", "", "≤ 2.5 s per page", max(walls) <= 2.5)
    if table_page:
        table.add("  a form page (table) alone", f"{max(table_page):.2f} s wall (slowest)", "", "", "≤ 2.5 s", max(table_page) <= 2.5)
    if quick:
        return
    with tempfile.TemporaryDirectory(prefix="jixiao-scan-") as tmp:
        target = Path(tmp) / "scan14.pdf"
        n = scan14(DATA / "pdf" / "sources", target)
        run = run_command([JIXIAO, "parse", str(target), "--format", "json"], sample=0.05)
    table.add(f"{n}-page scan, jixiao parse (whole command)", f"{run.wall:.1f} s wall, {run.wall / n:.2f} s/page", f"{run.cpu:.1f} s CPU",
              f"peak {run.largest_mb:.0f} MB", "< 600 MB peak", run.largest_mb < 600)


# --- the run -----------------------------------------------------------------------------------------


def docx_files() -> list[Path]:
    """The .docx fixtures: the docx folder's and the layouts'."""
    return fixtures("docx") + sorted((DATA / "layouts" / "sources").glob("*.docx"))


def peers(table: Table, args: argparse.Namespace) -> None:
    """The .docx rows alone: the fixtures and the corpus's first 16 files (made in a temporary folder
    unless --corpus has them), jixiao beside the floor, python-docx and docling."""
    with tempfile.TemporaryDirectory(prefix="jixiao-synth-") as tmp:
        sample = synth.build(args.corpus or Path(tmp), 16)
        docx_peers(table, docx_files() + sample, 3 if args.quick else 7, args.docling_python)


PARTS: dict[str, Callable[[Table, argparse.Namespace], None]] = {
    "startup": lambda table, args: startup(table, 3 if args.quick else 7),
    "peers": peers,
    "ocr": lambda table, args: ocr(table, args.quick),
}


def only(part: str, args: argparse.Namespace) -> None:
    """One part of the table alone (the start-up, .docx-against-peers or OCR rows), with the load average before and after."""
    compileall.compile_dir(ROOT / "src", quiet=1)
    load = os.getloadavg()
    table = Table()
    PARTS[part](table, args)
    end = os.getloadavg()
    table.notes.append(f"{date.today()}, Python {platform.python_version()}, {os.cpu_count()} cores; load average at start "
                       f"{load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}, at end {end[0]:.1f} / {end[1]:.1f} / {end[2]:.1f}")
    print("\n" + table.markdown())


def write(path: Path, command: str, text: str) -> None:
    """Replace the part of `path` between the markers with the command and the table."""
    old = path.read_text(encoding="utf-8") if path.exists() else f"{BEGIN}\n{END}\n"
    head, rest = old.split(BEGIN, 1)
    tail = rest.split(END, 1)[1]
    path.write_text(f"{head}{BEGIN}\n\n`{command}`\n\n{text}\n\n{END}{tail}", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="batch sizes (synthetic .docx files)")
    parser.add_argument("--quick", action="store_true", help="fewer repeats, no 14-page scan, batch of 200 unless --sizes")
    parser.add_argument("--corpus", type=Path, help="keep the synthetic corpus here (reused by the next run)")
    parser.add_argument("--docling-python", default=DOCLING_PYTHON)
    parser.add_argument("--write", type=Path, help="put the table into this Markdown file, between its markers")
    parser.add_argument("--only", choices=sorted(PARTS), help="measure only this part (printed, never written)")
    args = parser.parse_args()
    if args.only:
        if args.write:
            parser.error("--only prints a part of the table; --write needs the whole of it")
        only(args.only, args)
        return
    if args.quick and args.sizes == [1000, 10000]:
        args.sizes = [200]
    repeats = 3 if args.quick else 7
    compileall.compile_dir(ROOT / "src", quiet=1)
    load = os.getloadavg()
    started = time.time()
    print(f"{date.today()} · {platform.python_version()} · {os.cpu_count()} cores · load {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}", flush=True)
    table = Table()
    corpus = args.corpus or Path(tempfile.mkdtemp(prefix="jixiao-synth-"))
    try:
        synth.build(corpus, max(args.sizes))
        sample = sorted(corpus.glob("*.docx"))[:48]
        startup(table, repeats)
        parse_per_format(table, sample, repeats)
        audit_time(table, docx_files() + fixtures("text") + fixtures("xlsx") + fixtures("pdf"), repeats)
        docx_peers(table, docx_files() + sample[:16], repeats, args.docling_python)
        for n in args.sizes:
            batch(table, corpus, n)
        ocr(table, args.quick)
    finally:
        if args.corpus is None:
            shutil.rmtree(corpus, ignore_errors=True)
    end = os.getloadavg()
    table.notes.append(f"{date.today()}, Python {platform.python_version()}, {os.cpu_count()} cores ({platform.processor() or platform.machine()}); "
                       f"load average at start {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}, at end {end[0]:.1f} / {end[1]:.1f} / {end[2]:.1f}; "
                       f"{(time.time() - started) / 60:.0f} min")
    text = table.markdown()
    print("\n" + text)
    if args.write:
        write(args.write, " ".join([".venv/bin/python benchmarks/run.py", *sys.argv[1:]]), text)


if __name__ == "__main__":
    main()
