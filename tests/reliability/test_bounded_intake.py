"""Every intake reads with bounds: `/dev/zero`, a 1 GB line without a newline and a FIFO nobody
writes to each end in a clear error after reading at most a few megabytes, never the whole
stream. The streams are generated (an endless or 1 GB source that counts what is read from it),
not files on disk: what the tests measure is how much was read before the error."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from cli_runner import run

from ssi_tui.journal import InputError, Journal
from ssi_tui.journal.csvio import import_csv, text_stream
from ssi_tui.journal.intake import IntakeError, read_paste
from ssi_tui.journal.linkedin import import_archive, plan_lines
from ssi_tui.journal.linkedin.mapping import SPECS
from ssi_tui.journal.linkedin.tables import Table

GB = 1 << 30
BOUND = 8 << 20
"""What any intake may read of a bad stream before giving up: a few megabytes."""


class Endless(io.RawIOBase):
    """`size` bytes (None: for ever) of `fill` after `head`, made as they are read."""

    def __init__(self, head: bytes = b"", fill: bytes = b"a", size: int | None = GB) -> None:
        self.head, self.fill, self.size, self.read_so_far = head, fill, size, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        want = len(buffer)
        if self.size is not None:
            want = min(want, self.size - self.read_so_far)
        chunk = (self.head[self.read_so_far:] + self.fill * want)[:want]
        buffer[: len(chunk)] = chunk
        self.read_so_far += len(chunk)
        return len(chunk)


@pytest.mark.parametrize(("head", "fill", "size"), [
    (b"", b"a", GB),  # a 1 GB line
    (b"id,day,kind,count\n", b"x", GB),  # a header, then a 1 GB line
    (b"", b"\x00", None),  # /dev/zero
], ids=["1GB-line", "1GB-second-line", "dev-zero"])
def test_csv_import_stops_at_the_bound(journal: Journal, head: bytes, fill: bytes,
                                       size: int | None) -> None:
    source = Endless(head, fill, size)
    try:  # a bad header is refused outright, a bad row is reported: nothing imported either way
        report = import_csv(journal.conn, text_stream(source))
        verdict = " ".join(report.errors)
    except InputError as exc:
        verdict = str(exc)
    assert "is longer than 1 MiB" in verdict
    assert source.read_so_far < BOUND
    assert journal.events() == []


def test_a_workbook_is_not_read_as_csv() -> None:
    with pytest.raises(InputError, match="spreadsheet workbook, not CSV: save it as CSV UTF-8"):
        text_stream(Endless(b"PK\x03\x04", b"\x00", None))


def test_the_command_line_refuses_devices_and_fifos(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)  # nobody writes to it: opening it would block for ever
    for source in ("/dev/zero", str(fifo)):
        result = run("import", source)
        assert result.exit_code == 2
        assert "not a regular file" in result.output


def test_a_linkedin_file_stops_at_the_bound() -> None:
    spec = next(spec for spec, _reader in SPECS if spec.name == "Reactions.csv")
    source = Endless(b"Date,Type,Link\n2024-03-17 18:03:38,LIKE,", b"y", GB)
    table = Table(io.TextIOWrapper(io.BufferedReader(source), encoding="utf-8", newline=""),
                  spec)
    with pytest.raises(IntakeError, match="line 2 is longer than 1 MiB"):
        list(table.rows())
    assert source.read_so_far < BOUND


def test_a_long_line_in_the_archive_fails_its_file_only(journal: Journal,
                                                        tmp_path: Path) -> None:
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Reactions.csv", "Date,Type,Link\n" + "z" * (4 << 20) + "\n")
        archive.writestr("Comments.csv", "Date,Link,Message\n2024-03-17 18:03:38,https://x,Hi\n")
    summary = import_archive(journal, path)
    assert ("Reactions.csv: line 2 is longer than 1 MiB: not a CSV file of this kind; nothing"
            " imported from this file") in plan_lines(summary)
    assert summary.file("Comments.csv").added == 1


def test_a_paste_from_an_endless_stream_stops_at_the_bound() -> None:
    source = Endless(b"", b"\x00", None)
    with pytest.raises(InputError, match="more than 256 KiB"):
        read_paste("-", io.BufferedReader(source))
    assert source.read_so_far < BOUND
