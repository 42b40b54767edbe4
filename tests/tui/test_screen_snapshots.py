"""How every screen looks, at 80×24 and 120×40, on the demo journal with a frozen clock
(pytest-textual-snapshot; `pytest --snapshot-update` after a deliberate change)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot import steady_cursors

from ssi_tui.config import Settings
from ssi_tui.journal import open_journal
from ssi_tui.tui.app import SsiApp

FROZEN = "2026-11-23T09:30:00Z"
SCREENS = ["dashboard", "journal", "trends", "invitations", "help"]
SIZES = [(80, 24), (120, 40)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("screen", SCREENS)
def test_screen(snap_compare, demo_path: Path, monkeypatch, screen: str,
                size: tuple[int, int]) -> None:
    monkeypatch.setenv("SSI_TUI_NOW", FROZEN)
    journal = open_journal(demo_path, Settings(timezone="Europe/Paris"))
    app = SsiApp(journal, start_screen=screen)

    async def settle(pilot) -> None:
        await pilot.pause(0.2)

    assert snap_compare(app, terminal_size=size, run_before=settle)
    journal.close()


def test_reading_form(snap_compare, demo_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SSI_TUI_NOW", FROZEN)
    journal = open_journal(demo_path, Settings(timezone="Europe/Paris"))
    app = SsiApp(journal)

    async def open_form(pilot) -> None:
        await pilot.press("r")
        await pilot.pause(0.2)
        await steady_cursors(app, pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_form)
    journal.close()


def test_explain_pillar(snap_compare, demo_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SSI_TUI_NOW", FROZEN)
    journal = open_journal(demo_path, Settings(timezone="Europe/Paris"))
    assert snap_compare(SsiApp(journal), terminal_size=(80, 24), press=["x"])
    journal.close()
