"""One report's review page: the source document with the findings highlighted beside it.

A standalone HTML file (inline CSS, no script, no external resource), so that a reviewer can open
it from a mail or a shared folder.  Each finding links to the block or table cell it points at.
"""

from __future__ import annotations

from collections import defaultdict
from html import escape

from jixiao.audit import AuditResult
from jixiao.audit.finding import Finding
from jixiao.audit.registry import CATEGORY_NAMES
from jixiao.extract.kinds import KIND_NAMES
from jixiao.extract.normalize import clean
from jixiao.ingest.document import Block, SourceDocument

SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}
CSS = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0;color:#222;background:#f6f6f4}
header{padding:12px 20px;background:#2f4858;color:#fff}header h1{font-size:20px;margin:0 0 4px}
main{display:grid;grid-template-columns:minmax(0,3fr) minmax(320px,2fr);gap:16px;padding:16px}
section{background:#fff;border:1px solid #ddd;border-radius:6px;padding:12px 16px;overflow:auto}
main>section:last-child{position:sticky;top:0;max-height:calc(100vh - 32px)}
.doc p{line-height:1.7;margin:6px 0}.doc h3{margin:12px 0 6px}
table.src{border-collapse:collapse;margin:8px 0;font-size:13px}table.src td{border:1px solid #999;padding:3px 6px;vertical-align:top;white-space:pre-wrap}
.error{background:#fde2e1;outline:2px solid #d9534f}.warning{background:#fff3cd;outline:2px solid #e0a800}.info{background:#e8f1fb}
mark{background:#ffe066}
.finding{border-left:5px solid #999;padding:6px 10px;margin:8px 0;background:#fafafa}
.finding.error{border-color:#d9534f;outline:none}.finding.warning{border-color:#e0a800;outline:none}.finding.info{border-color:#5b9bd5;outline:none}
.finding .code{font-weight:bold}.finding dl{display:grid;grid-template-columns:5em 1fr;margin:4px 0;font-size:13px}.finding dt{color:#666}
.summary span{margin-right:14px}
"""


def render(result: AuditResult, doc: SourceDocument) -> str:
    """The review page for one audited document."""
    body = document_html(doc, result.findings)
    findings = "\n".join(_finding(n, f) for n, f in enumerate(result.findings, 1))
    unit = escape(result.unit.name or result.source)
    summary = (f'<span>自评总分 {result.score.stated if result.score.stated is not None else "—"}</span>'
               f'<span>重算总分 {result.score.recomputed if result.score.recomputed is not None else "—"}</span>'
               f'<span>错误 {result.count("error")}</span><span>警告 {result.count("warning")}</span><span>提示 {result.count("info")}</span>')
    return (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>审核意见 — {unit}</title>'
            f"<style>{CSS}</style></head><body><header><h1>{unit}（{result.unit.year or ''}）审核意见</h1>"
            f'<div class="summary">{summary}<span>{escape(KIND_NAMES[result.document_kind])}</span><span>模板 {escape(result.template)}</span>'
            f'<span>评分方案 {escape(result.profile)}</span><span>{escape(result.source)}</span></div>'
            f'<div class="summary">识别依据：{escape("；".join(result.detection))}</div></header>'
            f'<main><section class="doc"><h2>报告原文</h2>{body}</section><section><h2>审核发现（{len(result.findings)}）</h2>{findings}</section></main>'
            "</body></html>")


def document_html(doc: SourceDocument, findings: list[Finding]) -> str:
    """The source document as HTML, each block and table cell with an id (`b12`, `b12r3c4`) and the
    cells and snippets the findings point at highlighted by severity."""
    marks = _marks(findings)
    return "\n".join(_block(i, b, marks) for i, b in enumerate(doc.blocks))


def _marks(findings: list[Finding]) -> dict:
    """Per block: the worst severity, the cells to highlight and the evidence snippets to mark."""
    marks: dict = defaultdict(lambda: {"severity": None, "cells": {}, "snippets": []})
    order = {"error": 0, "warning": 1, "info": 2, None: 3}
    for f, loc in ((x, loc) for x in findings for loc in (x.locations or [x.location])):
        if loc.block is None:
            continue
        m = marks[loc.block]
        if order[f.severity] < order[m["severity"]]:
            m["severity"] = f.severity
        if loc.row is not None:
            key = (loc.row, loc.col or 0)
            if order[f.severity] < order[m["cells"].get(key)]:
                m["cells"][key] = f.severity
        elif f.evidence:
            m["snippets"].append(f.evidence)
    return marks


def _block(i: int, block: Block, marks: dict) -> str:
    mark = marks.get(i)
    if block.table is not None:
        return _table(i, block, mark["cells"] if mark else {})
    text = escape(block.text)
    if mark:
        for snippet in mark["snippets"]:
            found = escape(snippet) if escape(snippet) in text else None
            if found:
                text = text.replace(found, f"<mark>{found}</mark>", 1)
    tag = "h3" if block.kind == "heading" else "p"
    cls = f' class="{mark["severity"]}"' if mark and not mark["snippets"] else ""
    if mark and mark["snippets"] and "<mark>" not in text:
        cls = f' class="{mark["severity"]}"'
    return f'<{tag} id="b{i}"{cls}>{text}</{tag}>'


def _table(i: int, block: Block, cells: dict) -> str:
    rows = []
    for _r, row in enumerate(block.table.rows()):
        tds = []
        for cell in row:
            span = (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "") + (f' colspan="{cell.colspan}"' if cell.colspan > 1 else "")
            severity = cells.get((cell.row, cell.col))
            cls = f' class="{severity}"' if severity else ""
            tds.append(f'<td id="b{i}r{cell.row}c{cell.col}"{span}{cls}>{escape(cell.text)}</td>')
        rows.append(f"<tr>{''.join(tds)}</tr>")
    return f'<table class="src" id="b{i}">{"".join(rows)}</table>'


def _anchor(loc) -> str:
    return f"#b{loc.block}" + (f"r{loc.row}c{loc.col or 0}" if loc.row is not None else "") if loc.block is not None else ""


def _finding(n: int, f: Finding) -> str:
    loc = f.location
    where = escape(loc.section) + (f"，第 {loc.page} 页" if loc.page else "")
    anchors = [a for a in (_anchor(x) for x in (f.locations or [loc])) if a]
    link = " ".join(f'<a href="{a}">定位{k + 1 if len(anchors) > 1 else ""}</a>' for k, a in enumerate(anchors))
    link = f" {link}" if link else ""
    also = f"<div>同一处另有规则：{escape('、'.join(f.also))}</div>" if f.also else ""
    rows = [("应为", f.expected), ("实为", f.found), ("原文", f.evidence), ("修改", f.fix)]
    details = "".join(f"<dt>{k}</dt><dd>{escape(clean(v))}</dd>" for k, v in rows if v)
    return (f'<div class="finding {f.severity}"><span class="code">{n}. [{SEVERITY_NAMES[f.severity]}] {f.rule}</span> '
            f'{escape(f.title)}（{CATEGORY_NAMES.get(f.category, f.category)}）<div>{escape(f.message)}</div>'
            f"<div>位置：{where}{link}</div>{also}<dl>{details}</dl></div>")
