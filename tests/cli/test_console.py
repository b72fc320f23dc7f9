"""`model_json` writes exactly what `dumps(model.model_dump(mode="json"), indent=2)` writes, through pydantic's serializer."""

import math
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from jixiao.batch.files import dumps
from jixiao.cli.console import model_json
from jixiao.model import Amount

DATA = Path(__file__).resolve().parents[1] / "data"


class Part(BaseModel):
    name: str
    value: Amount | None = None


class Sample(BaseModel):
    text: str
    number: int
    ratio: float
    money: Amount
    flag: bool | None
    parts: list[Part]
    notes: dict[str, str]


_text = st.text(st.characters(codec="utf-8") | st.sampled_from('"\\\n\t\r\b\f\x00\x1f\x7f\u2028中，'))
_EDGES = [1e-5, 5e-05, 9.99e-05, 1e-4, 1e16, 1e15, 123456789012345678.0, -0.0, 0.1, 1e-7, 2.5e-300, 1.7e308]
_floats = st.integers(-10**9, 10**9).map(lambda i: i / 100) | st.floats(allow_nan=True, allow_infinity=True) | st.sampled_from(_EDGES)
_decimals = st.decimals(places=2, min_value=-10**9, max_value=10**9) | st.decimals(allow_nan=False, allow_infinity=False, min_value=-10**20, max_value=10**20) | st.sampled_from(
    [Decimal("0.00005"), Decimal("1E+20"), Decimal("72.67"), Decimal("0.0001"), Decimal("-0.000001")])
_parts = st.builds(Part, name=_text, value=st.none() | _decimals)
_samples = st.builds(Sample, text=_text, number=st.integers(-2**63, 2**63 - 1), ratio=_floats, money=_decimals, flag=st.none() | st.booleans(),
                     parts=st.lists(_parts, max_size=3), notes=st.dictionaries(_text, _text, max_size=3))


@settings(max_examples=300, deadline=None)
@given(_samples)
def test_model_json_is_the_json_modules_text(sample):
    assert model_json(sample) == dumps(sample.model_dump(mode="json"), indent=2)


@given(_samples)
def test_excluded_fields_are_left_out_alike(sample):
    assert model_json(sample, {"parts", "notes"}) == dumps(sample.model_dump(mode="json", exclude={"parts", "notes"}), indent=2)


def test_a_lone_surrogate_is_written_as_the_json_module_writes_it():
    sample = Sample(text="file\udce4.docx", number=1, ratio=math.pi, money=Decimal("1.5"), flag=None, parts=[], notes={})
    assert model_json(sample) == dumps(sample.model_dump(mode="json"), indent=2)


def test_reports_and_audits_of_fixtures_alike():
    from jixiao.outcome import AuditOptions, process

    for path in sorted((DATA / "docx" / "sources").glob("*.docx"))[:3]:
        outcome = process(path, AuditOptions())
        for model, exclude in ((outcome.report, None), (outcome.report, {"provenance"}), (outcome.audit, None)):
            assert model_json(model, exclude) == dumps(model.model_dump(mode="json", exclude=exclude), indent=2)
