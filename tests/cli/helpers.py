"""Shared inputs of the CLI tests: a small text report, and output flattened for wrapped lines."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parents[2]
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
WRONG_RATE = REPORT.replace("预算执行率95%", "预算执行率97%")


def flat(text: str) -> str:
    """Output without whitespace: rich wraps long lines at the console width."""
    return re.sub(r"\s", "", text)


def write(path: Path, text: str = REPORT) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
