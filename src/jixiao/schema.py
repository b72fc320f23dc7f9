"""Print the JSON Schema of the `Report` model: `python -m jixiao.schema > docs/report.schema.json`."""

from __future__ import annotations

import json

from jixiao.model import Report


def report_schema() -> str:
    return json.dumps(Report.model_json_schema(mode="serialization"), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    print(report_schema(), end="")
