"""The command line: JSON contract, Chinese summaries, directory runs and bad input without tracebacks."""

import json

from jixiao.cli import app
from tests.cli.helpers import REPORT, runner


def _write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_parse_json_contract(tmp_path):
    result = runner.invoke(app, ["parse", str(_write(tmp_path, "r.txt", REPORT)), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["unit"] == {"name": "青石镇人民政府", "year": 2025}
    assert (data["staffing"]["authorized"], data["staffing"]["actual"]) == (40, 38)
    assert (data["budget"]["initial"], data["budget"]["full_year"], data["budget"]["executed"]) == (1200, 1500, 1425)
    assert data["budget"]["execution_rate"] == 95
    assert (data["total_score"], data["grade"]) == (92.5, "优")
    assert data["problems"] == ["绩效目标不够细化。"] and data["measures"] == ["细化量化绩效目标。"]
    assert data["provenance"]["budget.executed"]["text"].endswith("1,425.00万元")


def test_parse_table_is_chinese(tmp_path):
    result = runner.invoke(app, ["parse", str(_write(tmp_path, "r.txt", REPORT)), "--format", "table"])
    assert result.exit_code == 0
    assert "预算单位" in result.stdout and "青石镇人民政府" in result.stdout


def test_bad_single_file_gets_one_chinese_line_and_exit_2(tmp_path):
    for name, data in [("empty.docx", b""), ("noise.bin", bytes(range(256)) * 40), ("fake.docx", b"%PDF-1.7\n%%EOF")]:
        result = runner.invoke(app, ["parse", str(_write(tmp_path, name, data))])
        assert result.exit_code == 2, name
        assert name in result.stderr and "错误" in result.stderr
        assert "Traceback" not in result.output


def test_directory_goes_on_past_bad_files(tmp_path):
    _write(tmp_path, "good.txt", REPORT)
    _write(tmp_path, "broken.docx", b"PK\x03\x04 truncated")
    result = runner.invoke(app, ["parse", str(tmp_path), "--format", "json"])
    assert result.exit_code == 1
    reports = json.loads(result.stdout)
    assert [r["unit"]["name"] for r in reports] == ["青石镇人民政府"]
    assert "失败 1 个" in result.stderr and "broken.docx" in result.stderr


def test_inspect_shows_blocks_and_sources(tmp_path):
    result = runner.invoke(app, ["inspect", str(_write(tmp_path, "r.txt", REPORT))])
    assert result.exit_code == 0
    assert "提取值及其来源" in result.stdout and "budget.initial" in result.stdout


def test_audit_json_contract(tmp_path):
    bad = REPORT.replace("预算执行率95%", "预算执行率97%")
    result = runner.invoke(app, ["audit", str(_write(tmp_path, "r.txt", bad)), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) >= {"source", "unit", "score", "findings"}
    assert data["score"]["stated"] == 92.5
    ar101 = [f for f in data["findings"] if f["rule"] == "AR101"]
    assert ar101 and ar101[0]["severity"] == "error" and ar101[0]["expected"] == "95.00" and ar101[0]["found"] == "97"
    assert set(ar101[0]) >= {"rule", "category", "severity", "message", "location", "expected", "found", "evidence"}


def test_audit_select_and_ignore(tmp_path):
    path = str(_write(tmp_path, "r.txt", REPORT))
    only = json.loads(runner.invoke(app, ["audit", path, "-f", "json", "--select", "MV"]).stdout)
    assert only["findings"] and all(f["rule"].startswith("MV") for f in only["findings"])
    none = json.loads(runner.invoke(app, ["audit", path, "-f", "json", "--select", "MV", "--ignore", "missing_value"]).stdout)
    assert none["findings"] == []


def test_audit_html_and_xlsx_outputs(tmp_path):
    from openpyxl import load_workbook

    path = _write(tmp_path, "r.txt", REPORT.replace("预算执行率95%", "预算执行率97%"))
    page = tmp_path / "r.html"
    assert runner.invoke(app, ["audit", str(path), "-f", "html", "-o", str(page)]).exit_code == 0
    html = page.read_text(encoding="utf-8")
    assert "AR101" in html and "审核意见" in html and 'class="finding error"' in html
    book = tmp_path / "意见.xlsx"
    assert runner.invoke(app, ["audit", str(tmp_path), "-f", "xlsx", "-o", str(book)]).exit_code == 0
    wb = load_workbook(book)
    assert wb.sheetnames == ["审核意见", "汇总"]
    assert any(row[2] == "AR101" for row in wb["审核意见"].iter_rows(values_only=True))
    assert [row[0] for row in wb["汇总"].iter_rows(min_row=2, values_only=True)] == ["青石镇人民政府"]


def test_audit_unknown_profile_is_a_chinese_error(tmp_path):
    result = runner.invoke(app, ["audit", str(_write(tmp_path, "r.txt", REPORT)), "--profile", "nowhere"])
    assert result.exit_code == 2 and "评分方案" in result.stderr


def test_score_json(tmp_path):
    result = runner.invoke(app, ["score", str(_write(tmp_path, "r.txt", REPORT)), "-f", "json"])
    data = json.loads(result.stdout)
    assert data["total"]["stated"] == 92.5 and data["execution"]["rate"] == 95


def test_rules_lists_the_catalogue():
    result = runner.invoke(app, ["rules", "-f", "json"])
    codes = [r["code"] for r in json.loads(result.stdout)]
    assert len(codes) >= 40 and codes == sorted(set(codes))


def test_a_partly_audited_file_says_what_was_not_checked(tmp_path, monkeypatch):
    from jixiao.audit.registry import RULES

    rule = RULES["AR101"]

    def broken(ctx):
        raise KeyError("odd layout")

    monkeypatch.setitem(RULES, "AR101", type(rule)(rule.code, rule.category, rule.severity, rule.title, broken))
    result = runner.invoke(app, ["audit", str(_write(tmp_path, "r.txt", REPORT)), "-f", "json"])
    assert result.exit_code == 0
    assert "提示：" in result.stderr and "AR101" in result.stderr and "该规则未能执行" in result.stderr
    assert any(f["rule"] == "AR101" and f["severity"] == "info" for f in json.loads(result.stdout)["findings"])
