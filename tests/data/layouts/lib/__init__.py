"""Helpers for the layout test documents: arithmetic, grids, writers, expected JSON."""
