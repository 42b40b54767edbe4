"""One user action, one change (issue 14: "`u` in the app undoes the last change made by this
window, whatever its kind"): a form's Save that writes several rows is one change of the
history, undone and redone as a whole, listed as one line by `ssi-tui history`. Real SQLite
files; the database is read back through a connection of its own."""

from __future__ import annotations

from pathlib import Path

from cli_runner import run
from pilot import drive
from test_form_paste import PAGE

from ssi_tui.journal import Journal, open_journal

TICKED = ["photo", "banner", "headline"]


def _done(db_path: Path) -> list[str]:
    """The ticked items, as another process reads them from the file."""
    other = open_journal(db_path)
    try:
        return [item.key for item in other.profile() if item.done]
    finally:
        other.close()


def test_profile_form_save_is_one_change_undone_and_redone_whole(
        journal: Journal, db_path: Path, frozen_clock: str) -> None:
    seen: dict[str, list[str]] = {}

    async def scenario(app, pilot) -> None:
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("space", "down", "space", "down", "space")  # the first three items
        await pilot.press("ctrl+s")
        await pilot.pause()
        seen["saved"] = _done(db_path)
        await pilot.press("u")
        await pilot.pause()
        seen["undone"] = _done(db_path)
        await pilot.press("U")
        await pilot.pause()
        seen["redone"] = _done(db_path)

    drive(journal, scenario)
    assert seen == {"saved": TICKED, "undone": [], "redone": TICKED}
    lines = run("history").output.splitlines()
    assert len(lines) == 3, lines  # the save, its undo, its redo
    assert "profile checklist (3 items)" in lines[2] and "form" in lines[2]
    assert "undo of change #1" in lines[1] and "redo of change #1" in lines[0]


def test_profile_form_unticking_and_ticking_at_once_is_one_change(
        journal: Journal, db_path: Path, frozen_clock: str) -> None:
    journal.set_profile_item("about", True)
    before = len(journal.changes())

    async def scenario(app, pilot) -> None:
        await pilot.press("p")
        await pilot.pause()
        items = app.screen.query_one("#f-items")
        items.deselect("about")
        items.select("skills")
        items.select("featured")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert _done(db_path) == ["skills", "featured"]
        await pilot.press("u")
        await pilot.pause()

    drive(journal, scenario)
    assert _done(db_path) == ["about"]
    assert len(journal.changes()) == before + 2  # the save and its undo


def test_profile_form_saving_nothing_new_records_nothing(
        journal: Journal, frozen_clock: str) -> None:
    async def scenario(app, pilot) -> None:
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()

    drive(journal, scenario)
    assert journal.changes() == []




def test_every_form_save_is_one_change_and_one_u_takes_it_back(
        journal: Journal, db_path: Path, frozen_clock: str) -> None:
    """The weekly form's four figures, a pasted reading with its ranks and averages, an outcome
    that fills three stage days, an invitation: each Save is one change, one `u` undoes it
    whole."""
    from datetime import timedelta

    from textual.widgets import Input

    inv = journal.add_invitation(personalized=True, sent_day=journal.today() - timedelta(days=3))
    counts: list[int] = []
    after_undo: dict[str, object] = {}

    def changes() -> int:
        other = open_journal(db_path)
        try:
            return len(other.changes(limit=1000))
        finally:
            other.close()

    async def save_then_undo(pilot, name: str, read) -> None:
        await pilot.press("ctrl+s")
        await pilot.pause()
        counts.append(changes())
        await pilot.press("u")
        await pilot.pause()
        other = open_journal(db_path)
        try:
            after_undo[name] = read(other)
        finally:
            other.close()

    async def scenario(app, pilot) -> None:
        counts.append(changes())
        await pilot.press("w")
        await pilot.pause()
        for name, value in (("profile_views_90d", "640"), ("search_appearances_7d", "31"),
                            ("followers", "950"), ("connections", "812")):
            app.screen.query_one(f"#f-{name}", Input).value = value
        await save_then_undo(pilot, "indicators", lambda j: j.indicators())
        await pilot.press("r")
        await pilot.pause()
        app.screen.query_one("#paste").load_text(PAGE)
        await pilot.pause()
        await save_then_undo(pilot, "reading", lambda j: j.readings())
        await pilot.press("o")
        await pilot.pause()
        await pilot.press(*f"#{inv.id}")
        app.screen.query_one("#f-stage").value = "call"
        await save_then_undo(pilot, "outcome",
                             lambda j: j.invitation(inv.id).furthest_stage)
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#f-contact", Input).value = "Ada"
        await save_then_undo(pilot, "invitations", lambda j: len(j.invitations()))

    drive(journal, scenario)
    start = counts[0]
    # each save adds one change, each undo one more
    assert counts[1:] == [start + 1, start + 3, start + 5, start + 7]
    assert after_undo == {"indicators": [], "reading": [], "outcome": None, "invitations": 1}
