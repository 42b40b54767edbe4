"""The one write path: every change to the journal goes through `change()`.

It opens one transaction (taken for writing at once, so a read-then-write never fails half-way
because another window wrote meanwhile), appends a row to `changes` saying what is done, from
which surface and which window or process, and records what happens to each row touched (its
image before and after), so the change can be undone and redone exactly (see `history`).
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Literal

from ssi_tui.i18n import _
from ssi_tui.journal.days import format_at, utc_now
from ssi_tui.journal.errors import JournalError, reason

Surface = Literal["key", "form", "cli", "csv-import", "linkedin-import", "edit", "delete"]
SURFACES: tuple[str, ...] = ("key", "form", "cli", "csv-import", "linkedin-import", "edit",
                             "delete")
CLI_WINDOW = "cli"
"""The window id of the command line: every `ssi-tui` command shares it, so `ssi-tui undo`
takes back the last change made from the command line whichever process made it."""

TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "events": ("id", "at", "day", "kind", "count", "degree", "contact", "note", "source",
               "source_key", "change_id"),
    "invitations": ("id", "at", "sent_day", "degree", "personalized", "variant", "contact",
                    "note", "accepted_day", "exchange_day", "call_day", "meeting_day",
                    "contract_day", "source", "source_key", "change_id"),
    "readings": ("day", "brand", "people", "insights", "relationships", "industry_rank",
                 "network_rank", "industry_avg", "network_avg", "at", "source"),
    "indicators": ("day", "profile_views_90d", "search_appearances_7d", "followers",
                   "connections", "at", "sources"),
    "profile_checklist": ("item", "label", "done", "day"),
}
"""Every stored column of each table the history covers (the image of a row)."""

TABLE_KEYS = {"events": "id", "invitations": "id", "readings": "day", "indicators": "day",
              "profile_checklist": "item"}

Image = dict[str, Any]


def new_window_id(kind: str = "app") -> str:
    """An id for one app window (or any other writer that wants undo of its own changes)."""
    return f"{kind}-{uuid.uuid4().hex[:12]}"


@contextmanager
def transaction(conn: sqlite3.Connection, path: object = "") -> Iterator[None]:
    """One transaction (a savepoint inside one already open); disk and lock failures become a
    one-line JournalError and nothing is written."""
    nested = conn.in_transaction
    try:
        conn.execute("SAVEPOINT write_path" if nested else "BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise _failed(path, exc) from None
    try:
        yield
    except BaseException as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK TO write_path" if nested else "ROLLBACK")
            if nested:
                conn.execute("RELEASE write_path")
        if isinstance(exc, sqlite3.OperationalError):
            raise _failed(path, exc) from None
        raise
    try:
        conn.execute("RELEASE write_path" if nested else "COMMIT")
    except sqlite3.OperationalError as exc:
        if conn.in_transaction and not nested:
            conn.execute("ROLLBACK")
        raise _failed(path, exc) from None


def _failed(path: object, exc: Exception) -> JournalError:
    if read_only_error(exc):
        return JournalError(_("{path}: the journal is read-only; nothing was written").format(
            path=path))
    return JournalError(_("{path}: could not save ({error}); nothing was written").format(
        path=path, error=reason(exc)))


def read_only_error(exc: Exception) -> bool:
    """SQLite's refusal to write a journal opened read-only (see connection.is_writable)."""
    text = str(exc)
    return "readonly database" in text or "query_only" in text


class Recorder:
    """The rows one change touches. Every write of the change goes through here, so its
    before- and after-images land in `change_rows` beside the change."""

    def __init__(self, conn: sqlite3.Connection, change_id: int) -> None:
        self.conn = conn
        self.change_id = change_id
        self.seq = 0
        self.details: dict[str, Any] = {}

    def image(self, table: str, key: Any) -> Image | None:
        columns = TABLE_COLUMNS[table]
        row = self.conn.execute(
            f"SELECT {', '.join(columns)} FROM {table} WHERE {TABLE_KEYS[table]} = ?", [key]
        ).fetchone()
        return dict(zip(columns, row, strict=True)) if row is not None else None

    def _log(self, table: str, key: Any, before: Image | None, after: Image | None) -> None:
        self.seq += 1
        self.conn.execute(
            "INSERT INTO change_rows (change_id, seq, op, tbl, key, before, after)"
            " VALUES (?, ?, 'row', ?, ?, ?, ?)",
            [self.change_id, self.seq, table, key, _dump(before), _dump(after)],
        )

    def insert(self, table: str, values: dict[str, Any]) -> Any:
        """Add a row; returns its key (the new id for events and invitations)."""
        names = ", ".join(values)
        cursor = self.conn.execute(
            f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(values))})",
            list(values.values()),
        )
        key = values.get(TABLE_KEYS[table], cursor.lastrowid)
        self._log(table, key, None, self.image(table, key))
        return key

    def update(self, table: str, key: Any, values: dict[str, Any]) -> Image | None:
        """Change some columns of a row; returns its new image (None: no such row)."""
        before = self.image(table, key)
        if before is None:
            return None
        sets = ", ".join(f"{name} = ?" for name in values)
        self.conn.execute(f"UPDATE {table} SET {sets} WHERE {TABLE_KEYS[table]} = ?",
                          [*values.values(), key])
        after = self.image(table, key)
        self._log(table, key, before, after)
        return after

    def delete(self, table: str, key: Any) -> Image | None:
        """Remove a row; returns what it was (None: no such row, nothing recorded)."""
        before = self.image(table, key)
        if before is None:
            return None
        self.conn.execute(f"DELETE FROM {table} WHERE {TABLE_KEYS[table]} = ?", [key])
        self._log(table, key, before, None)
        return before

    def put(self, table: str, key: Any, image: Image | None) -> None:
        """Make the row exactly `image` (None: no row), whatever it is now."""
        before = self.image(table, key)
        if image is None:
            if before is not None:
                self.conn.execute(f"DELETE FROM {table} WHERE {TABLE_KEYS[table]} = ?", [key])
        elif before is None:
            self.conn.execute(
                f"INSERT INTO {table} ({', '.join(image)}) VALUES ({', '.join('?' * len(image))})",
                list(image.values()))
        else:
            sets = ", ".join(f"{name} = ?" for name in image)
            self.conn.execute(f"UPDATE {table} SET {sets} WHERE {TABLE_KEYS[table]} = ?",
                              [*image.values(), key])
        self._log(table, key, before, image)

    def bulk(self, table: str, count: int) -> None:
        """`count` rows of `table` were added in bulk, each tagged with this change's id."""
        if count:
            self.seq += 1
            self.conn.execute(
                "INSERT INTO change_rows (change_id, seq, op, tbl, key)"
                " VALUES (?, ?, 'bulk', ?, ?)",
                [self.change_id, self.seq, table, count])


def _dump(image: Image | None) -> str | None:
    return None if image is None else json.dumps(image, separators=(",", ":"))


def load(text: str | None) -> Image | None:
    return None if text is None else dict(json.loads(text))


@contextmanager
def change(conn: sqlite3.Connection, *, surface: str, window: str, action: str,
           details: dict[str, Any] | None = None, reverts: int | None = None,
           path: object = "", keep_empty: bool = True) -> Iterator[Recorder]:
    """One change: a transaction, a Recorder for its writes, and its row in `changes`.

    `details` are codes and parameters (never sentences) for the faces to word; the caller may
    add to `recorder.details` while writing (an import's counts). The change's id is taken at the
    start (the transaction holds the write lock), so bulk rows can be tagged with it; its row
    is appended at the end. A change that touched nothing is dropped unless `keep_empty`."""
    if surface not in SURFACES:
        raise ValueError(f"unknown surface {surface!r}")
    with transaction(conn, path):
        change_id = int(conn.execute("SELECT coalesce(max(id), 0) + 1 FROM changes")
                        .fetchone()[0])
        recorder = Recorder(conn, change_id)
        recorder.details = dict(details or {})
        yield recorder
        if recorder.seq or keep_empty:
            conn.execute(
                "INSERT INTO changes (id, at, surface, window_id, action, details, reverts)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [change_id, format_at(utc_now()), surface, window, action,
                 json.dumps(recorder.details, separators=(",", ":"), default=str), reverts],
            )
