"""CSV export and import (RFC 4180, UTF-8, header row, ISO dates), streamed both ways.

Export neutralises cells a spreadsheet would run as a formula (a leading `=`, `+`, `-`, `@`, tab
or carriage return gets a `'` in front) unless `raw=True`. Import tells the table by the header,
validates every row with the journal's pydantic models and is all-or-nothing: one transaction,
rolled back if any row is bad, with every bad row reported by line number and field.
"""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from ssi_tui.journal import records as r
from ssi_tui.journal.days import format_at, utc_now
from ssi_tui.journal.errors import InputError, JournalError

TABLES: dict[str, list[str]] = {
    "events": ["id", "day", "kind", "count", "degree", "contact", "note", "at"],
    "invitations": [
        "id", "sent_day", "degree", "personalized", "variant", "contact", "note",
        "accepted_day", "exchange_day", "call_day", "meeting_day", "contract_day",
    ],
    "readings": [
        "day", "brand", "people", "insights", "relationships", "total",
        "industry_rank", "network_rank", "industry_avg", "network_avg",
    ],
    "indicators": ["day", "profile_views_90d", "search_appearances_7d", "followers",
                   "connections"],
}
OPTIONAL = {"events": {"id", "at"}, "invitations": {"id"}, "readings": {"total"},
            "indicators": set()}
ORDER = {"events": "id", "invitations": "id", "readings": "day", "indicators": "day"}
BOOLEAN_COLUMNS = {"personalized"}
TEXT_COLUMNS = {"contact", "note", "variant"}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_REPORTED = 20
CHUNK = 5_000


def neutralise(value: str) -> str:
    """Defuse a cell a spreadsheet would otherwise evaluate (OWASP's CSV injection advice)."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def export_csv(
    conn: sqlite3.Connection, table: str, out: IO[str], raw: bool = False
) -> int:
    """Write one table as CSV; returns the number of rows written."""
    columns = TABLES[table]
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    text_positions = [i for i, c in enumerate(columns) if c in TEXT_COLUMNS]
    bool_positions = [i for i, c in enumerate(columns) if c in BOOLEAN_COLUMNS]
    cursor = conn.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY {ORDER[table]}")
    count = 0
    while rows := cursor.fetchmany(CHUNK):
        if text_positions or bool_positions:
            fixed = []
            for row in rows:
                cells = list(row)
                for i in bool_positions:
                    cells[i] = "true" if cells[i] else "false"
                if not raw:
                    for i in text_positions:
                        if cells[i]:
                            cells[i] = neutralise(cells[i])
                fixed.append(cells)
            writer.writerows(fixed)
        else:
            writer.writerows(rows)
        count += len(rows)
    return count


@dataclass
class ImportReport:
    table: str
    rows: int = 0
    errors: list[str] = field(default_factory=list)
    error_count: int = 0

    def add_error(self, line: int, message: str) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_REPORTED:
            self.errors.append(f"line {line}: {message}")

    @property
    def ok(self) -> bool:
        return self.error_count == 0


def detect_table(header: list[str]) -> str:
    """Which table a CSV holds, told by its header; an InputError lists what was expected."""
    found = {h.strip().lower() for h in header}
    for table, columns in TABLES.items():
        required = set(columns) - OPTIONAL[table]
        if required <= found and found <= set(columns):
            return table
    for table, columns in TABLES.items():
        required = set(columns) - OPTIONAL[table]
        if len(required & found) >= len(required) // 2 + 1:
            missing = sorted(required - found)
            extra = sorted(found - set(columns))
            detail = "; ".join(
                part for part in (
                    f"missing {', '.join(missing)}" if missing else "",
                    f"unknown {', '.join(extra)}" if extra else "",
                ) if part
            )
            raise InputError("header", f"looks like {table} but {detail}")
    raise InputError(
        "header",
        "not an ssi-tui CSV; expected the columns of events, invitations, readings or"
        f" indicators, found: {', '.join(header)[:200]}",
    )


def _rows(handle: IO[str]) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(handle, strict=True)
    for row in reader:
        if any(cell.strip() for cell in row):
            yield reader.line_num, row


def _event_row(values: dict[str, str], now: str) -> tuple[Any, ...]:
    rec = r.validate(r.EventIn, {k: v for k, v in values.items() if k not in ("id", "at")})
    event_id = _int_or_none("id", values.get("id"))
    at = values.get("at") or now
    if values.get("at"):
        from ssi_tui.journal.days import parse_at

        try:
            at = format_at(parse_at(at))
        except ValueError:
            raise InputError("at", "must be an ISO-8601 timestamp") from None
    if rec.day is None:
        raise InputError("day", "is required")
    return (event_id, at, rec.day.isoformat(), rec.kind.value, rec.count, rec.degree,
            rec.contact, rec.note)


def _int_or_none(name: str, value: str | None) -> int | None:
    if not value:
        return None
    try:
        number = int(value)
    except ValueError:
        raise InputError(name, "must be a whole number") from None
    if number < 1:
        raise InputError(name, "must be 1 or more")
    return number


def _invitation_row(values: dict[str, str], now: str) -> tuple[Any, ...]:
    stages = {k: values.pop(k, "") for k in list(values) if k.endswith("_day") and k != "sent_day"}
    inv_id = _int_or_none("id", values.pop("id", None))
    rec = r.validate(r.InvitationIn, values)
    if rec.sent_day is None:
        raise InputError("sent_day", "is required")
    days = []
    for name in ("accepted_day", "exchange_day", "call_day", "meeting_day", "contract_day"):
        raw_day = stages.get(name) or None
        if raw_day:
            out = r.validate(r.OutcomeIn, {"stage": "accepted", "day": raw_day})
            assert out.day is not None
            if out.day < rec.sent_day:
                raise InputError(name, "is before sent_day")
            raw_day = out.day.isoformat()
        days.append(raw_day)
    return (inv_id, now, rec.sent_day.isoformat(), rec.degree, int(rec.personalized),
            rec.variant, rec.contact, rec.note, *days)


def _reading_row(values: dict[str, str], now: str) -> tuple[Any, ...]:
    total = values.pop("total", "")
    rec = r.validate(r.ReadingIn, values)
    if rec.day is None:
        raise InputError("day", "is required")
    if total:
        try:
            if abs(float(total) - sum((rec.brand, rec.people, rec.insights, rec.relationships))) > 0.6:
                raise InputError("total", "is not the sum of the four pillars")
        except ValueError:
            raise InputError("total", "must be a number") from None
    return (rec.day.isoformat(), rec.brand, rec.people, rec.insights, rec.relationships,
            rec.industry_rank, rec.network_rank, rec.industry_avg, rec.network_avg, now)


def _indicator_row(values: dict[str, str], now: str) -> tuple[Any, ...]:
    rec = r.validate(r.IndicatorsIn, values)
    if rec.day is None:
        raise InputError("day", "is required")
    return (rec.day.isoformat(), rec.profile_views_90d, rec.search_appearances_7d,
            rec.followers, rec.connections, now)


INSERTS: dict[str, tuple[Callable[[dict[str, str], str], tuple[Any, ...]], str]] = {
    "events": (_event_row, "INSERT INTO events (id, at, day, kind, count, degree, contact, note,"
               " source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'csv')"),
    "invitations": (_invitation_row, "INSERT INTO invitations (id, at, sent_day, degree,"
                    " personalized, variant, contact, note, accepted_day, exchange_day, call_day,"
                    " meeting_day, contract_day, source) VALUES"
                    " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'csv')"),
    "readings": (_reading_row, "INSERT OR REPLACE INTO readings (day, brand, people, insights,"
                 " relationships, industry_rank, network_rank, industry_avg, network_avg, at)"
                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
    "indicators": (_indicator_row, "INSERT OR REPLACE INTO indicators (day, profile_views_90d,"
                   " search_appearances_7d, followers, connections, at)"
                   " VALUES (?, ?, ?, ?, ?, ?)"),
}
UNIQUE_KEY = {"events": 0, "invitations": 0, "readings": 0, "indicators": 0}
KEY_NAME = {"events": "id", "invitations": "id", "readings": "day", "indicators": "day"}


def import_csv(
    conn: sqlite3.Connection,
    handle: IO[str],
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Import one CSV; all rows or none. Raises InputError for an unusable header."""
    rows = _rows(handle)
    try:
        first = next(rows, None)
    except csv.Error as exc:
        raise InputError("file", f"not valid CSV ({exc})") from None
    except UnicodeDecodeError:
        raise InputError("file", "is not UTF-8 text") from None
    if first is None:
        raise InputError("file", "is empty: no header row")
    header = [h.strip().lower() for h in first[1]]
    if len(set(header)) != len(header):
        raise InputError("header", "a column appears twice")
    table = detect_table(header)
    convert, sql = INSERTS[table]
    report = ImportReport(table)
    now = format_at(utc_now())
    seen: set[Any] = set()
    key_pos = UNIQUE_KEY[table]
    chunk: list[tuple[tuple[Any, ...], int]] = []

    def flush() -> None:
        if not chunk:
            return
        # Keep inserting after a bad row (the transaction is rolled back in the end anyway),
        # so ids already in the journal are reported together with the other mistakes.
        conn.execute("SAVEPOINT chunk")
        try:
            conn.executemany(sql, [row for row, _ in chunk])
            conn.execute("RELEASE chunk")
        except sqlite3.IntegrityError:
            conn.execute("ROLLBACK TO chunk")
            conn.execute("RELEASE chunk")
            for row, line in chunk:
                try:
                    conn.execute(sql, row)
                except sqlite3.IntegrityError:
                    report.add_error(
                        line, f"{KEY_NAME[table]}: {row[key_pos]} is already in the journal"
                    )
        report.rows += len(chunk)
        if progress:
            progress(len(chunk))
        chunk.clear()

    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise JournalError(f"the journal is busy ({exc})") from None
    try:
        for line, cells in _iter_checked(rows, report):
            if len(cells) != len(header):
                report.add_error(line, f"expected {len(header)} fields, found {len(cells)}")
                continue
            values = dict(zip(header, cells, strict=True))
            try:
                row = convert(values, now)
            except InputError as exc:
                report.add_error(line, str(exc))
                continue
            key = row[key_pos]
            if key is not None:
                if key in seen:
                    report.add_error(line, f"{KEY_NAME[table]}: {key} appears twice in the file")
                    continue
                seen.add(key)
            chunk.append((row, line))
            if len(chunk) >= CHUNK:
                flush()
        flush()
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    if report.ok:
        try:
            conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            conn.execute("ROLLBACK")
            raise JournalError(f"could not save the import ({exc}); nothing was written") from None
    else:
        conn.execute("ROLLBACK")
        report.rows = 0
    return report


def _iter_checked(
    rows: Iterator[tuple[int, list[str]]], report: ImportReport
) -> Iterable[tuple[int, list[str]]]:
    line = 1
    while True:
        try:
            item = next(rows)
        except StopIteration:
            return
        except csv.Error as exc:
            report.add_error(line + 1, f"not valid CSV ({exc})")
            return
        except UnicodeDecodeError:
            report.add_error(line + 1, "the file is not UTF-8 text")
            return
        line = item[0]
        yield item


def open_csv_text(path: Path) -> IO[str]:
    """Open a CSV for reading: UTF-8 (a BOM is fine), any line endings; bad bytes are an error."""
    try:
        data = path.open("rb")
    except OSError as exc:
        raise InputError("file", f"{path}: cannot read ({exc.strerror})") from None
    return io.TextIOWrapper(data, encoding="utf-8-sig", errors="strict", newline="")
