"""The dashboard last drawn, kept beside the journal (`journal.db.frame`), so that the app's
first frame appears at once while the real status is built.

A saved frame carries the key of what it was computed from: the journal's content
(`Journal.content_version`), the settings (`default_settings.fingerprint`), the journal day, the
language, the zone and this version of ssi-tui. When the key matches, the frame is exactly what
the build would draw. When it does not (a new day, another process wrote, a setting changed),
it may only be shown marked as earlier figures until the real status replaces it. A file that
cannot be read or written is simply no cache.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FORMAT = 1
"""Bumped when what is saved changes shape: an older file is then no cache at all."""


@dataclass(frozen=True)
class SavedFrame:
    """A frame read back: what to draw (`payload`), the day it showed, and whether its key
    matches the journal as it is now (`current`)."""

    payload: dict[str, Any]
    day: str
    current: bool


def cache_file(journal_path: Path) -> Path:
    return journal_path.with_name(journal_path.name + ".frame")


def frame_key(journal: Any, language: str) -> str:
    """What a frame shown now must have been computed from."""
    from ssi_tui import __version__
    from ssi_tui.default_settings import fingerprint

    parts = (FORMAT, __version__, journal.content_version(), fingerprint(journal.settings),
             journal.today().isoformat(), language, os.environ.get("TZ", ""))
    return "|".join(str(part) for part in parts)


def read(journal_path: Path, key: str) -> SavedFrame | None:
    """The saved frame, if there is a readable one of this format."""
    try:
        data = json.loads(cache_file(journal_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return None
    payload, day = data.get("payload"), data.get("day")
    if not isinstance(payload, dict) or not isinstance(day, str):
        return None
    return SavedFrame(payload, day, data.get("key") == key)


def write(journal_path: Path, key: str, day: str, payload: dict[str, Any]) -> None:
    """Best effort, atomic, private (0600): a frame that cannot be saved is simply not used."""
    target = cache_file(journal_path)
    tmp = target.with_name(f"{target.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump({"format": FORMAT, "key": key, "day": day, "payload": payload}, handle,
                      separators=(",", ":"))
        os.replace(tmp, target)
    except OSError:
        tmp.unlink(missing_ok=True)
