"""Synthetic reports: the same seed gives the same files, every template and format is written and
reads back, and `jixiao parse` of a synthetic document gives back its ground truth."""

from __future__ import annotations

import json
from decimal import Decimal

import pypdfium2
import pytest

import jixiao
from jixiao import libreoffice
from jixiao.compose.outline import writable
from jixiao.synth.generate import corpus, make

SCALARS = ("staffing", "budget", "spending", "three_public")


def test_same_seed_same_files(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    for out in (first, second):
        out.mkdir()
        corpus(2, out, ("docx", "txt", "xlsx"), 1.0, seed=7)
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir()) and len(names) > 4
    assert all((first / n).read_bytes() == (second / n).read_bytes() for n in names)


def test_report_i_depends_only_on_seed_and_i(tmp_path):
    alone = make(7, 1, tmp_path, ("docx",), 1.0)
    (tmp_path / "all").mkdir()
    among = corpus(2, tmp_path / "all", ("docx",), 1.0, seed=7)[1]
    assert alone.files["docx"].read_bytes() == among.files["docx"].read_bytes()
    assert make(8, 1, tmp_path / "all", ("docx",), 1.0).files["docx"].read_bytes() != alone.files["docx"].read_bytes()


def _same(gold, parsed) -> bool:
    if gold is None:
        return True
    if isinstance(gold, (int, float)) and not isinstance(gold, bool):
        return parsed is not None and abs(Decimal(str(gold)) - Decimal(str(parsed))) < Decimal("0.006")
    return gold == parsed


def _differences(gold: dict, report) -> list[str]:
    """Every value the ground truth states that the parsed report gives otherwise."""
    parsed = report.model_dump(mode="json")
    wrong = [f"unit: {gold['unit']} ≠ {parsed['unit']}"] if gold["unit"] != parsed["unit"] else []
    for group in SCALARS:
        wrong += [f"{group}.{k}: {v} ≠ {parsed[group][k]}" for k, v in gold[group].items() if not _same(v, parsed[group][k])]
    for key in ("total_score", "grade", "document_kind", "template"):
        if not _same(gold[key], parsed[key]):
            wrong.append(f"{key}: {gold[key]} ≠ {parsed[key]}")
    rows = [{k: r[k] for k in gold["indicators"][0]} for r in parsed["indicators"]] if gold["indicators"] else []
    pairs = zip(gold["indicators"], rows)
    if gold["indicators"] and (len(rows) != len(gold["indicators"]) or not all(_same(a, b) for g, r in pairs for a, b in zip(g.values(), r.values()))):
        wrong.append(f"indicators: {gold['indicators']} ≠ {rows}")
    summary = [{k: s[k] for k in ("name", "weight", "score")} for s in parsed["level1_summary"]]
    if gold["level1_summary"] and not all(_same(a, b) for g, s in zip(gold["level1_summary"], summary) for a, b in zip(g.values(), s.values())):
        wrong.append(f"level1_summary: {gold['level1_summary']} ≠ {summary}")
    return wrong


@pytest.mark.parametrize("template", writable())
def test_every_template_reads_back_its_ground_truth(template, tmp_path):
    """docx, its text copy (both table layouts across the seeds) and the 自评表 alone as a workbook."""
    for i in (writable().index(template),):
        made = make(11, i, tmp_path, ("docx", "txt", "xlsx"), 0.5, template)
        for fmt, path in made.files.items():
            outcome = jixiao.process(path)
            assert outcome.status == "ok", (path.name, outcome.problems)
            gold = json.loads(made.golds[fmt].read_text(encoding="utf-8"))
            assert _differences(gold, outcome.report) == [], path.name


@pytest.mark.skipif(libreoffice.find() is None, reason="LibreOffice (soffice) is not installed")
def test_pdf_and_scan(tmp_path):
    made = make(3, 0, tmp_path, ("pdf", "scan"), 0.0, "department_form")
    assert set(made.files) == {"pdf", "scan"} and not (tmp_path / f"{made.stem}.docx").exists()
    gold = json.loads(made.golds["pdf"].read_text(encoding="utf-8"))
    assert _differences(gold, jixiao.process(made.files["pdf"]).report) == []
    scan = pypdfium2.PdfDocument(str(made.files["scan"]))
    try:
        assert len(scan) >= 1 and all(scan[i].get_textpage().get_text_range() == "" for i in range(len(scan)))  # images only
    finally:
        scan.close()


@pytest.mark.slow
@pytest.mark.skipif(libreoffice.find() is None, reason="LibreOffice (soffice) is not installed")
def test_scan_reads_back_by_ocr(tmp_path):
    made = make(3, 0, tmp_path, ("scan",), 0.0, "department_form")
    gold = json.loads(made.golds["scan"].read_text(encoding="utf-8"))
    assert _differences(gold, jixiao.process(made.files["scan"]).report) == []


def test_manifest_names_every_file_and_its_gold(tmp_path):
    made = corpus(3, tmp_path, ("docx", "xlsx"), 0.5, seed=2)
    items = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert len(items) == sum(len(m.files) for m in made)
    for item in items:
        assert (tmp_path / item["file"]).is_file() and (tmp_path / f"{item['gold']}.json").is_file()


def test_cli(tmp_path):
    from typer.testing import CliRunner

    from jixiao.cli import app

    result = CliRunner().invoke(app, ["synth", "3", "-o", str(tmp_path / "out"), "--formats", "docx,txt", "--seed", "4"])
    assert result.exit_code == 0, result.output
    assert "已生成 3 份报告" in result.output and len(list((tmp_path / "out").glob("*.docx"))) == 3
    bad = CliRunner().invoke(app, ["synth", "1", "-o", str(tmp_path / "x"), "--formats", "docx,odt"])
    assert bad.exit_code != 0 and "未知的输出格式：odt" in bad.output
    bad = CliRunner().invoke(app, ["synth", "1", "-o", str(tmp_path / "x"), "--template", "nope"])
    assert bad.exit_code != 0 and "未知的报告模板：nope" in bad.output
