"""The stored calibration of the estimate against the official readings.

It is derived data (refitted from the readings whenever one is recorded), so it is not part of
the history of changes: undoing a reading and refitting gives it back."""

from __future__ import annotations

from typing import Any

from ssi_tui.journal.base import JournalBase
from ssi_tui.journal.writes import transaction


class Calibration(JournalBase):
    def calibration(self) -> list[dict[str, Any]]:
        """The stored per-pillar fit (empty when none): pillar, scale, intercept, readings,
        mae_before, mae_after, made_on."""
        cursor = self.conn.execute(
            "SELECT pillar, scale, intercept, readings, mae_before, mae_after, made_on"
            " FROM calibration"
        )
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]

    def save_calibration(self, rows: list[dict[str, Any]]) -> None:
        with transaction(self.conn, self.path):
            self.conn.execute("DELETE FROM calibration")
            self.conn.executemany(
                "INSERT INTO calibration (pillar, scale, intercept, readings, mae_before,"
                " mae_after, made_on) VALUES (:pillar, :scale, :intercept, :readings,"
                " :mae_before, :mae_after, :made_on)", rows)

    def reset_calibration(self) -> int:
        with transaction(self.conn, self.path):
            return int(self.conn.execute("DELETE FROM calibration").rowcount)
