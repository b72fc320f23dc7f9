"""The CLI contract: checked rule selection, --exit-code, --version/-h, Chinese chrome, paths, JSON errors.

Also `rules CODE`, output folders created or refused, file names never read as markup, and `render`
given a report instead of the workbook.
"""

from __future__ import annotations

import json

from openpyxl import load_workbook

from jixiao import __version__
from jixiao.cli import app
from tests.cli.helpers import ROOT, WRONG_RATE, flat, runner, write


def test_unknown_rule_codes_are_refused_with_the_valid_prefixes(tmp_path):
    path = str(write(tmp_path / "r.txt"))
    for args in (["--select", "BOGUS"], ["--ignore", "ZZ9"], ["--select", "AR", "--select", "nonsense"]):
        result = runner.invoke(app, ["audit", path, *args])
        assert result.exit_code == 2, args
        message = flat(result.stderr)
        assert "未知的规则代码或类别" in message and "AR、CM、CP、IQ、MV、SC、XR" in message and "arithmetic" in message
    batch = runner.invoke(app, ["batch", str(tmp_path), "-o", str(tmp_path / "out"), "--select", "BOGUS"])
    assert batch.exit_code == 2 and "BOGUS" in batch.stderr and not (tmp_path / "out").exists()
    assert runner.invoke(app, ["audit", path, "--select", "ar1", "--ignore", "compliance", "-f", "json"]).exit_code == 0


def test_exit_code_is_1_when_errors_are_found(tmp_path):
    wrong = str(write(tmp_path / "wrong.txt", WRONG_RATE))
    assert runner.invoke(app, ["audit", wrong, "-f", "json"]).exit_code == 0
    result = runner.invoke(app, ["audit", wrong, "-f", "json", "--exit-code"])
    assert result.exit_code == 1 and any(f["severity"] == "error" for f in json.loads(result.stdout)["findings"])
    clean = runner.invoke(app, ["audit", wrong, "-f", "json", "--exit-code", "--select", "MV"])
    assert clean.exit_code == 0 and all(f["severity"] != "error" for f in json.loads(clean.stdout)["findings"])


def test_version_and_short_help():
    for args in (["--version"], ["-V"], ["version"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0 and result.stdout.strip() == f"jixiao {__version__}"
    for args in (["-h"], ["--help"], ["audit", "-h"]):
        assert runner.invoke(app, args).exit_code == 0


def test_help_and_usage_errors_are_in_chinese():
    top = runner.invoke(app, ["-h"]).stdout
    assert "用法：" in top and "选项" in top and "命令" in top and "显示帮助并退出" in top
    audit = runner.invoke(app, ["audit", "-h"]).stdout
    assert "参数" in audit and "[必填]" in audit and "[默认：table]" in audit
    for english in ("Usage:", "Options", "Arguments", "Show this message", "[required]", "[default:"):
        assert english not in top + audit
    flags = [line for line in audit.splitlines() if "--exit-code" in line]
    assert flags and "<bool>" not in flags[0]  # a flag takes no value and shows none
    unknown = runner.invoke(app, ["parse", "x.txt", "--bogus"])
    assert unknown.exit_code == 2 and "没有选项 --bogus" in unknown.stderr and "parse -h' 查看帮助" in unknown.stderr
    missing = runner.invoke(app, ["audit"])
    assert missing.exit_code == 2 and "缺少参数" in missing.stderr
    choice = runner.invoke(app, ["parse", "x.txt", "-f", "yaml"])
    assert choice.exit_code == 2 and "“yaml”不在可选值" in choice.stderr and "Invalid value" not in choice.stderr
    number = runner.invoke(app, ["parse", "x.txt", "--jobs", "many"])
    assert number.exit_code == 2 and "--jobs / -j 的值无效：应为整数" in number.stderr


def test_rules_code_explains_one_rule():
    result = runner.invoke(app, ["rules", "AR101"])
    assert result.exit_code == 0
    text = flat(result.stdout)
    for section in ("检查什么", "为什么重要", "修改建议", "依据"):
        assert section in text
    listed = json.loads(runner.invoke(app, ["rules", "AR1", "-f", "json"]).stdout)
    assert listed and all(r["code"].startswith("AR1") for r in listed)
    unknown = runner.invoke(app, ["rules", "QQ999"])
    assert unknown.exit_code == 2 and "QQ999" in unknown.stderr


def test_missing_output_folders_are_created_and_a_folder_gets_a_file_named_after_the_input(tmp_path):
    report = write(tmp_path / "青石镇.txt", WRONG_RATE)
    nested = tmp_path / "新建" / "子目录" / "page.html"
    assert runner.invoke(app, ["audit", str(report), "-f", "html", "-o", str(nested)]).exit_code == 0
    assert "AR101" in nested.read_text(encoding="utf-8")
    folder = tmp_path / "pages"
    folder.mkdir()
    assert runner.invoke(app, ["audit", str(report), "-f", "html", "-o", str(folder)]).exit_code == 0
    assert (folder / "青石镇.html").is_file()
    assert runner.invoke(app, ["audit", str(report), "-f", "xlsx", "-o", str(tmp_path / "意见")]).exit_code == 0
    assert load_workbook(tmp_path / "意见" / "审核意见表.xlsx").sheetnames == ["审核意见", "汇总"]
    assert runner.invoke(app, ["template", "-o", str(folder)]).exit_code == 0
    assert (folder / "填报模板.xlsx").is_file()


def test_an_output_folder_that_cannot_be_made_is_one_chinese_line(tmp_path):
    report = write(tmp_path / "r.txt")
    blocker = write(tmp_path / "a_file", "x")
    result = runner.invoke(app, ["audit", str(report), "-f", "html", "-o", str(blocker / "sub" / "page.html")])
    assert result.exit_code == 2 and "无法创建输出目录" in result.stderr and "Traceback" not in result.output
    batch = runner.invoke(app, ["batch", str(tmp_path), "-o", str(blocker)])
    assert batch.exit_code == 2 and "无法作为输出目录" in batch.stderr


def test_file_names_are_never_read_as_markup(tmp_path):
    odd = write(tmp_path / "[bold]单位" / "[red]报告.txt")
    table = runner.invoke(app, ["parse", str(odd), "-f", "table"])
    assert table.exit_code == 0 and "[bold]单位/[red]报告.txt" in table.stdout
    missing = runner.invoke(app, ["parse", str(tmp_path / "[red]无此文件[/red].docx")])
    assert missing.exit_code == 2 and "[red]无此文件[/red].docx：文件不存在" in missing.stderr
    (odd.parent / "[red]坏.docx").write_bytes(b"PK\x03\x04 truncated")
    listing = runner.invoke(app, ["parse", str(odd.parent), "-f", "table", "--jobs", "1"])
    assert listing.exit_code == 1 and "[red]坏.docx" in listing.stderr and "[red]报告.txt" in listing.stdout


def test_json_errors_have_one_shape(tmp_path):
    result = runner.invoke(app, ["parse", str(tmp_path / "nope.docx"), "-f", "json"])
    assert result.exit_code == 2
    error = json.loads(result.stdout)["error"]
    assert error == {"file": str(tmp_path / "nope.docx"), "message": f"{tmp_path / 'nope.docx'}：文件不存在", "code": "input_error"}
    profile = runner.invoke(app, ["audit", str(write(tmp_path / "r.txt")), "-f", "json", "--profile", "nowhere"])
    assert profile.exit_code == 2 and set(json.loads(profile.stdout)["error"]) == {"file", "message", "code"}


def test_render_given_a_report_says_so_and_suggests_parse(tmp_path):
    report = ROOT / "tests" / "data" / "docx" / "sources" / "hn_qingshi_2024.docx"
    result = runner.invoke(app, ["render", str(report), "-o", str(tmp_path / "out.docx")])
    assert result.exit_code == 2
    message = flat(result.stderr)
    assert "不是填报表" in message and "jixiaoparse" in message and not (tmp_path / "out.docx").exists()
