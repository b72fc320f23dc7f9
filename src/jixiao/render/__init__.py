"""Renderers: review pages and workbooks (audit), and later the Word report and forms."""
