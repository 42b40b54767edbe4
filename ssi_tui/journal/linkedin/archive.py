"""The downloaded archive, as a `.zip` or the folder it unpacks to: finding its files by name
(whatever their case, spaces or underscores) and streaming one of them as text.

Nothing is extracted to disk; a member is read as a stream, so a file of any size costs a few
kilobytes of memory.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO

from ssi_tui.i18n import _
from ssi_tui.journal.intake import IntakeError, check_not_workbook

ByteProgress = Callable[[int], None]
"""Told how many bytes of the current file have been read so far."""

MAX_DEPTH = 1
"""The export's own layout: its files at the top level, or inside its single top folder (an
archive unpacked into a folder of its own). Nested subfolders are never read: a stray
`…/old/Connections.csv` is not the export's."""


class ArchiveError(Exception):
    """The path is not a readable LinkedIn archive (missing, not a zip or folder, damaged)."""


def file_key(name: str) -> str:
    """`Search Queries.csv`, `SearchQueries.csv` and `search_queries.CSV` are one file, and so
    are `Reactions.csv` and the `Reactions_1158443584.csv` some exports write (or a browser's
    second copy, `Reactions (1).csv`)."""
    base = name.rsplit("/", 1)[-1].lower()
    base = re.sub(r"(?:[_ -]\d+|\s*\(\d+\))(?=\.csv$)", "", base)
    return re.sub(r"[^a-z0-9.]", "", base)


class _Counting(io.RawIOBase):
    """A byte stream that reports how far it has been read."""

    STEP = 1 << 18

    def __init__(self, raw: IO[bytes], progress: ByteProgress | None) -> None:
        self.raw = raw
        self.progress = progress
        self.done = 0
        self._reported = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self.raw.read(len(buffer))
        size = len(data)
        buffer[:size] = data
        self.done += size
        if self.progress and self.done - self._reported >= self.STEP:
            self._reported = self.done
            self.progress(self.done)
        return size

    def close(self) -> None:
        self.raw.close()
        super().close()


class Archive:
    """An open archive: its members by normalised name, each with its size in bytes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._zip: zipfile.ZipFile | None = None
        self._members: dict[str, tuple[str, int]] = {}
        if not path.exists():
            raise ArchiveError(_("{path}: no such file or folder").format(path=path))
        if not path.is_dir() and not path.is_file():
            raise ArchiveError(_("{path}: not a regular file (a device, a pipe or a socket);"
                                 " give the .zip LinkedIn sent, or the folder it unpacks to")
                               .format(path=path))
        if path.is_dir():
            self._scan_folder(path)
        else:
            self._open_zip(path)

    def _open_zip(self, path: Path) -> None:
        try:
            self._zip = zipfile.ZipFile(path)
            infos = self._zip.infolist()
        except zipfile.BadZipFile:
            raise ArchiveError(
                _("{path}: not a zip archive (give the .zip LinkedIn sent, or the folder it"
                  " unpacks to)").format(path=path)
            ) from None
        except (OSError, ValueError, EOFError, RuntimeError) as exc:
            raise ArchiveError(_("{path}: cannot read the archive ({error})").format(
                path=path, error=exc)) from None
        self._index((info.filename, info.file_size) for info in infos if not info.is_dir())

    def _scan_folder(self, root: Path) -> None:
        found: list[tuple[str, int]] = []
        try:
            for depth in range(MAX_DEPTH + 1):
                pattern = "/".join(["*"] * depth + ["*.[cC][sS][vV]"])
                for item in root.glob(pattern):
                    if item.is_file():
                        found.append((item.relative_to(root).as_posix(), item.stat().st_size))
        except OSError as exc:
            raise ArchiveError(_("{path}: cannot read the folder ({error})").format(
                path=root, error=exc.strerror)) from None
        self._index(found)

    def _index(self, names: Iterable[tuple[str, int]]) -> None:
        """Keep the top level's files; when the top level holds no CSV but a single folder,
        that folder's top level instead."""
        files = [(name, size) for name, size in names if not name.endswith("/")]
        top = [item for item in files if "/" not in item[0]]
        folders = {name.split("/", 1)[0] for name, _size in files if "/" in name}
        if not any(name.lower().endswith(".csv") for name, _size in top) and len(folders) == 1:
            [folder] = folders
            top = [(name, size) for name, size in files
                   if name.startswith(f"{folder}/") and name.count("/") == 1]
        for name, size in sorted(top):
            self._members.setdefault(file_key(name), (name, size))

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def find(self, *names: str) -> str | None:
        """The member holding the first of `names` the archive has, or None."""
        for name in names:
            if (hit := self._members.get(file_key(name))) is not None:
                return hit[0]
        return None

    def size(self, member: str) -> int:
        return self._members[file_key(member)][1]

    def open_text(self, member: str, progress: ByteProgress | None = None) -> io.TextIOWrapper:
        """Stream one member as UTF-8 text (a BOM is fine), line endings left for csv to read."""
        raw: IO[bytes] = (
            self._zip.open(member) if self._zip is not None else (self.path / member).open("rb")
        )
        buffered = io.BufferedReader(_Counting(raw, progress), 1 << 16)
        try:
            check_not_workbook(buffered.peek(8)[:8])
        except IntakeError:
            buffered.close()
            raise
        return io.TextIOWrapper(buffered, encoding="utf-8-sig", errors="strict", newline="")
