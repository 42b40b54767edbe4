"""The Journal screen on the official readings, at 80×24 in English and in French (issue 14:
every kind of record is listed; looked at as PNGs; `--snapshot-update` after a deliberate
change, then look again)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ssi_tui.config import Settings
from ssi_tui.i18n import set_language
from ssi_tui.journal import open_journal
from ssi_tui.tui.app import SsiApp

FROZEN = "2026-11-23T09:30:00Z"


@pytest.mark.parametrize("language", ["en", "fr"])
def test_journal_on_readings(snap_compare, demo_path: Path, monkeypatch, language: str) -> None:
    monkeypatch.setenv("SSI_TUI_NOW", FROZEN)
    set_language(language)
    journal = open_journal(demo_path, Settings(timezone="Europe/Paris"))

    async def open_readings(pilot) -> None:
        await pilot.pause()
        await pilot.press("J", "3")
        await pilot.pause(0.2)
        await pilot.pause()  # the table measures its new columns when idle: wait for it
        await pilot.pause()

    try:
        assert snap_compare(SsiApp(journal), terminal_size=(80, 24), run_before=open_readings)
    finally:
        journal.close()
        set_language("en")
