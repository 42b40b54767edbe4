"""The embedded target: a folder (a synced or network drive) with one small SQLite file per
rep, `NAME.ssi-share`.

Written atomically: the new file is built under a hidden temporary name in the same folder,
flushed to disk (fsync), then renamed over the old one (os.replace), and the folder entry is
flushed too. A reader lists only `*.ssi-share` names, so a file being written is invisible; a
file cut short some other way (a sync tool mid-copy, a full disk) fails the size check against
its own header, or SQLite's, and is skipped and named, never half-read.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import quote

from ssi_tui.i18n import _
from ssi_tui.team import digest as dg
from ssi_tui.team.errors import TeamError
from ssi_tui.team.share import DayEstimate, Share, SharedReading
from ssi_tui.team.snapshot import (
    LOGIN_DAYS,
    RECENT_DAYS,
    WEEK,
    ArmCount,
    RepData,
    TeamSnapshot,
    streak_may_go_further,
)

SUFFIX = ".ssi-share"

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE counts (day TEXT NOT NULL, habit TEXT NOT NULL, count INTEGER NOT NULL,
                     PRIMARY KEY (day, habit)) WITHOUT ROWID;
CREATE INDEX counts_habit_day ON counts (habit, day);
CREATE TABLE readings (day TEXT PRIMARY KEY, brand REAL, people REAL, insights REAL,
                       relationships REAL);
CREATE TABLE estimates (day TEXT PRIMARY KEY, brand REAL, people REAL, insights REAL,
                        relationships REAL, total REAL, todos_done INTEGER,
                        todos_total INTEGER);
CREATE TABLE indicators (day TEXT PRIMARY KEY, profile_views_90d INTEGER,
                         search_appearances_7d INTEGER, followers INTEGER, connections INTEGER);
CREATE TABLE invitations (sent_day TEXT NOT NULL, degree INTEGER, personalized INTEGER NOT NULL,
                          variant TEXT, accepted_day TEXT, exchange_day TEXT, call_day TEXT,
                          meeting_day TEXT, contract_day TEXT);
CREATE INDEX invitations_sent ON invitations (sent_day);
CREATE TABLE digest (version INTEGER NOT NULL, as_of TEXT NOT NULL, head TEXT NOT NULL,
                     series BLOB NOT NULL, study TEXT NOT NULL, personalized BLOB NOT NULL,
                     plain BLOB NOT NULL);
"""
FILE_FORMAT = 2
"""`meta.format` of the files written now: format 1 (no `digest` table) is still read, from
its raw rows; a later format is skipped and named."""
DIGEST_COLUMNS = ("version", "as_of", "head", "series", "study", "personalized", "plain")
DIGEST_SQL = ("SELECT (SELECT value FROM meta WHERE key = 'format'),"
              " (SELECT value FROM meta WHERE key = 'rep'),"
              " (SELECT value FROM meta WHERE key = 'last_day'), "
              + ", ".join(f"d.{c}" for c in DIGEST_COLUMNS)
              + " FROM (SELECT 1) LEFT JOIN digest d")
TABLES = {  # table: (day column, columns in the share's field order)
    "counts": ("day", ("day", "habit", "count")),
    "readings": ("day", ("day", "brand", "people", "insights", "relationships")),
    "estimates": ("day", ("day", "brand", "people", "insights", "relationships", "total",
                          "todos_done", "todos_total")),
    "indicators": ("day", ("day", "profile_views_90d", "search_appearances_7d", "followers",
                           "connections")),
    "invitations": ("sent_day", ("sent_day", "degree", "personalized", "variant",
                                 "accepted_day", "exchange_day", "call_day", "meeting_day",
                                 "contract_day")),
}
LATER_STAGE_SQL = ("exchange_day IS NOT NULL OR call_day IS NOT NULL"
                   " OR meeting_day IS NOT NULL OR contract_day IS NOT NULL")
"""A later stage without an acceptance day: accepted, when unknown (counted in time, as the
personal study does)."""
LEVEL_SQL = ("CASE WHEN contract_day IS NOT NULL THEN 5 WHEN meeting_day IS NOT NULL THEN 4"
             " WHEN call_day IS NOT NULL THEN 3 WHEN exchange_day IS NOT NULL THEN 2"
             " WHEN accepted_day IS NOT NULL THEN 1 ELSE 0 END")


def share_files(folder: Path) -> list[str]:
    """The share files' names in the folder, sorted (hidden temporary files never match)."""
    return sorted(n for n in os.listdir(folder) if n.endswith(SUFFIX) and not n.startswith("."))


def share_path(folder: Path, rep: str) -> Path:
    return folder / f"{rep}{SUFFIX}"


def _check_folder(folder: Path) -> None:
    if not folder.is_dir():
        raise TeamError(_("to: folder {folder} does not exist").format(folder=folder))


def _value(v: object) -> object:
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, bool):
        return int(v)
    return v


def write_share(folder: Path, share: Share) -> Path:
    """Publish `share`: the rep's rows for its days are replaced, the others kept."""
    _check_folder(folder)
    target = share_path(folder, share.rep)
    tmp = folder / f".{share.rep}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
    first, last = share.first_day, share.last_day
    try:
        conn = sqlite3.connect(_uri(tmp), isolation_level=None, uri=True)
        try:
            conn.execute("PRAGMA journal_mode=OFF")  # a private temp file: no journal needed
            conn.executescript(SCHEMA)
            kept_first, kept_last = first, last
            old = target.exists() and _intact(target)
            if old:
                conn.execute("ATTACH DATABASE ? AS old", [_uri(target, "ro")])
            conn.execute("BEGIN")
            if old:
                kept_first, kept_last = _keep_old_rows(conn, first, last)
            for table, items in (("counts", share.counts), ("readings", share.readings),
                                 ("estimates", share.estimates),
                                 ("indicators", share.indicators),
                                 ("invitations", share.invitations)):
                columns = TABLES[table][1]
                conn.executemany(
                    f"INSERT INTO {table} ({', '.join(columns)}) VALUES"
                    f" ({', '.join('?' * len(columns))})",
                    [tuple(_value(getattr(item, c)) for c in columns) for item in items])
            conn.executemany("INSERT INTO meta VALUES (?, ?)", [
                ("format", str(FILE_FORMAT)), ("rep", share.rep),
                ("first_day", kept_first.isoformat()), ("last_day", kept_last.isoformat())])
            # the view's digest, from the rows the file now holds (old days kept included)
            columns = dg.to_columns(_raw_digest(conn, kept_last))
            columns["as_of"] = kept_last.isoformat()
            conn.execute(f"INSERT INTO digest ({', '.join(DIGEST_COLUMNS)}) VALUES"
                         f" ({', '.join('?' * len(DIGEST_COLUMNS))})",
                         [columns[c] for c in DIGEST_COLUMNS])
            conn.execute("COMMIT")
        finally:
            conn.close()
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)
        _fsync_folder(folder)
    except OSError as exc:
        raise TeamError(_("to: cannot write {file} ({error})").format(
            file=target, error=exc.strerror or exc)) from None
    finally:
        tmp.unlink(missing_ok=True)
    return target


def _uri(path: Path, mode: str | None = None) -> str:
    uri = path.resolve().as_uri()
    return f"{uri}?mode={mode}" if mode else uri


def _keep_old_rows(conn: sqlite3.Connection, first: date, last: date) -> tuple[date, date]:
    """Copy the previous file's rows outside first..last; returns the days covered in all.
    An unusable previous file is dropped: this share alone goes out."""
    try:
        bounds = dict(conn.execute("SELECT key, value FROM old.meta").fetchall())
        for table, (day_col, columns) in TABLES.items():
            cols = ", ".join(columns)
            conn.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM old.{table}"
                         f" WHERE {day_col} < ? OR {day_col} > ?",
                         [first.isoformat(), last.isoformat()])
        old_first = date.fromisoformat(bounds.get("first_day", first.isoformat()))
        old_last = date.fromisoformat(bounds.get("last_day", last.isoformat()))
    except (sqlite3.DatabaseError, ValueError):
        conn.execute("ROLLBACK")
        conn.execute("BEGIN")
        return first, last
    return min(first, old_first), max(last, old_last)


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # some systems cannot open a folder; the rename is still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def revoke_share(folder: Path, rep: str) -> bool:
    """Remove the rep's file; False if there was none."""
    _check_folder(folder)
    try:
        share_path(folder, rep).unlink()
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise TeamError(_("to: cannot remove {file} ({error})").format(
            file=share_path(folder, rep), error=exc.strerror)) from None
    _fsync_folder(folder)
    return True


def _intact(path: Path) -> bool:
    """A whole SQLite file: its header's page size × page count is the file's size."""
    try:
        fd = os.open(path, os.O_RDONLY)
        try:
            header, size = os.read(fd, 100), os.fstat(fd).st_size
        finally:
            os.close(fd)
    except OSError:
        return False
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return False
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    return pages > 0 and size == page_size * pages


def read_folder(folder: Path, today: date, pending_days: int) -> TeamSnapshot:
    """Every rep's file in the folder, narrowed to what the team view shows on `today`."""
    if not folder.is_dir():
        raise TeamError(_("from: folder {folder} does not exist").format(folder=folder))
    reps: list[RepData] = []
    study: list[ArmCount] = []
    skipped: list[str] = []
    base = folder.resolve().as_uri()  # once: resolving each file's path costs a stat a level
    for file in share_files(folder):
        path, name = folder / file, file[: -len(SUFFIX)]
        if not _intact(path):
            skipped.append(path.name)
            continue
        try:
            conn = sqlite3.connect(f"{base}/{quote(file)}?mode=ro&immutable=1", uri=True)
        except sqlite3.Error:
            skipped.append(path.name)
            continue
        try:
            rep, arms = _read_one(conn, name, today, pending_days)
        except (sqlite3.DatabaseError, ValueError, TypeError, KeyError, IndexError):
            skipped.append(path.name)
            continue
        finally:
            conn.close()
        reps.append(rep)
        study.extend(arms)
    return TeamSnapshot(today, tuple(reps), tuple(study), None, True, tuple(skipped))


def _read_one(conn: sqlite3.Connection, name: str, today: date,
              pending_days: int) -> tuple[RepData, tuple[ArmCount, ...]]:
    try:  # one statement for the meta and the digest (format 2)
        fmt, rep, last, *row = conn.execute(DIGEST_SQL).fetchone()
    except sqlite3.OperationalError:  # no digest table: format 1
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        fmt, rep, last, row = meta.get("format"), meta.get("rep"), meta.get("last_day"), []
    if fmt not in ("1", str(FILE_FORMAT)) or rep != name:
        raise ValueError("not a share of this rep, or a later format")
    last_shared = date.fromisoformat(last) if last else None
    digest = None
    if row and row[0] == dg.VERSION and row[1] <= today.isoformat():
        digest = dg.from_columns(date.fromisoformat(row[1]), *row[2:])
    if digest is None:  # a format-1 file, or a day before the digest's: from the raw rows
        digest = _raw_digest(conn, today)
    return (dg.rep_data(name, last_shared, digest, today),
            dg.arm_counts(name, digest.arms, digest.as_of, today, pending_days))


def _raw_digest(conn: sqlite3.Connection, as_of: date) -> dg.Digest:
    """The digest as of `as_of`, from the file's raw rows up to that day."""
    iso = as_of.isoformat()
    row = conn.execute("SELECT day, brand, people, insights, relationships FROM readings"
                       " WHERE day <= ? ORDER BY day DESC LIMIT 1", [iso]).fetchone()
    reading = SharedReading(date.fromisoformat(row[0]), *row[1:]) if row else None
    since = (as_of - timedelta(days=RECENT_DAYS)).isoformat()
    estimates = [DayEstimate(date.fromisoformat(r[0]), *r[1:]) for r in conn.execute(
        "SELECT day, brand, people, insights, relationships, total, todos_done, todos_total"
        " FROM estimates WHERE day > ? AND day <= ?", [since, iso])]
    logins = _login_days(conn, as_of, (as_of - timedelta(days=LOGIN_DAYS)).isoformat())
    if streak_may_go_further(logins, as_of):
        logins = _login_days(conn, as_of, "")
    week = (as_of - timedelta(days=WEEK)).isoformat()
    counts = [(date.fromisoformat(d), habit, n) for d, habit, n in conn.execute(
        "SELECT day, habit, count FROM counts WHERE day > ? AND day <= ?", [week, iso])]
    invitations = conn.execute(
        "SELECT personalized,"
        " min(CAST(julianday(?) - julianday(sent_day) AS INTEGER), ?) AS days,"
        " CASE WHEN accepted_day IS NOT NULL THEN"
        " min(max(CAST(julianday(accepted_day) - julianday(sent_day) AS INTEGER), 0), ?)"
        f" WHEN {LATER_STAGE_SQL} THEN 0 END AS lag, {LEVEL_SQL} AS level,"
        " count(*) FROM invitations WHERE sent_day <= ? GROUP BY 1, 2, 3, 4",
        [iso, dg.FOLD, dg.FOLD, iso]).fetchall()
    return dg.build_digest(as_of, reading, estimates, logins, counts, invitations)


def _login_days(conn: sqlite3.Connection, today: date, since: str) -> list[date]:
    return [date.fromisoformat(d) for (d,) in conn.execute(
        "SELECT day FROM counts WHERE habit = 'login' AND count > 0 AND day > ? AND day <= ?"
        " ORDER BY day", [since, today.isoformat()])]
