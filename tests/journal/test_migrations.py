"""Older journals (fixtures of each past schema) are backed up, then migrated, data intact."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from ssi_tui.journal import open_journal, schema
from ssi_tui.journal.schema import SCHEMA_VERSION

FIXTURES = Path(__file__).parent.parent / "fixtures"


def copy_fixture(tmp_path: Path, version: int) -> Path:
    target = tmp_path / "journal.db"
    shutil.copy(FIXTURES / f"journal-v{version}.db", target)
    return target


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))
def test_old_journal_is_backed_up_then_migrated(tmp_path: Path, version: int) -> None:
    path = copy_fixture(tmp_path, version)
    original = path.read_bytes()
    journal = open_journal(path)
    assert journal.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    [backup] = list(tmp_path.glob(f"journal.db.v{version}-*.bak"))
    assert sqlite3.connect(backup).execute("PRAGMA user_version").fetchone()[0] == version
    assert len(backup.read_bytes()) == len(original)
    kinds = sorted((e.kind, e.count) for e in journal.events())
    assert kinds == [("login", 1), ("profile_view", 4), ("search", 3)]
    [inv, _plain] = journal.invitations()
    assert inv.furthest_stage == "call" and inv.contact == "Ada Lovelace"
    assert journal.readings()[0].brand == 12.275
    assert journal.indicators()[0].profile_views_90d == 480
    assert [i.key for i in journal.profile() if i.done] == ["photo"]
    journal.close()


def test_interrupted_migration_leaves_the_old_file_usable(tmp_path: Path, monkeypatch) -> None:
    path = copy_fixture(tmp_path, 1)

    def broken(db) -> None:
        db.execute("CREATE TABLE calibration (pillar TEXT)")
        raise KeyboardInterrupt  # the user pulled the plug half-way

    monkeypatch.setattr(schema, "MIGRATIONS", [schema.MIGRATIONS[0], broken])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 2)
    from ssi_tui.journal import connection

    monkeypatch.setattr(connection, "MIGRATIONS", [schema.MIGRATIONS[0], broken])
    monkeypatch.setattr(connection, "SCHEMA_VERSION", 2)
    with pytest.raises(KeyboardInterrupt):
        open_journal(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "calibration" not in tables
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 3
    conn.close()
    monkeypatch.undo()
    journal = open_journal(path)  # the real migration then succeeds
    assert journal.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    journal.close()
