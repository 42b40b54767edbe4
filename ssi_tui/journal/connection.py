"""Opening a journal file safely: check it is ours before anything is written to it.

A file that is empty, not SQLite, another program's database, damaged, read-only or from a newer
version of ssi-tui is refused with a one-line `JournalError`, and left byte-for-byte untouched.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from ssi_tui.i18n import _
from ssi_tui.journal.errors import JournalError, reason
from ssi_tui.journal.schema import MIGRATIONS, OUR_TABLES, SCHEMA_VERSION

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 10.0


def secure_create(path: Path) -> None:
    """Create an empty file readable by its owner only (0600), whatever the umask."""
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)


def ensure_private_dir(folder: Path) -> None:
    """Create the data folder 0700 (parents as needed)."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)


def _check_file(path: Path) -> None:
    if path.is_dir():
        raise JournalError(_("{path}: is a folder, not a journal file").format(path=path))
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except PermissionError:
        raise JournalError(
            _("{path}: permission denied, cannot read the journal").format(path=path)
        ) from None
    except OSError as exc:
        raise JournalError(_("{path}: cannot read the journal ({error})").format(
            path=path, error=reason(exc.strerror))) from None
    if not header:
        raise JournalError(_("{path}: the file is empty, not an ssi-tui journal").format(path=path))
    if header != SQLITE_HEADER:
        raise JournalError(
            _("{path}: not an SQLite database, so not an ssi-tui journal").format(path=path))


def _check_length(conn: sqlite3.Connection, path: Path) -> None:
    """A cheap test for a truncated file: the header says how many pages there should be."""
    if Path(f"{path}-wal").exists():
        return  # recent pages may live in the write-ahead log
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    if path.stat().st_size < pages * size:
        raise sqlite3.DatabaseError(_("the file is shorter than its header says: truncated"))


def _inspect(conn: sqlite3.Connection, path: Path) -> int:
    """The file's schema version, after checking it is an ssi-tui journal we can read."""
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if version:
            conn.execute("SELECT count(*) FROM events WHERE 0").fetchone()
            _check_length(conn, path)
    except sqlite3.DatabaseError as exc:
        raise JournalError(_("{path}: the journal is damaged or unreadable ({error})").format(
            path=path, error=reason(exc))) from None
    if version > SCHEMA_VERSION:
        raise JournalError(
            _("{path}: made by a newer ssi-tui (schema {version}, this one knows {known});"
              " upgrade ssi-tui to open it").format(path=path, version=version,
                                                     known=SCHEMA_VERSION)
        )
    if version == 0 and tables - {"sqlite_sequence"} and not tables >= OUR_TABLES:
        names = ", ".join(sorted(tables)[:5])
        raise JournalError(
            _("{path}: an SQLite database of another program (tables: {names}), not a journal")
            .format(path=path, names=names)
        )
    return version


def backup_to(conn: sqlite3.Connection, dest: Path) -> Path:
    """Copy a live journal with SQLite's online backup API; the copy is private (0600)."""
    if dest.exists():
        raise JournalError(_("{path}: already exists, not overwriting it").format(path=dest))
    ensure_private_dir(dest.parent)
    secure_create(dest)
    target = sqlite3.connect(dest)
    try:
        with target:
            conn.backup(target)
    finally:
        target.close()
    return dest


def _migrate(conn: sqlite3.Connection, path: Path, version: int) -> None:
    if version == SCHEMA_VERSION:
        return
    from sqlite_utils import Database  # only a migration needs it at open time

    db = Database(conn, execute_plugins=False)
    if version and version < SCHEMA_VERSION:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
        backup_to(db.conn, path.with_name(f"{path.name}.v{version}-{stamp}.bak"))
    for target in range(version + 1, SCHEMA_VERSION + 1):
        with db.atomic():
            MIGRATIONS[target - 1](db)
            db.execute(f"PRAGMA user_version = {target}")
    # fold the schema build into the file now, so the write-ahead log starts small
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def connect(
    path: Path, *, create: bool = True, create_folder: bool = False
) -> sqlite3.Connection:
    """Open (and if asked, create) the journal at `path`, migrated to the current schema."""
    path = Path(path)
    if not path.parent.exists():
        if not create_folder:
            raise JournalError(_("{path}: folder does not exist").format(path=path.parent))
        ensure_private_dir(path.parent)
    if path.exists():
        _check_file(path)
    elif create:
        try:
            secure_create(path)
        except OSError as exc:
            raise JournalError(_("{path}: cannot create the journal ({error})").format(
                path=path, error=reason(exc.strerror))) from None
    else:
        raise JournalError(_("{path}: no journal there").format(path=path))
    if not is_writable(path):
        return _connect_read_only(path)
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S)
    except sqlite3.Error as exc:
        raise JournalError(_("{path}: cannot open the journal ({error})").format(
            path=path, error=reason(exc))) from None
    try:
        version = _inspect(conn, path)
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")  # a confirmed entry survives a crash
        conn.execute("PRAGMA foreign_keys = ON")
        _migrate(conn, path, version)
    except JournalError:
        conn.close()
        raise
    except sqlite3.Error as exc:
        conn.close()
        if "readonly database" in str(exc):  # writable by its modes, yet not (a locked medium)
            return _connect_read_only(path)
        raise JournalError(_("{path}: cannot use the journal ({error})").format(
            path=path, error=reason(exc))) from None
    return conn


def is_writable(path: Path) -> bool:
    """Whether ssi-tui may write the journal: the file and its folder (where SQLite keeps its
    write-ahead log) writable, on a file system mounted read-write."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """A journal on a read-only file system, or a read-only file: opened for reading, so the app
    and the reports work; any write then fails with "the journal is read-only". SQLite's
    read-only mode needs the write-ahead log's index beside the file; where it cannot be made
    (a read-only file system), the file is opened as immutable, which nobody can change anyway."""
    uri = path.resolve().as_uri()
    last: sqlite3.Error | None = None
    for flags in ("mode=ro", "mode=ro&immutable=1"):
        try:
            conn = sqlite3.connect(f"{uri}?{flags}", uri=True, timeout=BUSY_TIMEOUT_S)
        except sqlite3.Error as exc:
            last = exc
            continue
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error as exc:
            conn.close()
            last = exc
            continue
        try:
            version = _inspect(conn, path)
        except JournalError:
            conn.close()
            raise
        if version != SCHEMA_VERSION:
            conn.close()
            raise JournalError(_(
                "{path}: the journal is read-only and was made by an older ssi-tui (schema"
                " {version}); make it writable once so that it can be upgraded").format(
                path=path, version=version))
        conn.execute("PRAGMA query_only = ON")
        return conn
    raise JournalError(_("{path}: cannot open the read-only journal ({error})").format(
        path=path, error=reason(last)))
