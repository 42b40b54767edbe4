"""The keymap (issue 14, item 7): help and palette show the live keys; an unknown id or a key
taken from another binding is a one-line error at start naming the entry."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from cli_runner import run
from pilot import drive
from rich.console import Console
from textual.widgets import Static

from ssi_tui.config import Settings
from ssi_tui.journal import open_journal
from ssi_tui.tui.keymap import KeymapError, check_keymap


def test_help_and_palette_show_a_rebound_key(db_path: Path, frozen_clock: str) -> None:
    journal = open_journal(db_path, Settings(timezone="Europe/Paris",
                                             keymap={"log.search": "f2"}))
    seen: dict[str, str] = {}

    async def scenario(app, pilot) -> None:
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        console = Console(width=200, record=True, file=io.StringIO())
        for widget in app.screen.query(Static):
            console.print(widget.content)
        seen["help"] = console.export_text()
        helps = [str(c.help) for c in app.get_system_commands(app.screen)]
        seen["palette"] = next(h for h in helps if "Log one search" in h)

    drive(journal, scenario)
    assert [e.kind for e in journal.events()] == ["search"]
    lines = [line.split() for line in seen["help"].splitlines()]
    assert ["f2", "log", "one", "search", "[log.search]"] in lines
    assert seen["palette"] == "Log one search (key f2)"
    journal.close()


@pytest.mark.parametrize(("keymap", "message"), [
    ({"log.serch": "f2"},
     'keymap: "log.serch" is not a binding id (the help screen, ?, lists them)'),
    ({"log.search": "l"},
     'keymap: "log.search" = "l" takes l from log.login, which keeps it; rebind log.login too,'
     ' or pick another key'),
    ({"log.search": ""}, 'keymap: "log.search" has no key'),
    ({"journal.readings": "e"},  # the Journal screen's keys are checked too
     'keymap: "journal.readings" = "e" takes e from journal.edit, which keeps it; rebind '
     'journal.edit too, or pick another key'),
])
def test_a_bad_keymap_entry_is_named(keymap: dict[str, str], message: str) -> None:
    with pytest.raises(KeymapError) as caught:
        check_keymap(keymap)
    assert str(caught.value) == message


@pytest.mark.parametrize("keymap", [
    {"log.search": "f2"},
    {"log.search": "l", "log.login": "L"},  # a swap that leaves nothing taken
    {"log.profile_view.3": "b"},
    {"journal.filter": "s"},  # another screen: no clash with the dashboard's s
    {"journal.readings": "r"},
    {"log.undo": "z"},  # one id, one key: the dashboard's and the journal's undo
])
def test_a_good_keymap_passes(keymap: dict[str, str]) -> None:
    check_keymap(keymap)


def test_the_app_refuses_to_start_on_a_taken_key(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text('[keymap]\n"log.search" = "l"\n', encoding="utf-8")
    result = run("--screenshot", str(tmp_path / "shot.svg"))
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        'Error: keymap: "log.search" = "l" takes l from log.login, which keeps it; rebind '
        'log.login too, or pick another key']
    assert "Traceback" not in result.stderr
