"""The rule modules, one per category; importing this package registers every rule."""

from jixiao.audit.rules import (  # noqa: F401
    arithmetic,
    completeness,
    compliance,
    cross_reference,
    indicator_design,
    indicator_quality,
    missing_value,
    scoring,
)
