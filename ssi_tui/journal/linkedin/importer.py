"""Scanning and importing an archive, and undoing an import.

Each file is imported in one transaction: a file that fails half-way (damaged zip, bytes that
are not UTF-8, a locked journal) leaves nothing behind, and the other files still go in. Every
row gets `source = 'linkedin'` and a stable `source_key` (see `parse.row_key`), so importing the
same archive again, or a newer one that overlaps it, adds nothing twice.
"""

from __future__ import annotations

import csv
import sqlite3
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ssi_tui.i18n import N_, _
from ssi_tui.journal import records as r
from ssi_tui.journal.errors import InputError
from ssi_tui.journal.history import Change, UndoResult
from ssi_tui.journal.linkedin.archive import Archive, ArchiveError
from ssi_tui.journal.linkedin.items import INVITATION, Context, Item, Reader, Skip
from ssi_tui.journal.linkedin.mapping import CONTEXT_FILES, NETWORK_CAP, SPECS
from ssi_tui.journal.linkedin.reports import FileReport, Plan, Summary, figure_note, grouped
from ssi_tui.journal.linkedin.tables import FileSpec, HeaderError, Table
from ssi_tui.journal.writes import transaction

if TYPE_CHECKING:
    from ssi_tui.config import Settings
    from ssi_tui.journal.store import Journal
    from ssi_tui.journal.writes import Recorder

SOURCE = "linkedin"
SURFACE = "linkedin-import"
CHUNK = 500
Progress = Callable[[str, int, int], None]
"""Told (file, bytes read, file size) while a file is read, and once more when it is done."""

FAILURES = (csv.Error, UnicodeDecodeError, zipfile.BadZipFile, zlib.error, OSError, EOFError,
            RuntimeError, NotImplementedError, sqlite3.Error)


class _Sink:
    """Sorts items into new, already present and updated, and (unless dry) writes them: new
    rows in bulk, tagged with the import's change id; updated ones through the change's
    recorder, so undoing the import puts them back as they were."""

    def __init__(self, journal: Journal | None, write: bool,
                 change: Recorder | None = None) -> None:
        self.conn = journal.conn if journal is not None else None
        self.write = write
        self.change = change

    def flush(self, items: list[Item], report: FileReport) -> None:
        if self.conn is None or not items:
            return
        events = [i for i in items if i.kind != INVITATION]
        invitations = [i for i in items if i.kind == INVITATION]
        if events:
            self._events(events, report)
        if invitations:
            self._invitations(invitations, report)
        items.clear()

    def _existing(self, table: str, column: str, items: list[Item]) -> dict[str, Any]:
        assert self.conn is not None
        marks = ", ".join("?" * len(items))
        rows = self.conn.execute(
            f"SELECT source_key, id, {column} FROM {table} WHERE source_key IN ({marks})",
            [i.key for i in items],
        )
        found = rows.fetchall()
        self.ids = {key: row_id for key, row_id, _value in found}
        return {key: value for key, _row_id, value in found}

    def _events(self, items: list[Item], report: FileReport) -> None:
        assert self.conn is not None
        existing = self._existing("events", "count", items)
        new = [i for i in items if i.key not in existing]
        grown = [i for i in items if i.key in existing and i.count > existing[i.key]]
        if self.write:
            assert self.change is not None
            added = self.conn.executemany(
                "INSERT OR IGNORE INTO events (at, day, kind, count, contact, note, source,"
                f" source_key, change_id) VALUES (?, ?, ?, ?, ?, ?, '{SOURCE}', ?, ?)",
                [(i.at, i.day.isoformat(), i.kind, i.count, i.contact, i.note, i.key,
                  self.change.change_id) for i in new],
            ).rowcount
            for i in grown:
                self.change.update("events", self.ids[i.key], {"count": i.count})
        else:
            added = len(new)
        report.added += added
        report.updated += len(grown)
        report.present += len(items) - added - len(grown)

    def _invitations(self, items: list[Item], report: FileReport) -> None:
        assert self.conn is not None
        existing = self._existing("invitations", "accepted_day", items)
        new = [i for i in items if i.key not in existing]
        accepted = [i for i in items
                    if i.key in existing and existing[i.key] is None and i.accepted_day]
        if self.write:
            assert self.change is not None
            added = self.conn.executemany(
                "INSERT OR IGNORE INTO invitations (at, sent_day, degree, personalized, contact,"
                " accepted_day, source, source_key, change_id)"
                f" VALUES (?, ?, NULL, ?, ?, ?, '{SOURCE}', ?, ?)",
                [(i.at, i.day.isoformat(), int(i.personalized), i.contact,
                  i.accepted_day.isoformat() if i.accepted_day else None, i.key,
                  self.change.change_id) for i in new],
            ).rowcount
            for i in accepted:
                if i.accepted_day:
                    self.change.update("invitations", self.ids[i.key],
                                       {"accepted_day": i.accepted_day.isoformat()})
        else:
            added = len(new)
        report.added += added
        report.updated += len(accepted)
        report.present += len(items) - added - len(accepted)


def _validated(item: Item) -> Item:
    """The journal's own rules (pydantic), as for anything typed by hand."""
    if item.kind == INVITATION:
        inv = r.validate(r.InvitationIn, {"personalized": item.personalized, "degree": None,
                                          "contact": item.contact, "sent_day": item.day})
        if item.accepted_day is not None:
            r.validate(r.OutcomeIn, {"stage": "accepted", "day": item.accepted_day})
        item.contact = inv.contact
    else:
        event = r.validate(r.EventIn, {"kind": item.kind, "count": item.count, "day": item.day,
                                       "contact": item.contact, "note": item.note})
        item.contact, item.note = event.contact, event.note
    return item


def _consume(table: Table, reader: Reader, ctx: Context, report: FileReport, sink: _Sink) -> None:
    seen: set[str] = set()
    batch: list[Item] = []
    for out in reader(table, ctx, report.notes):
        if isinstance(out, Skip):
            report.skip(out.reason, table.line if out.on_row else None, out.count)
            continue
        try:
            item = _validated(out)
        except InputError as exc:
            report.skip(str(exc), table.line)
            continue
        if item.key in seen:
            report.skip(N_("duplicate row"), table.line)
            continue
        seen.add(item.key)
        report.kinds[str(item.kind)] += item.count
        report.entries += 1
        report.first_day = min(report.first_day or item.day, item.day)
        report.last_day = max(report.last_day or item.day, item.day)
        batch.append(item)
        if len(batch) >= CHUNK:
            sink.flush(batch, report)
    sink.flush(batch, report)
    report.rows = table.count


def _network_size(journal: Journal | None, ctx: Context, report: FileReport, write: bool,
                  change: Recorder | None = None) -> None:
    """Today's network size from Connections.csv, unless the user typed one for today: a
    figure typed by hand wins over an imported one, and the report says which happened."""
    size = ctx.network_size
    if not size:
        return
    if size > NETWORK_CAP:
        report.notes.append(_("{n} connections is above LinkedIn's cap of {cap}: network size"
                              " not recorded").format(n=grouped(size), cap=grouped(NETWORK_CAP)))
        return
    if journal is None:
        return
    figures = {"connections": size}
    if write and change is not None:
        [plan] = journal.import_figures(change, journal.today(), figures, SOURCE)
    else:
        [plan] = journal.plan_figures(journal.today(), figures, SOURCE)
    report.notes.append(figure_note(plan, done=write))


def _run(path: Path | str, journal: Journal | None, write: bool, progress: Progress | None,
         settings: Settings | None, change: Recorder | None = None
         ) -> tuple[list[FileReport], Context]:
    ctx = Context()
    if settings is not None:
        ctx.day_start_hour, ctx.timezone = settings.day_start_hour, settings.timezone
    sink = _Sink(journal, write, change)
    reports: list[FileReport] = []
    with Archive(Path(path).expanduser()) as archive:
        if not any(archive.find(*spec.names) for spec, _reader in SPECS):
            expected = ", ".join(spec.name for spec, _reader in SPECS
                                 if spec.name not in CONTEXT_FILES)
            raise ArchiveError(_("{path}: no LinkedIn export files found (expected {expected})")
                               .format(path=path, expected=expected))
        for spec, reader in SPECS:
            report = FileReport(spec.name)
            reports.append(report)
            member = report.member = archive.find(*spec.names)
            if member is None:
                report.status = "missing"
                continue
            size = archive.size(member)

            def tick(done: int, file: str = spec.name, size: int = size) -> None:
                if progress:
                    progress(file, min(done, size), size)

            try:
                _read_file(archive, member, spec, reader, ctx, report, sink, journal, write, tick,
                           change)
            except HeaderError as exc:
                report.status, report.error, report.columns = "unknown header", str(exc), exc.found
            except UnicodeDecodeError:
                _fail(report, ctx, _("not UTF-8 text"))
            except FAILURES as exc:
                _fail(report, ctx, str(exc) or type(exc).__name__)
            tick(size)
    return reports, ctx


def _read_file(archive: Archive, member: str, spec: FileSpec, reader: Reader, ctx: Context,
               report: FileReport, sink: _Sink, journal: Journal | None, write: bool,
               tick: Callable[[int], None], change: Recorder | None = None) -> None:
    with archive.open_text(member, tick) as handle:
        table = Table(handle, spec)
        if journal is not None and write:
            with transaction(journal.conn, journal.path):  # this file's savepoint
                _consume(table, reader, ctx, report, sink)
                if spec.name == "Connections.csv":
                    _network_size(journal, ctx, report, write, change)
        else:
            _consume(table, reader, ctx, report, sink)
            if spec.name == "Connections.csv":
                _network_size(journal, ctx, report, write)


def _fail(report: FileReport, ctx: Context, message: str) -> None:
    report.status = "failed"
    report.error = _("{error}; nothing imported from this file").format(error=message)
    report.reset()
    if report.file == "Connections.csv":
        ctx.connections, ctx.network_size = None, None


def scan_archive(path: Path | str, journal: Journal | None = None,
                 settings: Settings | None = None, progress: Progress | None = None) -> Plan:
    """What the archive at `path` holds, per file, without writing anything. Given a journal,
    also what is already in it. Days follow the journal's settings, else `settings`, else a
    4 a.m. day start in the system's zone."""
    reports, ctx = _run(path, journal, write=False, progress=progress,
                        settings=settings or (journal.settings if journal else None))
    return Plan(Path(path), reports, checked=journal is not None,
                network_size=ctx.network_size)


def import_archive(journal: Journal, path: Path | str,
                   progress: Progress | None = None) -> Summary:
    """Import the archive at `path` into `journal` as ONE change of the history (undone as
    one); each file in a savepoint of its own, so a file that fails leaves nothing behind and
    the other files still go in."""
    with journal._change(SURFACE, SURFACE, keep_empty=False) as change:
        reports, ctx = _run(path, journal, write=True, progress=progress,
                            settings=journal.settings, change=change)
        added = 0
        for table in ("events", "invitations"):
            count = int(journal.conn.execute(f"SELECT count(*) FROM {table} WHERE change_id = ?",
                                             [change.change_id]).fetchone()[0])
            change.bulk(table, count)
            added += count
        change.details |= {"added": added, "updated": sum(r.updated for r in reports)}
    return Summary(Path(path), reports, checked=True, network_size=ctx.network_size)


def last_import(journal: Journal) -> Change | None:
    """The latest LinkedIn import still standing (what `undo_import` takes back)."""
    row = journal.conn.execute(
        "SELECT c.id FROM changes c WHERE c.action = ? AND NOT EXISTS (SELECT 1 FROM changes u"
        " WHERE u.reverts = c.id AND u.action = 'undo' AND NOT EXISTS (SELECT 1 FROM changes r"
        " WHERE r.reverts = u.id)) ORDER BY c.id DESC LIMIT 1", [SURFACE]).fetchone()
    return journal.change(int(row[0])) if row else None


def count_imported(journal: Journal) -> int:
    """How many entries the latest LinkedIn import still standing added (what `undo_import`
    removes, besides putting back what it changed)."""
    last = last_import(journal)
    return int(last.details.get("added", 0)) if last else 0


def undo_import(journal: Journal) -> UndoResult:
    """Take back the latest LinkedIn import: the rows it added go, the rows and figures it
    changed are put back as they were (one undo, refused if something changed them since)."""
    last = last_import(journal)
    if last is None:
        return UndoResult("nothing")
    return journal.undo(last.id, surface=SURFACE)
