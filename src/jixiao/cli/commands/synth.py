"""`jixiao synth`: synthetic reports through the renderer, each with its ground truth and injected faults."""

from __future__ import annotations

from pathlib import Path

import typer

from jixiao.cli.errors import CliError


def synth(
    count: int = typer.Argument(..., min=1, help="生成报告的份数"),
    output: Path = typer.Option(..., "--output", "-o", help="输出目录：每份报告的文件、同名 .json 标准答案（含注入的问题）和 manifest.json"),
    formats: str = typer.Option("docx", "--formats", help="输出格式，逗号分隔：docx、pdf、txt、xlsx（单独的自评表）、scan（扫描件 PDF）"),
    faults: float = typer.Option(0.5, "--faults", min=0, max=1, help="注入问题的报告比例（0–1）：每份注入 1–3 个不同种类的问题；0 为全部无问题"),
    seed: int = typer.Option(1, "--seed", help="随机种子：同一种子、同一序号得到相同的报告"),
    template: str = typer.Option(None, "--template", "-t", help="只用这一个报告模板（默认在全部模板中轮换；可选模板见 jixiao template --help）"),
) -> None:
    """生成合成的自评报告（经由报告生成器），每份附标准答案 JSON 和有意注入的问题清单，用于检验解析与审核。"""
    from jixiao import libreoffice
    from jixiao.cli.console import output_dir, say
    from jixiao.cli.progress import progress_bar
    from jixiao.compose.outline import writable
    from jixiao.synth.generate import FORMATS, corpus

    chosen = tuple(dict.fromkeys(f.strip().lower() for f in formats.split(",") if f.strip()))
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise CliError(f"未知的输出格式：{'、'.join(unknown) or formats}（可选 {'、'.join(FORMATS)}）", code="usage_error")
    if template and template not in writable():
        raise CliError(f"未知的报告模板：{template}（可选 {'、'.join(writable())}）", code="usage_error")
    if {"pdf", "scan"} & set(chosen) and libreoffice.find() is None:
        say("本机未安装 LibreOffice（soffice），跳过 pdf 和 scan 格式；安装：apt-get install libreoffice-writer-nogui", "提示 ", "yellow")
        chosen = tuple(f for f in chosen if f not in ("pdf", "scan")) or ("docx",)
    out = output_dir(output)
    with progress_bar("生成中", count) as bar:
        made = corpus(count, out, chosen, faults, seed, template, on_made=lambda m: bar.advance(m.stem))
    injected = sum(len(m.faults) for m in made)
    for note in dict.fromkeys(n for m in made for n in m.notes):
        say(note, "提示 ", "yellow")
    say(f"已生成 {count} 份报告（{'、'.join(chosen)}），其中 {sum(1 for m in made if m.faults)} 份共注入 {injected} 个问题；标准答案与清单见 {out / 'manifest.json'}")
