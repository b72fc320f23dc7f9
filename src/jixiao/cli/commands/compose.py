"""`jixiao template` and `jixiao render`: the fill-in workbook and the report composed from it."""

from pathlib import Path

import typer

from jixiao.cli.errors import CliError
from jixiao.cli.options import PROFILE_HUNAN_HELP, TEMPLATE_HELP

REPORT_FORMATS = {"docx": "Word 报告", "pdf": "PDF 报告", "office": "旧版 Office/WPS 文档", "image": "图片", "text": "文本报告"}


def template(
    output: Path = typer.Option(Path("填报模板.xlsx"), "--output", "-o", help="输出的 .xlsx 填报模板（给出目录时写入其中的 填报模板.xlsx）"),
    profile: str = typer.Option(None, "--profile", "-p", help=PROFILE_HUNAN_HELP),
    template_name: str = typer.Option(None, "--template", "-t", help=TEMPLATE_HELP),
) -> None:
    """生成自评数据填报模板（Excel）：下拉选项、数值校验、必填标记和填报说明。"""
    from jixiao.cli.console import output_file, say, writing
    from jixiao.compose import template as template_xlsx
    from jixiao.compose.outline import plan

    chosen = plan(template_name, profile)
    target = output_file(output, "填报模板.xlsx")
    with writing(target, "模板"):
        template_xlsx.write(target, chosen)
    say(f"已写出填报模板：{target}（模板 {chosen.template.name}：{chosen.template.title}；评分方案 {chosen.profile.name}）")


def _check_filing(path: Path) -> None:
    """A report (.docx, .pdf …) given where the filled workbook belongs is refused with the command to read it."""
    if path.suffix.lower() in (".xlsx", ".xlsm", ".json") or not path.is_file():
        return
    from jixiao.ingest.registry import detect

    fmt = detect(path)
    if fmt in REPORT_FORMATS:
        raise CliError(f"{path}：这是一份{REPORT_FORMATS[fmt]}，不是填报表。render 需要填好的 .xlsx 填报表（jixiao template 生成）"
                       f"或 jixiao parse 输出的 JSON；要读取这份报告，请用 jixiao parse {path}", path, "not_a_filing")


def render(
    path: Path = typer.Argument(..., help="填好的 .xlsx 填报表，或 jixiao parse 输出的报告 JSON"),
    output: Path = typer.Option(..., "--output", "-o", help="输出的 Word 报告（.docx；给出目录时按填报表名生成）"),
    pdf: bool = typer.Option(False, "--pdf/--no-pdf", help="同时用 LibreOffice 转换为 PDF"),
    force: bool = typer.Option(False, "--force/--no-force", help="填报有错误时仍然生成报告（并给出警告）"),
    redact: bool = typer.Option(False, "--redact/--no-redact", help="生成公开版：不显示填表人、联系电话和单位负责人"),
    profile: str = typer.Option(None, "--profile", "-p", help="评分方案（默认用填报表所记录模板的方案）；" + PROFILE_HUNAN_HELP.split("：", 1)[1]),
    template_name: str = typer.Option(None, "--template", "-t", help=TEMPLATE_HELP + "（默认用填报表记录的模板）"),
) -> None:
    """由填报表生成自评报告（Word，可选 PDF）：先校验填报数据并审核，有错误时列出单元格位置并拒绝生成。"""
    from jixiao.cli.console import output_file, say, writing
    from jixiao.compose.report import render as render_report

    _check_filing(path)
    target = output_file(output, f"{path.stem}.docx")
    if target.suffix.lower() != ".docx":
        raise CliError(f"{target}：输出文件应为 .docx", target, "usage_error")
    with writing(target, "报告"):
        result = render_report(path, target, template_name, profile, force, redact, pdf)
    check = result.preflight
    for line in check.warnings:
        say(line, "  提示 ", "yellow")
    for line in check.errors:
        say(line, "  ✗ ", "red")
    if check.errors and not result.written:
        raise CliError(f"{path}：填报数据有 {len(check.errors)} 处错误，未生成报告；请改正后重试，或加 --force 强制生成", path, "invalid_filing")
    if check.errors:
        say(f"填报数据有 {len(check.errors)} 处错误，已按 --force 强制生成", "警告：", "bold yellow")
    for line in result.notes:
        say(line, "警告：", "bold yellow")
    say(f"已写出（{result.plan.template.title}）：" + "、".join(str(p) for p in result.written))
