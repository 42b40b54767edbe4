"""The CSV files of the archive: which columns each must have, finding the header (after the
notes LinkedIn puts before some of them) and reading rows by column name, never by position.

Column names are compared without case, blanks, underscores or a BOM, so `SharedUrl` and
`SharedURL`, `Search Query` and `SearchQuery` are one column.

Two quirks of real exports are handled here, where rows are made. Numeric dates re-saved by a
spreadsheet (`6/24/2023`, `24/06/2023`) are read day-first or month-first as the file's own
values show (a first number above 12 settles it), and the order assumed is said when nothing
in the file settles it. And LinkedIn's broken quoting of multi-line messages in Comments.csv
and Shares.csv (a quote escaped as `\"`) is repaired: there, every record starts with its date
at the start of a line, so the lines between two such starts are one record.

Every line is read with a bounded length (`MAX_LINE`) and every field with a bounded size.
"""

from __future__ import annotations

import csv
import io
import re
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass

from ssi_tui.i18n import _, ngettext
from ssi_tui.journal.intake import bounded_lines
from ssi_tui.journal.linkedin.parse import is_slash_date, slash_order

MAX_PREAMBLE_LINES = 40
MAX_LINE = 1 << 20
"""A line longer than 1 MiB is not LinkedIn's: the file fails at once instead of being read."""
FIELD_LIMIT = 1 << 20
"""Messages and posts can be long; csv's default cap (128 KiB a field) is raised to 1 MiB."""
LOOKAHEAD = 20_000
"""Rows held back, at most, while a file's numeric dates do not yet tell day-first from
month-first (a day above 12 comes within the first few dozen in any real file)."""
_DATE_START = re.compile(
    r'"?(?:\d{4}[-/]\d{1,2}[-/]\d{1,2}(?:[ T]\d{1,2}:\d{2}[^,"\n]*)?'
    r'|\d{1,2}/\d{1,2}/\d{2,4}(?:,? \d{1,2}:\d{2}[^,"\n]*)?'
    r'|\d{1,2}[ -][^\W\d_]{3,9}\.?[ -]\d{2,4}[^,"\n]*)"?,'
    r'|[^,"\n]{0,40},"?https?://'
)
"""The start of a record of Comments.csv or Shares.csv: its date, or something else (no date, an
unreadable one, to be reported as such) followed by the post's link."""


def column_key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.replace("\ufeff", "").lower())


@dataclass(frozen=True)
class FileSpec:
    """One file of the archive: its name (and older names), required and optional columns."""

    name: str
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    """Columns holding dates: their numeric form tells the file's day/month order."""
    free_text: str | None = None
    """The column of free text whose broken quoting is repaired (each record starts with a
    date at the start of a line)."""

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


class HeaderError(ValueError):
    """No header with the required columns: says which were expected and what was found."""

    def __init__(self, spec: FileSpec, found: list[str]) -> None:
        self.found = found
        shown = ", ".join(found[:15]) + (", …" if len(found) > 15 else "")
        if shown:
            message = _("unknown header: expected {expected}; found: {found}")
        else:
            message = _("unknown header: expected {expected}; found: nothing")
        super().__init__(message.format(expected=", ".join(spec.required), found=shown))


class Table:
    """Rows of one file as dicts keyed by the spec's column names (missing optional → "")."""

    def __init__(self, handle: io.TextIOBase, spec: FileSpec) -> None:
        if csv.field_size_limit() != FIELD_LIMIT:
            csv.field_size_limit(FIELD_LIMIT)
        self.spec = spec
        self.handle = handle
        self.header_line = 0
        self.count = 0
        """Rows read so far (blank ones not counted)."""
        self.columns: list[str] = []
        self._positions: dict[str, int] = {}
        self.day_first = False
        """How this file's numeric dates are read (decided from its values)."""
        self.order_settled = True
        self.repaired = 0
        """Records of broken quoting put back together."""
        self._record_line = 0
        self._find_header()
        self._lines = bounded_lines(handle, MAX_LINE, self.header_line + 1)
        self._reader = csv.reader(self._lines, strict=False)

    def _find_header(self) -> None:
        """Skip the notes before the header: the header is the first line holding every
        required column. Lines are parsed one by one, so an odd quote in the notes cannot
        swallow the header."""
        wanted = {column_key(c): c for c in (*self.spec.required, *self.spec.optional)}
        required = {column_key(c) for c in self.spec.required}
        first_seen: list[str] = []
        lines = bounded_lines(self.handle, MAX_LINE)
        for number in range(1, MAX_PREAMBLE_LINES + 1):
            line = next(lines, "")
            if not line:
                break
            cells = next(csv.reader([line.rstrip("\r\n")]), [])
            keys = [column_key(cell) for cell in cells]
            if required <= set(keys):
                self.header_line = number
                self.columns = [cell.strip().lstrip("\ufeff") for cell in cells]
                for position, key in enumerate(keys):
                    if key in wanted:
                        self._positions.setdefault(wanted[key], position)
                return
            if len(cells) > len(first_seen) and not line.lower().startswith("notes:"):
                first_seen = [cell.strip().lstrip("\ufeff") for cell in cells if cell.strip()]
        raise HeaderError(self.spec, first_seen)

    def has(self, column: str) -> bool:
        return column in self._positions

    @property
    def line(self) -> int:
        """The line of the last row given out (1-based, counting the notes and header): where
        it ends, or for a repaired file where it starts."""
        return self._record_line

    def rows(self, notes: list[str] | None = None) -> Iterator[dict[str, str]]:
        """Each row with any cell filled; a row holding only a date is still a row. At the end,
        `notes` (when given) learns the date order assumed and the records repaired."""
        rows = self._raw_rows()
        held: deque[tuple[int, dict[str, str]]] = deque()
        if self.spec.dates:
            held = self._settle_order(rows)
        while held:
            self._record_line, row = held.popleft()
            yield row
        for line, row in rows:
            self._record_line = line
            yield row
        if notes is not None:
            notes.extend(self.notes())

    def notes(self) -> list[str]:
        said: list[str] = []
        if not self.order_settled:
            said.append(_("dates like 3/4/2024 read as month/day/year (LinkedIn's order): no date"
                          " in this file has a day above 12 to settle it"))
        if self.repaired:
            said.append(ngettext(
                "{n} record with LinkedIn's broken quoting (a multi-line message) repaired",
                "{n} records with LinkedIn's broken quoting (multi-line messages) repaired",
                self.repaired).format(n=self.repaired))
        return said

    def _settle_order(self, rows: Iterator[tuple[int, dict[str, str]]]
                      ) -> deque[tuple[int, dict[str, str]]]:
        """Read ahead until a numeric date says day-first or month-first (or the end, or
        `LOOKAHEAD` rows); the rows read meanwhile are kept to be given out first."""
        held: deque[tuple[int, dict[str, str]]] = deque()
        ambiguous = False
        for line, row in rows:
            held.append((line, row))
            for column in self.spec.dates:
                value = row.get(column, "")
                order = slash_order(value)
                if order is not None:
                    self.day_first = order == "day"
                    return held
                ambiguous = ambiguous or is_slash_date(value)
            if len(held) >= LOOKAHEAD:
                break
        self.order_settled = not ambiguous
        return held

    def _raw_rows(self) -> Iterator[tuple[int, dict[str, str]]]:
        positions = list(self._positions.items())
        absent = {name: "" for name in self.spec.optional if name not in self._positions}
        records = self._repaired_records() if self.spec.free_text else self._records()
        for line, cells in records:
            if not any(cell.strip() for cell in cells):
                continue
            self.count += 1
            width = len(cells)
            row = dict(absent)
            for name, pos in positions:
                row[name] = cells[pos].strip() if pos < width else ""
            yield line, row

    def _records(self) -> Iterator[tuple[int, list[str]]]:
        for cells in self._reader:
            yield self.header_line + self._reader.line_num, cells

    def _repaired_records(self) -> Iterator[tuple[int, list[str]]]:
        """Group the lines of a record (from one line starting with a date to the next), then
        read it as CSV, or, when LinkedIn's quoting broke it, by position: the columns before
        the free text from the left, those after it from the right, the rest is the text."""
        group: list[str] = []
        first = number = self.header_line
        for line in self._lines:
            number += 1
            if group and _DATE_START.match(line):
                yield first, self._record("".join(group))
                group = []
            if not group:
                first = number
            group.append(line)
        if group:
            yield first, self._record("".join(group))

    def _record(self, text: str) -> list[str]:
        width = len(self.columns)
        if '\\"' not in text:
            try:
                rows = [row for row in csv.reader(io.StringIO(text), strict=True) if row]
            except csv.Error:
                rows = []
            if len(rows) == 1 and len(rows[0]) == width:
                return rows[0]
            if not rows and not text.strip():
                return []
        assert self.spec.free_text is not None
        free = next(i for i, c in enumerate(self.columns)
                    if column_key(c) == column_key(self.spec.free_text))
        body = text.rstrip("\r\n")
        left: list[str] = []
        for _column in range(free):
            match = _FIELD.match(body)
            assert match is not None  # _FIELD matches the empty string
            left.append(_unquote(match.group(1)))
            body = body[match.end():]
        right: list[str] = []
        for _column in range(width - free - 1):
            head, sep, last = body.rpartition(",")
            if not sep:
                break
            right.insert(0, _unquote(last))
            body = head
        if len(left) + len(right) + 1 != width:
            return [*left, body, *right]
        self.repaired += 1
        return [*left, _unquote(body, escaped=True), *right]


_FIELD = re.compile(r'("(?:[^"]|"")*"|[^,]*),?')


def _unquote(cell: str, escaped: bool = False) -> str:
    """A cell without its quotes. A quote inside is doubled (`""`), or, in LinkedIn's escaping
    of Comments.csv, preceded by a backslash (`\\"`): a record uses one or the other."""
    if len(cell) >= 2 and cell.startswith('"') and cell.endswith('"'):
        cell = cell[1:-1]
    elif not escaped:
        return cell
    if escaped and '\\"' in cell:
        return cell.replace('\\"', '"')
    return cell.replace('""', '"')
