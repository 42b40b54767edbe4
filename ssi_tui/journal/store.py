"""The facade the CLI, the app and the service layer talk to: one class, `Journal`, made of one
part per kind of record (each in its own module), all writing through the one write path
(`writes.change`) so every change lands in the history and can be undone. No Textual here, and
no SQL outside the journal package.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ssi_tui.journal.calibration import Calibration
from ssi_tui.journal.changes import Changes
from ssi_tui.journal.connection import connect
from ssi_tui.journal.events import Events
from ssi_tui.journal.files import Files
from ssi_tui.journal.indicators import IndicatorFigures
from ssi_tui.journal.invitations import Invitations
from ssi_tui.journal.profile import Profile
from ssi_tui.journal.readings import Readings
from ssi_tui.journal.windows import ModelReads
from ssi_tui.journal.writes import CLI_WINDOW
from ssi_tui.paths import data_dir, default_db_path

if TYPE_CHECKING:
    from ssi_tui.config import Settings


class Journal(Events, Invitations, Readings, IndicatorFigures, Profile, Calibration, Changes,
              ModelReads, Files):
    """One open journal file. Every write is validated, recorded in the history and committed
    before returning. The parts: events, invitations, readings, indicators, profile,
    calibration, changes (undo, redo, history), model reads, files (backups)."""


def open_journal(
    path: Path | str | None = None, settings: Settings | None = None, create: bool = True,
    window: str = CLI_WINDOW, surface: str = "cli",
) -> Journal:
    """Open the journal at `path` (default: SSI_TUI_DB, else the platform data dir), writing
    for `window` (each app window passes its own, see `writes.new_window_id`)."""
    explicit = path is not None
    target = Path(path).expanduser() if path is not None else default_db_path()
    # our own data folder is ours to create, whichever of its files is asked for (the demo's too)
    ours = not explicit or target.parent == data_dir()
    conn = connect(target, create=create, create_folder=ours)
    return Journal(conn, target, settings, window=window, surface=surface)
