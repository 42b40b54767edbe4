"""The facade's door to the history: list changes, undo, redo (see `history`)."""

from __future__ import annotations

from ssi_tui.journal import history as h
from ssi_tui.journal.base import JournalBase


class Changes(JournalBase):
    def undo(self, change_id: int | None = None, window: str | None = None,
             surface: str | None = None) -> h.UndoResult:
        """Undo change `change_id`, or else the last change of `window` (default: this
        handle's) still standing, whatever its kind. Nothing is written unless `.ok`."""
        return h.undo(self.conn, change_id, window=window or self.window,
                      surface=surface or self.surface, path=self.path)

    def redo(self, change_id: int | None = None, window: str | None = None,
             surface: str | None = None) -> h.UndoResult:
        """Re-apply change `change_id`, or else the one the last undo of `window` took back."""
        return h.redo(self.conn, change_id, window=window or self.window,
                      surface=surface or self.surface, path=self.path)

    def changes(self, limit: int = 50, window: str | None = None,
                before: int | None = None) -> list[h.Change]:
        """The history, newest first (of one window when given)."""
        return h.history(self.conn, limit=limit, window=window, before=before)

    def change(self, change_id: int) -> h.Change | None:
        return h.get(self.conn, change_id)
