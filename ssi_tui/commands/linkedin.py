"""`ssi-tui import-linkedin`: backfill the journal from LinkedIn's data export. Thin: parse,
call ssi_tui.journal.linkedin, print its summary. Registered in ssi_tui.cli."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ssi_tui.commands.context import Context, Failure, bad_input, pass_ctx
from ssi_tui.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from ssi_tui.journal import Journal

PROGRESS_FROM_BYTES = 1_000_000
"""Files smaller than this read too fast for a progress bar to be worth drawing."""


class _Bars:
    """One click progress bar per large file, on stderr, only when it is a terminal."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.file: str | None = None
        self.bar: Any = None

    def __call__(self, file: str, done: int, total: int) -> None:
        if not self.enabled or total < PROGRESS_FROM_BYTES:
            return
        if file != self.file:
            self.close()
            self.file = file
            self.bar = click.progressbar(length=total, label=_("Reading {file}").format(file=file),
                                         file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(done - self.bar.pos)
        if done >= total:
            self.close()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None
            self.file = None


def _existing_journal(obj: Context) -> Journal | None:
    """The journal if its file exists: a dry run must not create one."""
    from ssi_tui.paths import default_db_path

    target = Path(obj.db_path).expanduser() if obj.db_path else default_db_path()
    return obj.journal() if target.exists() else None


@click.command("import-linkedin",
               help=N_("Backfill the journal from LinkedIn's data export (\"Get a copy of your "
                       "data\"): PATH is the downloaded .zip or the folder it unpacks to. Safe "
                       "to run again: nothing is added twice."))
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True,
              help=N_("Print what would be imported, per file, and write nothing."))
@click.option("--undo", is_flag=True,
              help=N_("Take back the latest LinkedIn import: what it added goes, what it "
                      "changed is put back (PATH not needed)."))
@pass_ctx
def import_linkedin(obj: Context, path: Path | None, dry_run: bool, undo: bool) -> None:
    """The help text is the English msgid above (ssi_tui.cli shows it in the interface
    language)."""
    from ssi_tui.journal import JournalError
    from ssi_tui.journal.linkedin import ArchiveError, import_archive, plan_lines, scan_archive

    if undo:
        _undo(obj, dry_run)
        return
    if path is None:
        bad_input(_("PATH: give the .zip LinkedIn sent you, or the folder it unpacks to"))
    bars = _Bars(sys.stderr.isatty())
    try:
        if dry_run:
            journal = _existing_journal(obj)
            plan = scan_archive(path, journal, settings=None if journal else obj.settings,
                                progress=bars)
        else:
            plan = import_archive(obj.journal(), path, progress=bars)
    except ArchiveError as exc:
        raise Failure(str(exc)) from None
    except JournalError as exc:
        raise Failure(str(exc)) from None
    finally:
        bars.close()
    if dry_run:
        click.echo(_("Dry run: nothing written. From {path}:").format(path=path))
    for line in plan_lines(plan):
        click.echo(line)
    if plan.failed:
        names = ", ".join(f.file for f in plan.failed)
        failed = len(plan.failed)
        raise Failure((ngettext("{files}: could not be read (see above); the other files would"
                                " be imported",
                                "{files}: could not be read (see above); the other files would"
                                " be imported", failed) if dry_run else
                       ngettext("{files}: could not be read (see above); the other files were"
                                " imported",
                                "{files}: could not be read (see above); the other files were"
                                " imported", failed)).format(files=names))


def _undo(obj: Context, dry_run: bool) -> None:
    """`--undo`: the latest import, undone as one change (refused if something it wrote was
    changed since)."""
    from ssi_tui.journal.describe import describe_change, undo_message
    from ssi_tui.journal.linkedin.importer import last_import, undo_import

    journal = _existing_journal(obj)
    last = last_import(journal) if journal is not None else None
    if last is None:
        click.echo(_("Nothing to undo: no LinkedIn import in the history"))
        return
    if dry_run:
        click.echo(_("Would undo change #{id}: {what}").format(id=last.id,
                                                               what=describe_change(last)))
        return
    result = obj.call(undo_import, journal)
    if not result.ok:
        raise Failure(undo_message(result))
    click.echo(undo_message(result))
