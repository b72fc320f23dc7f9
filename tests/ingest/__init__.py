"""Tests of the input backends (jixiao.ingest)."""
