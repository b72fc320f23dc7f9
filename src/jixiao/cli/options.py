"""Option texts and choices shared by several commands."""

from __future__ import annotations

from enum import Enum

PATH_HELP = "报告文件或目录（.docx .pdf .xlsx .txt .md .png .jpg .doc .wps .et）"
PROFILE_HELP = "评分方案：national、hunan、guangdong、external_53、chongqing，或自定义 .toml 文件；默认自动识别"
PROFILE_HUNAN_HELP = PROFILE_HELP.removesuffix("；默认自动识别") + "；默认 hunan"
JOBS_HELP = "目录批量处理的并行进程数（默认每个 CPU 核一个）"
TIMEOUT_HELP = "每个文件的处理时限（秒），超时的文件被停止并记为失败，其余文件照常处理"
SELECT_HELP = "只运行这些规则（代码前缀或类别，可重复），如 AR、XR201、compliance"
IGNORE_HELP = "不运行这些规则（代码前缀或类别，可重复）"


class ParseFormat(str, Enum):
    json = "json"
    table = "table"


class AuditFormat(str, Enum):
    table = "table"
    json = "json"
    html = "html"
    xlsx = "xlsx"


class RulesFormat(str, Enum):
    table = "table"
    json = "json"
    md = "md"
