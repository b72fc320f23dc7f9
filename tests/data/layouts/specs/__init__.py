"""Layout specifications as plain data: one module per layout family (BASE, FAULTS, META, MUST_NOT_FLAG)."""

MODULES = [
    "ha_bailu_project_form",
    "gz_panxi_project_workbook",
    "sc_qiongxi_dept_form",
    "hb_qiyang_dept_report",
]
