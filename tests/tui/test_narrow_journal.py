"""The Journal screen at 60×20 (issue 14: "at 60×20 … cut"): every tab's label shows whole, so
no kind of record is hidden past the edge, and the footer shows Edit, Delete, Back, Quit and
the palette, in English and in French; snapshots to look at. Wider, nothing changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot import drive, terminal_text
from textual.widgets import Tab

from ssi_tui.config import Settings
from ssi_tui.i18n import set_language
from ssi_tui.journal import open_journal
from ssi_tui.tui.app import SsiApp
from ssi_tui.tui.screens.journal import JournalScreen
from ssi_tui.tui.widgets.record_tabs import tab_labels

FROZEN = "2026-11-23T09:30:00Z"
FOOTER = {"en": ("e Edit", "d Delete", "esc Back", "q Quit", "^p palette"),
          "fr": ("e Modifier", "d Supprimer", "esc Retour", "q Quitter", "^p palette")}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_tabs_and_footer_fit_60x20(demo_path: Path, monkeypatch, language: str) -> None:
    monkeypatch.setenv("SSI_TUI_NOW", FROZEN)
    set_language(language)
    journal = open_journal(demo_path, Settings(timezone="Europe/Paris"))
    seen: dict[str, list] = {"tabs": [], "labels": [], "footer": []}

    async def look(app) -> None:
        lines = terminal_text(app).splitlines()
        seen["tabs"].append(lines[1])
        seen["labels"].append([t.label.plain for t in app.screen.query(Tab)])
        seen["footer"].append(lines[-1])

    async def scenario(app, pilot) -> None:
        await pilot.press("J")
        await pilot.pause(0.2)
        assert isinstance(app.screen, JournalScreen)
        await look(app)
        await pilot.press("5")  # the last kind, the one that was cut
        await pilot.pause(0.2)
        await look(app)
        await pilot.press("T")  # the screen keys still work, only the footer leaves them out
        await pilot.pause(0.2)
        seen["after"] = [type(app.screen).__name__]

    try:
        drive(journal, scenario, size=(60, 20))
    finally:
        journal.close()
        set_language("en")
    for line, labels in zip(seen["tabs"], seen["labels"], strict=True):
        assert len(labels) == 5 and labels[-1].startswith("5 ")
        for label in labels:  # each whole on screen, the last one too
            assert f" {label} " in f"{line} ", (label, line)
    for line in seen["footer"]:
        for words in FOOTER[language]:
            assert words in line, (words, line)
    assert seen["after"] == ["TrendsScreen"]


def test_tab_labels_shorten_then_keep_only_the_keys() -> None:
    assert tab_labels(80, "events") == {
        "events": "1 Entries", "invitations": "2 Invitations", "readings": "3 Readings",
        "indicators": "4 Indicators", "checklist": "5 Checklist"}
    narrow = tab_labels(60, "events")
    assert narrow["invitations"] == "2 Invites" and narrow["indicators"] == "4 Weekly"
    assert sum(len(label) + 2 for label in narrow.values()) <= 60
    assert tab_labels(40, "readings") == {"events": "1", "invitations": "2",
                                          "readings": "3 Readings", "indicators": "4",
                                          "checklist": "5"}


def test_tab_labels_in_french(french: None) -> None:
    assert tab_labels(80, "events")["checklist"] == "5 Liste de contrôle"
    narrow = tab_labels(60, "events")
    assert narrow["checklist"] == "5 Profil" and narrow["indicators"] == "4 Hebdo"
    assert sum(len(label) + 2 for label in narrow.values()) <= 60


@pytest.mark.parametrize("language", ["en", "fr"])
def test_journal_60x20(snap_compare, demo_path: Path, monkeypatch, language: str) -> None:
    monkeypatch.setenv("SSI_TUI_NOW", FROZEN)
    set_language(language)
    journal = open_journal(demo_path, Settings(timezone="Europe/Paris"))

    async def open_journal_screen(pilot) -> None:
        await pilot.pause()
        await pilot.press("J")
        await pilot.pause(0.2)
        await pilot.pause()  # the table measures its columns when idle: wait for it
        await pilot.pause()

    try:
        assert snap_compare(SsiApp(journal), terminal_size=(60, 20),
                            run_before=open_journal_screen)
    finally:
        journal.close()
        set_language("en")


@pytest.mark.parametrize(("language", "words"), [
    ("en", ("p Pillars", "esc Back", "q Quit", "^p palette")),
    ("fr", ("p Piliers", "esc Retour", "q Quitter", "^p palette"))])
def test_trends_footer_fits_60x20(demo_path: Path, monkeypatch, language: str,
                                  words: tuple[str, ...]) -> None:
    """The same rule on the Trends screen (its Quit was cut at 60 columns)."""
    monkeypatch.setenv("SSI_TUI_NOW", FROZEN)
    set_language(language)
    journal = open_journal(demo_path, Settings(timezone="Europe/Paris"))
    seen: list[str] = []

    async def scenario(app, pilot) -> None:
        await pilot.press("T")
        await pilot.pause(0.2)
        seen.append(terminal_text(app).splitlines()[-1])

    try:
        drive(journal, scenario, size=(60, 20))
    finally:
        journal.close()
        set_language("en")
    for text in words:
        assert text in seen[0], (text, seen[0])
