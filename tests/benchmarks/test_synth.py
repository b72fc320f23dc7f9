"""The benchmarks' synthetic .docx corpus: files differ from each other and from their base, and read like reports."""

import importlib.util
import sys
import zipfile
from pathlib import Path

import jixiao

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("bench_synth", ROOT / "benchmarks" / "synth.py")
synth = importlib.util.module_from_spec(_spec)
sys.modules["bench_synth"] = synth  # its worker pool pickles functions by module name
_spec.loader.exec_module(synth)


def test_each_file_is_a_different_report_of_its_base(tmp_path):
    n = len(synth.bases())
    paths = synth.build(tmp_path, n + 1)
    assert len({p.read_bytes() for p in paths}) == n + 1
    first, again = paths[0], paths[n]  # the same base, varied twice
    reports = [jixiao.extract(jixiao.read(p)) for p in (synth.bases()[0], first, again)]
    names = [r.unit.name for r in reports]
    assert len(set(names)) == 3 and all(names)
    assert names[1].endswith(names[0][-3:])  # the kind of unit stays (…镇人民政府)
    bodies = [zipfile.ZipFile(p).read("word/document.xml") for p in (first, again)]
    assert bodies[0] != bodies[1]


def test_a_file_depends_only_on_its_index(tmp_path):
    assert synth.make(3)[1] == synth.make(3)[1]
    small, big = synth.build(tmp_path / "small", 2), synth.build(tmp_path / "big", 4)
    assert [p.name for p in small] == [p.name for p in big[:2]]
    assert (tmp_path / "small" / synth.make(1)[0]).read_bytes() == (tmp_path / "big" / synth.make(1)[0]).read_bytes()
