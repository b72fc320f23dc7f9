"""The rule catalogue as Markdown (docs/rules.md) and JSON: `python -m jixiao.audit.catalogue`."""

from __future__ import annotations

from jixiao.audit import RULES
from jixiao.audit.registry import CATEGORY_NAMES, SECTIONS

SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}
POLICY = [
    "## 级别规则（severity policy）",
    "",
    "- **错误（error）**：一个数字是错的（计算、合计、比率、前后不一），或者一个得分没有依据（没有实测实际值、未完成目标却得满分、得分超过分值）。",
    "- **警告（warning）**：需要审核人员判断的问题（指标设置、执行偏低、超预算、照抄、残留模板文字、缺少章节或附表）。",
    "- **提示（info）**：审核的范围（哪些检查因缺少数据未能进行、读不出的信息、汇总性的重算结果）和不影响结论的细节（未写等级、表尾联系人）。",
    "- 依据报告未写明、而取自评分方案默认值的发现（如执行率分值按 10 分假定），至多为警告，并在文字中说明“报告未写明”。",
    "- 同一处（同一指标、同一数据行、同一数字）多条规则发现的同一缺陷合并为一条，以最具体的规则为主，`also` 列出其余规则；"
    "同一规则在多处发现的问题合并为一条，`locations` 列出每一处。影响总分或等级的发现排在最前，其后依次为错误、警告、提示。",
    "- 每条发现有稳定的 `id`（规则代码 + 对象，如 `SC302:指标:群众满意度`），整改后重新上传时据此判断问题已解决、仍存在或为新问题。",
    "",
]


def as_markdown() -> str:
    lines = [
        "# 审核规则目录（jixiao rules）",
        "",
        "Generated from the rules' docstrings by `python -m jixiao.audit.catalogue > docs/rules.md`; a test keeps it current.",
        "Select rules by code prefix or category: `jixiao audit FILE --select AR --ignore AR110`.",
        "",
        *POLICY,
        "## 规则一览",
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
