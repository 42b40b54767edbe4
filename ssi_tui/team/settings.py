"""`[team]` in config.toml: where to share automatically, and as whom. Only a folder or a
postgresql:// URL without a password: connection details stay in the PG* variables,
~/.pgpass or a service file (e.g. `share_to = "postgresql:///?service=sales"`)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ssi_tui.i18n import _


class TeamSettings(BaseModel):
    """Automatic sharing to the team (off unless `share_to` is set)."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    share_to: str | None = None
    """A team folder, or a postgresql:// URL without a password: when set, the app shares
    the last `auto_share_days` days on its first launch of each day (after a day of use)."""
    share_as: str | None = Field(default=None, pattern=r"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,62}$")
    """Your name in a team folder (default: your login name)."""
    auto_share_days: int = Field(default=60, ge=1, le=3650)
    """How many days each automatic share sends again (outcomes of older invitations change
    too; re-sending a day replaces it)."""

    @field_validator("share_to")
    @classmethod
    def _no_password(cls, value: str | None) -> str | None:
        if value and value.startswith(("postgresql://", "postgres://")):
            from urllib.parse import urlsplit

            if urlsplit(value).password is not None or "password=" in value:
                raise ValueError(_("no password here: use ~/.pgpass, PGPASSWORD or a "
                                   "service file"))
        return value
