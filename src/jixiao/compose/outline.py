"""The outline of the rendered report, as data: `outline.toml`, one outline per profile name."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

from pydantic import BaseModel, ConfigDict

from jixiao.scoring.profile import Profile


class Heading(BaseModel):
    """A heading (level 1 一、, 2 （一）, 3 1.) and the sentence generators that fill it."""

    model_config = ConfigDict(extra="forbid")

    level: int
    title: str
    content: list[str] = []


class Outline(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str
    headings: list[Heading]


@cache
def _outlines() -> dict[str, Outline]:
    text = resources.files("jixiao.compose").joinpath("outline.toml").read_text(encoding="utf-8")
    return {name: Outline.model_validate(data) for name, data in tomllib.loads(text).items()}


def outline_for(profile: Profile) -> Outline:
    """The profile's outline, or the national one for a profile without its own."""
    outlines = _outlines()
    return next(outlines[name] for name in (profile.name, profile.extends, "national") if name in outlines)
