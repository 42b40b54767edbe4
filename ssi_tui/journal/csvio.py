"""CSV export and import (RFC 4180, UTF-8, header row, ISO dates), streamed both ways.

Export neutralises cells a spreadsheet would run as a formula (a leading `=`, `+`, `-`, `@`, tab
or carriage return gets a `'` in front) unless `raw=True`; import takes that guard off again, so
export then import gives back exactly what was written, guarded or raw. (A text that itself
starts with `'` before one of those characters gets one more `'` in both modes, so it survives
too.) Import tells the table by the header, validates every row with the journal's pydantic
models and is all-or-nothing: one change of the history, rolled back if any row is bad, with
every bad row reported by line number and field. Readings and indicator figures typed by hand
win over imported ones for the same day.
"""

from __future__ import annotations

import csv
import io
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, Any

from ssi_tui.i18n import _
from ssi_tui.journal.days import format_at, parse_at, utc_now
from ssi_tui.journal.errors import InputError, reason
from ssi_tui.journal.indicators import import_figures
from ssi_tui.journal.intake import (
    WORKBOOK_SIGNATURES,
    bounded_lines,
    require_regular_file,
    workbook_message,
)
from ssi_tui.journal.schema import EVENTS_BY_DAY_INDEX_V2, ROLLUP_REBUILD, ROLLUP_TRIGGERS
from ssi_tui.journal.writes import CLI_WINDOW, Recorder, change

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
OPTIONAL = {
    "events": {"id", "at", "count", "degree", "contact", "note"},
    "invitations": {"id", "degree", "variant", "contact", "note", "accepted_day", "exchange_day",
                    "call_day", "meeting_day", "contract_day"},
    "readings": {"total", "industry_rank", "network_rank", "industry_avg", "network_avg"},
    "indicators": {"profile_views_90d", "search_appearances_7d", "followers", "connections"},
}
ORDER = {"events": "id", "invitations": "id", "readings": "day", "indicators": "day"}
BOOLEAN_COLUMNS = {"personalized"}
TEXT_COLUMNS = {"contact", "note", "variant"}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_REPORTED = 20
MAX_LINE = 1 << 20
"""A line of our CSV is far shorter (a note is at most 4,000 characters): a longer one is not
ours, and the import stops there instead of reading it whole."""
CHUNK = 5_000


def neutralise(value: str) -> str:
    """Defuse a cell a spreadsheet would otherwise evaluate (OWASP's CSV injection advice)."""
    return "'" + value if value.lstrip("'").startswith(FORMULA_STARTS) else value


def unguard(value: str) -> str:
    """Take off the `'` the export put before a formula-looking cell (either mode)."""
    if value.startswith("'") and value.lstrip("'").startswith(FORMULA_STARTS):
        return value[1:]
    return value


def _select(column: str, raw: bool) -> str:
    """The SQL expression that renders one column as its CSV cell: booleans as true/false and
    formula-looking text defused, inside SQLite, so rows go straight from the cursor to
    `csv.writer` without a Python loop per row."""
    if column in BOOLEAN_COLUMNS:
        return f"CASE {column} WHEN 1 THEN 'true' ELSE 'false' END"
    if column in TEXT_COLUMNS:
        starts = ", ".join(f"char({ord(c)})" for c in FORMULA_STARTS)
        guard = f"substr(ltrim({column}, char(39)), 1, 1) IN ({starts})"
        if raw:  # only a text that starts with ' before a formula character: lossless
            guard = f"substr({column}, 1, 1) = char(39) AND {guard}"
        return f"CASE WHEN {guard} THEN char(39) || {column} ELSE {column} END"
    return column


def export_csv(
    conn: sqlite3.Connection, table: str, out: IO[str], raw: bool = False
) -> int:
    """Write one table as CSV; returns the number of rows written."""
    columns = TABLES[table]
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    select = ", ".join(_select(column, raw) for column in columns)
    count = 0
    if table in WHOLE_LINES:  # SQLite writes the lines: one string per chunk reaches Python
        # one printf per line (it writes NULL as nothing): a third quicker than joining the
        # cells with ||, which copies the growing line at each cell
        cells = ", ".join(_cell(column, _select(column, raw)) for column in columns)
        line = f"printf('{','.join(['%s'] * len(columns))}', {cells})"
        query = (f"SELECT group_concat(line, ''), max(id), count(*) FROM (SELECT id, {line}"
                 f" || char(13, 10) AS line FROM {table} WHERE id > ? ORDER BY id LIMIT ?)")
        last = -1
        while True:
            text, last, rows = conn.execute(query, [last, LINES_CHUNK]).fetchone()
            if not rows:
                return count
            out.write(text)
            count += rows
    cursor = conn.execute(f"SELECT {select} FROM {table} ORDER BY {ORDER[table]}")
    while rows := cursor.fetchmany(CHUNK):
        writer.writerows(rows)
        count += len(rows)
    return count


WHOLE_LINES = {"events", "invitations"}
"""Tables of integers and text only, in id order, whose lines SQLite can write exactly as
`csv.writer` would (a real number's text would differ: readings go through `csv.writer`)."""
LINES_CHUNK = 20_000


def _cell(column: str, expression: str) -> str:
    """`expression` as `csv.writer` writes it, for `printf('%s')` (which writes NULL as
    nothing): free text holding a comma, a quote or a line break quoted, its quotes doubled.
    Ids, counts, days, timestamps and kinds are validated on the way in and never need quotes."""
    if column not in TEXT_COLUMNS:
        return expression
    e = expression
    needs_quotes = (f"instr({e}, ',') OR instr({e}, '\"') OR instr({e}, char(10))"
                    f" OR instr({e}, char(13))")
    # the column itself is NULL exactly when its cell is: tested first, the cell's expression
    # (the formula guard) is not evaluated at all for the many empty notes and contacts
    return (f"CASE WHEN {column} IS NULL THEN '' WHEN {needs_quotes}"
            f" THEN '\"' || replace({e}, '\"', '\"\"') || '\"' ELSE {e} END")


@dataclass
class ImportReport:
    table: str
    rows: int = 0
    errors: list[str] = field(default_factory=list)
    error_count: int = 0
    kept: list[str] = field(default_factory=list)
    """Figures of the file not imported because the user typed another value that day."""
    repeated: set[str] = field(default_factory=set)
    """Days with several readings in the file: the last one of each was kept."""

    def add_error(self, line: int, message: str) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_REPORTED:
            self.errors.append(_("line {line}: {message}").format(line=line, message=message))

    @property
    def ok(self) -> bool:
        return self.error_count == 0


DISTINCTIVE = {
    table: set(columns) - {c for other, cs in TABLES.items() if other != table for c in cs}
    for table, columns in TABLES.items()
}
"""The columns only one table has (`kind` is events', `brand` readings'): they tell the table,
whatever else the header holds or leaves out."""


def detect_table(header: list[str]) -> str:
    """Which table a CSV holds, told by its distinctive columns; optional columns may be left
    out. An InputError names the columns found and the columns expected."""
    found = [h.strip().lower() for h in header]
    shown = ", ".join(found)[:200] or _("nothing")
    tables = [t for t, columns in DISTINCTIVE.items() if columns & set(found)]
    if not tables:
        raise InputError("header", _(
            "not an ssi-tui CSV: found the columns {found}; expected those of events (day,"
            " kind, …), invitations (sent_day, personalized, …), readings (day, brand, people,"
            " insights, relationships, …) or indicators (day, followers, …)").format(found=shown))
    if len(tables) > 1:
        raise InputError("header", _(
            "mixes the columns of {tables}: found {found}; export one table per file").format(
            tables=_("{first} and {last}").format(first=", ".join(tables[:-1]),
                                                  last=tables[-1]), found=shown))
    table = tables[0]
    columns = TABLES[table]
    required = [c for c in columns if c not in OPTIONAL[table]]
    missing = [c for c in required if c not in found]
    unknown = [c for c in found if c not in columns]
    if missing or unknown:
        problem = (_("missing {missing}").format(missing=", ".join(missing)) if missing
                   else _("unknown {unknown}").format(unknown=", ".join(unknown)))
        if missing and unknown:
            problem += "; " + _("unknown {unknown}").format(unknown=", ".join(unknown))
        raise InputError("header", _(
            "{table} ({problem}): found {found}; expected {required}, and optionally"
            " {optional}").format(
            table=table, problem=problem, found=shown, required=", ".join(required),
            optional=", ".join(c for c in columns if c in OPTIONAL[table])))
    return table


EVENT_REST = ("kind", "count", "degree", "contact", "note")
OUR_AT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z")
CACHE_LIMIT = 100_000


def _event_converter(header: list[str], now: str) -> Callable[[list[str]], tuple[Any, ...]]:
    """Rows of events.csv → insert tuples. Every value is validated by the journal's pydantic
    models, but each distinct day and each distinct (kind, count, degree, contact, note) only
    once: a long history repeats them endlessly, and this keeps a million-row import fast."""
    from ssi_tui.journal import records as r  # pydantic loads for an import, not an export

    pos = {name: i for i, name in enumerate(header)}
    i_day = pos["day"]
    rest = [pos.get(name, -1) for name in EVENT_REST]  # -1: a column left out, empty
    i_id, i_at = pos.get("id"), pos.get("at")
    days: dict[str, str] = {}
    values: dict[tuple[str, ...], tuple[Any, ...]] = {}

    def convert(cells: list[str]) -> tuple[Any, ...]:
        day = days.get(cells[i_day])
        if day is None:
            day = days[cells[i_day]] = r.validate_day(cells[i_day]).isoformat()
        key = tuple(cells[i] if i >= 0 else "" for i in rest)
        valid = values.get(key)
        if valid is None:
            fields = dict(zip(EVENT_REST, key, strict=True))
            fields["contact"], fields["note"] = unguard(fields["contact"]), unguard(fields["note"])
            rec = r.validate(r.EventIn, fields)
            valid = (rec.kind.value, rec.count, rec.degree, rec.contact, rec.note)
            if len(values) < CACHE_LIMIT:
                values[key] = valid
        event_id = _int_or_none("id", cells[i_id]) if i_id is not None else None
        at = cells[i_at] if i_at is not None else ""
        if not at:
            at = now
        elif not OUR_AT.fullmatch(at):
            try:
                at = format_at(parse_at(at))
            except ValueError:
                raise InputError("at", _("must be an ISO-8601 timestamp")) from None
        return (event_id, at, day, *valid)

    return convert


def _int_or_none(name: str, value: str | None) -> int | None:
    if not value:
        return None
    try:
        number = int(value)
    except ValueError:
        raise InputError(name, _("must be a whole number")) from None
    if number < 1:
        raise InputError(name, _("must be 1 or more"))
    return number


def _invitation_row(values: dict[str, str], now: str) -> tuple[Any, ...]:
    from ssi_tui.journal import records as r  # pydantic loads for an import, not an export

    stages = {k: values.pop(k, "") for k in list(values) if k.endswith("_day") and k != "sent_day"}
    inv_id = _int_or_none("id", values.pop("id", None))
    rec = r.validate(r.InvitationIn, values)
    if rec.sent_day is None:
        raise InputError("sent_day", _("is required"))
    days = []
    for name in ("accepted_day", "exchange_day", "call_day", "meeting_day", "contract_day"):
        raw_day = stages.get(name) or None
        if raw_day:
            out = r.validate(r.OutcomeIn, {"stage": "accepted", "day": raw_day})
            assert out.day is not None
            if out.day < rec.sent_day:
                raise InputError(name, _("is before sent_day"))
            raw_day = out.day.isoformat()
        days.append(raw_day)
    return (inv_id, now, rec.sent_day.isoformat(), rec.degree, int(rec.personalized),
            rec.variant, rec.contact, rec.note, *days)


def _reading_row(values: dict[str, str], now: str) -> tuple[Any, ...]:
    from ssi_tui.journal import records as r  # pydantic loads for an import, not an export

    total = values.pop("total", "")
    rec = r.validate(r.ReadingIn, values)
    if rec.day is None:
        raise InputError("day", _("is required"))
    if total:
        try:
            pillars = rec.brand + rec.people + rec.insights + rec.relationships
            if abs(float(total) - pillars) > 0.6:
                raise InputError("total", _("is not the sum of the four pillars"))
        except ValueError:
            raise InputError("total", _("must be a number")) from None
    return (rec.day.isoformat(), rec.brand, rec.people, rec.insights, rec.relationships,
            rec.industry_rank, rec.network_rank, rec.industry_avg, rec.network_avg, now)


def _indicator_row(values: dict[str, str], now: str) -> tuple[Any, ...]:
    from ssi_tui.journal import records as r  # pydantic loads for an import, not an export

    rec = r.validate(r.IndicatorsIn, values)
    if rec.day is None:
        raise InputError("day", _("is required"))
    return (rec.day.isoformat(), rec.profile_views_90d, rec.search_appearances_7d,
            rec.followers, rec.connections, now)


def _by_name(
    fn: Callable[[dict[str, str], str], tuple[Any, ...]],
) -> Callable[[list[str], str], Callable[[list[str]], tuple[Any, ...]]]:
    def factory(header: list[str], now: str) -> Callable[[list[str]], tuple[Any, ...]]:
        def convert(cells: list[str]) -> tuple[Any, ...]:
            values = dict(zip(header, cells, strict=True))
            for name in TEXT_COLUMNS & values.keys():
                values[name] = unguard(values[name])
            return fn(values, now)

        return convert

    return factory


Factory = Callable[[list[str], str], Callable[[list[str]], tuple[Any, ...]]]
INSERTS: dict[str, tuple[Factory, str]] = {
    "events": (
        _event_converter,
        "INSERT INTO events (id, at, day, kind, count, degree, contact, note, source, change_id)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'csv', ?)",
    ),
    "invitations": (
        _by_name(_invitation_row),
        "INSERT INTO invitations (id, at, sent_day, degree, personalized, variant, contact, note,"
        " accepted_day, exchange_day, call_day, meeting_day, contract_day, source, change_id)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'csv', ?)",
    ),
    "readings": (
        _by_name(_reading_row),
        "INSERT OR REPLACE INTO readings (day, brand, people, insights, relationships,"
        " industry_rank, network_rank, industry_avg, network_avg, at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    ),
    "indicators": (
        _by_name(_indicator_row),
        "INSERT OR REPLACE INTO indicators (day, profile_views_90d, search_appearances_7d,"
        " followers, connections, at) VALUES (?, ?, ?, ?, ?, ?)",
    ),
}
UNIQUE_KEY = {"events": 0, "invitations": 0, "readings": 0, "indicators": 0}
KEY_NAME = {"events": "id", "invitations": "id", "readings": "day", "indicators": "day"}


def import_csv(
    conn: sqlite3.Connection,
    handle: IO[str],
    progress: Callable[[int], None] | None = None,
    size_hint: int | None = None,
    window: str = CLI_WINDOW,
) -> ImportReport:
    """Import one CSV as one change of the history (undone as one); all rows or none. Raises
    InputError for an unusable header.

    `size_hint` (the file's size in bytes) lets a large import into a small table drop the
    events index and rebuild it at the end, which is faster; it all happens inside the one
    transaction, so a failed import rolls the index back too.
    """
    try:
        with change(conn, surface="csv-import", window=window, action="csv-import",
                    keep_empty=False) as recorder:
            report = _import(conn, handle, progress, size_hint, recorder)
            if not report.ok:
                raise _Discard(report)
            recorder.details |= {"table": report.table, "rows": report.rows}
    except _Discard as discarded:
        discarded.report.rows = 0
        return discarded.report
    return report


class _Discard(Exception):
    """Leaves the import's transaction, rolling it back, with the report of what was wrong."""

    def __init__(self, report: ImportReport) -> None:
        self.report = report


def _keyed_row(recorder: Recorder, table: str, row: tuple[Any, ...],
               report: ImportReport) -> None:
    """A reading or a day's indicators: imported figures never replace ones typed by hand."""
    day = row[0]
    if table == "readings":
        current = recorder.image("readings", day)
        if current is not None and current["source"] is None:
            if any(current[name] != value for name, value in zip(READING_VALUES, row[1:9],
                                                                  strict=True)):
                report.kept.append(_("reading of {day}: you typed it, yours is kept").format(
                    day=day))
            return
        recorder.put("readings", day, dict(zip(("day", *READING_VALUES, "at"), row,
                                               strict=True)) | {"source": "csv"})
        return
    figures = {name: value for name, value in zip(INDICATOR_FIGURES, row[1:5], strict=True)
               if value is not None}
    for plan in import_figures(recorder, date.fromisoformat(day), figures, "csv"):
        if plan.outcome == "kept":
            report.kept.append(_("{figure} of {day}: you typed {old}, yours is kept").format(
                figure=plan.figure, day=day, old=plan.previous))


READING_VALUES = ("brand", "people", "insights", "relationships", "industry_rank",
                  "network_rank", "industry_avg", "network_avg")
INDICATOR_FIGURES = ("profile_views_90d", "search_appearances_7d", "followers", "connections")


def _import(
    conn: sqlite3.Connection,
    handle: IO[str],
    progress: Callable[[int], None] | None,
    size_hint: int | None,
    recorder: Recorder,
) -> ImportReport:
    reader = csv.reader(bounded_lines(handle, MAX_LINE), strict=True)
    try:
        header_row = next((row for row in reader if any(row)), None)
    except csv.Error as exc:
        raise InputError("file", _("not valid CSV ({error})").format(error=exc)) from None
    except UnicodeDecodeError:
        raise InputError("file", _("is not UTF-8 text")) from None
    if header_row is None:
        raise InputError("file", _("is empty: no header row"))
    header = [h.strip().lower() for h in header_row]
    if len(set(header)) != len(header):
        raise InputError("header", _("a column appears twice"))
    table = detect_table(header)
    factory, sql = INSERTS[table]
    keyed = table in ("readings", "indicators")
    tag = (recorder.change_id,)
    report = ImportReport(table)
    convert = factory(header, format_at(utc_now()))
    width, key_pos, key_name = len(header), UNIQUE_KEY[table], KEY_NAME[table]
    seen: set[Any] = set()
    rows: list[tuple[Any, ...]] = []
    lines: list[int] = []

    def flush() -> None:
        if keyed:
            for row in rows:
                _keyed_row(recorder, table, row, report)
            report.rows += len(rows)
            rows.clear()
            lines.clear()
            return
        # Keep inserting after a bad row (the transaction is rolled back in the end anyway),
        # so ids already in the journal are reported together with the other mistakes.
        conn.execute("SAVEPOINT chunk")
        try:
            conn.executemany(sql, [row + tag for row in rows])
            conn.execute("RELEASE chunk")
        except sqlite3.IntegrityError:
            conn.execute("ROLLBACK TO chunk")
            conn.execute("RELEASE chunk")
            for row, line in zip(rows, lines, strict=True):
                try:
                    conn.execute(sql, row + tag)
                except sqlite3.IntegrityError:
                    report.add_error(line, _("{field}: {value} is already in the journal").format(
                        field=key_name, value=row[key_pos]))
        report.rows += len(rows)
        if progress:
            progress(len(rows))
        rows.clear()
        lines.clear()

    rebuild = _drop_index_for_bulk(conn, size_hint) if table == "events" else None
    try:
        for cells in reader:
            if len(cells) != width:
                if any(cells) and (len(cells) > 1 or cells[0].strip()):
                    report.add_error(reader.line_num,
                                     _("expected {width} fields, found {found}").format(
                                         width=width, found=len(cells)))
                continue
            if not any(cells):
                continue  # a blank row
            try:
                row = convert(cells)
            except InputError as exc:
                report.add_error(reader.line_num, str(exc))
                continue
            key = row[key_pos]
            if key is not None and table == "readings" and key in seen:
                report.repeated.add(key)  # the later row replaces it: the last one wins
            elif key is not None:
                if key in seen:
                    report.add_error(reader.line_num,
                                     _("{field}: {value} appears twice").format(
                                         field=key_name, value=key))
                    continue
                seen.add(key)
            rows.append(row)
            lines.append(reader.line_num)
            if len(rows) >= CHUNK:
                flush()
    except csv.Error as exc:
        report.add_error(reader.line_num, _("not valid CSV ({error})").format(error=exc))
    except UnicodeDecodeError:
        report.add_error(reader.line_num + 1, _("the file is not UTF-8 text"))
    if rows:
        flush()
    if rebuild and report.ok:
        _restore_after_bulk(conn, rebuild)
    if report.ok and not keyed:
        recorder.bulk(table, report.rows)
    return report


BYTES_PER_EVENT_ROW = 30


def _drop_index_for_bulk(conn: sqlite3.Connection, size_hint: int | None) -> int | None:
    """When the file will at least double the table, drop the day index and the rollup's
    insert trigger: rebuilding both once at the end, sorted, is cheaper than growing them row
    by row. Returns the last id before the import (None: nothing dropped)."""
    if not size_hint:
        return None
    existing = conn.execute("SELECT max(id) FROM events").fetchone()[0] or 0
    if size_hint // BYTES_PER_EVENT_ROW < max(existing, 50_000):
        return None
    conn.execute("DROP INDEX events_by_day")
    conn.execute("DROP TRIGGER events_rollup_insert")
    return int(existing) or -1


def _restore_after_bulk(conn: sqlite3.Connection, last_id: int) -> None:
    conn.execute(EVENTS_BY_DAY_INDEX_V2)
    conn.execute(ROLLUP_REBUILD, [max(last_id, 0)])
    conn.execute(ROLLUP_TRIGGERS[0])


def open_csv_text(path: Path) -> io.TextIOWrapper:
    """Open a CSV for reading: UTF-8 (a BOM is fine), any line endings; bad bytes are an error.
    A device or a pipe is refused before it is opened, a workbook by its first bytes."""
    require_regular_file(path)
    try:
        data = path.open("rb")
    except OSError as exc:
        raise InputError("file", _("{path}: cannot read ({error})").format(
            path=path, error=reason(exc.strerror))) from None
    return text_stream(data)


def text_stream(data: IO[bytes]) -> io.TextIOWrapper:
    """A byte stream as the text `import_csv` reads; a spreadsheet workbook is an InputError."""
    buffered = data if isinstance(data, io.BufferedReader) else io.BufferedReader(data)  # type: ignore[arg-type]
    if buffered.peek(8)[:8].startswith(WORKBOOK_SIGNATURES):
        buffered.close()
        raise InputError("file", workbook_message())
    return io.TextIOWrapper(buffered, encoding="utf-8-sig", errors="strict", newline="")
