"""Files: CSV `export` / `import`, `backup` and `restore`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ssi_tui.commands.context import Context, Failure, bad_input, pass_ctx
from ssi_tui.i18n import N_, _, ngettext


@click.command(help=N_("Export a table as CSV (default: events, to standard output)."))
@click.argument("table", metavar="[TABLE]", default="events",
                type=click.Choice(["events", "invitations", "readings", "indicators"]))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help=N_("Write to this file (default: standard output)."))
@click.option("--raw", is_flag=True,
              help=N_("Lossless: do not defuse cells starting with = + - @ (spreadsheet "
                      "formulas)."))
@pass_ctx
def export(obj: Context, table: str, output: Path | None, raw: bool) -> None:
    from ssi_tui.journal.csvio import export_csv
    from ssi_tui.journal.errors import reason

    journal = obj.journal()
    if output is None:
        export_csv(journal.conn, table, sys.stdout, raw=raw)
        return
    try:
        with output.open("w", encoding="utf-8", newline="") as handle:
            count = export_csv(journal.conn, table, handle, raw=raw)
    except OSError as exc:
        raise Failure(_("{path}: cannot write ({error})").format(
            path=output, error=reason(exc.strerror))) from None
    click.echo(ngettext("Exported {count} {table} row to {path}",
                        "Exported {count} {table} rows to {path}", count).format(
        count=count, table=table, path=output), err=True)


@click.command(name="import", help=N_("Import a CSV made by `export` (the table is told by its "
                                      "header). All rows or none."))
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@pass_ctx
def import_(obj: Context, file: Path) -> None:
    from ssi_tui.journal import InputError, JournalError
    from ssi_tui.journal.csvio import import_csv, open_csv_text

    journal = obj.journal()
    try:
        handle = open_csv_text(file)
    except InputError as exc:
        bad_input(str(exc))
    size = file.stat().st_size
    show = sys.stderr.isatty() and size > 1_000_000
    with handle:
        try:
            if show:
                with click.progressbar(length=size, label=_("Importing"), file=sys.stderr) as bar:
                    raw = handle.buffer

                    def tick(_rows: int) -> None:
                        bar.update(raw.tell() - bar.pos)

                    report = import_csv(journal.conn, handle, progress=tick, size_hint=size)
            else:
                report = import_csv(journal.conn, handle, size_hint=size)
        except InputError as exc:
            bad_input(_("{file}: {error}").format(file=file.name, error=exc))
        except JournalError as exc:
            raise Failure(str(exc)) from None
    if not report.ok:
        for error in report.errors:
            click.echo(_("{file}: {error}").format(file=file.name, error=error), err=True)
        more = report.error_count - len(report.errors)
        if more > 0:
            click.echo(_("{file}: ... and {more} more").format(file=file.name, more=more),
                       err=True)
        bad_input(ngettext("{file}: {count} bad row; nothing was imported",
                           "{file}: {count} bad rows; nothing was imported",
                           report.error_count).format(file=file.name, count=report.error_count))
    click.echo(ngettext("Imported {count} {table} row from {path}",
                        "Imported {count} {table} rows from {path}", report.rows).format(
        count=report.rows, table=report.table, path=file))
    if report.repeated:
        click.echo("  " + ngettext(
            "{n} day had several readings; the last one in the file was kept ({days})",
            "{n} days had several readings; the last one of each in the file was kept ({days})",
            len(report.repeated)).format(n=len(report.repeated),
                                          days=", ".join(sorted(report.repeated)[:10])))
    for line in report.kept:
        click.echo(f"  {line}")


@click.command(help=N_("Copy the journal safely, even while the app is open (default: the backups "
                       "folder)."))
@click.argument("dest", required=False, type=click.Path(dir_okay=False, path_type=Path))
@pass_ctx
def backup(obj: Context, dest: Path | None) -> None:
    path = obj.call(obj.journal().backup, dest)
    click.echo(_("Backed up to {path}").format(path=path))


@click.command(help=N_("Replace the journal with a backup (the current journal is kept as a "
                       "backup too)."))
@click.argument("source", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("--yes", is_flag=True, help=N_("Do not ask for confirmation."))
@pass_ctx
def restore(obj: Context, source: Path, yes: bool) -> None:
    journal = obj.journal()
    if not yes and not click.confirm(
        _("Replace {journal} with {source}? The current journal is kept as a backup").format(
            journal=journal.path, source=source),
        err=True,
    ):
        raise Failure(_("restore cancelled; nothing changed"))
    kept = obj.call(journal.restore, source)
    click.echo(_("Restored {source}; the previous journal is kept at {kept}").format(
        source=source, kept=kept))
