"""The rule catalogue as Markdown (docs/rules.md) and JSON: `python -m jixiao.audit.catalogue`."""

from __future__ import annotations

from jixiao.audit import RULES
from jixiao.audit.registry import CATEGORY_NAMES, SECTIONS

SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}


def as_markdown() -> str:
    lines = [
        "# 审核规则目录（jixiao rules）",
        "",
        "Generated from the rules' docstrings by `python -m jixiao.audit.catalogue > docs/rules.md`; a test keeps it current.",
        "Select rules by code prefix or category: `jixiao audit FILE --select AR --ignore AR110`.",
        "",
        "| 代码 | 类别 | 默认级别 | 名称 |",
        "|---|---|---|---|",
    ]
    lines += [f"| [{r.code}](#{r.code.lower()}) | {CATEGORY_NAMES[r.category]} ({r.category}) | {SEVERITY_NAMES[r.severity]} | {r.title} |" for r in _rules()]
    for r in _rules():
        lines += ["", f"## {r.code}", "", f"**{r.title}** — {CATEGORY_NAMES[r.category]}，默认{SEVERITY_NAMES[r.severity]}", ""]
        lines += [f"- **{name}**：{r.doc[name]}" for name in SECTIONS if name in r.doc]
    return "\n".join(lines) + "\n"


def as_json() -> list[dict]:
    return [{"code": r.code, "category": r.category, "severity": r.severity, "title": r.title, **r.doc} for r in _rules()]


def _rules():
    return [RULES[code] for code in sorted(RULES)]


if __name__ == "__main__":
    print(as_markdown(), end="")
