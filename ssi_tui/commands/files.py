"""Files: CSV `export` / `import`, `backup` and `restore`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ssi_tui.cli import Context, Failure, bad_input, pass_ctx


@click.command()
@click.argument("table", metavar="[TABLE]", default="events",
                type=click.Choice(["events", "invitations", "readings", "indicators"]))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file (default: standard output).")
@click.option("--raw", is_flag=True,
              help="Lossless: do not defuse cells starting with = + - @ (spreadsheet formulas).")
@pass_ctx
def export(obj: Context, table: str, output: Path | None, raw: bool) -> None:
    """Export a table as CSV (default: events, to standard output)."""
    from ssi_tui.journal.csvio import export_csv

    journal = obj.journal()
    if output is None:
        export_csv(journal.conn, table, sys.stdout, raw=raw)
        return
    try:
        with output.open("w", encoding="utf-8", newline="") as handle:
            count = export_csv(journal.conn, table, handle, raw=raw)
    except OSError as exc:
        raise Failure(f"{output}: cannot write ({exc.strerror})") from None
    click.echo(f"Exported {count} {table} rows to {output}", err=True)


@click.command(name="import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@pass_ctx
def import_(obj: Context, file: Path) -> None:
    """Import a CSV made by `export` (the table is told by its header). All rows or none."""
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
                with click.progressbar(length=size, label="Importing", file=sys.stderr) as bar:
                    raw = handle.buffer

                    def tick(_rows: int) -> None:
                        bar.update(raw.tell() - bar.pos)

                    report = import_csv(journal.conn, handle, progress=tick, size_hint=size)
            else:
                report = import_csv(journal.conn, handle, size_hint=size)
        except InputError as exc:
            bad_input(f"{file.name}: {exc}")
        except JournalError as exc:
            raise Failure(str(exc)) from None
    if not report.ok:
        for error in report.errors:
            click.echo(f"{file.name}: {error}", err=True)
        more = report.error_count - len(report.errors)
        if more > 0:
            click.echo(f"{file.name}: ... and {more} more", err=True)
        bad_input(f"{file.name}: {report.error_count} bad row(s); nothing was imported")
    click.echo(f"Imported {report.rows} {report.table} rows from {file}")


@click.command()
@click.argument("dest", required=False, type=click.Path(dir_okay=False, path_type=Path))
@pass_ctx
def backup(obj: Context, dest: Path | None) -> None:
    """Copy the journal safely, even while the app is open (default: the backups folder)."""
    path = obj.call(obj.journal().backup, dest)
    click.echo(f"Backed up to {path}")


@click.command()
@click.argument("source", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@pass_ctx
def restore(obj: Context, source: Path, yes: bool) -> None:
    """Replace the journal with a backup (the current journal is kept as a backup too)."""
    journal = obj.journal()
    if not yes and not click.confirm(
        f"Replace {journal.path} with {source}? The current journal is kept as a backup",
        err=True,
    ):
        raise Failure("restore cancelled; nothing changed")
    kept = obj.call(journal.restore, source)
    click.echo(f"Restored {source}; the previous journal is kept at {kept}")
