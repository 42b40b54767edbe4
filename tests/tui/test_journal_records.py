"""The Journal screen lists, edits and deletes every kind of record (issue 14: "a reading, an
indicator row or an invitation entered wrongly can be neither edited nor deleted anywhere"):
each edit and delete goes through the history, so `u` takes it back and `ssi-tui history`
lists it; bad input is refused under its field with nothing written; an edit of a record
another window changed meanwhile is refused. Real SQLite files, one small journal per test."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from cli_runner import run
from pilot import drive
from textual.widgets import DataTable, Input, Select, Static

from ssi_tui.config import Settings
from ssi_tui.journal import Journal, open_journal
from ssi_tui.tui.forms.edits import (
    EditChecklistItemForm,
    EditIndicatorsForm,
    EditInvitationForm,
    EditReadingForm,
)
from ssi_tui.tui.keys import RECORD_KINDS
from ssi_tui.tui.screens.journal import ConfirmDelete, JournalScreen

PILLARS = {"brand": 20.5, "people": 12.0, "insights": 15.25, "relationships": 11.0}


def _changes(journal: Journal) -> int:
    return int(journal.conn.execute("SELECT count(*) FROM changes").fetchone()[0])


async def _open(app, pilot, digit: str) -> JournalScreen:
    await pilot.press("J", digit)
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, JournalScreen)
    return screen


async def _save(pilot) -> None:
    await pilot.press("ctrl+s")
    await pilot.pause()


def _set(app, **values: str) -> None:
    for name, value in values.items():
        app.screen.query_one(f"#f-{name}", Input).value = value


def _error(app, name: str) -> str:
    return str(app.screen.query_one(f"#err-{name}", Static).content)


def _history_line(n: int = 1) -> list[dict]:
    result = run("history", "--json", "-n", str(n))
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


# -- edit, then u ------------------------------------------------------------------------------


def test_edit_a_reading_then_undo(journal: Journal, frozen_clock: str) -> None:
    day = journal.today() - timedelta(days=7)
    journal.add_reading(day=day, **PILLARS, industry_rank=4)
    seen: dict[str, object] = {}

    async def scenario(app, pilot) -> None:
        refits: list[int] = []
        app.refit_calibration = lambda: refits.append(1)  # the calibration follows readings
        screen = await _open(app, pilot, "3")
        assert screen.query_one("#entries", DataTable).row_count == 1
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, EditReadingForm)
        assert app.screen.focused.id == "f-brand"
        assert app.screen.query_one("#f-insights", Input).value == "15.25"  # prefilled
        _set(app, brand="21", industry_rank="")
        await _save(pilot)
        assert isinstance(app.screen, JournalScreen)
        seen["edited"] = journal.reading(day)
        seen["history"] = _history_line()[0]
        await pilot.press("u")
        await pilot.pause()
        seen["undone"] = journal.reading(day)
        await pilot.press("U")
        await pilot.pause()
        seen["redone"] = journal.reading(day)
        seen["refits"] = len(refits)

    drive(journal, scenario, size=(80, 24))
    edited, undone = seen["edited"], seen["undone"]
    assert (edited.brand, edited.insights, edited.industry_rank) == (21.0, 15.25, None)
    assert (undone.brand, undone.industry_rank) == (20.5, 4.0)
    assert seen["redone"] == edited
    assert seen["refits"] == 3  # after the edit, the undo and the redo
    assert seen["history"]["action"] == "edit" and seen["history"]["surface"] == "edit"


def test_edit_indicators_clears_an_emptied_figure_then_undo(journal: Journal,
                                                             frozen_clock: str) -> None:
    day = journal.today() - timedelta(days=2)
    journal.set_indicators(day=day, followers=800, connections=950)
    seen: dict[str, object] = {}

    async def scenario(app, pilot) -> None:
        await _open(app, pilot, "4")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EditIndicatorsForm)
        assert app.screen.query_one("#f-followers", Input).value == "800"
        _set(app, followers="", connections="1 012")
        await _save(pilot)
        seen["edited"] = journal.indicators_on(day)
        await pilot.press("u")
        await pilot.pause()
        seen["undone"] = journal.indicators_on(day)

    drive(journal, scenario, size=(80, 24))
    assert (seen["edited"].followers, seen["edited"].connections) == (None, 1012)
    assert (seen["undone"].followers, seen["undone"].connections) == (800, 950)


def test_edit_an_invitations_outcome_then_undo(journal: Journal, frozen_clock: str) -> None:
    today = journal.today()
    inv = journal.add_invitation(personalized=False, contact="Ada Lovelace",
                                 sent_day=today - timedelta(days=10))
    seen: dict[str, object] = {}

    async def scenario(app, pilot) -> None:
        await _open(app, pilot, "2")
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, EditInvitationForm)
        _set(app, accepted_day=(today - timedelta(days=6)).isoformat(),
             call_day=(today - timedelta(days=2)).isoformat())
        app.screen.query_one("#f-personalized", Select).value = True
        await _save(pilot)
        assert isinstance(app.screen, JournalScreen)
        row = app.screen.query_one("#entries", DataTable).get_row_at(0)
        seen["row"] = [str(cell) for cell in row]
        seen["edited"] = journal.invitation(inv.id)
        await pilot.press("u")
        await pilot.pause()
        seen["undone"] = journal.invitation(inv.id)

    drive(journal, scenario, size=(80, 24))
    edited = seen["edited"]
    assert edited.personalized and edited.furthest_stage == "call"
    assert (edited.accepted_day, edited.exchange_day, edited.call_day) == (
        today - timedelta(days=6), None, today - timedelta(days=2))
    assert seen["row"][2:4] == ["call", (today - timedelta(days=2)).isoformat()]
    assert seen["undone"] == inv  # pending and plain again


def test_edit_a_checklist_item_then_undo(journal: Journal, frozen_clock: str) -> None:
    day = journal.today() - timedelta(days=3)
    seen: dict[str, object] = {}

    async def scenario(app, pilot) -> None:
        await _open(app, pilot, "5")
        table = app.screen.query_one("#entries", DataTable)
        table.move_cursor(row=2)  # Headline
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, EditChecklistItemForm)
        app.screen.query_one("#f-done", Select).value = True
        _set(app, day=day.isoformat())
        await _save(pilot)
        seen["edited"] = journal.profile_item("headline")
        await pilot.press("u")
        await pilot.pause()
        seen["undone"] = journal.profile_item("headline")

    drive(journal, scenario, size=(80, 24))
    assert (seen["edited"].done, seen["edited"].day) == (True, day)
    assert (seen["undone"].done, seen["undone"].day) == (False, None)


# -- delete, then u ----------------------------------------------------------------------------


def _one_of_each(journal: Journal) -> None:
    today = journal.today()
    journal.log_event(kind="comment", note="kept")
    journal.add_invitation(personalized=True, contact="Grace Hopper",
                           sent_day=today - timedelta(days=4))
    journal.add_reading(day=today - timedelta(days=1), **PILLARS)
    journal.set_indicators(day=today - timedelta(days=1), followers=700)
    journal.set_profile_item("photo", True, today - timedelta(days=5))


COUNTS = {
    "1": "SELECT count(*) FROM events",
    "2": "SELECT count(*) FROM invitations",
    "3": "SELECT count(*) FROM readings",
    "4": "SELECT count(*) FROM indicators",
    "5": "SELECT count(*) FROM profile_checklist WHERE done = 1",
}


def test_delete_each_kind_then_undo(journal: Journal, frozen_clock: str) -> None:
    _one_of_each(journal)

    def count(digit: str) -> int:
        return int(journal.conn.execute(COUNTS[digit]).fetchone()[0])

    seen: dict[str, list[int]] = {}

    async def scenario(app, pilot) -> None:
        screen = await _open(app, pilot, "1")
        for digit in COUNTS:  # one app: each kind in turn
            await pilot.press(digit)
            await pilot.pause()
            assert screen.records.name == RECORD_KINDS[int(digit) - 1][1]
            await pilot.press("d")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmDelete)
            await pilot.press("n")  # kept
            await pilot.pause()
            kept = count(digit)
            await pilot.press("d")
            await pilot.pause()
            await pilot.press("y")
            await pilot.pause()
            deleted = count(digit)
            await pilot.press("u")
            await pilot.pause()
            seen[digit] = [kept, deleted, count(digit)]

    drive(journal, scenario, size=(80, 24))
    assert seen == {digit: [1, 0, 1] for digit in COUNTS}
    history = _history_line(10)
    assert [c["action"] for c in history if c["action"] != "undo"][:5] == [
        "profile", "delete", "delete", "delete", "delete"]  # the checklist's delete unticks
    assert all(c["undone"] for c in history if c["action"] != "undo")


# -- refused -----------------------------------------------------------------------------------


def test_bad_input_is_refused_under_its_field_and_nothing_is_written(
        journal: Journal, frozen_clock: str) -> None:
    today = journal.today()
    journal.add_reading(day=today - timedelta(days=7), **PILLARS)
    journal.add_invitation(personalized=False, sent_day=today - timedelta(days=10))
    before = _changes(journal)
    errors: dict[str, str] = {}

    async def scenario(app, pilot) -> None:
        await _open(app, pilot, "3")
        await pilot.press("e")
        await pilot.pause()
        _set(app, brand="30", people="lots")
        await _save(pilot)
        errors["brand"], errors["people"] = _error(app, "brand"), _error(app, "people")
        assert isinstance(app.screen, EditReadingForm)  # still open, nothing saved
        await pilot.press("escape", "2")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        _set(app, accepted_day=(today - timedelta(days=12)).isoformat(),
             meeting_day="next week", call_day=(today + timedelta(days=1)).isoformat())
        await _save(pilot)
        for name in ("accepted_day", "meeting_day", "call_day"):
            errors[name] = _error(app, name)

    drive(journal, scenario, size=(80, 24))
    assert _changes(journal) == before
    assert "25" in errors["brand"] and "not a number" in errors["people"]
    assert "before the invitation was sent" in errors["accepted_day"]
    assert "not a date" in errors["meeting_day"]
    assert "in the future" in errors["call_day"]


def test_an_edit_of_a_record_changed_meanwhile_is_refused(db_path: Path, journal: Journal,
                                                          frozen_clock: str) -> None:
    day = journal.today() - timedelta(days=1)
    journal.set_indicators(day=day, followers=700)
    shown: dict[str, str] = {}

    async def scenario(app, pilot) -> None:
        await _open(app, pilot, "4")
        await pilot.press("e")
        await pilot.pause()
        other = open_journal(db_path, Settings(timezone="Europe/Paris"))  # the CLI, say
        other.update_indicators(day, followers=705)
        other.close()
        _set(app, followers="710")
        await _save(pilot)
        shown["error"] = _error(app, "form")
        shown["screen"] = type(app.screen).__name__

    drive(journal, scenario, size=(80, 24))
    assert "changed since it was shown" in shown["error"]
    assert shown["screen"] == "EditIndicatorsForm"
    assert journal.indicators_on(day).followers == 705  # the other window's figure stays


def test_a_delete_of_a_record_changed_meanwhile_is_refused(
        db_path: Path, journal: Journal, frozen_clock: str, monkeypatch) -> None:
    monkeypatch.setattr("ssi_tui.tui.app.POLL_SECONDS", 3600)  # the screen keeps what it showed
    inv = journal.add_invitation(personalized=True, sent_day=journal.today())
    seen: dict[str, object] = {}

    async def scenario(app, pilot) -> None:
        await _open(app, pilot, "2")
        other = open_journal(db_path, Settings(timezone="Europe/Paris"))
        other.set_outcome(inv.id, "accepted")
        other.close()
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        seen["toasts"] = [n.message for n in app._notifications]

    drive(journal, scenario, size=(80, 24))
    assert any("changed since it was shown" in t for t in seen["toasts"]), seen["toasts"]
    assert journal.invitation(inv.id).accepted_day == journal.today()  # still there


def test_digits_switch_the_kind_and_the_palette_opens_one(journal: Journal,
                                                          frozen_clock: str) -> None:
    journal.add_reading(day=journal.today(), **PILLARS)
    for contact in ("Ada Lovelace", "Alan Turing"):
        journal.add_invitation(personalized=False, contact=contact, sent_day=journal.today())
    seen: dict[str, object] = {}

    async def scenario(app, pilot) -> None:
        screen = await _open(app, pilot, "2")
        await pilot.press("f", *"lovelace")  # the small tables filter as you type
        await pilot.pause()
        table = screen.query_one("#entries", DataTable)
        seen["filtered"] = [str(table.get_row_at(i)[4]) for i in range(table.row_count)]
        await pilot.press("escape", "4")
        await pilot.pause()
        seen["empty"] = str(screen.query_one("#journal-empty", Static).content)
        await pilot.press("1")
        await pilot.pause()
        seen["events"] = screen.records.name
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        commands["Journal: Readings"].callback()
        await pilot.pause()
        seen["palette"] = (type(app.screen).__name__, app.screen.records.name,
                           app.screen.query_one("#entries", DataTable).row_count)

    drive(journal, scenario, size=(80, 24))
    assert seen["filtered"] == ["Ada Lovelace"]
    assert "No weekly indicators yet" in seen["empty"]
    assert seen["events"] == "events"
    assert seen["palette"] == ("JournalScreen", "readings", 1)
