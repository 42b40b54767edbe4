"""The CSV files of the archive: which columns each must have, finding the header (after the
notes LinkedIn puts before some of them) and reading rows by column name, never by position.

Column names are compared without case, blanks, underscores or a BOM, so `SharedUrl` and
`SharedURL`, `Search Query` and `SearchQuery` are one column.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ssi_tui.i18n import _

MAX_PREAMBLE_LINES = 40
MAX_LINE = 1 << 20
FIELD_LIMIT = 1 << 24
"""Messages and posts can be long; csv's default cap (128 KiB a field) is raised to 16 MiB."""


def column_key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.replace("\ufeff", "").lower())


@dataclass(frozen=True)
class FileSpec:
    """One file of the archive: its name (and older names), required and optional columns."""

    name: str
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()

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
        if csv.field_size_limit() < FIELD_LIMIT:
            csv.field_size_limit(FIELD_LIMIT)
        self.spec = spec
        self.handle = handle
        self.header_line = 0
        self.count = 0
        """Rows read so far (blank ones not counted)."""
        self.columns: list[str] = []
        self._positions: dict[str, int] = {}
        self._find_header()
        self._reader = csv.reader(handle, strict=False)

    def _find_header(self) -> None:
        """Skip the notes before the header: the header is the first line holding every
        required column. Lines are parsed one by one, so an odd quote in the notes cannot
        swallow the header."""
        wanted = {column_key(c): c for c in (*self.spec.required, *self.spec.optional)}
        required = {column_key(c) for c in self.spec.required}
        first_seen: list[str] = []
        for number in range(1, MAX_PREAMBLE_LINES + 1):
            line = self.handle.readline(MAX_LINE)
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
        """The line the last row read ended on (1-based, counting the notes and header)."""
        return self.header_line + self._reader.line_num

    def rows(self) -> Iterator[dict[str, str]]:
        """Each row with any cell filled; a row holding only a date is still a row."""
        positions = list(self._positions.items())
        absent = {name: "" for name in self.spec.optional if name not in self._positions}
        for cells in self._reader:
            if not any(cell.strip() for cell in cells):
                continue
            self.count += 1
            width = len(cells)
            row = dict(absent)
            for name, pos in positions:
                row[name] = cells[pos].strip() if pos < width else ""
            yield row
