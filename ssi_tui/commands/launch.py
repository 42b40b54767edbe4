"""Opening the app: with no command, and with `demo`. The app itself is imported only here,
and only when it is about to run, so the other commands start without Textual."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from ssi_tui.commands.context import Context, Failure, bad_input, pass_ctx, terminal_size
from ssi_tui.i18n import N_, _
from ssi_tui.tui.keys import SCREEN_NAMES

SCREENS = SCREEN_NAMES
OPENS_THE_APP = ("demo",)
"""The subcommands that take the top-level `--screen`, `--screenshot` and `--size`."""
"""The screens `--screen` may open (the app's own list; importing it loads no Textual)."""


def open_app(obj: Context, screen: str = "dashboard", screenshot: Path | None = None,
             size: str = "120x40") -> None:
    """Check the size and the screenshot's folder (exit 2 if wrong), then run the app."""
    cols, rows = terminal_size(size)
    if screenshot is not None and not screenshot.parent.is_dir():
        bad_input(_("screenshot: folder {folder} does not exist").format(
            folder=screenshot.parent))
    journal = obj.journal()
    from ssi_tui.tui.keymap import KeymapError, check_keymap

    try:
        check_keymap(journal.settings.keymap)
    except KeymapError as exc:
        raise Failure(str(exc)) from None
    started = None
    if screenshot is None:
        backup_in_background(journal.path, journal.settings)
        from ssi_tui.default_settings import has_team_table

        if has_team_table(journal.settings):  # else no need to validate [team] before the app

            def started(app: Any) -> None:
                from ssi_tui.team import auto

                # `share_to`: once a day, in the background; a failure is a notice in the app
                auto.start(journal.path, journal.settings, report=notice_in(app))
    from ssi_tui.tui.app import run_app

    run_app(journal, screen=screen, screenshot=screenshot, size=(cols, rows), started=started)


def notice_in(app: Any, wait: float = 30.0) -> Callable[[str], None]:
    """A background task's one-line notice, shown in the app as a warning (the task may end
    before the app's first frame: it waits for it); on stderr if the app is gone."""

    def report(line: str) -> None:
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if app.is_running:
                try:
                    app.call_from_thread(app.notify, line, severity="warning", timeout=10,
                                         markup=False)
                    return
                except RuntimeError:  # closed meanwhile
                    break
            time.sleep(0.1)
        click.echo(line, err=True)

    return report


def backup_in_background(path: Path, settings: object) -> threading.Thread:
    """The day's automatic backup, on a connection of its own while the app draws its first
    frame (a copy of a large journal takes a while). Not a daemon: quitting at once waits for
    the copy to finish rather than leave half a file."""

    def run() -> None:
        from ssi_tui.journal import JournalError, open_journal

        try:
            journal = open_journal(path, settings, create=False)  # type: ignore[arg-type]
        except JournalError:
            return
        try:
            journal.daily_backup()  # never raises for disk trouble
        finally:
            journal.close()

    thread = threading.Thread(target=run, name="ssi-daily-backup")
    thread.start()
    return thread


@click.command(help=N_("Open a demo journal: 180 days of a user climbing from SSI ~40 past 70 "
                       "(never your own)."))
@click.option("--db", "demo_db", type=click.Path(dir_okay=False, path_type=Path),
              help=N_("Where the demo journal lives (default: demo.db in your data folder)."))
@click.option("--print-path", is_flag=True, help=N_("Only create it and print its path."))
@pass_ctx
def demo(obj: Context, demo_db: Path | None, print_path: bool) -> None:
    from ssi_tui.paths import data_dir
    from ssi_tui.service.demo import build_demo

    target = demo_db or data_dir() / "demo.db"
    obj.db_path = target
    if not target.exists():
        journal = obj.journal()
        obj.call(build_demo, journal)
    if print_path:
        click.echo(str(target))
        return
    open_app(obj, **obj.app_options)
