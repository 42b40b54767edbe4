"""Where things live: the journal, the config file, the data folder. No pydantic here, so the
fastest commands (`status --line` on every prompt) can find the journal without loading it."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "ssi-tui"
DB_ENV = "SSI_TUI_DB"
CONFIG_ENV = "SSI_TUI_CONFIG"


def config_path() -> Path:
    """Where the config file lives: `SSI_TUI_CONFIG`, else the platform's config dir."""
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_config_path

    return user_config_path(APP_NAME) / "config.toml"


def default_db_path() -> Path:
    """The journal: `SSI_TUI_DB`, else `journal.db` in the platform's user data dir."""
    override = os.environ.get(DB_ENV)
    if override:
        return Path(override).expanduser()
    return data_dir() / "journal.db"


def data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME)
