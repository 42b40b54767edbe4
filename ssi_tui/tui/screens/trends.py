"""The trend: the four pillars and the total over 30, 90 or 365 days, official readings marked.
plotext is imported only when this screen is opened."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from ssi_tui.domain import PILLAR_LABELS, PILLARS
from ssi_tui.journal import Journal
from ssi_tui.model import estimate_series

RANGES = {"1": 30, "2": 90, "3": 365}
COLOURS = {"brand": "cyan", "people": "green", "insights": "magenta", "relationships": "yellow"}


class TrendsScreen(Screen[None]):
    BINDINGS = [
        Binding("1", "days(30)", "30 days", id="trends.30"),
        Binding("2", "days(90)", "90 days", id="trends.90"),
        Binding("3", "days(365)", "1 year", id="trends.365"),
        Binding("p", "toggle_pillars", "Pillars on/off", id="trends.pillars"),
        Binding("escape", "app.open_screen('dashboard')", "Back", id="trends.back"),
    ]

    def __init__(self, journal: Journal) -> None:
        super().__init__()
        self.journal = journal
        self.days = 90
        self.show_pillars = True

    def compose(self) -> ComposeResult:
        from textual_plotext import PlotextPlot

        yield Header()
        yield Static(id="trend-summary")
        yield PlotextPlot(id="plot")
        yield Footer()

    def on_mount(self) -> None:
        # on a small terminal the pillars' legend would hide the totals: start with totals only
        self.show_pillars = self.app.size.height >= 32
        self.reload()

    def action_days(self, days: int) -> None:
        self.days = days
        self.reload()

    def action_toggle_pillars(self) -> None:
        self.show_pillars = not self.show_pillars
        self.reload()

    def reload(self) -> None:
        """Recompute the series and redraw (also called when the journal changed)."""
        from textual_plotext import PlotextPlot

        today = self.journal.today()
        start = today - timedelta(days=self.days - 1)
        history = self.journal.history(start, today)
        series = estimate_series(start, today, history, self.journal.settings.scoring)
        readings = [r for r in history.readings if start <= r.day <= today]
        widget = self.query_one("#plot", PlotextPlot)
        plt: Any = widget.plt
        plt.clear_data()
        plt.clear_figure()
        plt.date_form("Y-m-d")
        days = [e.day.isoformat() for e in series]
        plt.plot(days, [e.total for e in series], label="total (model)", color="white",
                 marker="braille")
        from ssi_tui.views import stored_calibration

        cal = stored_calibration(self.journal)
        if cal is not None and cal.better:
            plt.plot(days, [sum(cal.apply(e).values()) for e in series], color="orange",
                     label="total (calibrated to your readings)", marker="braille")
        if self.show_pillars:
            for pillar in PILLARS:
                plt.plot(days, [e.pillars[pillar].value for e in series], color=COLOURS[pillar],
                         label=PILLAR_LABELS[pillar], marker="braille")
        if readings:
            plt.scatter([r.day.isoformat() for r in readings], [r.total for r in readings],
                        label="official reading", color="red", marker="●")
        plt.ylim(0, 100)
        plt.title(f"Estimated SSI, last {self.days} days")
        widget.refresh()
        first, last = series[0].total, series[-1].total
        text = (f"Model total {last:.1f} ({last - first:+.1f} in {self.days} days)"
                f" · {len(readings)} official reading(s) shown as dots")
        self.query_one("#trend-summary", Static).update(text)
