"""Synthetic .docx reports for benchmarks: the project's fixture reports varied into N different files.

Each file starts from one of the fixture .docx reports (tests/data/docx/sources and the .docx
layouts in tests/data/layouts/sources, round-robin) and gets, inside word/document.xml:
  - another unit name (the base's unit name, as jixiao reads it, replaced everywhere it is written
    in one piece by a made-up name with the same kind of ending: 镇人民政府, 局, 学校 …);
  - other figures (the decimals of every decimal number redrawn: amounts, rates and scores change,
    years and counts stay);
  - another row count (rows of the longest table repeated or dropped, a few per file).
File i depends only on the seed and i, so the first 1,000 of a 10,000-file corpus are the same
1,000 files.  Files are written with the other package members unchanged.

Usage: .venv/bin/python benchmarks/synth.py OUT_DIR N [--seed 7] [--jobs 2]
(a proper `jixiao synth` command is a separate task; this is the benchmarks' own generator)
"""

from __future__ import annotations

import argparse
import copy
import io
import random
import re
import zipfile
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BODY = "word/document.xml"
PLACES = "青石白沙莲花龙凤鹤岗柳溪云山桃源金桥枫林梅岭松江竹溪石门清河长宁安平永和新田东湖西岭南港北塘双江三合高桥望城"
DECIMAL = re.compile(r"(\d+)\.(\d+)")
# Endings of unit names that stay when the place part of a name is changed.
ENDINGS = ("街道办事处", "镇人民政府", "乡人民政府", "人民政府", "委员会", "办事处", "卫生院", "医院", "学校", "中学", "小学", "中心", "局", "厅", "委", "院", "所", "站", "馆")


def bases() -> list[Path]:
    """The fixture .docx reports the corpus varies."""
    return sorted((ROOT / "tests/data/docx/sources").glob("*.docx")) + sorted((ROOT / "tests/data/layouts/sources").glob("*.docx"))


@cache
def _base(path: Path) -> tuple[dict[str, bytes], str | None]:
    """A base's package members and its unit name as jixiao reads it."""
    from jixiao.extract import extract
    from jixiao.ingest.registry import read

    with zipfile.ZipFile(path) as z:
        members = {i.filename: z.read(i) for i in z.infolist()}
    return members, extract(read(path)).unit.name


def _place(rng: random.Random) -> str:
    """A two-character place name from PLACES."""
    k = rng.randrange(len(PLACES) // 2) * 2
    return PLACES[k:k + 2]


def new_name(name: str, rng: random.Random) -> str:
    """A made-up unit name with the same ending as `name` (沅澧县青石镇人民政府 → 云山县桃源镇人民政府)."""
    ending = next((e for e in ENDINGS if name.endswith(e)), name[-2:])
    county = f"{_place(rng)}县" if "县" in name or "市" in name else ""
    return f"{county}{_place(rng)}{ending}"


def _figures(text: str, rng: random.Random) -> str:
    """Every decimal number's fractional digits redrawn (as many digits as before)."""
    return DECIMAL.sub(lambda m: f"{m[1]}.{''.join(str(rng.randrange(10)) for _ in m[2])}", text)


def _rows(root: etree._Element, rng: random.Random) -> None:
    """Rows of the longest table repeated (right after themselves) or dropped (only rows with no merged cells)."""
    tables = list(root.iter(W + "tbl"))
    if not tables:
        return
    rows = [tr for tr in max(tables, key=lambda t: len(t.findall(W + "tr"))).findall(W + "tr")]
    body = rows[2:-1]  # header rows and the last (total) row stay
    if not body:
        return
    for tr in rng.sample(body, min(len(body), rng.randrange(0, 7))):
        tr.addnext(copy.deepcopy(tr))
    plain = [tr for tr in body if tr.find(f".//{W}vMerge") is None and tr.find(f".//{W}gridSpan") is None and tr.getparent() is not None]
    for tr in rng.sample(plain, min(len(plain), rng.randrange(0, 3))):
        tr.getparent().remove(tr)


def make(index: int, seed: int = 7) -> tuple[str, bytes]:
    """File `index` of the corpus: its name and its bytes."""
    rng = random.Random(seed * 1_000_003 + index)
    base = bases()[index % len(bases())]
    members, name = _base(base)
    xml = members[BODY].decode("utf-8")
    if name:
        xml = xml.replace(name, new_name(name, rng))
    root = etree.fromstring(xml.encode("utf-8"))
    for t in root.iter(W + "t"):
        if t.text and "." in t.text:
            t.text = _figures(t.text, rng)
    _rows(root, rng)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for member, data in members.items():
            z.writestr(member, etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True) if member == BODY else data)
    return f"{index:05d}_{base.stem}.docx", out.getvalue()


def _write(args: tuple[Path, int, int]) -> None:
    out, index, seed = args
    name, data = make(index, seed)
    (out / name).write_bytes(data)


def build(out: Path, n: int, seed: int = 7, jobs: int = 2) -> list[Path]:
    """Write files 0..n-1 of the corpus into `out` (files already there are kept); their paths."""
    out.mkdir(parents=True, exist_ok=True)
    have = {p.name for p in out.glob("*.docx")}
    names = [f"{i:05d}_{bases()[i % len(bases())].stem}.docx" for i in range(n)]
    todo = [(out, i, seed) for i, name in enumerate(names) if name not in have]
    if todo:
        with ProcessPoolExecutor(max(jobs, 1)) as pool:
            list(pool.map(_write, todo, chunksize=64))
    return [out / name for name in names]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    print(f"{len(build(args.out, args.n, args.seed, args.jobs))} files in {args.out}")


if __name__ == "__main__":
    main()
