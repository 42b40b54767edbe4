"""The history of changes: list it, undo a change, redo an undone one.

Undo puts back each row a change touched as it was before (its before-image), and only if the
row is still as the change left it: otherwise something changed it since, and the undo reports
a conflict and does nothing. The undo is itself a change that `reverts` the first; a redo is a
change that reverts the undo. Results are codes and data, never sentences: the faces word them.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any, Literal

from ssi_tui.journal.writes import TABLE_COLUMNS, Recorder, change, load, transaction

Status = Literal["undone", "redone", "nothing", "unknown", "conflict", "already-undone",
                 "not-undone", "not-undoable"]


@dataclass(frozen=True)
class Change:
    """One row of the history."""

    id: int
    at: str
    surface: str
    window: str
    action: str
    details: dict[str, Any]
    reverts: int | None
    undone: bool
    """An active undo reverts it (a do-change only; undos and redos are never `undone`)."""
    rows: int = 0
    """How many rows it touched."""


@dataclass(frozen=True)
class UndoResult:
    """What an undo or redo did. `status` is "undone" or "redone" on success; otherwise
    nothing was written and `status` says why ("nothing": no change to undo or redo,
    "unknown": no change with that id, "conflict": `table`/`key` changed since,
    "already-undone", "not-undone", "not-undoable": an undo or redo is not undone itself)."""

    status: Status
    change: Change | None = None
    """The change undone or redone (or that could not be)."""
    table: str | None = None
    key: Any = None
    record: Change | None = field(default=None)
    """The new change that did it."""

    @property
    def ok(self) -> bool:
        return self.status in ("undone", "redone")


_ACTIVE_UNDO = ("SELECT u.id FROM changes u WHERE u.reverts = {target} AND u.action = 'undo'"
                " AND NOT EXISTS (SELECT 1 FROM changes r WHERE r.reverts = u.id)")
_COLUMNS = "c.id, c.at, c.surface, c.window_id, c.action, c.details, c.reverts"


def _change(row: tuple[Any, ...], undone: bool, rows: int = 0) -> Change:
    return Change(row[0], row[1], row[2], row[3], row[4], json.loads(row[5]), row[6], undone,
                  rows)


def get(conn: sqlite3.Connection, change_id: int) -> Change | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM changes c WHERE c.id = ?",
                       [change_id]).fetchone()
    if row is None:
        return None
    rows = conn.execute("SELECT coalesce(sum(CASE op WHEN 'bulk' THEN key ELSE 1 END), 0)"
                        " FROM change_rows WHERE change_id = ?", [change_id]).fetchone()[0]
    return _change(row, _undo_of(conn, change_id) is not None, int(rows))


def _undo_of(conn: sqlite3.Connection, change_id: int) -> int | None:
    row = conn.execute(_ACTIVE_UNDO.format(target="?") + " ORDER BY u.id DESC LIMIT 1",
                       [change_id]).fetchone()
    return int(row[0]) if row else None


def history(conn: sqlite3.Connection, limit: int = 50, window: str | None = None,
            before: int | None = None) -> list[Change]:
    """The latest changes, newest first (of one window when given; ids below `before`)."""
    where, params = [], []
    if window is not None:
        where.append("c.window_id = ?")
        params.append(window)
    if before is not None:
        where.append("c.id < ?")
        params.append(before)
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    rows = conn.execute(
        f"SELECT {_COLUMNS}, (c.reverts IS NULL AND EXISTS ("
        f"{_ACTIVE_UNDO.format(target='c.id')})),"
        " (SELECT coalesce(sum(CASE op WHEN 'bulk' THEN key ELSE 1 END), 0) FROM change_rows"
        f" WHERE change_id = c.id) FROM changes c {clause} ORDER BY c.id DESC LIMIT ?",
        [*params, limit],
    ).fetchall()
    return [_change(row[:7], bool(row[7]), int(row[8])) for row in rows]


def last_active(conn: sqlite3.Connection, window: str) -> int | None:
    """The newest change of `window` that is not undone (undos and redos aside)."""
    row = conn.execute(
        "SELECT c.id FROM changes c WHERE c.window_id = ? AND c.reverts IS NULL"
        f" AND NOT EXISTS ({_ACTIVE_UNDO.format(target='c.id')}) ORDER BY c.id DESC LIMIT 1",
        [window],
    ).fetchone()
    return int(row[0]) if row else None


def last_undone(conn: sqlite3.Connection, window: str) -> int | None:
    """The change the newest still-standing undo of `window` took back."""
    row = conn.execute(
        "SELECT u.reverts FROM changes u WHERE u.window_id = ? AND u.action = 'undo'"
        " AND NOT EXISTS (SELECT 1 FROM changes r WHERE r.reverts = u.id)"
        " ORDER BY u.id DESC LIMIT 1", [window]).fetchone()
    return int(row[0]) if row else None


def undo(conn: sqlite3.Connection, change_id: int | None, *, window: str, surface: str,
         path: object = "") -> UndoResult:
    """Undo `change_id` (None: the last change of `window` still standing)."""
    with transaction(conn, path):
        target = change_id if change_id is not None else last_active(conn, window)
        if target is None:
            return UndoResult("nothing")
        found = get(conn, target)
        if found is None:
            return UndoResult("unknown")
        if found.reverts is not None:
            return UndoResult("not-undoable", found)
        if found.undone:
            return UndoResult("already-undone", found)
        return _revert(conn, found, "undo", window, surface, path)


def redo(conn: sqlite3.Connection, change_id: int | None, *, window: str, surface: str,
         path: object = "") -> UndoResult:
    """Re-apply `change_id` (None: the change the last standing undo of `window` took back)."""
    with transaction(conn, path):
        target = change_id if change_id is not None else last_undone(conn, window)
        if target is None:
            return UndoResult("nothing")
        found = get(conn, target)
        if found is None:
            return UndoResult("unknown")
        undo_id = _undo_of(conn, target)
        if found.reverts is not None:
            return UndoResult("not-undoable", found)
        if undo_id is None:
            return UndoResult("not-undone", found)
        undo_change = get(conn, undo_id)
        assert undo_change is not None
        result = _revert(conn, undo_change, "redo", window, surface, path, original=found)
        return UndoResult("redone" if result.ok else result.status, found, result.table,
                          result.key, result.record)


_STANDING_LATER = (
    "SELECT cr.key FROM change_rows cr JOIN changes c ON c.id = cr.change_id"
    " WHERE cr.tbl = ? AND cr.key = ? AND cr.change_id > ? AND c.reverts IS NULL"
    f" AND NOT EXISTS ({_ACTIVE_UNDO.format(target='c.id')}) LIMIT 1"
)
"""A later change still standing that touched the row (even one that wrote the same value: it
counts on the row being as it is)."""


def _conflict(conn: sqlite3.Connection, target: Change) -> tuple[str, Any] | None:
    """The first row that changed since `target` (None: every row is as it left it)."""
    probe = Recorder(conn, 0)
    for op, table, key, after in conn.execute(
            "SELECT op, tbl, key, after FROM change_rows WHERE change_id = ? ORDER BY seq DESC",
            [target.id]).fetchall():
        if op == "row":
            if probe.image(table, key) != load(after) or conn.execute(
                    _STANDING_LATER, [table, key, target.id]).fetchone():
                return table, key
        else:
            standing = conn.execute(f"SELECT count(*) FROM {table} WHERE change_id = ?",
                                    [target.id]).fetchone()[0]
            if standing != key:
                return table, None
            row = conn.execute(
                "SELECT cr.key FROM change_rows cr JOIN changes c ON c.id = cr.change_id"
                f" JOIN {table} t ON t.id = cr.key AND t.change_id = ?"
                " WHERE cr.tbl = ? AND cr.change_id > ? AND c.reverts IS NULL"
                f" AND NOT EXISTS ({_ACTIVE_UNDO.format(target='c.id')}) LIMIT 1",
                [target.id, table, target.id]).fetchone()
            if row is not None:
                return table, row[0]
    return None


def _revert(conn: sqlite3.Connection, target: Change, action: str, window: str, surface: str,
            path: object, original: Change | None = None) -> UndoResult:
    """Put back each row `target` touched as it was before it (if none changed since), as a
    new change; a redo reverts the undo of `original`."""
    clash = _conflict(conn, target)
    if clash is not None:
        return UndoResult("conflict", target, clash[0], clash[1])
    ops = conn.execute("SELECT op, tbl, key, before FROM change_rows WHERE change_id = ?"
                       " ORDER BY seq DESC", [target.id]).fetchall()
    with change(conn, surface=surface, window=window, action=action, reverts=target.id,
                details={"target": (original or target).id,
                         "action": (original or target).action}, path=path) as rec:
        for op, table, key, before in ops:
            if op == "row":
                rec.put(table, key, load(before))
            else:  # rows an import added in bulk: their images kept, then removed, in SQL
                image = ", ".join(f"'{name}', {name}" for name in TABLE_COLUMNS[table])
                kept = conn.execute(
                    "INSERT INTO change_rows (change_id, seq, op, tbl, key, before, after)"
                    " SELECT ?, ? + row_number() OVER (ORDER BY id), 'row', ?, id,"
                    f" json_object({image}), NULL FROM {table} WHERE change_id = ?",
                    [rec.change_id, rec.seq, table, target.id]).rowcount
                rec.seq += kept
                conn.execute(f"DELETE FROM {table} WHERE change_id = ?", [target.id])
        new_id = rec.change_id
    made = get(conn, new_id)
    return UndoResult("undone" if action == "undo" else "redone", target, record=made)
