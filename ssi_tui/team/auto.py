"""Automatic sharing after each day of use: on the app's first launch of a day, the last days
are shared in a background thread (its own journal connection), so a slow network never holds
the app. A failure never reaches the app: it is told in one line (`report`) and retried at the
next launch; a success is stamped beside the journal (`journal.db.shared`, the day), so it runs
once a day."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ssi_tui.i18n import _


def stamp_path(journal_path: Path) -> Path:
    return journal_path.with_name(journal_path.name + ".shared")


def due(journal_path: Path, today: date) -> bool:
    try:
        return stamp_path(journal_path).read_text().strip() != today.isoformat()
    except OSError:
        return True


def share_now(journal_path: Path, settings: Any) -> str | None:
    """Share the configured days; returns the name shared as (None: not configured/due)."""
    import getpass

    from ssi_tui.journal import open_journal
    from ssi_tui.team.share import build_share
    from ssi_tui.team.targets import is_postgres, publish

    team = settings.team
    if not team.share_to:
        return None
    journal = open_journal(journal_path, settings, create=False)
    try:
        today = journal.today()
        if not due(journal_path, today):
            return None
        target = team.share_to if is_postgres(team.share_to) else str(
            Path(team.share_to).expanduser())
        share = build_share(journal, team.share_as or getpass.getuser(),
                            since=today - timedelta(days=team.auto_share_days - 1), today=today)
    finally:
        journal.close()
    shared_as = publish(target, share)
    stamp_path(journal_path).write_text(today.isoformat())
    return shared_as


def failure_line(target: str, error: BaseException) -> str:
    """The one line that tells a failed automatic share (the config holds no password)."""
    lines = str(error).strip().splitlines()
    return _("Automatic team share to {target} failed: {error}. Tried again at the next "
             "launch.").format(target=target, error=lines[0] if lines else type(error).__name__)


def start(journal_path: Path, settings: Any,
          report: Callable[[str], None] | None = None) -> threading.Thread | None:
    """Start the day's automatic share in the background, if configured; a failure (no
    network, a refused login, a missing folder) goes to `report` as one line."""
    if not settings.team.share_to:
        return None

    def run() -> None:
        try:
            share_now(journal_path, settings)
        except Exception as exc:  # noqa: BLE001 - whatever it is, the app carries on
            if report is not None:
                with contextlib.suppress(Exception):
                    report(failure_line(settings.team.share_to, exc))

    thread = threading.Thread(target=run, name="ssi-auto-share", daemon=True)
    thread.start()
    return thread
