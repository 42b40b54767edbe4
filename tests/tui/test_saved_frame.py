"""The first frame is the dashboard saved at the last run, drawn at once while a worker builds
the real status, which then replaces it. A saved frame whose key no longer matches (the journal,
the settings or the day changed) is shown only marked as earlier figures, never as current; a
screenshot never uses one."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest
from textual.widgets import Digits, Static

from ssi_tui.journal import Journal
from ssi_tui.service import frame_cache
from ssi_tui.tui.app import SsiApp
from ssi_tui.views import StatusBuilder
from tests.pilot import drive


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Hold the status build of the app's worker (the real build, once the gate opens), so a
    test sees the first frame before the real status lands."""
    opened = threading.Event()
    real = StatusBuilder.build

    def held(self: StatusBuilder, *args: object, **kwargs: object) -> object:
        if threading.current_thread() is not threading.main_thread():
            opened.wait(10)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(StatusBuilder, "build", held)
    return opened


def saved_run(journal: Journal) -> float:
    """Open the app once, let it save its dashboard as it does on quitting; the total shown."""
    app = drive(journal, lambda app, pilot: asyncio.sleep(0))
    app.save_dashboard()
    assert frame_cache.cache_file(journal.path).exists()
    assert app.status is not None
    return app.status.total


def shown(app: SsiApp) -> tuple[str, bool, str]:
    """The total drawn, whether the 'not current' note shows, and its text."""
    note = app.screen.query_one("#frame-note", Static)
    return app.screen.query_one("#total", Digits).value, note.display, str(note.content)


async def settled(app: SsiApp, pilot: object) -> None:
    for _ in range(200):
        if app.status is not None:
            break
        await asyncio.sleep(0.02)
    await pilot.pause()  # type: ignore[attr-defined]


def test_a_current_saved_frame_is_drawn_first_then_the_built_status(
        journal: Journal, frozen_clock: str, gate: threading.Event) -> None:
    for kind in ("login", "search", "like"):
        journal.log_event(kind=kind, count=3)
    total = saved_run(journal)
    seen: list[object] = []

    async def scenario(app, pilot) -> None:
        seen.append(shown(app))
        seen.append(app.status)  # not built yet: the frame is the saved one
        gate.set()
        await settled(app, pilot)
        seen.append(shown(app))

    drive(journal, scenario)
    assert seen[0] == (f"{total:.1f}", False, "")
    assert seen[1] is None
    assert seen[2] == (f"{total:.1f}", False, "")


def test_a_saved_frame_that_is_not_current_is_marked_then_replaced(
        journal: Journal, frozen_clock: str, gate: threading.Event) -> None:
    journal.log_event(kind="login")
    before = saved_run(journal)
    for kind in ("search", "like", "comment"):
        journal.log_event(kind=kind, count=5)  # the journal changed since the frame was saved
    seen: list[tuple[str, bool, str]] = []
    after: list[float] = []

    async def scenario(app, pilot) -> None:
        seen.append(shown(app))
        gate.set()
        await settled(app, pilot)
        seen.append(shown(app))
        after.append(app.status.total)

    drive(journal, scenario)
    assert after[0] != before
    total, marked, note = seen[0]
    assert total == f"{before:.1f}" and marked and "not current" in note
    assert seen[1] == (f"{after[0]:.1f}", False, "")


def test_a_key_pressed_while_the_status_is_built_is_in_it(
        journal: Journal, frozen_clock: str, gate: threading.Event) -> None:
    saved_run(journal)
    recent: list[list[str]] = []

    async def scenario(app, pilot) -> None:
        await pilot.press("s")  # logged at once; the status is still being built
        await pilot.pause()
        gate.set()
        await settled(app, pilot)
        recent.append([e.kind for e in app.status.recent])

    drive(journal, scenario)
    assert recent == [["search"]]


def test_a_screenshot_never_draws_a_frame_that_is_not_current(
        journal: Journal, frozen_clock: str, tmp_path: Path) -> None:
    before = saved_run(journal)
    journal.log_event(kind="search", count=20)
    seen: list[object] = []

    async def run() -> None:
        app = SsiApp(journal, screenshot=tmp_path / "shot.svg")
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            seen.extend([app.status, *shown(app)])

    asyncio.run(run())
    status, total, marked, _note = seen
    assert status is not None and total == f"{status.total:.1f}"  # type: ignore[attr-defined]
    assert status.total != before and not marked  # type: ignore[attr-defined]


def test_a_damaged_frame_file_is_no_frame(journal: Journal, frozen_clock: str) -> None:
    journal.log_event(kind="login")
    saved_run(journal)
    frame_cache.cache_file(journal.path).write_text('{"format": 1, "key": "x", "day": "2026-1')
    statuses: list[object] = []

    async def scenario(app, pilot) -> None:
        statuses.append(app.status)  # built before the first frame, as with no saved frame

    drive(journal, scenario)
    assert statuses[0] is not None
