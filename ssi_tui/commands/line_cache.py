"""`ssi-tui status --line` runs on every shell prompt, so its answer is kept in a small file
beside the journal and reused while neither the journal, its write-ahead log nor the config
file has changed, the journal day has not turned and the language is the same. A hit costs a
few `stat` calls instead of loading the model; any doubt is a miss."""

from __future__ import annotations

import json
import os
from pathlib import Path

from ssi_tui.i18n import current_language


def cache_file(db: Path) -> Path:
    return db.with_name(db.name + ".line")


def fingerprint(db: Path, config: Path) -> str:
    parts = []
    for path in (db, Path(f"{db}-wal"), config):
        try:
            st = path.stat()
        except OSError:
            parts.append("-")
        else:
            parts.append(f"{st.st_mtime_ns}:{st.st_size}")
    parts.append(current_language())
    return "|".join(parts)


def read(db: Path, config: Path, now: float) -> str | None:
    try:
        data = json.loads(cache_file(db).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("key") != fingerprint(db, config):
        return None
    if not isinstance(data.get("until"), int | float) or now >= data["until"]:
        return None
    line = data.get("line")
    return line if isinstance(line, str) else None


def write(db: Path, config: Path, line: str, until: float) -> None:
    """Best effort: a cache that cannot be written is simply not used."""
    target = cache_file(db)
    tmp = target.with_name(target.name + ".tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump({"key": fingerprint(db, config), "until": until, "line": line}, handle)
        os.replace(tmp, target)
    except OSError:
        return
