"""Renderers: the audit review page (HTML) and 审核意见表 (xlsx); the fill-in workbook and the Word report."""
