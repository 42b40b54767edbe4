"""Reading what users hand us (CSV files, LinkedIn's archive, a pasted page) with bounds: a
line, a field and a paste have a maximum size, and what is not a regular file or not text is
refused at once with a sentence saying what it is. So `/dev/zero`, a 1 GB file without a newline
or a FIFO nobody writes to end in a clear error within moments, with a few megabytes of memory.
"""

from __future__ import annotations

import csv
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from ssi_tui.i18n import _
from ssi_tui.journal.errors import InputError, reason

MAX_PASTE = 256 * 1024
"""A copy of the SSI page is a few kilobytes."""
WORKBOOK_SIGNATURES = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
"""A zip (.xlsx, .ods) and OLE2 (.xls): what a spreadsheet writes when asked for a workbook."""


class IntakeError(csv.Error):
    """A file that cannot be read as CSV text: a workbook, a line beyond the bound. A `csv.Error`
    so that every reader of CSV already reports it as the file's failure."""


def workbook_message() -> str:
    return _("this is a spreadsheet workbook, not CSV: save it as CSV UTF-8")


def check_not_workbook(head: bytes) -> None:
    if head.startswith(WORKBOOK_SIGNATURES):
        raise IntakeError(workbook_message())


def require_regular_file(path: Path) -> None:
    """A device, a FIFO or a socket would block or never end: refuse it before opening."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        raise InputError("file", _("{path}: cannot read ({error})").format(
            path=path, error=reason(exc.strerror))) from None
    if stat.S_ISDIR(mode):
        raise InputError("file", _("{path}: is a folder, not a file").format(path=path))
    if not stat.S_ISREG(mode):
        raise InputError("file", _("{path}: not a regular file (a device, a pipe or a socket);"
                                   " save what it gives to a file first").format(path=path))


def line_too_long(line: int, limit: int) -> IntakeError:
    return IntakeError(_("line {line} is longer than {size}: not a CSV file of this kind")
                       .format(line=line, size=_size(limit)))


def _size(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MiB" if limit >= 1024 * 1024 else f"{limit // 1024} KiB"


def bounded_lines(handle: IO[str], limit: int, first_line: int = 1) -> Iterator[str]:
    """The handle's lines, each at most `limit` characters: a longer one raises at once, after
    reading `limit` characters, never the whole line."""
    number = first_line
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        if len(line) > limit:
            raise line_too_long(number, limit)
        yield line
        number += 1


def read_paste(source: str, stdin: IO[bytes] | None = None) -> str:
    """The text of a pasted page from a file, or from standard input for `-`, at most
    `MAX_PASTE` bytes; UTF-8 or UTF-16 with its byte-order mark (a Windows clipboard)."""
    if source == "-":
        data = (stdin or sys.stdin.buffer).read(MAX_PASTE + 1)
    else:
        path = Path(source).expanduser()
        require_regular_file(path)
        try:
            with path.open("rb") as handle:
                data = handle.read(MAX_PASTE + 1)
        except OSError as exc:
            raise InputError("file", _("{path}: cannot read ({error})").format(
                path=path, error=reason(exc.strerror))) from None
    if len(data) > MAX_PASTE:
        raise InputError("paste", _("more than {size}: not a copy of the SSI page").format(
            size=_size(MAX_PASTE)))
    check = data[:8]
    if check.startswith(WORKBOOK_SIGNATURES):
        raise InputError("paste", _("a spreadsheet or archive, not the text of the SSI page"))
    try:
        if check.startswith((b"\xff\xfe", b"\xfe\xff")):
            return data.decode("utf-16")
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("paste", _("not UTF-8 text")) from None
