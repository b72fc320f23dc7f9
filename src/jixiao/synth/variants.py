"""How one synthetic report differs in form from another with the same content: the wording of the
renderer's fixed sentences (alternatives in `pools.toml`), number formats (thousands separators,
92.3% or 92.30%), and — in the text format — the noise of a copy made by OCR."""

from __future__ import annotations

import dataclasses
import re
from random import Random

from jixiao.compose.outline import Plan
from jixiao.synth.vocab import pools

_AMOUNT = re.compile(r"(?<![\d.,])(\d{4,})(\.\d{2})(?!\d)")
_PERCENT = re.compile(r"(?<![\d.])(\d{1,3}\.\d)%")
FULL_WIDTH = str.maketrans("0123456789%:()", "０１２３４５６７８９％：（）")


def worded(plan: Plan, rng: Random) -> Plan:
    """The plan with some fixed sentences in another wording (a template's own phrase is kept)."""
    own = plan.compose.phrases
    chosen = {key: rng.choice(options) for key, options in pools()["phrases"].items() if key not in own and rng.random() < 0.5}
    if not chosen:
        return plan
    compose = plan.compose.model_copy(update={"phrases": {**own, **chosen}})
    return dataclasses.replace(plan, template=plan.template.model_copy(update={"compose": compose}))


@dataclasses.dataclass(frozen=True, slots=True)
class NumberStyle:
    """Thousands separators in amounts of four digits or more (1,088.95); rates with two decimals (92.30%)."""

    thousands: bool = False
    two_decimals: bool = False

    @classmethod
    def pick(cls, rng: Random) -> NumberStyle:
        return cls(rng.random() < 0.4, rng.random() < 0.4)

    def __call__(self, text: str) -> str:
        if self.thousands:
            text = _AMOUNT.sub(lambda m: f"{int(m.group(1)):,}{m.group(2)}", text)
        if self.two_decimals:
            text = _PERCENT.sub(lambda m: f"{m.group(1)}0%", text)
        return text


def ocr_noise(text: str, rng: Random, level: float = 0.15) -> str:
    """A line as a careful OCR would copy it: now and then full-width digits and brackets, a stray
    space between characters, or an O for a 0 inside a word (never in a figure a value is read from)."""
    if not text.strip() or rng.random() > level * 3:
        return text
    roll = rng.random()
    if roll < 0.4:
        return text.translate(FULL_WIDTH)
    if roll < 0.8:
        cut = rng.randrange(len(text))
        return text[:cut] + (" " if text[cut:cut + 1] not in " \t" else "") + text[cut:] if re.match(r"[\u4e00-\u9fff]", text[cut:cut + 1]) else text
    return re.sub(r"(?<=[\u4e00-\u9fff])0(?=[\u4e00-\u9fff])", "O", text, count=1)
