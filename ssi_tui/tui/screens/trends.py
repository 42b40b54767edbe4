"""The trend: the four pillars and the total over 30, 90 or 365 days, official readings marked.
plotext is imported only when this screen is opened."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from ssi_tui.domain import PILLARS
from ssi_tui.i18n import N_, _, current_language, integer, ngettext, number
from ssi_tui.journal import Journal
from ssi_tui.labels import PILLAR_LABELS
from ssi_tui.model import estimate_series
from ssi_tui.model.reach import BANDS
from ssi_tui.tui.localized import LocalizedBindings
from ssi_tui.tui.narrow import NarrowFooter

RANGES = {"1": 30, "2": 90, "3": 365}
COLOURS = {"brand": "cyan", "people": "green", "insights": "magenta", "relationships": "yellow"}


RANGE_KEYS = Binding.Group(N_("30 d, 90 d, 1 y"))
"""The footer shows the three range keys under one label, so Quit still fits at 80 columns."""


class TrendsScreen(NarrowFooter, LocalizedBindings, Screen[None]):
    BINDINGS = [
        Binding("1", "days(30)", N_("30 days"), id="trends.30", group=RANGE_KEYS),
        Binding("2", "days(90)", N_("90 days"), id="trends.90", group=RANGE_KEYS),
        Binding("3", "days(365)", N_("1 year"), id="trends.365", group=RANGE_KEYS),
        Binding("p", "toggle_pillars", N_("Pillars"), id="trends.pillars"),
        Binding("escape", "app.open_screen('dashboard')", N_("Back"), id="trends.back"),
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
        self.watch(self.app, "status", self.reload, init=False)  # the journal changed

    def on_resize(self, event: events.Resize) -> None:
        self.fit_footer(event.size.width)

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
        # the days go in as ISO; French reads them day first on the axis
        if current_language() == "en":
            plt.date_form("Y-m-d")
        else:
            plt.date_form("Y-m-d", "d/m/Y")
        days = [e.day.isoformat() for e in series]
        plt.plot(days, [e.total for e in series], label=_("total (model)"), color="white",
                 marker="braille")
        from ssi_tui.views.calibration import in_use, shown_pillars, stored_calibration

        cal = stored_calibration(self.journal)
        if in_use(cal):
            plt.plot(days, [sum(shown_pillars(cal, e).values()) for e in series], color="orange",
                     label=_("total (calibrated to your readings)"), marker="braille")
        if self.show_pillars:
            for pillar in PILLARS:
                plt.plot(days, [e.pillars[pillar].value for e in series], color=COLOURS[pillar],
                         label=PILLAR_LABELS[pillar], marker="braille")
        if readings:
            plt.scatter([r.day.isoformat() for r in readings], [r.total for r in readings],
                        label=_("official reading"), color="red", marker="●")
        plt.ylim(0, 100)
        edges = [0, *(int(low) for low, _high, _mult in BANDS[1:]), 100]
        plt.yticks(edges, [str(edge) for edge in edges])  # the reach bands' edges: 45, 60…
        plt.title(ngettext("Estimated SSI, last {n} day", "Estimated SSI, last {n} days",
                           self.days).format(n=integer(self.days)))
        widget.refresh()
        first, last = series[0].total, series[-1].total
        model = ngettext("Model total {total} ({change} in {n} day)",
                         "Model total {total} ({change} in {n} days)", self.days).format(
            total=number(last, 1), change=number(last - first, 1, sign=True),
            n=integer(self.days))
        # TRANSLATORS: the English keeps "reading(s)" for every count
        dots = ngettext("{n} official reading shown as a dot",
                        "{n} official readings shown as dots", len(readings)).format(
            n=integer(len(readings)))
        text = f"{model} · {dots}"
        self.query_one("#trend-summary", Static).update(text)
