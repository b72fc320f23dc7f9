"""The command line: JSON contract, Chinese summaries, directory runs and bad input without tracebacks."""

import json

from typer.testing import CliRunner

from jixiao.cli import app

runner = CliRunner()

REPORT = """青石镇人民政府部门整体支出绩效自评报告
一、部门基本情况
2025年末编制人数40人，实际人数38人。
二、部门整体支出管理及使用情况
2025年年初预算1,200.00万元，调整后预算1,500.00万元，实际执行1,425.00万元，预算执行率95%。
三、综合评价结论
经自评，本单位自评得分92.5分，评价等级为“优”。
四、存在的问题
（一）绩效目标不够细化。
五、下一步改进措施
（一）细化量化绩效目标。
"""


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
