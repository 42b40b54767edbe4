"""The Textual app: the dashboard first, one key per habit, forms for the rest, live refresh.

The app holds the open `Journal` and the current `Status` view model. After every write (ours,
or another process's, seen through `PRAGMA data_version`) it rebuilds the Status once and the
widgets update in place.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import ModalScreen, Screen

from ssi_tui.i18n import N_, _, day_with_weekday
from ssi_tui.journal import InputError, Journal, JournalError
from ssi_tui.journal.rows import describe_event
from ssi_tui.tui.keys import FORM_KEYS, LOG_KEYS, SCREEN_KEYS
from ssi_tui.tui.localized import LocalizedBindings
from ssi_tui.tui.screens.dashboard import DashboardScreen
from ssi_tui.views import Status, StatusBuilder

POLL_SECONDS = 0.5
SCREENS = Binding.Group(N_("screens"))
"""The footer shows the screen keys side by side under one word, so it fits 80 columns in
every language (each key's own name is in the help screen and the command palette)."""


def _warm_up() -> None:
    """Import what the first write needs while the user reads the first frame, so the first
    keystroke does not pay for it."""
    import sqlite_utils.db  # noqa: F401

    import ssi_tui.journal.records  # noqa: F401


class SsiApp(LocalizedBindings, App[None]):
    """ssi-tui: your daily SSI cockpit."""

    TITLE = "ssi-tui"
    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        *(Binding(key, f"open_screen('{name}')", label, id=f"screen.{name}",
                  show=name in ("journal", "trends", "invitations", "help"), group=SCREENS)
          for key, name, label in SCREEN_KEYS),
        Binding("q", "quit", N_("Quit"), id="app.quit"),
    ]

    def __init__(self, journal: Journal, start_screen: str = "dashboard",
                 screenshot: Path | None = None) -> None:
        super().__init__()
        from ssi_tui.journal.writes import CLI_WINDOW, new_window_id

        if journal.window == CLI_WINDOW:  # each app window undoes its own changes
            journal.window, journal.surface = new_window_id("app"), "form"
        self.journal = journal
        self.start_screen = start_screen
        self.screenshot_path = screenshot
        self.status: Status | None = None
        self.builder = StatusBuilder(journal)
        self.log_day: date | None = None
        """The day entries go to while backfilling; None means today."""
        self.backfill_touched = 0.0
        self.last_log_ms = 0.0
        self._data_version = 0
        self._today = journal.today()
        if journal.settings.keymap:
            self.set_keymap(journal.settings.keymap)

    # -- start ---------------------------------------------------------------------------------

    def get_default_screen(self) -> Screen[Any]:
        return DashboardScreen()

    def dashboard_ready(self) -> None:
        """Called once the dashboard's widgets exist: show the status (the readings' accuracy
        right after the first frame), start polling."""
        if self.screenshot_path is not None:  # nobody sees a quick frame: build it all once
            self.refresh_status(self.builder.build())
        else:
            self.refresh_status(self.builder.build(accuracy=False))
            self.call_after_refresh(lambda: self.refresh_status(self.builder.build()))
        self._data_version = self.journal.data_version()
        self.set_interval(POLL_SECONDS, self.poll)
        if self.start_screen != "dashboard":
            self.action_open_screen(self.start_screen)
        if self.screenshot_path is None:
            threading.Thread(target=_warm_up, daemon=True).start()

    # -- the view model --------------------------------------------------------------------------

    @property
    def dashboard(self) -> DashboardScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, DashboardScreen)
        return screen

    def refresh_status(self, status: Status | None = None) -> None:
        """Show a Status (by default rebuilt from scratch); reload the screen on top, if any."""
        if status is None:
            self.builder.invalidate()
            status = self.builder.build()
        self.status = status
        self.dashboard.show(status)
        self.update_subtitle()
        top = self.screen
        if top is not self.dashboard and hasattr(top, "reload"):
            top.reload()

    def update_subtitle(self) -> None:
        today = self.journal.today()
        day = self.log_day or today
        if day == today:
            self.sub_title = _("logging to today, {day}").format(day=day_with_weekday(day))
        else:
            self.sub_title = _("BACKFILL: logging to {day} (] returns to today)").format(
                day=day_with_weekday(day))

    def poll(self) -> None:
        """Another process wrote, or the day rolled over: show it. Snap back from backfill."""
        try:
            version = self.journal.data_version()
        except sqlite3.Error:  # the file went away or is being replaced: try again next tick
            return
        today = self.journal.today()
        snap = self.journal.settings.backfill_snap_minutes * 60
        if self.log_day is not None and time.monotonic() - self.backfill_touched > snap:
            self.log_day = None
            self.update_subtitle()
        if version != self._data_version or today != self._today:
            self._data_version, self._today = version, today
            self.refresh_status()

    # -- writing -------------------------------------------------------------------------------

    def write(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        """Run a journal write; an error toast (the app keeps running) if it fails."""
        try:
            return fn(*args, **kwargs)
        except (InputError, JournalError) as exc:
            self.notify(str(exc), title=_("Not saved"), severity="error", timeout=6,
                        markup=False)
            return None

    def log_habit(self, kind: str, degree: int | None, count: int) -> None:
        started = time.perf_counter()
        event = self.write(self.journal.log_event, kind=kind, count=count, degree=degree,
                           day=self.log_day, surface="key")
        if event is None:
            return
        self.refresh_status(self.builder.after_event(event.day, kind))
        self.last_log_ms = (time.perf_counter() - started) * 1000
        """Key handled: committed, status rebuilt, widgets updated (the benchmark reads it)."""
        self.notify(_("Logged {what}").format(what=describe_event(event)), timeout=2,
                    markup=False)
        if self.log_day is not None:
            self.backfill_touched = time.monotonic()

    def undo(self) -> None:
        """Undo the last change made by this window, whatever its kind."""
        from ssi_tui.journal.describe import undo_message

        result = self.write(self.journal.undo)
        if result is None:
            return
        if result.ok:
            self.refresh_status()
        self.notify(undo_message(result), timeout=3, markup=False,
                    severity="information" if result.ok or result.status == "nothing"
                    else "warning")

    def move_log_day(self, days: int) -> None:
        today = self.journal.today()
        day = (self.log_day or today) + timedelta(days=days)
        self.log_day = None if day >= today else day
        self.backfill_touched = time.monotonic()
        self.update_subtitle()

    # -- screens and forms -------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Screen keys and q do nothing while a form is open (Escape closes it)."""
        return not (action in ("open_screen", "quit") and isinstance(self.screen, ModalScreen))

    def action_open_screen(self, name: str) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()
        if name == "dashboard":
            return
        self.push_screen(self._make_screen(name))

    def _make_screen(self, name: str) -> Screen[Any]:
        if name == "journal":
            from ssi_tui.tui.screens.journal import JournalScreen

            return JournalScreen(self.journal)
        if name == "trends":
            from ssi_tui.tui.screens.trends import TrendsScreen

            return TrendsScreen(self.journal)
        if name == "invitations":
            from ssi_tui.tui.screens.invitations import InvitationsScreen

            return InvitationsScreen(self.journal)
        from ssi_tui.tui.screens.help import HelpScreen

        return HelpScreen()

    def open_form(self, name: str) -> None:
        from ssi_tui.tui.forms import FORMS

        def done(saved: str | None) -> None:
            if saved:
                self.notify(saved, timeout=3, markup=False)
                self.refresh_status()

        self.push_screen(FORMS[name](self.journal, self.log_day), done)

    def action_command_palette(self) -> None:
        """Textual's palette, with its placeholder in the interface language."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(id="--command-palette",
                                            placeholder=_("Search for commands…")))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        # Textual's own titles are in our catalogue (see textual_messages)
        for command in super().get_system_commands(screen):
            yield command._replace(title=_(command.title), help=_(command.help))
        dash = self.dashboard
        for key in LOG_KEYS:
            yield SystemCommand(
                _("Log: {what}").format(what=_(key.label)),
                _("Log one {what} (key {key})").format(what=_(key.label), key=key.key),
                lambda k=key: dash.run_action(f"log('{k.kind}', {k.degree})"))
        for key, name, label, _title in FORM_KEYS:
            yield SystemCommand(_("Form: {what}").format(what=_(label)),
                                _("Open the form (key {key})").format(key=key),
                                lambda n=name: self.open_form(n))
        for key, name, label in SCREEN_KEYS:
            yield SystemCommand(_("Screen: {what}").format(what=_(label)),
                                _("Switch screen (key {key})").format(key=key),
                                lambda n=name: self.action_open_screen(n))
        yield SystemCommand(_("Undo last entry"), _("Remove the last entry logged (key u)"),
                            self.undo)
        yield SystemCommand(_("Import LinkedIn data export"),
                            _("Backfill from the zip LinkedIn sends you (Get a copy of your "
                              "data)"),
                            lambda: self.open_form("linkedin"))
        yield SystemCommand(_("Backfill: previous day"), _("Log to the day before (key [)"),
                            lambda: self.move_log_day(-1))
        yield SystemCommand(_("Backfill: back to today"), _("Log to today again (key ])"),
                            lambda: self.move_log_day(+1))


def run_app(journal: Journal, screen: str = "dashboard", screenshot: Path | None = None,
            size: tuple[int, int] = (120, 40)) -> None:
    """Open the app, or render one screen to an SVG file headless and exit."""
    app = SsiApp(journal, start_screen=screen, screenshot=screenshot)
    if screenshot is None:
        app.run()
        return

    async def render() -> None:
        # the same headless driver as the tests' Pilot: the footer fills in as it does for a
        # user; wait until the screen on top is idle, then save what a terminal would show
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            if screen != "dashboard":
                await pilot.pause(0.1)
            app.save_screenshot(screenshot.name, str(screenshot.parent))

    import asyncio

    asyncio.run(render())
