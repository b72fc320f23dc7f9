"""Documentation stays true: the published schema is current and every CLI command is in the README."""

from pathlib import Path

from jixiao.cli.root import COMMANDS
from jixiao.schema import report_schema

ROOT = Path(__file__).resolve().parents[2]


def test_published_schema_is_current():
    assert (ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8") == report_schema()


def test_every_command_is_documented_in_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    names = list(COMMANDS)
    assert names and all(f"jixiao {n}" in readme for n in names)


def test_readme_test_command_is_what_ci_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/python -m pytest"
    assert command in readme and command in ci


def test_rules_catalogue_is_current():
    from jixiao.audit.catalogue import as_markdown

    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == as_markdown()
