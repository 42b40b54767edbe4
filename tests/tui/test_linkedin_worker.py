"""The LinkedIn dry run and import from the app run in the app's workers, off the UI thread, and
what they give (the plan, the summary, a refused archive, a crash) reaches the user."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest
from textual.widgets import Input, Static

import ssi_tui.journal.linkedin as linkedin
from ssi_tui.journal import Journal
from tests.pilot import drive

REACTIONS = ("Date,Type,Link\r\n2026-11-20 18:03:38,LIKE,https://www.linkedin.com/feed/update/1\r\n"
             "2026-11-21 09:00:00,PRAISE,https://www.linkedin.com/feed/update/2\r\n")


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "Reactions.csv").write_text(REACTIONS)
    return folder


def spy(monkeypatch: pytest.MonkeyPatch, name: str, threads: list[str],
        gate: threading.Event | None = None, crash: bool = False) -> None:
    """Record the thread the real `linkedin.<name>` runs on (optionally wait for `gate`, or
    fail like a bug would)."""
    real = getattr(linkedin, name)

    def recorded(*args: object, **kwargs: object) -> object:
        threads.append(threading.current_thread().name)
        if gate is not None:
            gate.wait(10)
        if crash:
            raise RuntimeError("disk on fire")
        return real(*args, **kwargs)

    monkeypatch.setattr(linkedin, name, recorded)


async def until(pilot: object, done: object, tries: int = 100) -> None:
    """Let the app run until `done()` is true (a worker finished), at most `tries` beats."""
    for _ in range(tries):
        if done():  # type: ignore[operator]
            return
        await asyncio.sleep(0.05)
        await pilot.pause()  # type: ignore[attr-defined]


def test_dry_run_and_import_run_in_workers(journal: Journal, frozen_clock: str, archive: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    threads: list[str] = []
    spy(monkeypatch, "scan_archive", threads)
    spy(monkeypatch, "import_archive", threads)
    seen: list[str] = []

    async def scenario(app, pilot) -> None:
        app.open_form("linkedin")
        await pilot.pause()
        form = app.screen
        form.query_one("#f-path", Input).value = str(archive)
        await pilot.press("enter")
        plan = form.query_one("#plan", Static)
        await until(pilot, lambda: "Reactions.csv" in str(plan.content))
        seen.append(str(plan.content))
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.screen is app.dashboard)
        seen.extend(n.message for n in app._notifications)

    drive(journal, scenario)
    assert len(threads) == 2 and threading.main_thread().name not in threads
    assert "Reactions.csv" in seen[0]
    assert any("Added 2 entries" in text for text in seen[1:]), seen
    assert sorted(e.kind for e in journal.events()) == ["like", "like"]


def test_a_refused_archive_is_said_under_the_path(journal: Journal, tmp_path: Path) -> None:
    bad = tmp_path / "export.zip"
    bad.write_bytes(b"not a zip at all")
    seen: list[str] = []

    async def scenario(app, pilot) -> None:
        app.open_form("linkedin")
        await pilot.pause()
        form = app.screen
        form.query_one("#f-path", Input).value = str(bad)
        error = form.query_one("#err-path", Static)
        for key in ("enter", "ctrl+s"):
            await pilot.press(key)
            await until(pilot, lambda: bool(str(error.content)))
            seen.append(str(error.content))
            error.update("")
        assert app.screen is form  # still open, nothing imported

    drive(journal, scenario)
    assert len(seen) == 2 and all("export.zip" in text for text in seen), seen
    assert journal.events() == []


def test_a_crash_in_the_import_is_a_toast_and_the_app_lives(
        journal: Journal, archive: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spy(monkeypatch, "import_archive", [], crash=True)
    seen: list[str] = []

    async def scenario(app, pilot) -> None:
        app.open_form("linkedin")
        await pilot.pause()
        app.screen.query_one("#f-path", Input).value = str(archive)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: bool(app._notifications))
        seen.extend(n.message for n in app._notifications)
        await pilot.press("escape")
        await pilot.press("s")  # the app still logs
        await pilot.pause()

    drive(journal, scenario)
    assert seen == ["disk on fire"]
    assert [e.kind for e in journal.events()] == ["search"]


def test_an_import_whose_form_was_closed_says_its_summary(
        journal: Journal, frozen_clock: str, archive: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    gate = threading.Event()
    spy(monkeypatch, "import_archive", [], gate=gate)
    seen: list[str] = []

    async def scenario(app, pilot) -> None:
        app.open_form("linkedin")
        await pilot.pause()
        app.screen.query_one("#f-path", Input).value = str(archive)
        await pilot.press("ctrl+s")
        await pilot.press("escape")  # closed while the import runs
        await pilot.pause()
        gate.set()
        await until(pilot, lambda: bool(app._notifications))
        seen.extend(n.message for n in app._notifications)
        await until(pilot, lambda: len(app.status.recent) == 2)
        seen.append(str(len(app.status.recent)))

    drive(journal, scenario)
    assert any("Added 2 entries" in text for text in seen), seen
    assert seen[-1] == "2"
