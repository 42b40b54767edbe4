"""One entry point per action whatever the target: a folder path or a postgresql:// URL."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ssi_tui.model.settings import ScoringSettings
from ssi_tui.team.board import TeamBoard, team_board
from ssi_tui.team.share import Share
from ssi_tui.team.snapshot import TeamSnapshot


def is_postgres(target: str) -> bool:
    return target.startswith(("postgresql://", "postgres://"))


def publish(target: str, share: Share) -> str:
    """Send the share; returns the name it was shared as."""
    if is_postgres(target):
        from ssi_tui.team import postgres

        return postgres.write_share(target, share)
    from ssi_tui.team import folder

    folder.write_share(Path(target).expanduser(), share)
    return share.rep


def revoke(target: str, rep: str) -> bool:
    """Remove the rep's data (on PostgreSQL: the connected user's); False if there was none."""
    if is_postgres(target):
        from ssi_tui.team import postgres

        return postgres.revoke_share(target) > 0
    from ssi_tui.team import folder

    return folder.revoke_share(Path(target).expanduser(), rep)


def read(source: str, today: date, pending_days: int) -> TeamSnapshot:
    if is_postgres(source):
        from ssi_tui.team import postgres

        return postgres.read_team(source, today, pending_days)
    from ssi_tui.team import folder

    return folder.read_folder(Path(source).expanduser(), today, pending_days)


def load_board(source: str, today: date, settings: ScoringSettings) -> TeamBoard:
    """What the team screen and `team --json` show."""
    return team_board(read(source, today, settings.pending_days), settings)
