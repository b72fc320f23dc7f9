"""Layout specifications as plain data: one module per layout family (BASE, FAULTS, META, MUST_NOT_FLAG)."""

MODULES = [
    "ha_bailu_project_form",
    "gz_panxi_project_workbook",
    "sc_qiongxi_dept_form",
    "hb_qiyang_dept_report",
    "jx_ruichuan_dept_form",
    "he_zhangyuan_school_narrative",
    "gx_qingmei_hospital_project_report",
    "fj_tingchuan_external",
    "sx_lanchuan_cppcc_scan",
    "gz_wenchang_subdistrict_text",
]
