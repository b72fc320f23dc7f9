"""Scoring profiles: frameworks and province rules as TOML data, loaded by one loader.

A built-in profile (`national`, `hunan`, `guangdong`, `external_53`, `chongqing`) and a user's own
file go through the same `load_profile`.  `extends = "national"` merges a profile over another:
tables merge key by key, arrays (such as `level1`) are replaced whole.  Profiles are frozen and
cached by content (a hash of the merged TOML data), so a user's file edited between two calls in
one process is read again, and an unchanged one is validated once.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from jixiao.errors import JixiaoError
from jixiao.model import Framework, Report


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Execution(_Data):
    weight: Decimal
    rule: str
    source: str = ""
    binding: bool = False


class Level1(_Data):
    name: str
    weight: Decimal
    level2: list[str] = []


class Tier(_Data):
    name: str
    low: Decimal
    high: Decimal


class Qualitative(_Data):
    tiers: list[Tier]


class Rounding(_Data):
    places: int = 2
    mode: str = "ROUND_HALF_UP"
    tolerance: Decimal = Decimal("0.01")


class Profile(_Data):
    """One framework's scoring rules, thresholds and outline."""

    name: str
    title: str
    framework: Framework
    execution: Execution
    level1: list[Level1]
    qualitative: Qualitative
    grades: dict[str, Decimal]
    rounding: Rounding
    local_rules: dict[str, dict]
    management: dict[str, dict]
    audit: dict[str, Decimal]
    extends: str | None = None

    def level1_weight(self, name: str | None) -> Decimal | None:
        """The profile's weight for a level-one group, matched loosely ("产出" ~ "产出指标")."""
        key = (name or "").removesuffix("指标")
        return next((g.weight for g in self.level1 if g.name.removesuffix("指标") == key), None)


BUILTIN = ("national", "hunan", "guangdong", "external_53", "chongqing")
PROFILES = Path(__file__).with_name("profiles")


def _merge(base: dict, over: dict) -> dict:
    merged = dict(base)
    for key, value in over.items():
        merged[key] = _merge(base[key], value) if isinstance(value, dict) and isinstance(base.get(key), dict) else value
    return merged


def _raw(name_or_path: str, seen: tuple[str, ...] = ()) -> dict:
    if name_or_path in seen:
        raise JixiaoError(f"评分方案“{seen[0]}”的 extends 循环引用了“{name_or_path}”")
    if name_or_path in BUILTIN:
        text = (PROFILES / f"{name_or_path}.toml").read_text(encoding="utf-8")
        origin = f"内置方案 {name_or_path}"
    else:
        path = Path(name_or_path)
        if not path.is_file():
            raise JixiaoError(f"找不到评分方案“{name_or_path}”：内置方案有 {'、'.join(BUILTIN)}，或给出 .toml 文件路径")
        origin = str(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise JixiaoError(f"评分方案 {origin} 无法读取（{getattr(e, 'strerror', None) or e}）") from None
    try:
        data = _parsed(text)
    except tomllib.TOMLDecodeError as e:
        raise JixiaoError(f"评分方案 {origin} 不是合法的 TOML：{e}") from None
    parent = data.get("extends")
    if parent is not None and not isinstance(parent, str):
        raise JixiaoError(f"评分方案 {origin} 的 extends 应为方案名称或文件路径")
    return _merge(_raw(parent, (*seen, name_or_path)), data) if parent else data


@lru_cache(maxsize=64)
def _parsed(text: str) -> dict:
    """A profile file's TOML data, parsed once per distinct text (callers only read it)."""
    return tomllib.loads(text)


_CACHE: dict[str, Profile] = {}


def content_key(data: dict) -> str:
    """The sha256 of merged profile data: equal for equal content, whatever file it came from."""
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()


def profile_key(name_or_path: str) -> str:
    """The content hash of a profile as it is now on disk (for deciding whether results are stale)."""
    return content_key(_raw(name_or_path))


def load_profile(name_or_path: str) -> Profile:
    """A built-in profile by name, or a user's TOML file (which may `extends` a built-in one)."""
    return _builtin(name_or_path) if name_or_path in BUILTIN else _load(name_or_path)


@lru_cache(maxsize=len(BUILTIN))
def _builtin(name: str) -> Profile:
    """A built-in profile, read once per process: package data, and what it extends, are built-in too."""
    return _load(name)


def _load(name_or_path: str) -> Profile:
    data = _raw(name_or_path)
    key = content_key(data)
    if key not in _CACHE:
        _CACHE[key] = _validate(name_or_path, data)
    return _CACHE[key]


def _validate(name_or_path: str, data: dict) -> Profile:
    try:
        return Profile.model_validate(data)
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(x) for x in first["loc"])
        raise JixiaoError(f"评分方案“{name_or_path}”有误：{where} {first['msg']}") from None


def detect_profile(report: Report) -> Profile:
    """The profile the report's template names; else the one its framework and forms point to."""
    if report.template:
        from jixiao.extract.templates import load_template

        return load_profile(load_template(report.template).profile)
    if report.framework == "duty_efficiency":
        return load_profile("guangdong")
    if report.framework == "input_process_output_outcome" or report.report_kind == "external_evaluation":
        return load_profile("external_53")
    if report.has_basic_data_table or report.has_self_eval_table:
        return load_profile("hunan")
    if any("目标完成情况" in s.title for s in report.sections):
        return load_profile("chongqing")
    return load_profile("national")
