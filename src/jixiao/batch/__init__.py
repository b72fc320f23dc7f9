"""Batch runs: the per-file runner with limits, the resumable `jixiao batch` with its ledger, and Dask."""
