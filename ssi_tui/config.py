"""Settings and paths: a pydantic model loaded from a TOML file in the platformdirs config dir.

`SSI_TUI_CONFIG` points at another config file and `SSI_TUI_DB` at another journal, so tests
and scripts stay isolated from the user's real files. Nothing is read or created at import time.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ssi_tui.default_settings import ConfigError
from ssi_tui.i18n import _
from ssi_tui.model.settings import ScoringSettings, SettingsProblem
from ssi_tui.paths import (  # noqa: F401  (re-exported: the config's public names)
    APP_NAME,
    CONFIG_ENV,
    DB_ENV,
    config_path,
    data_dir,
    default_db_path,
)
from ssi_tui.team.settings import TeamSettings


class Settings(BaseModel):
    """Everything a user may set in `config.toml`."""

    model_config = ConfigDict(extra="forbid")

    day_start_hour: int = Field(default=4, ge=0, le=23)
    """Hour a new journal day starts: at the default 4, 1 a.m. still counts as yesterday."""

    timezone: str | None = None
    """IANA zone (e.g. "Europe/Paris") for turning timestamps into days; default: the system's."""

    language: Literal["en", "fr"] | None = None
    """Interface language; default: from the locale (LC_ALL, LC_MESSAGES, LANG)."""

    backfill_snap_minutes: int = Field(default=10, ge=1, le=24 * 60)
    """In the app, the day being backfilled snaps back to today after this many idle minutes."""

    keymap: dict[str, str] = Field(default_factory=dict)
    """Rebind keys by binding id, e.g. `"log.search" = "f2"` (ids are listed by `?` in the app
    and in the README); several keys separate with commas."""

    scoring: ScoringSettings = Field(default_factory=ScoringSettings)
    """Weights, targets and windows of the estimate (see docs/scoring.md)."""

    team: TeamSettings = Field(default_factory=TeamSettings)
    """Automatic sharing to the team view (see docs/team.md)."""

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str | None) -> str | None:
        if value is not None:
            from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

            try:
                ZoneInfo(value)
            except (ZoneInfoNotFoundError, ValueError) as exc:
                raise ValueError(_("unknown time zone {zone}").format(zone=repr(value))) from exc
        return value


def load_settings(path: Path | None = None) -> Settings:
    """Read and validate the config file; a missing file means the defaults."""
    path = path or config_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Settings()
    except OSError as exc:
        from ssi_tui.journal.errors import reason

        raise ConfigError(_("{path}: cannot read the config file ({error})").format(
            path=path, error=reason(exc.strerror))) from exc
    try:
        data: dict[str, Any] = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(
            _("{path}: not valid TOML ({error})").format(path=path, error=exc)
        ) from exc
    try:
        return Settings.model_validate(data)
    except ValidationError as exc:
        from ssi_tui.journal.errors import pydantic_message

        first = exc.errors()[0]
        key = ".".join(str(part) for part in first["loc"]) or _("(top level)")
        problem = (first.get("ctx") or {}).get("error")
        message = (problem_text(problem) if isinstance(problem, SettingsProblem)
                   else pydantic_message(first))
        raise ConfigError(_("{path}: key '{key}': {message}").format(
            path=path, key=key, message=message)) from exc


def problem_text(problem: SettingsProblem) -> str:
    """A scoring setting the model refuses, in words (the model gives only a code)."""
    if problem.code == "unknown_term":
        return _("terms.{key}: unknown term; known: {known}").format(**problem.params)
    if problem.code == "unknown_effort":
        return _("effort_seconds.{key}: unknown to-do; known: {known}").format(**problem.params)
    if problem.code == "start_not_below_target":
        return _("start must be below target")
    return str(problem)
