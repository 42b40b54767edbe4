"""What a screen asks of the app. Keys and palette commands post these; the app handles each in
one place (SsiApp.on_*) and the result comes back as a new `status`, which the screens watch.
A screen never calls into the app or into another screen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

from ssi_tui.domain import Event

if TYPE_CHECKING:
    from textual.screen import Screen


class LogRequested(Message):
    """Log a habit `count` times on the day being logged."""

    def __init__(self, kind: str, degree: int | None = None, count: int = 1) -> None:
        super().__init__()
        self.kind, self.degree, self.count = kind, degree, count


class UndoRequested(Message):
    """Undo this window's last change."""


class RedoRequested(Message):
    """Redo what this window's last undo took back."""


class BackfillRequested(Message):
    """Move the day entries go to by `days` (negative: back in time)."""

    def __init__(self, days: int) -> None:
        super().__init__()
        self.days = days


class FormRequested(Message):
    """Open form `name` (a key of ssi_tui.tui.forms.FORMS)."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name


class ScreenRequested(Message):
    """Show screen `name` (one of ssi_tui.tui.keys.SCREEN_NAMES)."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name


class ExplainRequested(Message):
    """Explain how `pillar` is made (its terms, what each earns)."""

    def __init__(self, pillar: str) -> None:
        super().__init__()
        self.pillar = pillar


class JournalChanged(Message):
    """A screen wrote to the journal (an edit, a delete): rebuild the status, and say so;
    `refit` when it touched the official readings (the calibration is fitted to them)."""

    def __init__(self, toast: str | None = None, refit: bool = False) -> None:
        super().__init__()
        self.toast = toast
        self.refit = refit


class LinkedInRequested(Message):
    """Read LinkedIn's export at `path` in a worker: a dry run (what each file holds, nothing
    written) or the import. The outcome comes back to `requester` as `LinkedInDone`."""

    def __init__(self, path: Path, dry_run: bool, requester: Screen[object]) -> None:
        super().__init__()
        self.path, self.dry_run, self.requester = path, dry_run, requester


class LinkedInDone(Message):
    """What a LinkedIn dry run or import gave: the report's lines, or the error of one field
    (`field`, `error`) when the archive or the journal refused it."""

    def __init__(self, dry_run: bool, lines: list[str], field: str = "",
                 error: str | None = None) -> None:
        super().__init__()
        self.dry_run, self.lines, self.field, self.error = dry_run, lines, field, error


class DashboardMounted(Message):
    """The dashboard's widgets exist: the first status can be drawn."""


@dataclass(frozen=True)
class Backfill:
    """The app's `backfill` while keys log to an earlier day: that day and what it holds."""

    day: date
    events: tuple[Event, ...]
