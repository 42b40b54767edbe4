"""The dashboard through Textual's Pilot: every logging key, the count prefix, undo, backfill,
forms (valid and invalid), live refresh from another writer and day rollover."""

from __future__ import annotations

import asyncio
import io
from datetime import timedelta

import pilot
import pytest
from pilot import Scenario
from rich.console import Console
from textual.widgets import Input, Static

from ssi_tui.journal import Journal, open_journal
from ssi_tui.tui.app import SsiApp
from ssi_tui.tui.keys import LOG_KEYS


def drive(journal: Journal, scenario: Scenario, size: tuple[int, int] = (100, 32)) -> SsiApp:
    return pilot.drive(journal, scenario, size)


def screen_text(app: SsiApp) -> str:
    """Everything the screen on top shows in its Static widgets, as plain text."""
    console = Console(width=200, record=True, file=io.StringIO())
    for widget in app.screen.query(Static):
        console.print(widget.content)
    return console.export_text()


def kinds(journal: Journal) -> list[tuple[str, int, int | None]]:
    return sorted((e.kind, e.count, e.degree) for e in journal.events())


@pytest.mark.parametrize("key", LOG_KEYS, ids=lambda k: k.key)
def test_every_log_key_logs_its_habit(journal: Journal, frozen_clock: str, key) -> None:
    async def scenario(app, pilot) -> None:
        await pilot.press(key.key)
        await pilot.pause()

    drive(journal, scenario)
    [event] = journal.events()
    assert (event.kind, event.count) == (key.kind, 1)
    if key.kind == "profile_view":
        assert event.degree == key.degree


def test_count_prefix_undo_and_gauges_move(journal: Journal, frozen_clock: str) -> None:
    seen: dict[str, object] = {}

    async def scenario(app, pilot) -> None:
        before = app.status.total
        await pilot.press("5", "V")
        await pilot.pause()
        seen["after_views"] = app.status.total
        await pilot.press("1", "2", "escape", "s")  # Esc drops the pending count
        await pilot.press("l")
        await pilot.pause()
        todos = app.dashboard.query_one("#todos", Static)
        seen["todos"] = str(todos.render())
        await pilot.press("u")
        await pilot.pause()
        seen["before"] = before

    drive(journal, scenario)
    assert seen["after_views"] > seen["before"]
    assert "Searches 1/3" in seen["todos"] and "Profile views (3rd degree) 5/3" in seen["todos"]
    assert kinds(journal) == [("profile_view", 5, 3), ("search", 1, None)]


def test_backfill_moves_the_day_and_returns(journal: Journal, frozen_clock: str) -> None:
    async def scenario(app, pilot) -> None:
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert "BACKFILL" in app.sub_title and "Sat 21 Nov" in app.sub_title
        await pilot.press("s")
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
        assert "today" in app.sub_title
        await pilot.press("s")
        await pilot.pause()

    drive(journal, scenario)
    days = sorted(e.day.isoformat() for e in journal.events())
    assert days == ["2026-11-21", "2026-11-23"]


def test_invitation_form_valid_and_invalid(journal: Journal, frozen_clock: str) -> None:
    errors: list[str] = []

    async def scenario(app, pilot) -> None:
        await pilot.press("i")
        await pilot.pause()
        form = app.screen
        assert form.focused is form.query_one("#f-personalized")
        form.query_one("#f-variant", Input).value = "x" * 80  # too long
        await pilot.press("ctrl+s")
        await pilot.pause()
        errors.append(str(form.query_one("#err-variant", Static).render()))
        assert journal.invitations() == []
        form.query_one("#f-variant", Input).value = "A"
        form.query_one("#f-contact", Input).value = "[bold]Ada[/bold]"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is app.dashboard

    drive(journal, scenario)
    assert "at most 60 characters" in errors[0]
    [inv] = journal.invitations()
    assert inv.variant == "A" and inv.contact == "[bold]Ada[/bold]" and not inv.personalized


def test_reading_form_fills_from_pasted_text(journal: Journal, frozen_clock: str) -> None:
    pasted = (
        "Your Social Selling Index\n72\nout of 100\nEstablish your professional brand\n"
        "18,75\nFind the right people\n17.5\nEngage with insights\n16.25\n"
        "Build relationships\n19.5\nIndustry SSI rank\nTop 4%\nNetwork SSI rank\nTop 12%\n"
    )

    async def scenario(app, pilot) -> None:
        await pilot.press("r")
        await pilot.pause()
        app.screen.query_one("#paste").load_text(pasted)
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()

    drive(journal, scenario)
    [reading] = journal.readings()
    assert reading.pillars == {"brand": 18.75, "people": 17.5, "insights": 16.25,
                               "relationships": 19.5}
    assert (reading.industry_rank, reading.network_rank) == (4, 12)


def test_reading_form_refuses_out_of_range_and_escape_cancels(journal: Journal,
                                                              frozen_clock: str) -> None:
    shown: list[str] = []

    async def scenario(app, pilot) -> None:
        await pilot.press("r")
        await pilot.pause()
        for name, value in (("brand", "26"), ("people", "1"), ("insights", "1"),
                            ("relationships", "1")):
            app.screen.query_one(f"#f-{name}", Input).value = value
        await pilot.press("ctrl+s")
        await pilot.pause()
        shown.append(str(app.screen.query_one("#err-brand", Static).render()))
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.dashboard

    drive(journal, scenario)
    assert shown[0] == "must be 25 or less"
    assert journal.readings() == []


def test_weekly_outcome_and_profile_forms(journal: Journal, frozen_clock: str) -> None:
    inv = journal.add_invitation(personalized=True, sent_day=journal.today() - timedelta(days=3))

    async def scenario(app, pilot) -> None:
        await pilot.press("w")
        await pilot.pause()
        app.screen.query_one("#f-profile_views_90d", Input).value = "abc"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "not a whole number" in str(app.screen.query_one("#err-profile_views_90d",
                                                                Static).render())
        app.screen.query_one("#f-profile_views_90d", Input).value = "640"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        await pilot.press(*f"#{inv.id}")
        app.screen.query_one("#f-stage").value = "call"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        app.screen.query_one("#f-items").select("photo")
        await pilot.press("ctrl+s")
        await pilot.pause()

    drive(journal, scenario)
    assert journal.indicators()[0].profile_views_90d == 640
    assert journal.invitation(inv.id).furthest_stage == "call"
    assert [i.key for i in journal.profile() if i.done] == ["photo"]


def test_another_process_writing_shows_up_live(journal: Journal, frozen_clock: str) -> None:
    totals: list[float] = []

    async def scenario(app, pilot) -> None:
        totals.append(app.status.total)
        other = open_journal(journal.path, journal.settings)
        other.log_event(kind="search", count=40)
        other.close()
        for _ in range(20):
            await asyncio.sleep(0.1)
            if app.status.total != totals[0]:
                break
        totals.append(app.status.total)

    drive(journal, scenario)
    assert totals[1] > totals[0]


def test_day_rolls_over_at_the_day_start_hour(journal: Journal, monkeypatch) -> None:
    monkeypatch.setenv("SSI_TUI_NOW", "2026-11-23T02:59:00Z")  # 03:59 in Paris: still the 22nd
    days: list[str] = []

    async def scenario(app, pilot) -> None:
        days.append(app.status.day.isoformat())
        monkeypatch.setenv("SSI_TUI_NOW", "2026-11-23T03:01:00Z")  # 04:01
        for _ in range(20):
            await asyncio.sleep(0.1)
            if app.status.day.isoformat() != days[0]:
                break
        days.append(app.status.day.isoformat())

    drive(journal, scenario)
    assert days == ["2026-11-22", "2026-11-23"]


def test_help_lists_every_key_and_q_quits(journal: Journal, frozen_clock: str) -> None:
    async def scenario(app, pilot) -> None:
        await pilot.press("question_mark")
        await pilot.pause()
        text = screen_text(app)
        for key in LOG_KEYS:
            assert key.label in text
            assert f"[{key.binding_id}]" in text  # the id a keymap rebinds, shown literally
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.dashboard
        await pilot.press("q")

    app = drive(journal, scenario)
    assert app.return_code is not None or not app.is_running


def test_explain_shows_the_terms(journal: Journal, frozen_clock: str) -> None:
    async def scenario(app, pilot) -> None:
        await pilot.press("x")
        await pilot.pause()
        text = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert "Establish your professional brand" in text
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.dashboard

    drive(journal, scenario)


def test_markup_in_notes_is_not_interpreted(journal: Journal, frozen_clock: str) -> None:
    journal.add_invitation(personalized=True, contact="[link=http://x]click[/link]",
                           sent_day=journal.today() - timedelta(days=2))

    async def scenario(app, pilot) -> None:
        await pilot.press("o")
        await pilot.pause()
        options = app.screen.query_one("#f-id")
        prompts = [str(options.get_option_at_index(i).prompt)
                   for i in range(options.option_count)]
        assert any("[link=http://x]" in prompt for prompt in prompts)

    drive(journal, scenario)


def test_linkedin_import_from_the_command_palette(journal: Journal, frozen_clock: str,
                                                  tmp_path) -> None:
    archive = tmp_path / "export"
    archive.mkdir()
    (archive / "Reactions.csv").write_text(
        "Date,Type,Link\r\n2026-11-20 18:03:38,LIKE,https://www.linkedin.com/feed/update/1\r\n"
        "2026-11-21 09:00:00,PRAISE,https://www.linkedin.com/feed/update/2\r\n")
    seen: list[str] = []

    async def scenario(app, pilot) -> None:
        commands = [c.title for c in app.get_system_commands(app.screen)]
        assert "Import LinkedIn data export" in commands
        app.open_form("linkedin")
        await pilot.pause()
        field = app.screen.query_one("#f-path", Input)
        assert app.screen.focused is field  # the cursor is in the first field
        field.value = str(archive)
        await pilot.press("enter")  # dry run: what each file holds, in a worker
        plan = app.screen.query_one("#plan", Static)
        for _ in range(100):
            if "Reactions" in str(plan.content):
                break
            await asyncio.sleep(0.05)
            await pilot.pause()
        seen.append(str(app.screen.query_one("#plan", Static).content))
        seen.append(str(app.screen.query_one("#err-path", Static).content))
        assert journal.events() == []
        await pilot.press("ctrl+s")
        for _ in range(50):
            await asyncio.sleep(0.1)
            if app.screen is app.dashboard:
                break
        await pilot.pause()

    drive(journal, scenario)
    assert "Reactions.csv" in seen[0], seen
    assert sorted(e.kind for e in journal.events()) == ["like", "like"]


def test_command_palette_runs_a_log_action(journal: Journal, frozen_clock: str) -> None:
    async def scenario(app, pilot) -> None:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Log: search")
        await pilot.pause(0.5)  # the palette searches its providers in the background
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert app.screen is app.dashboard

    drive(journal, scenario)
    assert kinds(journal) == [("search", 1, None)]


def test_toasts_show_user_text_literally(journal: Journal, frozen_clock: str) -> None:
    journal.window = "app-test"  # the app's own window, so its `u` takes the invitation back
    journal.add_invitation(personalized=True, contact="[bold]Ada[/bold] [link=x]y[/link]")
    seen: list[tuple[str, bool]] = []

    async def scenario(app, pilot) -> None:
        await pilot.press("u")
        await pilot.pause()
        seen.extend((n.message, n.markup) for n in app._notifications)

    drive(journal, scenario)
    assert seen and seen[-1][0].endswith("[bold]Ada[/bold] [link=x]y[/link] sent on 2026-11-23")
    assert seen[-1][1] is False


def test_a_count_far_above_the_norm_asks_first(journal: Journal, frozen_clock: str) -> None:
    """`120k` with no like logged yet: asked, `n` logs nothing; asked again, `y` logs it; a
    count within the norm (5 × the largest day) is never asked."""
    from ssi_tui.tui.screens.confirm_count import ConfirmCount

    asked: list[bool] = []

    async def scenario(app, pilot) -> None:
        await pilot.press("1", "2", "0", "k")
        await pilot.pause()
        asked.append(isinstance(app.screen, ConfirmCount))
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("1", "2", "0", "k")
        await pilot.pause()
        asked.append(isinstance(app.screen, ConfirmCount))
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("5", "0", "0", "k")  # not above 5 × 120
        await pilot.pause()
        asked.append(isinstance(app.screen, ConfirmCount))

    drive(journal, scenario)
    assert asked == [True, True, False]
    assert kinds(journal) == [("like", 120, None), ("like", 500, None)] or \
        sorted(kinds(journal)) == [("like", 120, None), ("like", 500, None)]


def test_a_new_journal_says_when_its_forecast_comes(journal: Journal, frozen_clock: str) -> None:
    """Day one: no pace to project yet, and the dashboard says how far it is (not "you level
    off near 1" from 27 unknown days counted as idle); a week of habits later it projects."""
    seen: list[str] = []

    async def scenario(app, pilot) -> None:
        await pilot.press("l", "s")
        await pilot.pause()
        seen.append(screen_text(app))

    drive(journal, scenario)
    assert "75: a forecast after 7 days of habits (1 so far)" in seen[0]
    assert "level off" not in seen[0]
    today = journal.today()
    for back in range(1, 7):
        journal.log_event(kind="search", count=3, day=today - timedelta(days=back))
    drive(journal, scenario)
    assert "a forecast after" not in seen[1] and "75 not at this pace" in seen[1]
