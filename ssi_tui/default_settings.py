"""The settings the app starts with, without pydantic when it can.

With no config file there is nothing to validate: `DefaultSettings` holds the defaults of
`config.Settings` as plain attributes, and builds the scoring and team tables (pydantic models)
only when something asks for them — the status build, after the first frame, or never (an
export). A config file is validated by `config.load_settings` (one line naming the key when it
is wrong); what it gave is remembered in the cache folder, keyed by the file's path, mtime,
size and bytes and by the version of ssi-tui and of its validating modules, so the next start
with the same file reads its plain values from there (`CheckedSettings`) and validates its
tables only when they are asked for.
`tests/test_startup.py` checks that the defaults agree and that no pydantic loads.
"""

from __future__ import annotations

import json
import os
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ssi_tui.config import Settings
    from ssi_tui.model.settings import ScoringSettings
    from ssi_tui.team.settings import TeamSettings

PLAIN = ("day_start_hour", "timezone", "language", "backfill_snap_minutes", "keymap")
"""The settings read before the first frame (the day, the language, the keys)."""


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


class CheckedSettings:
    """A config file's settings, validated now or at an earlier start of the same file: the
    plain values as validated, the scoring and team tables validated when first asked for
    (they cannot fail: the same bytes passed with this version)."""

    def __init__(self, data: dict[str, Any], plain: dict[str, Any], digest: str,
                 validated: Settings | None = None) -> None:
        self.data, self.digest = data, digest
        self.day_start_hour: int = plain["day_start_hour"]
        self.timezone: str | None = plain["timezone"]
        self.language: str | None = plain["language"]
        self.backfill_snap_minutes: int = plain["backfill_snap_minutes"]
        self.keymap: dict[str, str] = dict(plain["keymap"])
        if validated is not None:
            self.__dict__.update(scoring=validated.scoring, team=validated.team)

    @cached_property
    def scoring(self) -> ScoringSettings:
        from ssi_tui.model.settings import ScoringSettings

        return ScoringSettings.model_validate(self.data.get("scoring", {}))

    @cached_property
    def team(self) -> TeamSettings:
        from ssi_tui.team.settings import TeamSettings

        return TeamSettings.model_validate(self.data.get("team", {}))


def load_settings(path: Path | None = None) -> Settings | DefaultSettings | CheckedSettings:
    """The config file's settings, validated (raises ConfigError naming the key); its defaults
    when there is no file. Neither case imports pydantic when nothing asks for the scoring or
    team tables, unless the file is new or changed since the last start."""
    from ssi_tui.paths import config_path

    path = path or config_path()
    try:
        raw = path.read_bytes()
        stat = path.stat()
    except FileNotFoundError:
        return DefaultSettings()
    except OSError:
        from ssi_tui.config import load_settings as validated

        return validated(path)  # says why it cannot be read
    import hashlib

    from ssi_tui import __version__

    digest = hashlib.sha256(raw).hexdigest()[:32]
    key = (f"{path.resolve()}|{stat.st_mtime_ns}|{stat.st_size}|{digest}|{__version__}|"
           f"{_rules_stamp()}")
    plain = _remembered(key)
    if plain is not None:
        import tomllib

        return CheckedSettings(tomllib.loads(raw.decode("utf-8")), plain, digest)
    from ssi_tui.config import load_settings as validated

    settings = validated(path)
    plain = {name: getattr(settings, name) for name in PLAIN}
    _remember(key, plain)
    import tomllib

    return CheckedSettings(tomllib.loads(raw.decode("utf-8")), plain, digest, settings)


RULES = ("config.py", "model/settings.py", "team/settings.py")
"""The modules whose rules validate a config file: a change to them (an upgrade, a checkout)
makes every remembered file unchecked."""


def _rules_stamp() -> str:
    root = Path(__file__).parent
    stamps = []
    for name in RULES:
        try:
            stamps.append(str((root / name).stat().st_mtime_ns))
        except OSError:
            stamps.append("-")
    return ":".join(stamps)


def checked_file() -> Path:
    """Where the last config file validated is remembered (the user's cache folder)."""
    from platformdirs import user_cache_path

    from ssi_tui.paths import APP_NAME

    return user_cache_path(APP_NAME) / "settings.json"


def _remembered(key: str) -> dict[str, Any] | None:
    try:
        data = json.loads(checked_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("key") != key:
        return None
    plain = data.get("plain")
    if not isinstance(plain, dict) or set(plain) != set(PLAIN):
        return None
    return plain


def _remember(key: str, plain: dict[str, Any]) -> None:
    """Best effort, atomic, private: a cache that cannot be written is simply not used."""
    target = checked_file()
    tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump({"key": key, "plain": plain}, handle)
        os.replace(tmp, target)
    except OSError:
        tmp.unlink(missing_ok=True)


def has_team_table(settings: Any) -> bool:
    """Whether the settings may share to a team (`[team]` in the file), known without
    validating the team table when the file has none."""
    if isinstance(settings, DefaultSettings):
        return False
    if isinstance(settings, CheckedSettings):
        return "team" in settings.data
    return True


def fingerprint(settings: Any) -> str:
    """A short digest of the settings in force (for caches of what they compute): the same
    settings give the same digest."""
    if isinstance(settings, DefaultSettings):
        return "defaults"
    if isinstance(settings, CheckedSettings):
        return f"file:{settings.digest}"
    import hashlib

    return hashlib.sha256(settings.model_dump_json().encode()).hexdigest()[:16]
