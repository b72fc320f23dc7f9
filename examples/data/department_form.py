"""The 部门整体支出绩效自评表 filed alone: the national bureau's figures (data/department_report.py)."""

from __future__ import annotations

from data.department_report import FILING as BUREAU

FILING = BUREAU.model_copy()
