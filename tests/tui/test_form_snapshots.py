"""Every form at 80×24 in English and in French, on the demo journal with a frozen clock
(issue 14: each was looked at as a PNG, as a new user would; `--snapshot-update` after a
deliberate change, then look again)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pilot import steady_cursors

from ssi_tui.config import Settings
from ssi_tui.i18n import set_language
from ssi_tui.journal import open_journal
from ssi_tui.tui.app import SsiApp

FROZEN = "2026-11-23T09:30:00Z"
FORMS = {
    "invitation": ["i"],
    "outcome": ["o"],
    "reading": ["r"],
    "weekly": ["w"],
    "profile": ["p"],
    "edit-entry": ["J", "e"],
    "delete-entry": ["J", "x"],
    "edit-invitation": ["J", "2", "e"],
    "edit-reading": ["J", "3", "e"],
    "edit-indicators": ["J", "4", "e"],
    "edit-checklist": ["J", "5", "e"],
}


@pytest.fixture(params=["en", "fr"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    set_language(request.param)
    yield request.param
    set_language("en")


@pytest.mark.parametrize("form", [*FORMS, "linkedin"])
def test_form(snap_compare, demo_path: Path, monkeypatch, language: str, form: str) -> None:
    monkeypatch.setenv("SSI_TUI_NOW", FROZEN)
    journal = open_journal(demo_path, Settings(timezone="Europe/Paris"))
    app = SsiApp(journal)

    async def open_it(pilot) -> None:
        await pilot.pause()
        if form == "linkedin":
            app.open_form("linkedin")
        else:
            for key in FORMS[form]:
                await pilot.press(key)
                await pilot.pause()
        await pilot.pause(0.2)
        await pilot.pause()  # a table behind the form measures its columns when idle
        await steady_cursors(app, pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_it)
    journal.close()
