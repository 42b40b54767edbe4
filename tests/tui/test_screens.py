"""The other screens through the Pilot: switching keys, the journal's filters, paging, edit and
delete, the trend's ranges, the study's numbers; and the backfill snapping back to today."""

from __future__ import annotations

import time
from datetime import timedelta

from pilot import drive, terminal_text
from textual.widgets import DataTable, Input, Select, Static

from ssi_tui.journal import Journal
from ssi_tui.tui.forms.edits import EditEventForm
from ssi_tui.tui.screens.invitations import InvitationsScreen
from ssi_tui.tui.screens.journal import PAGE, ConfirmDelete, JournalScreen
from ssi_tui.tui.screens.trends import TrendsScreen


def test_screen_keys_switch_and_come_back(journal: Journal, frozen_clock: str) -> None:
    async def scenario(app, pilot) -> None:
        for key, kind in (("J", JournalScreen), ("T", TrendsScreen), ("S", InvitationsScreen)):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, kind)
            await pilot.press("D")
            await pilot.pause()
            assert app.screen is app.dashboard
        await pilot.press("T")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.dashboard

    drive(journal, scenario)


def test_journal_filters_pages_and_renders_text_verbatim(journal: Journal,
                                                        frozen_clock: str) -> None:
    today = journal.today()
    with journal.db.atomic():
        journal.conn.executemany(
            "INSERT INTO events (at, day, kind, count) VALUES (?, ?, ?, 1)",
            [("2026-11-20T10:00:00.000000Z", (today - timedelta(days=i % 30)).isoformat(),
              "like" if i % 3 else "search") for i in range(PAGE + 50)])
    journal.log_event(kind="comment", note="[bold]not bold[/bold]")

    async def scenario(app, pilot) -> None:
        await pilot.press("J")
        await pilot.pause()
        screen = app.screen
        table = screen.query_one("#entries", DataTable)
        assert table.row_count == PAGE and not screen.exhausted
        table.move_cursor(row=PAGE - 1)
        await pilot.pause()
        assert table.row_count == PAGE + 51  # the next page came when the end was reached
        first = table.get_row_at(0)
        assert str(first[6]) == "[bold]not bold[/bold]"
        screen.query_one("#filter-kind", Select).value = "search"
        await pilot.pause()
        kinds = {str(table.get_row_at(i)[2]) for i in range(table.row_count)}
        assert kinds == {"search"}
        day_input = screen.query_one("#filter-day", Input)
        day_input.value = "23/11"
        day_input.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert "not a date" in str(screen.query_one("#filter-error", Static).content)
        day_input.value = today.isoformat()
        await pilot.press("enter")
        await pilot.pause()
        days = {str(table.get_row_at(i)[1]) for i in range(table.row_count)}
        assert days == {today.isoformat()}

    drive(journal, scenario)


def test_journal_edit_and_delete(journal: Journal, frozen_clock: str) -> None:
    event = journal.log_event(kind="like", count=2)
    journal.log_event(kind="search")

    async def scenario(app, pilot) -> None:
        await pilot.press("J")
        await pilot.pause()
        table = app.screen.query_one("#entries", DataTable)
        table.move_cursor(row=1)  # the like (newest first)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, EditEventForm)
        app.screen.query_one("#f-count", Input).value = "-3"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "must be 1 or more" in str(app.screen.query_one("#err-count",
                                                                        Static).content)
        app.screen.query_one("#f-count", Input).value = "7"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)
        table = app.screen.query_one("#entries", DataTable)
        table.move_cursor(row=0)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDelete)
        await pilot.press("n")  # keep it
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()

    drive(journal, scenario)
    [left] = journal.events()
    assert (left.id, left.count) == (event.id, 7)


def test_trends_ranges_and_study_numbers(journal: Journal, frozen_clock: str) -> None:
    today = journal.today()
    for i in range(4):
        inv = journal.add_invitation(personalized=bool(i % 2),
                                     sent_day=today - timedelta(days=40))
        if i < 3:
            journal.set_outcome(inv.id, "accepted", today - timedelta(days=35))

    async def scenario(app, pilot) -> None:
        await pilot.press("T")
        await pilot.pause()
        for key, days in (("1", 30), ("3", 365), ("2", 90)):
            await pilot.press(key)
            await pilot.pause()
            assert app.screen.days == days
            assert f"in {days} days" in str(app.screen.query_one("#trend-summary",
                                                                 Static).content)
        await pilot.press("S")
        await pilot.pause()
        table = str(app.screen.query_one("#study-verdict", Static).content)
        assert "Acceptance" in table

    drive(journal, scenario)


def test_study_turns_its_table_when_the_terminal_is_narrow(journal: Journal,
                                                           frozen_clock: str) -> None:
    today = journal.today()
    for i in range(6):
        inv = journal.add_invitation(personalized=bool(i % 2), variant="A: shared interest",
                                     sent_day=today - timedelta(days=40))
        if i < 4:
            journal.set_outcome(inv.id, "meeting", today - timedelta(days=30))
    shown: dict[int, list[str]] = {}

    async def scenario(app, pilot) -> None:
        await pilot.press("S")
        await pilot.pause()
        for width in (80, 130):
            await pilot.resize_terminal(width, 40)
            await pilot.pause()
            shown[width] = [line.strip() for line in terminal_text(app).splitlines()]

    drive(journal, scenario, size=(80, 40))
    narrow = shown[80]
    # the arms head the columns
    assert ["Personalised", "Plain", "↳", "A:", "shared", "interest"] in [
        line.split() for line in narrow]
    rows = {line.split()[0]: line.split()[1:] for line in narrow
            if line.split() and line.split()[0] in ("sent", "meeting", "contract")}
    assert rows == {"sent": ["3", "3", "6"],
                    "meeting": ["2", "(67%)", "2", "(67%)", "4", "(67%)"],
                    "contract": ["0", "(0%)", "0", "(0%)", "0", "(0%)"]}
    wide = shown[130]  # one row per arm, the figures across
    assert any(line.split()[:4] == ["sent", "judged", "accepted", "95%"] for line in wide)
    assert any(line.split()[:5] == ["Personalised", "3", "3", "2", "(67%)"] for line in wide)


def test_escape_leaves_the_journal_filter_then_the_journal(journal: Journal,
                                                            frozen_clock: str) -> None:
    journal.log_event(kind="search")

    async def scenario(app, pilot) -> None:
        await pilot.press("J")
        await pilot.pause()
        await pilot.press("f")  # into the day filter
        await pilot.pause()
        assert isinstance(app.screen.focused, Input)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)
        assert isinstance(app.screen.focused, DataTable)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.dashboard

    drive(journal, scenario)


def test_backfill_snaps_back_to_today_by_itself(journal: Journal, frozen_clock: str) -> None:
    async def scenario(app, pilot) -> None:
        await pilot.press("left_square_bracket")
        assert app.log_day is not None
        app.session.backfill_touched = time.monotonic() - 11 * 60  # ten idle minutes went by
        app.poll()
        assert app.log_day is None and "today" in app.sub_title

    drive(journal, scenario)


def test_keymap_from_the_config_rebinds_a_key(db_path, frozen_clock: str) -> None:
    from ssi_tui.config import Settings
    from ssi_tui.journal import open_journal

    journal = open_journal(db_path, Settings(timezone="Europe/Paris",
                                             keymap={"log.search": "f2"}))

    async def scenario(app, pilot) -> None:
        await pilot.press("f2")
        await pilot.pause()

    drive(journal, scenario)
    assert [e.kind for e in journal.events()] == ["search"]
    journal.close()
