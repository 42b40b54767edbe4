"""The app in French: snapshots of the dashboard and a form at 80×24, and a sweep of every screen
and form for English text the catalogue translates but the screen still shows."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest
from pilot import steady_cursors
from pilot import terminal_text as screen_text

from ssi_tui.config import Settings
from ssi_tui.i18n import set_language
from ssi_tui.journal import open_journal
from ssi_tui.tui.app import SsiApp

FROZEN = "2026-11-23T09:30:00Z"
"""The clock of every snapshot (as in tests/tui)."""
CATALOGUE = Path(__file__).resolve().parents[2] / "ssi_tui/locale/fr/LC_MESSAGES/ssi_tui.po"


@pytest.fixture
def french_app(demo_path: Path, monkeypatch: pytest.MonkeyPatch, french: None):
    monkeypatch.setenv("SSI_TUI_NOW", FROZEN)
    journal = open_journal(demo_path, Settings(timezone="Europe/Paris", language="fr"))
    yield SsiApp(journal)
    journal.close()


async def settle(pilot) -> None:
    await pilot.pause(0.2)


def test_dashboard_in_french_80x24(snap_compare, french_app: SsiApp) -> None:
    assert snap_compare(french_app, terminal_size=(80, 24), run_before=settle)


def test_dashboard_in_french_120x40(snap_compare, french_app: SsiApp) -> None:
    assert snap_compare(french_app, terminal_size=(120, 40), run_before=settle)


def test_reading_form_in_french_80x24(snap_compare, french_app: SsiApp) -> None:
    async def open_form(pilot) -> None:
        await pilot.press("r")
        await pilot.pause(0.2)
        await steady_cursors(french_app, pilot)

    assert snap_compare(french_app, terminal_size=(80, 24), run_before=open_form)


# -- nothing left in English -------------------------------------------------------------------


def _english_phrases() -> list[str]:
    """Every English phrase of the catalogue that French changes: the literal runs of two or
    more words between placeholders (single words like "Journal" or "Message" are the same in
    both languages, so they prove nothing)."""
    from babel.messages.pofile import read_po

    with CATALOGUE.open("rb") as source:
        catalog = read_po(source, locale="fr")
    phrases = set()
    for message in catalog:
        if not message.id:
            continue
        ids = (message.id,) if isinstance(message.id, str) else message.id
        strings = (message.string,) if isinstance(message.string, str) else message.string
        for english in ids:
            if english in strings:
                continue
            for run in re.split(r"\{[^}]*\}|%\(\w+\)s", english):
                run = run.strip(" :.,()\"'")
                if len(run) >= 10 and " " in run and run not in " ".join(strings):
                    phrases.add(run)
    return sorted(phrases)


SCREENS_AND_FORMS = [
    ("dashboard", []), ("journal", ["J"]), ("trends", ["T"]), ("study", ["S"]),
    ("help", ["question_mark"]), ("explain", ["x"]), ("invitation", ["i"]),
    ("outcome", ["o"]), ("reading", ["r"]), ("weekly", ["w"]), ("profile", ["p"]),
]


async def _visit(app: SsiApp, visits: list[tuple[str, list[str]]]) -> dict[str, str]:
    """Open each screen or form in turn from the dashboard, in one session; what each shows."""
    shown: dict[str, str] = {}
    async with app.run_test(size=(160, 60)) as pilot:
        await pilot.pause(0.2)
        for name, keys in visits:
            for key in keys:
                await pilot.press(key)
            await pilot.pause(0.2)
            shown[name] = screen_text(app)
            for _attempt in range(3):  # Esc leaves every screen and form (the journal's
                if app.screen is app.dashboard:  # first Esc may only leave its filter)
                    break
                await pilot.press("escape")
                await pilot.pause()
            assert app.screen is app.dashboard, name
    return shown


def test_no_english_left_on_screen(french_app: SsiApp) -> None:
    phrases = _english_phrases()
    assert len(phrases) > 200  # the sweep has something to look for
    shown = asyncio.run(_visit(french_app, SCREENS_AND_FORMS))
    assert list(shown) == [name for name, _keys in SCREENS_AND_FORMS]
    leaks = {name: [phrase for phrase in phrases if phrase in text]
             for name, text in shown.items()}
    assert leaks == {name: [] for name in shown}


def test_the_sweep_sees_english(demo_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same sweep on the English app finds plenty, so a clean French result means something."""
    monkeypatch.setenv("SSI_TUI_NOW", FROZEN)
    phrases = _english_phrases()
    set_language("en")
    journal = open_journal(demo_path, Settings(timezone="Europe/Paris"))
    shown = asyncio.run(_visit(SsiApp(journal), [("dashboard", [])]))["dashboard"]
    journal.close()
    assert len([phrase for phrase in phrases if phrase in shown]) >= 10
