"""The Textual app: the dashboard first, one key per habit, forms for the rest, live refresh.

State flows one way. The app holds the service (`Session`: the journal, the status builder, the
day being logged) and the current `Status` as a reactive. Screens post messages
(ssi_tui.tui.messages) that the app handles here, in one place; the new Status is assigned to
`status`, and every screen that shows it watches it. Slow work (the refit after a reading, the
LinkedIn dry run and import, the exports, the backup) runs in workers whose outcome lands in one
handler. After every write, ours or another process's (seen through `PRAGMA data_version`), the
Status is rebuilt once and widgets update in place.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen
from textual.worker import Worker, WorkerState

from ssi_tui import startup
from ssi_tui.i18n import N_, _, day_with_weekday
from ssi_tui.journal import InputError, Journal, JournalError
from ssi_tui.journal.rows import describe_event
from ssi_tui.service.session import Session
from ssi_tui.tui import messages as m
from ssi_tui.tui.frame import SavedDashboard
from ssi_tui.tui.keys import FORM_KEYS, LOG_KEYS, RECORD_KINDS, SCREEN_KEYS
from ssi_tui.tui.screens.dashboard import DashboardScreen

if TYPE_CHECKING:
    from ssi_tui.views import Status, StatusBuilder

POLL_SECONDS = 0.5
EXPORT_TABLES = ("events", "invitations", "readings", "indicators")
"""What the palette's export writes, one file each (as `ssi-tui export TABLE`)."""
LinkedInOutcome = tuple[Screen[Any], m.LinkedInDone]
"""A LinkedIn worker's result: the form that asked, and what to tell it."""
SCREENS = Binding.Group(N_("screens"))
"""The footer shows the screen keys side by side under one word, so it fits 80 columns in
every language (each key's own name is in the help screen and the command palette)."""


def _warm_up() -> None:
    """Import what the first write needs while the user reads the first frame, so the first
    keystroke does not pay for it."""
    import sqlite_utils.db  # noqa: F401

    import ssi_tui.journal.records  # noqa: F401


class SsiApp(App[None]):
    """ssi-tui: your daily SSI cockpit."""

    TITLE = "ssi-tui"
    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        *(Binding(key, f"open_screen('{name}')", label, id=f"screen.{name}",  # at import
                  show=name in ("journal", "trends", "invitations", "help"), group=SCREENS)
          for key, name, label in SCREEN_KEYS),
        Binding("q", "quit", N_("Quit"), id="app.quit"),
    ]

    status: reactive[Status | None] = reactive(None, always_update=True, init=False)
    """The Status every screen shows; assigned here only, watched by the screens."""

    saved: reactive[SavedDashboard | None] = reactive(None, init=False)
    """The dashboard saved at the last run, drawn first while the status is built (None: the
    first frame waits for the status)."""

    backfill: reactive[m.Backfill | None] = reactive(None, always_update=True, init=False)
    """While keys log to an earlier day: that day and what it already holds (None: today)."""

    def __init__(self, journal: Journal, start_screen: str = "dashboard",
                 screenshot: Path | None = None) -> None:
        super().__init__()
        from ssi_tui.journal.writes import CLI_WINDOW, new_window_id

        if journal.window == CLI_WINDOW:  # each app window undoes its own changes
            journal.window, journal.surface = new_window_id("app"), "form"
        self.session = Session(journal)
        self.journal = journal
        self.start_screen = start_screen
        self.screenshot_path = screenshot
        self.last_log_ms = 0.0
        self.last_log_cpu_ms = 0.0
        """The same steps' CPU time in this thread (what a busy machine does not inflate)."""
        self._data_version = 0
        self._today = journal.today()
        if journal.settings.keymap:
            self.set_keymap(journal.settings.keymap)

    @property
    def log_day(self) -> date | None:
        """The day entries go to while backfilling; None means today (kept by the service)."""
        return self.session.log_day

    # -- start ---------------------------------------------------------------------------------

    def get_default_screen(self) -> Screen[Any]:
        # the dashboard saved at the last run is drawn first, while a worker builds the status
        # (a screenshot uses it only if it is current); with none, the first status exists
        # before the dashboard mounts, without the readings' accuracy (quicker) unless this is
        # a screenshot nobody waits on
        saved = self._saved_dashboard()
        if saved is not None and (saved.current or self.screenshot_path is None):
            self.saved = saved
            self.update_subtitle()
        else:
            self.show_status(self.session.build_status(accuracy=self.screenshot_path is not None))
        return DashboardScreen()

    def _saved_dashboard(self) -> SavedDashboard | None:
        """The frame saved at the last run, if any, and whether it is still current."""
        if self.start_screen != "dashboard":
            return None
        from datetime import date

        from ssi_tui.i18n import current_language
        from ssi_tui.service import frame_cache
        from ssi_tui.tui.frame import from_json

        try:
            key = frame_cache.frame_key(self.journal, current_language())
        except sqlite3.Error:
            return None
        found = frame_cache.read(self.journal.path, key)
        frame = from_json(found.payload) if found is not None else None
        if found is None or frame is None:
            return None
        try:
            day = date.fromisoformat(found.day)
        except ValueError:
            return None
        return SavedDashboard(frame, day, found.current)

    def save_dashboard(self) -> None:
        """Keep the dashboard for the next start, if the status shown is the journal's as it is
        now (no other process wrote since it was built, the day has not turned)."""
        from ssi_tui.i18n import current_language
        from ssi_tui.service import frame_cache
        from ssi_tui.tui.frame import frame_of, to_json

        status = self.status
        try:
            if (status is None or self.journal.data_version() != self._data_version
                    or status.day != self.journal.today()):
                return
            key = frame_cache.frame_key(self.journal, current_language())
        except sqlite3.Error:
            return
        frame_cache.write(self.journal.path, key, status.day.isoformat(),
                          to_json(frame_of(status)))

    def on_dashboard_mounted(self, _message: m.DashboardMounted) -> None:
        """The dashboard drew the first frame: build or complete the status, start polling."""
        self.call_after_refresh(startup.resume)
        if self.status is None and self.screenshot_path is None:
            self.build_status_in_background()
        elif self.screenshot_path is None:
            self.call_after_refresh(lambda: self.show_status(self.session.build_status()))
        self._data_version = self.journal.data_version()
        self.set_interval(POLL_SECONDS, self.poll)
        if self.start_screen != "dashboard":
            self.action_open_screen(self.start_screen)
        if self.screenshot_path is None:
            threading.Thread(target=_warm_up, daemon=True).start()

    # -- the view model --------------------------------------------------------------------------

    @property
    def dashboard(self) -> DashboardScreen:
        """The first screen (for tests and benchmarks; nothing here calls into it)."""
        screen = self.screen_stack[0]
        assert isinstance(screen, DashboardScreen)
        return screen

    def show_status(self, status: Status) -> None:
        """Publish a Status: every screen watching `status` redraws from it."""
        self.status = status
        self.update_subtitle()

    def refresh_status(self) -> None:
        """Rebuild the Status from the file and publish it."""
        self.show_status(self.session.rebuild_status())

    def update_subtitle(self) -> None:
        """Say which day keys log to; while backfilling, publish what that day holds."""
        today = self.journal.today()
        day = self.log_day or today
        if day == today:
            self.sub_title = _("logging to today, {day}").format(day=day_with_weekday(day))
            if self.backfill is not None:
                self.backfill = None
        else:
            self.sub_title = _("BACKFILL: logging to {day} (] returns to today)").format(
                day=day_with_weekday(day))
            self.backfill = m.Backfill(day, tuple(self.journal.events(limit=50, day=day)))

    def poll(self) -> None:
        """Another process wrote, or the day rolled over: show it. Snap back from backfill."""
        try:
            version = self.journal.data_version()
        except sqlite3.Error:  # the file went away or is being replaced: try again next tick
            return
        today = self.journal.today()
        if self.session.snap_back():
            self.update_subtitle()
        if version != self._data_version or today != self._today:
            self._data_version, self._today = version, today
            self.refresh_status()

    # -- what the screens ask (messages, handled here only) -----------------------------------

    def write(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        """Run a write of the service; an error toast (the app keeps running) if it fails."""
        try:
            return fn(*args, **kwargs)
        except (InputError, JournalError) as exc:
            self.notify(str(exc), title=_("Not saved"), severity="error", timeout=6,
                        markup=False)
            return None

    def on_log_requested(self, message: m.LogRequested) -> None:
        from ssi_tui.model.norms import NORM_FLOOR, unusual_count

        if message.count > NORM_FLOOR:  # only then is the norm worth a query
            largest = self.journal.largest_day(message.kind)
            if unusual_count(message.count, largest):
                from ssi_tui.tui.screens.confirm_count import ConfirmCount

                def confirmed(ok: bool | None) -> None:
                    if ok:
                        self._log(message)

                self.push_screen(ConfirmCount(message.kind, message.count, largest), confirmed)
                return
        self._log(message)

    def _log(self, message: m.LogRequested) -> None:
        started, cpu = time.perf_counter(), time.thread_time()
        event = self.write(self.session.log_habit, message.kind, message.degree, message.count,
                           surface="key")
        if event is None:
            return
        if self.session.status is not None:  # else the status being built will include it
            self.show_status(self.session.status)
        self.last_log_ms = (time.perf_counter() - started) * 1000
        self.last_log_cpu_ms = (time.thread_time() - cpu) * 1000
        """Key handled: committed, status rebuilt, widgets updated (the benchmark reads it)."""
        self.notify(_("Logged {what}").format(what=describe_event(event)), timeout=2,
                    markup=False)

    def on_undo_requested(self, _message: m.UndoRequested) -> None:
        """Undo the last change made by this window, whatever its kind."""
        from ssi_tui.journal.describe import undo_message

        result = self.write(self.session.undo)
        if result is None:
            return
        if result.ok:
            self.show_status(self.session.rebuild_status())
            self._refit_after(result.change)
        self.notify(undo_message(result), timeout=3, markup=False,
                    severity="information" if result.ok or result.status == "nothing"
                    else "warning")

    def on_redo_requested(self, _message: m.RedoRequested) -> None:
        """Redo what this window's last undo took back."""
        from ssi_tui.journal.describe import undo_message

        result = self.write(self.session.redo)
        if result is None:
            return
        if result.ok:
            self.show_status(self.session.rebuild_status())
            self._refit_after(result.change)
        self.notify(undo_message(result, redo=True), timeout=3, markup=False,
                    severity="information" if result.ok or result.status == "nothing"
                    else "warning")

    def _refit_after(self, change: Any) -> None:
        """An undo or redo that put back or took away an official reading moves the
        calibration fitted to the readings: fit it again, as after a new reading."""
        if change is not None and (change.action == "reading"
                                   or change.details.get("table") == "readings"):
            self.refit_calibration()

    def on_backfill_requested(self, message: m.BackfillRequested) -> None:
        self.session.move_log_day(message.days)
        self.update_subtitle()

    def on_form_requested(self, message: m.FormRequested) -> None:
        self.open_form(message.name)

    def on_screen_requested(self, message: m.ScreenRequested) -> None:
        self.action_open_screen(message.name)

    def on_explain_requested(self, message: m.ExplainRequested) -> None:
        from ssi_tui.tui.screens.explain import ExplainScreen

        status = self.status
        if status is not None:
            self.push_screen(ExplainScreen(status.estimate.pillars[message.pillar],
                                           status.shown[message.pillar],
                                           self.session.settings.scoring.pending_days))

    def on_journal_changed(self, message: m.JournalChanged) -> None:
        if message.toast:
            self.notify(message.toast, timeout=3, markup=False)
        self.refresh_status()
        if message.refit:
            self.refit_calibration()

    # -- slow work -------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="status", exit_on_error=False)
    def build_status_in_background(self) -> tuple[StatusBuilder, Status, str]:
        """The real status, built while the saved dashboard is shown, on a connection of its
        own; the frame is saved for the next start (keyed before anything is read, so a write
        meanwhile makes it not current, never wrongly current)."""
        from ssi_tui.i18n import current_language
        from ssi_tui.journal import open_journal
        from ssi_tui.service import frame_cache
        from ssi_tui.tui.frame import frame_of, to_json
        from ssi_tui.views import StatusBuilder

        journal = open_journal(self.journal.path, self.journal.settings, create=False)
        try:
            version = journal.content_version()
            key = frame_cache.frame_key(journal, current_language())
            builder = StatusBuilder(journal)
            status = builder.build()
        finally:
            journal.close()
        frame_cache.write(self.journal.path, key, status.day.isoformat(),
                          to_json(frame_of(status)))
        return builder, status, version

    def _status_built(self, result: tuple[StatusBuilder, Status, str]) -> None:
        """The worker's status replaces the saved frame, unless a status was built meanwhile;
        if the journal changed while it was built (a key, another process), it is rebuilt."""
        if self.session.status is not None:
            return
        builder, status, version = result
        self.session.adopt(builder, status)
        if self.journal.content_version() != version:
            self.refresh_status()
        else:
            self.show_status(status)

    @work(thread=True, exclusive=True, group="refit", exit_on_error=False)
    def refit_calibration(self) -> None:
        """Fit the calibration again after a reading, off the UI thread (on a connection of its
        own: a connection belongs to the thread that opened it)."""
        from ssi_tui.journal import open_journal
        from ssi_tui.views import refit

        journal = open_journal(self.journal.path, self.journal.settings, create=False)
        try:
            refit(journal)
        finally:
            journal.close()

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def export_csv_files(self) -> None:
        """Every table to a CSV file (formula-guarded, for a spreadsheet) in `exports/` beside
        the journal, off the UI thread on a connection of its own."""
        from ssi_tui.journal import open_journal
        from ssi_tui.journal.csvio import export_csv

        folder = self.journal.path.parent / "exports"
        folder.mkdir(mode=0o700, exist_ok=True)
        journal = open_journal(self.journal.path, self.journal.settings, create=False)
        try:
            stamp = journal.today().isoformat()
            for table in EXPORT_TABLES:
                with (folder / f"{table}-{stamp}.csv").open("w", encoding="utf-8",
                                                            newline="") as handle:
                    export_csv(journal.conn, table, handle)
        finally:
            journal.close()
        self.call_from_thread(self.notify, _("Exported {tables} to {folder}").format(
            tables=", ".join(EXPORT_TABLES), folder=folder), timeout=8, markup=False)

    @work(thread=True, exclusive=True, group="backup", exit_on_error=False)
    def back_up(self) -> None:
        """A copy of the journal in `backups/` (safe while the app writes)."""
        from ssi_tui.journal import open_journal

        journal = open_journal(self.journal.path, self.journal.settings, create=False)
        try:
            path = journal.backup()
        finally:
            journal.close()
        self.call_from_thread(self.notify, _("Backup saved: {path}").format(path=path),
                              timeout=8, markup=False)

    def on_linked_in_requested(self, message: m.LinkedInRequested) -> None:
        if message.dry_run:
            self.plan_linkedin(message.path, message.requester)
        else:
            self.import_linkedin(message.path, message.requester)

    @work(thread=True, exclusive=True, group="linkedin-plan", exit_on_error=False)
    def plan_linkedin(self, path: Path, requester: Screen[Any]) -> LinkedInOutcome:
        """What LinkedIn's export at `path` holds and what is new, nothing written."""
        return requester, self._read_linkedin(path, dry_run=True)

    @work(thread=True, group="linkedin-import", exit_on_error=False)
    def import_linkedin(self, path: Path, requester: Screen[Any]) -> LinkedInOutcome:
        """Import LinkedIn's export at `path` (one change of the history)."""
        return requester, self._read_linkedin(path, dry_run=False)

    def _read_linkedin(self, path: Path, dry_run: bool) -> m.LinkedInDone:
        """The dry run or the import, on a connection of this thread's own; a refused archive
        or journal is an outcome for the form, anything else fails the worker."""
        from ssi_tui.journal import open_journal
        from ssi_tui.journal.linkedin import ArchiveError, import_archive, plan_lines, scan_archive

        try:
            journal = open_journal(self.journal.path, self.journal.settings, create=False)
            try:
                report = scan_archive(path, journal) if dry_run else import_archive(journal, path)
            finally:
                journal.close()
        except InputError as exc:
            return m.LinkedInDone(dry_run, [], exc.field, exc.message)
        except (ArchiveError, JournalError) as exc:
            return m.LinkedInDone(dry_run, [], "path", str(exc))
        return m.LinkedInDone(dry_run, plan_lines(report))

    def _linkedin_done(self, outcome: LinkedInOutcome) -> None:
        """The outcome goes to the form that asked; if it was closed meanwhile, to a toast."""
        requester, done = outcome
        if requester in self.screen_stack:
            requester.post_message(done)
            return
        if done.error is not None:
            self.notify(done.error, title=_("Not saved"), severity="error", timeout=6,
                        markup=False)
        elif not done.dry_run:
            self.notify(done.lines[-1] if done.lines else _("Imported"), timeout=6,
                        markup=False)
            self.refresh_status()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one place a worker's outcome lands: a refit that finished shows its status, a
        LinkedIn dry run or import goes back to its form, a worker that failed says so in a
        toast (the app keeps running)."""
        if event.state == WorkerState.SUCCESS and event.worker.group == "refit":
            self.refresh_status()
        elif event.state == WorkerState.SUCCESS and event.worker.group == "status":
            self._status_built(event.worker.result)
        elif event.state == WorkerState.SUCCESS and event.worker.group.startswith("linkedin"):
            self._linkedin_done(event.worker.result)
        elif event.state == WorkerState.ERROR:
            error = event.worker.error
            self.notify(str(error), title=_("Not saved"), severity="error", timeout=6,
                        markup=False)

    # -- screens and forms -------------------------------------------------------------------

    def action_help_quit(self) -> None:
        """Ctrl+C: say which key quits, in the interface language (Textual's own hint is
        English)."""
        quits = [active.binding for active in self.active_bindings.values()
                 if active.binding.action in ("quit", "app.quit")]
        if quits:  # ours (q, or its rebinding) before Textual's ctrl+q
            binding = min(quits, key=lambda b: b.id != "app.quit")
            self.notify(_("Press {key} to quit the app").format(
                key=self.get_key_display(binding)), title=_("Do you want to quit?"),
                markup=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Screen keys and q do nothing while a form is open (Escape closes it)."""
        return not (action in ("open_screen", "quit") and isinstance(self.screen, ModalScreen))

    def action_open_screen(self, name: str) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()
        if name == "dashboard":
            return
        self.push_screen(SCREEN_FACTORIES[name](self.journal))

    def open_journal(self, kind: str) -> None:
        """The Journal screen on one kind of record (the palette's "Journal: …")."""
        from ssi_tui.tui.screens.journal import JournalScreen

        self.action_open_screen("dashboard")
        self.push_screen(JournalScreen(self.journal, kind))

    def open_form(self, name: str) -> None:
        from ssi_tui.tui.forms import FORMS

        def done(saved: str | None) -> None:
            if saved:
                self.notify(saved, timeout=3, markup=False)
                self.refresh_status()
                if name == "reading":  # each new reading refits the calibration
                    self.refit_calibration()

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
        from ssi_tui.tui.keymap import live_key

        keymap = self.journal.settings.keymap

        def keyed(binding_id: str, default: str) -> str:
            return live_key(binding_id, default, keymap)

        for key in LOG_KEYS:
            yield SystemCommand(
                _("Log: {what}").format(what=_(key.label)),
                _("Log one {what} (key {key})").format(what=_(key.label),
                                                       key=keyed(key.binding_id, key.key)),
                partial(self.post_message, m.LogRequested(key.kind, key.degree)))
        for key, name, label, _title in FORM_KEYS:
            yield SystemCommand(_("Form: {what}").format(what=_(label)),
                                _("Open the form (key {key})").format(
                                    key=keyed(f"form.{name}", key)),
                                partial(self.open_form, name))
        for key, name, label in SCREEN_KEYS:
            yield SystemCommand(_("Screen: {what}").format(what=_(label)),
                                _("Switch screen (key {key})").format(
                                    key=keyed(f"screen.{name}", key)),
                                partial(self.action_open_screen, name))
        for key, name, label in RECORD_KINDS:
            yield SystemCommand(_("Journal: {what}").format(what=_(label)),
                                _("List, edit and delete them (keys {screen} then {key})"
                                  ).format(screen=keyed("screen.journal", "J"),
                                           key=keyed(f"journal.{name}", key)),
                                partial(self.open_journal, name))
        yield SystemCommand(_("Undo"), _("Undo this window's last change, whatever it was "
                                         "(key {key})").format(key=keyed("log.undo", "u")),
                            partial(self.post_message, m.UndoRequested()))
        yield SystemCommand(_("Redo"), _("Redo what the last undo took back (key {key})"
                                         ).format(key=keyed("log.redo", "U")),
                            partial(self.post_message, m.RedoRequested()))
        yield SystemCommand(_("Export the journal as CSV"),
                            _("One CSV file per table, in the exports folder beside the "
                              "journal (safe to open in a spreadsheet)"),
                            self.export_csv_files)
        yield SystemCommand(_("Back up the journal"),
                            _("A consistent copy in the backups folder beside the journal"),
                            self.back_up)
        yield SystemCommand(_("Import LinkedIn data export"),
                            _("Backfill from the zip LinkedIn sends you (Get a copy of your "
                              "data)"),
                            partial(self.open_form, "linkedin"))
        yield SystemCommand(_("Backfill: previous day"), _("Log to the day before (key {key})"
                                                           ).format(
                                key=keyed("log.day_before", "left_square_bracket")),
                            partial(self.post_message, m.BackfillRequested(-1)))
        yield SystemCommand(_("Backfill: back to today"), _("Log to today again (key {key})"
                                                            ).format(
                                key=keyed("log.day_after", "right_square_bracket")),
                            partial(self.post_message, m.BackfillRequested(+1)))


def _journal_screen(journal: Journal) -> Screen[Any]:
    from ssi_tui.tui.screens.journal import JournalScreen

    return JournalScreen(journal)


def _trends_screen(journal: Journal) -> Screen[Any]:
    from ssi_tui.tui.screens.trends import TrendsScreen

    return TrendsScreen(journal)


def _study_screen(journal: Journal) -> Screen[Any]:
    from ssi_tui.tui.screens.invitations import InvitationsScreen

    return InvitationsScreen(journal)


def _help_screen(journal: Journal) -> Screen[Any]:
    from ssi_tui.tui.screens.help import HelpScreen

    return HelpScreen(journal.settings.keymap)


SCREEN_FACTORIES: dict[str, Callable[[Journal], Screen[Any]]] = {
    "journal": _journal_screen, "trends": _trends_screen, "invitations": _study_screen,
    "help": _help_screen,
}
"""How each screen of keys.SCREEN_NAMES but the dashboard is built (imported when opened)."""


def run_app(journal: Journal, screen: str = "dashboard", screenshot: Path | None = None,
            size: tuple[int, int] = (120, 40),
            started: Callable[[SsiApp], object] | None = None) -> None:
    """Open the app, or render one screen to an SVG file headless and exit. `started` is
    given the app just before it runs (background work that reports into it)."""
    app = SsiApp(journal, start_screen=screen, screenshot=screenshot)
    if started is not None:
        started(app)
    if screenshot is None:
        app.run()
        app.save_dashboard()
        return

    async def render() -> None:
        # the same headless driver as the tests' Pilot: the footer fills in as it does for a
        # user; wait until the screen on top is idle, then save what a terminal would show
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            if screen != "dashboard":
                await pilot.pause(0.1)
            app.save_screenshot(screenshot.name, str(screenshot.parent))
            app.save_dashboard()

    import asyncio

    asyncio.run(render())
