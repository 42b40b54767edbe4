"""The demo journal, built across the layers: the journal writes the habits, the model
estimates them, the journal writes readings that follow the estimate, then the calibration is
fitted. Kept here so that the journal never imports the model."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ssi_tui.journal.demo import write_habits, write_readings

if TYPE_CHECKING:
    from ssi_tui.journal import Journal


def build_demo(journal: Journal) -> None:
    """Fill an empty journal with 180 days of a user climbing from SSI ~40 past 70."""
    from ssi_tui.model import estimate_series
    from ssi_tui.views import refit

    days = write_habits(journal)
    history = journal.history(days.first, days.today)
    series = estimate_series(days.first, days.today, history, journal.settings.scoring)
    write_readings(journal, days, [{key: score.value for key, score in est.pillars.items()}
                                   for est in series])
    refit(journal)
