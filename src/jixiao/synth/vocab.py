"""The word pools of the synthetic reports (`pools.toml`) and small random helpers over them."""

from __future__ import annotations

import tomllib
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from importlib import resources
from random import Random

CENT = Decimal("0.01")


@cache
def pools() -> dict:
    """Places, indicator catalogues, goals, problems, narrative lines and alternative wordings."""
    return tomllib.loads(resources.files("jixiao.synth").joinpath("pools.toml").read_text(encoding="utf-8"))


def cents(rng: Random, low: float, high: float) -> Decimal:
    """An amount in 万元 between low and high, to the cent."""
    return Decimal(rng.randint(round(low * 100), round(high * 100))).scaleb(-2)


def share_of(value: Decimal, low: float, high: float, rng: Random) -> Decimal:
    """value × a random share in [low, high], to the cent (half up)."""
    factor = Decimal(rng.randint(round(low * 1000), round(high * 1000))) / 1000
    return (value * factor).quantize(CENT, rounding=ROUND_HALF_UP)


def one_decimal(rng: Random, low: float, high: float) -> Decimal:
    """A figure with one decimal between low and high (a percent such as 96.4)."""
    value = Decimal(rng.randint(round(low * 10), round(high * 10))) / 10
    return value.to_integral_value() if value == value.to_integral_value() else value


def unit_name(rng: Random) -> tuple[str, str]:
    """A fictional budget unit and how its report refers to itself (我镇, 本局 …)."""
    p = pools()
    county = rng.choice(p["counties"])
    kind = rng.choice(["town", "town", "subdistrict", "bureau", "bureau", "centre"])
    if kind == "town":
        return f"{county}{rng.choice(p['towns'])}镇人民政府", "我镇"
    if kind == "subdistrict":
        return f"{county}{rng.choice(p['towns'])}街道办事处", "我街道"
    if kind == "bureau":
        return f"{county}{rng.choice(p['bureaus'])}", "本局"
    return f"{county}{rng.choice(p['centres'])}", "我中心"


def place(unit: str) -> str:
    """The place a unit's goals name: the town in its name, or the county."""
    for suffix in ("镇人民政府", "街道办事处"):
        if unit.endswith(suffix):
            return unit.removesuffix(suffix)[-2:]
    return unit[:3]
