"""The settings the app starts with, without pydantic when there is no config file.

With no file there is nothing to validate: `DefaultSettings` holds the defaults of
`config.Settings` as plain attributes, and builds the scoring and team tables (pydantic models)
only when something asks for them — the status build, after the first frame, or never (an
export). With a file, `load_settings` is `config.load_settings`: validated, one line naming the
key when it is wrong. `tests/test_startup.py` checks the two agree and that no pydantic loads.
"""

from __future__ import annotations

import hashlib
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ssi_tui.config import Settings
    from ssi_tui.model.settings import ScoringSettings
    from ssi_tui.team.settings import TeamSettings


class ConfigError(Exception):
    """The config file cannot be used; the message names the file and the key."""


class DefaultSettings:
    """`config.Settings()` without its import: the same values, read the same way."""

    day_start_hour = 4
    timezone: str | None = None
    language: str | None = None
    backfill_snap_minutes = 10

    def __init__(self) -> None:
        self.keymap: dict[str, str] = {}

    @cached_property
    def scoring(self) -> ScoringSettings:
        from ssi_tui.model.settings import ScoringSettings

        return ScoringSettings()

    @cached_property
    def team(self) -> TeamSettings:
        from ssi_tui.team.settings import TeamSettings

        return TeamSettings()


def load_settings(path: Path | None = None) -> Settings | DefaultSettings:
    """The config file's settings, validated; its defaults when there is no file (then nothing
    is validated and pydantic is not imported). Raises config.ConfigError."""
    from ssi_tui.paths import config_path

    path = path or config_path()
    if not path.exists():
        return DefaultSettings()
    from ssi_tui.config import load_settings as validated

    return validated(path)


def fingerprint(settings: Any) -> str:
    """A short digest of the settings in force (for caches of what they compute): the same
    settings give the same digest."""
    if isinstance(settings, DefaultSettings):
        return "defaults"
    return hashlib.sha256(settings.model_dump_json().encode()).hexdigest()[:16]
