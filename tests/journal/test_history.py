"""The one write path and its history: every kind of write is one change, undone and redone
exactly, per window, with conflicts refused (issue 14, item 5)."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from ssi_tui.config import Settings
from ssi_tui.journal import InputError, Journal, open_journal


def test_two_app_windows_each_undo_their_own(db_path: Path) -> None:
    """Issue 14 item 5: with two app windows open, `u` in one removed the other's entry."""
    one = open_journal(db_path, Settings(timezone="Europe/Paris"), window="app-one")
    two = open_journal(db_path, Settings(timezone="Europe/Paris"), window="app-two")
    mine = one.log_event(kind="like")
    theirs = two.log_event(kind="comment")
    assert one.undo().change.details["id"] == mine.id
    assert two.event(theirs.id) is not None and two.event(mine.id) is None
    assert one.undo().status == "nothing"
    assert two.undo().status == "undone" and one.events() == []
    one.close()
    two.close()


def test_readings_indicators_and_checklist_can_be_undone(journal: Journal) -> None:
    """Issue 14 item 5: readings, indicators and checklist ticks could not be undone."""
    journal.add_reading(brand=10, people=11, insights=12, relationships=13)
    journal.add_reading(brand=20, people=11, insights=12, relationships=13)
    journal.set_indicators(connections=800, followers=950)
    journal.set_indicators(connections=810)
    journal.set_profile_item("photo", True)
    assert journal.undo().change.action == "profile"
    assert not [i for i in journal.profile() if i.done]
    assert journal.undo().ok
    assert journal.indicators()[0].connections == 800
    assert journal.undo().ok
    assert journal.indicators() == []
    assert journal.undo().ok
    assert journal.readings()[0].brand == 10  # the reading it replaced is back
    assert journal.redo().ok
    assert journal.readings()[0].brand == 20


def test_an_undo_that_would_conflict_says_so_and_does_nothing(journal: Journal) -> None:
    event = journal.log_event(kind="search")
    edit = journal.update_event(event.id, count=4)
    other = open_journal(journal.path, journal.settings, window="app-x")
    result = other.undo(change_id=1)  # the log, but the row was edited since
    assert result.status == "conflict" and (result.table, result.key) == ("events", event.id)
    assert other.event(event.id) == edit
    assert journal.undo().ok  # the edit first: count back to 1
    assert journal.undo().ok and journal.events() == []
    other.close()


def test_redo_refuses_when_the_row_moved_on(journal: Journal) -> None:
    journal.set_indicators(followers=100)
    assert journal.undo().ok
    journal.set_indicators(followers=200)
    change_id = journal.changes(limit=10)[-1].id
    assert journal.redo(change_id).status == "conflict"
    assert journal.indicators()[0].followers == 200


def test_history_is_append_only(journal: Journal) -> None:
    journal.log_event(kind="login")
    with pytest.raises(sqlite3.IntegrityError):
        journal.conn.execute("DELETE FROM changes")
    with pytest.raises(sqlite3.IntegrityError):
        journal.conn.execute("UPDATE change_rows SET after = NULL")
    journal.conn.rollback()
    [change] = journal.changes()
    assert (change.surface, change.window, change.action) == ("cli", "cli", "log")


def test_edit_and_delete_every_kind_are_changes(journal: Journal) -> None:
    inv = journal.add_invitation(personalized=False, sent_day=journal.today() - timedelta(3))
    journal.update_invitation(inv.id, personalized=True, accepted_day=journal.today())
    assert journal.invitation(inv.id).personalized
    journal.delete_invitation(inv.id)
    assert journal.invitation(inv.id) is None
    assert journal.undo().change.action == "delete"
    assert journal.undo().change.action == "edit"
    assert journal.invitation(inv.id) == inv


WRITERS = {
    "writes.py": "the one write path",
    "history.py": "undo of an import: the images of the rows it added, then the rows, in SQL",
    "csvio.py": "CSV import, inside its change (rows tagged with the change's id)",
    "linkedin/importer.py": "LinkedIn import, inside its change (rows tagged likewise)",
    "calibration.py": "the calibration, derived from the readings (refitted, not history)",
    "demo.py": "the demo journal's seed, written once into a new file",
    "schema.py": "migrations",
}


def test_only_the_write_path_writes_the_journal() -> None:
    """Every module of the journal that writes SQL is one of the known writers, so a new
    write cannot bypass the history unnoticed."""
    import re

    import ssi_tui.journal as package

    root = Path(package.__file__).parent
    writing = re.compile(r"\b(INSERT (OR \w+ )?INTO|UPDATE \w+ SET|DELETE FROM)\b")
    found = {str(path.relative_to(root)) for path in root.rglob("*.py")
             if writing.search(path.read_text(encoding="utf-8"))}
    assert found == set(WRITERS)


def test_one_change_groups_writes_of_any_kind_all_or_nothing(journal: Journal) -> None:
    """`Journal.one_change`: the writes made inside are one change (one history line, undone
    and redone whole, as an import is); a refused write inside leaves none of them."""
    with journal.one_change("profile", "form", {"items": {"photo": True, "banner": True}}):
        journal.set_profile_item("photo", True)
        with journal.one_change("nested"):  # joins the outer change
            journal.set_profile_item("banner", True)
        journal.set_indicators(connections=800)
    [made] = journal.changes()
    assert (made.action, made.surface, made.rows) == ("profile", "form", 3)
    assert journal.undo().ok
    assert [i.key for i in journal.profile() if i.done] == [] and journal.indicators() == []
    assert journal.redo().ok
    assert [i.key for i in journal.profile() if i.done] == ["photo", "banner"]
    assert journal.indicators()[0].connections == 800
    count = len(journal.changes())
    with pytest.raises(InputError):
        journal.set_profile({"about": True, "no_such_item": True})
    with pytest.raises(InputError), journal.one_change("profile"):
        journal.set_profile_item("skills", True)
        journal.set_indicators(connections=-1)
    assert len(journal.changes()) == count
    assert journal.profile_item("about").done is False
    assert journal.profile_item("skills").done is False
    journal.log_event(kind="like")  # the group is closed: a write after it is its own change
    assert len(journal.changes()) == count + 1
    assert journal.set_profile({}) == [] and len(journal.changes()) == count + 1
