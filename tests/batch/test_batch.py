"""`run_batch`: results as JSON files, a ledger row per file, reruns that skip what is unchanged."""

from __future__ import annotations

import csv
import json

import pytest
from openpyxl import load_workbook

from jixiao import __version__
from jixiao.batch.run import BatchOptions, run_batch
from jixiao.batch.runner import Limits
from jixiao.outcome import AuditOptions
from tests.batch.helpers import corpus, hang_on_marked, ledger_rows

OPTIONS = BatchOptions(jobs=2, limits=Limits(timeout=60))


def test_a_batch_writes_one_result_and_one_ledger_row_per_file(tmp_path):
    src = corpus(tmp_path / "in", 8)
    (src / "broken.docx").write_bytes(b"PK\x03\x04 truncated")
    summary = run_batch(src, tmp_path / "out", OPTIONS)
    assert (summary.total, summary.counts["failed"], summary.counts["ok"] + summary.counts["partial"]) == (9, 1, 8)
    rows = ledger_rows(tmp_path / "out")
    assert sorted(rows) == sorted(p.name for p in src.iterdir())
    for _, sha, status, finding_ids, _, _, outputs, _ in rows.values():
        result = json.loads((tmp_path / "out" / json.loads(outputs)[0]).read_text(encoding="utf-8"))
        assert result["status"] == status and result["sha256"] == sha and result["version"] == __version__
        if status != "failed":
            assert [f["id"] for f in result["audit"]["findings"]] == json.loads(finding_ids)
            assert result["score"]["profile"] == result["audit"]["profile"]
            assert result["report"]["unit"]["name"]
    failures = list(csv.reader((tmp_path / "out" / "failures.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert failures[0] == ["文件", "原因"] and [r[0] for r in failures[1:]] == ["broken.docx"] and "broken.docx" in failures[1][1]
    book = load_workbook(tmp_path / "out" / "审核意见表.xlsx", read_only=True)
    summary_rows = list(book["汇总"].iter_rows(min_row=2, values_only=True))
    assert len(summary_rows) == 9 and sum(r[3] == "读取失败" for r in summary_rows) == 1


def test_a_rerun_skips_unchanged_files_and_redoes_changed_ones(tmp_path):
    src = corpus(tmp_path / "in", 6)
    run_batch(src, tmp_path / "out", OPTIONS)
    before = ledger_rows(tmp_path / "out")
    again = run_batch(src, tmp_path / "out", OPTIONS)
    assert again.counts["skipped"] == 6 and again.done == 6
    assert ledger_rows(tmp_path / "out") == before
    changed = next(src.glob("*gb18030*"))
    changed.write_bytes(changed.read_bytes() + "\n补充说明。\n".encode("gb18030"))
    third = run_batch(src, tmp_path / "out", OPTIONS)
    assert (third.counts["skipped"], third.done) == (5, 6)
    after = ledger_rows(tmp_path / "out")
    assert after[changed.name][1] != before[changed.name][1] and after[changed.name][0] == before[changed.name][0]
    assert not (tmp_path / "out" / json.loads(before[changed.name][6])[0]).exists()  # the stale result is removed
    assert all(after[p] == before[p] for p in before if p != changed.name)


def _sheets(book_path) -> dict[str, list[tuple]]:
    book = load_workbook(book_path, read_only=True)
    return {name: list(book[name].iter_rows(values_only=True)) for name in book.sheetnames}


def test_a_ledger_from_before_the_workbook_rows_gives_the_same_workbook(tmp_path):
    """A ledger written before it kept each file's workbook rows: the column is added and those
    files' rows come from their stored results, as the rows kept by a new run would."""
    import sqlite3

    src = corpus(tmp_path / "in", 4)
    run_batch(src, tmp_path / "out", OPTIONS)
    made = _sheets(tmp_path / "out" / "审核意见表.xlsx")
    assert len(made["汇总"]) == 5 and len(made["审核意见"]) > 1
    with sqlite3.connect(tmp_path / "out" / "ledger.sqlite") as db:
        db.execute("ALTER TABLE files DROP COLUMN sheet")
    again = run_batch(src, tmp_path / "out", OPTIONS)
    assert again.counts["skipped"] == 4
    assert _sheets(tmp_path / "out" / "审核意见表.xlsx") == made


def test_other_options_are_not_skipped(tmp_path):
    src = corpus(tmp_path / "in", 3)
    run_batch(src, tmp_path / "out", OPTIONS)
    only_mv = BatchOptions(AuditOptions(select=("MV",)), jobs=1)
    summary = run_batch(src, tmp_path / "out", only_mv)
    assert summary.counts["skipped"] == 0
    for _, _, status, finding_ids, *_ in ledger_rows(tmp_path / "out").values():
        assert status != "failed" and all(i.startswith("MV") for i in json.loads(finding_ids))


def test_a_hanging_file_is_recorded_as_failed_and_the_batch_goes_on(tmp_path):
    src = corpus(tmp_path / "in", 4)
    victim = sorted(src.iterdir())[2]
    victim.rename(victim.with_name("HANG_" + victim.name))
    summary = run_batch(src, tmp_path / "out", BatchOptions(jobs=2, limits=Limits(timeout=5)), work=hang_on_marked)
    assert (summary.counts["failed"], summary.counts["ok"] + summary.counts["partial"]) == (1, 3)
    rows = ledger_rows(tmp_path / "out")
    hung = rows["HANG_" + victim.name]
    assert hung[2] == "failed" and "处理超时（5 秒）" in json.loads(hung[7])[0]


def test_files_added_later_are_processed_and_removed_files_leave_the_reports(tmp_path):
    src = corpus(tmp_path / "in", 3)
    run_batch(src, tmp_path / "out", OPTIONS)
    gone = sorted(src.iterdir())[0]
    gone.unlink()
    corpus(tmp_path / "more", 1)
    new = next((tmp_path / "more").iterdir())
    new.rename(src / "new_report.txt")
    summary = run_batch(src, tmp_path / "out", OPTIONS)
    assert (summary.total, summary.counts["skipped"], summary.done) == (3, 2, 3)
    book = load_workbook(tmp_path / "out" / "审核意见表.xlsx", read_only=True)
    assert gone.name not in [r[2] for r in book["汇总"].iter_rows(min_row=2, values_only=True)]


def test_two_runs_cannot_share_an_output_folder(tmp_path):
    from jixiao.batch.ledger import Ledger
    from jixiao.errors import JixiaoError

    (tmp_path / "out").mkdir()
    held = Ledger(tmp_path / "out" / "ledger.sqlite")
    try:
        with pytest.raises(JixiaoError, match="另一个 jixiao batch 正在使用"):
            run_batch(corpus(tmp_path / "in", 1), tmp_path / "out", OPTIONS)
    finally:
        held.close()
    assert run_batch(tmp_path / "in", tmp_path / "out", OPTIONS).done == 1


def test_a_file_name_in_another_encoding_is_processed_and_recorded_readably(tmp_path):
    import os

    src = corpus(tmp_path / "in", 2)
    odd = os.path.join(os.fsencode(src), "报告".encode("gbk") + b".txt")  # a GBK name on a UTF-8 file system
    with open(odd, "wb") as f:
        f.write(sorted(src.iterdir())[0].read_bytes())
    summary = run_batch(src, tmp_path / "out", OPTIONS)
    assert summary.counts["failed"] == 0 and summary.done == 3
    escaped = [p for p in ledger_rows(tmp_path / "out") if p.startswith("\\x") or p.startswith("\\udc")]
    assert len(escaped) == 1 and escaped[0].endswith(".txt")
    assert run_batch(src, tmp_path / "out", OPTIONS).counts["skipped"] == 3


def test_files_read_in_part_are_partial_with_their_reasons_and_limits_are_part_of_the_options(tmp_path, monkeypatch):
    src = corpus(tmp_path / "in", 7)  # 2 text reports and 5 Word reports with tables
    run_batch(src, tmp_path / "out", OPTIONS)
    monkeypatch.setenv("JIXIAO_LIMITS", "table_rows=5")  # workers inherit it: tables cut after 5 rows
    summary = run_batch(src, tmp_path / "out", OPTIONS)
    assert summary.counts["skipped"] == 0 and summary.counts["partial"] >= 1
    rows = ledger_rows(tmp_path / "out")
    partial = {p: json.loads(r[7]) for p, r in rows.items() if r[2] == "partial"}
    assert partial and all(any("表格超过 5 行的部分已忽略" in x for x in problems) for problems in partial.values())
    book = load_workbook(tmp_path / "out" / "审核意见表.xlsx", read_only=True)
    states = {r[2]: (r[3], r[10]) for r in book["汇总"].iter_rows(min_row=2, values_only=True)}
    assert all(states[p][0] == "部分审核" and "表格超过 5 行" in states[p][1] for p in partial)
