"""The first screen: four pillar gauges, the total and its reach band, the 90-day trend, the
last official reading, today's to-dos and the warnings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Digits, Footer, Header, Sparkline, Static

from ssi_tui.domain import PILLARS
from ssi_tui.i18n import N_, _, number
from ssi_tui.tui import messages as m
from ssi_tui.tui.frame import DashboardFrame, SavedDashboard, frame_of
from ssi_tui.tui.keys import FORM_KEYS, LOG_KEYS
from ssi_tui.tui.localized import LocalizedBindings
from ssi_tui.tui.narrow import NarrowFooter
from ssi_tui.tui.widgets.gauges import PillarGauge

if TYPE_CHECKING:
    from ssi_tui.tui.messages import Backfill
    from ssi_tui.views import Status

SHOWN_LOG_KEYS = {"l", "s", "v"}
MAX_PREFIX = 4
COUNT_LABELS = (N_("Count 0"), N_("Count 1"), N_("Count 2"), N_("Count 3"), N_("Count 4"),
                N_("Count 5"), N_("Count 6"), N_("Count 7"), N_("Count 8"), N_("Count 9"))
"""The digit keys' descriptions, one msgid each so that the bindings mixin can translate them."""


class DashboardScreen(NarrowFooter, LocalizedBindings, Screen[None]):
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (78, "-wide")]
    NARROW_HIDES = ("screen.", "log.profile_view.2")
    """Under 80 columns the footer keeps l, s, u, Quit and the palette (v and the screen keys
    are in the help and the palette): whole in French at 60 columns."""
    WIDE_COMPACT = True
    AUTO_FOCUS = "PillarGauge"
    """Start on the first gauge (Enter explains it), never in an input: printable keys log."""
    BINDINGS = [
        *(Binding(k.key, f"log('{k.kind}', {k.degree})", k.short,
                  id=k.binding_id, show=k.key in SHOWN_LOG_KEYS) for k in LOG_KEYS),
        *(Binding(key, f"form('{name}')", title, id=f"form.{name}", show=False)
          for key, name, _label, title in FORM_KEYS),
        Binding("u", "undo", N_("Undo"), id="log.undo"),
        Binding("U", "redo", N_("Redo"), id="log.redo", show=False),
        Binding("left_square_bracket", "backfill(-1)", N_("Day before"), id="log.day_before",
                show=False),
        Binding("right_square_bracket", "backfill(1)", N_("Day after"), id="log.day_after",
                show=False),
        Binding("x", "explain", N_("Explain pillar"), id="dashboard.explain", show=False),
        Binding("escape", "clear_prefix", N_("Clear count"), id="log.clear_count", show=False),
        *(Binding(str(d), f"digit({d})", COUNT_LABELS[d], id=f"log.count_{d}", show=False)
          for d in range(10)),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.prefix = ""
        self.status: Status | None = None
        """The last Status shown (the app's, received through the watch below)."""

    def on_mount(self) -> None:
        self.watch(self.app, "saved", self.show_saved)  # the frame saved at the last run
        self.watch(self.app, "status", self.show)  # now, then whenever the app's changes
        self.watch(self.app, "backfill", self.show_backfill)
        self.post_message(m.DashboardMounted())

    # -- keys --------------------------------------------------------------------------------

    def action_digit(self, digit: int) -> None:
        if len(self.prefix) < MAX_PREFIX and (self.prefix or digit):
            self.prefix += str(digit)
        self.show_prefix(self.prefix)

    def action_clear_prefix(self) -> None:
        self.prefix = ""
        self.show_prefix("")

    def action_log(self, kind: str, degree: int | None) -> None:
        count = int(self.prefix) if self.prefix else 1
        self.action_clear_prefix()
        self.post_message(m.LogRequested(kind, degree, count))

    def action_undo(self) -> None:
        self.action_clear_prefix()
        self.post_message(m.UndoRequested())

    def action_redo(self) -> None:
        self.action_clear_prefix()
        self.post_message(m.RedoRequested())

    def action_backfill(self, days: int) -> None:
        self.action_clear_prefix()  # a count typed for one day must not land on another
        self.post_message(m.BackfillRequested(days))

    def on_screen_suspend(self) -> None:
        """Another screen, a form or the palette covers the dashboard: the pending count is
        dropped, so it cannot fire on a key pressed much later."""
        self.action_clear_prefix()

    def action_form(self, name: str) -> None:
        self.action_clear_prefix()
        self.post_message(m.FormRequested(name))

    def action_explain(self) -> None:
        focused = self.focused
        pillar = focused.pillar if isinstance(focused, PillarGauge) else PILLARS[0]
        self._explain(pillar)

    def on_pillar_gauge_selected(self, message: PillarGauge.Selected) -> None:
        self._explain(message.pillar)

    def _explain(self, pillar: str) -> None:
        self.post_message(m.ExplainRequested(pillar))

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="prefix")
        yield Static(id="frame-note")
        with Horizontal(id="main"):
            with Vertical(id="left"):
                for pillar in PILLARS:
                    yield PillarGauge(pillar)
                yield Static(id="day-entries")
                yield Static(id="todos")
                yield Static(id="recent")
            with VerticalScroll(id="right"):
                yield Digits("--.-", id="total")
                yield Static(id="reach")
                yield Sparkline([0.0], id="trend")
                yield Static(_("Estimated total, last 90 days"), id="trend-label")
                yield Static(id="reading")
                yield Static(id="warnings")
        yield Footer(compact=True)

    def show(self, status: Status | None) -> None:
        """Update every widget in place from a fresh view model (the app's `status`)."""
        if status is None:
            return
        self.status = status
        self.show_frame(frame_of(status))
        note = self.query_one("#frame-note", Static)
        note.update("")
        note.display = False

    def show_saved(self, saved: SavedDashboard | None) -> None:
        """The frame of the last run, drawn before the status is built. If the journal, the
        settings or the day changed since, it says so: these are earlier figures."""
        if saved is None or self.status is not None:
            return
        self.show_frame(saved.frame)
        note = self.query_one("#frame-note", Static)
        if not saved.current:
            from ssi_tui.i18n import day_with_weekday

            note.update(_("Figures saved on {day}, not current: updating…").format(
                day=day_with_weekday(saved.day)))
        note.display = not saved.current

    def show_frame(self, frame: DashboardFrame) -> None:
        for pillar in PILLARS:
            self.query_one(f"#gauge-{pillar}", PillarGauge).set_value(
                frame.pillars[pillar], frame.change[pillar]
            )
        self.query_one("#total", Digits).update(number(frame.total, 1))
        self.query_one("#reach", Static).update(frame.texts["reach"])
        self.query_one("#trend", Sparkline).data = frame.series
        self.query_one("#reading", Static).update(frame.texts["reading"])
        self.query_one("#todos", Static).update(frame.texts["todos"])
        recent = self.query_one("#recent", Static)
        recent.update(frame.texts["recent"])
        recent.display = self.size.height >= 34  # only where it fits without pushing to-dos
        warnings = self.query_one("#warnings", Static)
        warnings.update(frame.texts["warnings"])
        warnings.display = frame.has_warnings

    def on_resize(self, event: events.Resize) -> None:
        self.query_one("#recent", Static).display = event.size.height >= 34
        self.fit_footer(event.size.width)

    def show_backfill(self, backfill: Backfill | None) -> None:
        """While backfilling, what the day already holds takes the to-dos' place (they are
        today's); back on today, the to-dos return."""
        entries = self.query_one("#day-entries", Static)
        entries.display = backfill is not None
        self.query_one("#todos", Static).display = backfill is None
        if backfill is not None:
            from ssi_tui.tui.widgets.panels import day_entries_text

            entries.update(day_entries_text(backfill.day, backfill.events))

    def show_prefix(self, prefix: str) -> None:
        widget = self.query_one("#prefix", Static)
        widget.update(_("count: {count}× — now press a habit key (Esc clears)").format(
            count=prefix) if prefix else "")
        widget.display = bool(prefix)
