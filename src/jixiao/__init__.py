"""jixiao — read, re-score and audit Chinese budget performance self-evaluation reports (预算绩效自评)."""

__version__ = "0.1.0"
