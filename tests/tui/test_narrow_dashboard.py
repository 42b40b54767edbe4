"""The dashboard at 60×20 (issue 14, item 10: the right pane was cut mid-word): every word the
right pane shows is a whole word of its texts, in English and in French, and a snapshot to
look at."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pilot import drive, terminal_text
from rich.console import Console
from textual.widgets import Static

from ssi_tui.config import Settings
from ssi_tui.i18n import set_language
from ssi_tui.journal import open_journal
from ssi_tui.tui.app import SsiApp

FROZEN = "2026-11-23T09:30:00Z"
WORD = re.compile(r"[^\W\d_]{2,}")
"""Runs of two letters or more: a word cut in two leaves a run that is no word of the text."""


def _pane_words(app: SsiApp) -> tuple[set[str], list[str], list[str]]:
    """The words of the right pane's texts, the words the terminal shows in the pane's
    columns, and those lines (for the failure message)."""
    pane = app.screen.query_one("#right")
    console = Console(width=500, record=True, file=io.StringIO())
    for widget in pane.query(Static):
        console.print(widget.content)
    source = set(WORD.findall(console.export_text()))
    region = pane.region
    lines = terminal_text(app).splitlines()[region.y:region.bottom]
    shown = [line[region.x:region.right] for line in lines]
    return source, [w for line in shown for w in WORD.findall(line)], shown


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_right_pane_wraps_whole_words_at_60x20(demo_path: Path, monkeypatch,
                                                   language: str) -> None:
    monkeypatch.setenv("SSI_TUI_NOW", FROZEN)
    set_language(language)
    journal = open_journal(demo_path, Settings(timezone="Europe/Paris"))
    seen: dict[str, object] = {}

    async def scenario(app, pilot) -> None:
        await pilot.pause(0.1)
        seen["words"] = _pane_words(app)
        seen["width"] = app.screen.query_one("#right").region.width

    try:
        drive(journal, scenario, size=(60, 20))
    finally:
        journal.close()
    source, shown, lines = seen["words"]  # type: ignore[misc]
    assert len(shown) >= 10, lines  # the pane shows its text, not an empty strip
    cut = [w for w in shown if w not in source]
    assert cut == [], lines
    assert seen["width"] >= 18  # room for the reach line's words, not a sliver


def test_dashboard_60x20(snap_compare, demo_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SSI_TUI_NOW", FROZEN)
    journal = open_journal(demo_path, Settings(timezone="Europe/Paris"))

    async def settle(pilot) -> None:
        await pilot.pause(0.2)

    assert snap_compare(SsiApp(journal), terminal_size=(60, 20), run_before=settle)
    journal.close()


FOOTER = {"en": ("l Login", "s Search", "u Undo", "q Quit", "^p palette"),
          "fr": ("l Connexion", "s Recherche", "u Défaire", "q Quitter", "^p palette")}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_footer_keeps_quit_and_the_palette_whole_at_60_columns(
        demo_path: Path, monkeypatch, language: str) -> None:
    """Under 80 columns the dashboard's footer leaves out v and the screen keys (the help and
    the palette list them) so that Quit and the palette are never cut; from 80, all of it."""
    monkeypatch.setenv("SSI_TUI_NOW", FROZEN)
    set_language(language)
    journal = open_journal(demo_path, Settings(timezone="Europe/Paris"))
    footers: dict[int, str] = {}

    async def scenario(app, pilot) -> None:
        footers[60] = terminal_text(app).splitlines()[-1]
        await pilot.resize_terminal(80, 24)
        await pilot.pause(0.2)
        footers[80] = terminal_text(app).splitlines()[-1]
        await pilot.press("T")  # the screen keys still work, only the footer leaves them out
        await pilot.pause(0.2)
        footers[0] = type(app.screen).__name__

    try:
        drive(journal, scenario, size=(60, 20))
    finally:
        journal.close()
    for shown in FOOTER[language]:
        assert shown in footers[60], footers[60]
    assert "J T S ?" not in footers[60]
    assert "J T S ?" in footers[80] and ("v View2" in footers[80] or "v Vue2" in footers[80])
    assert footers[0] == "TrendsScreen"
