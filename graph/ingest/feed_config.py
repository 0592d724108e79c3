"""The ``whomet watch`` config file: which feeds and sitemaps, how often, how politely."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from graph.errors import ConfigError

FeedKind = Literal["auto", "feed", "sitemap"]


class FeedSource(BaseModel):
    """One RSS/Atom feed or sitemap to follow."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
    url: str = Field(pattern=r"^https?://")
    kind: FeedKind = "auto"
    interval_s: float = Field(default=300.0, gt=0)
    include: list[str] = Field(default_factory=list)  # regexes over the item URL; any must match
    exclude: list[str] = Field(default_factory=list)  # regexes over the item URL; none may match

    @field_validator("include", "exclude")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        for p in patterns:
            try:
                re.compile(p)
            except re.error as exc:
                raise ValueError(f"bad pattern {p!r}: {exc}") from exc
        return patterns

    def wants(self, url: str) -> bool:
        if self.include and not any(re.search(p, url) for p in self.include):
            return False
        return not any(re.search(p, url) for p in self.exclude)


class WatchConfig(BaseModel):
    """Politeness settings shared by every feed, then the feeds."""

    model_config = ConfigDict(extra="forbid")

    state: Path | None = None  # the SQLite file; default: WHOMET_HOME/watch.sqlite
    user_agent: str = "whomet/0.1 (+https://github.com/whomet)"
    per_host_interval_s: float = Field(default=1.0, ge=0)
    timeout_s: float = Field(default=15.0, gt=0)
    max_feed_bytes: int = Field(default=10_000_000, gt=0)
    max_page_bytes: int = Field(default=5_000_000, gt=0)
    max_item_attempts: int = Field(default=3, ge=1)
    max_items_per_poll: int = Field(default=500, ge=1)
    feeds: list[FeedSource] = Field(min_length=1)

    @field_validator("feeds")
    @classmethod
    def _unique_names(cls, feeds: list[FeedSource]) -> list[FeedSource]:
        names = [f.name for f in feeds]
        dup = sorted({n for n in names if names.count(n) > 1})
        if dup:
            raise ValueError(f"feed names must be unique: {', '.join(dup)}")
        return feeds


def load_config(path: Path) -> WatchConfig:
    """Read and check a YAML config; any problem is a ConfigError naming the file."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from exc
    try:
        config = WatchConfig.model_validate(raw)
    except ValidationError as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    if config.state is not None and not config.state.is_absolute():
        config.state = path.parent / config.state
    return config
