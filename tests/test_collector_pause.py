"""The collector waits while the app starts (ssi_tui/startup.py): back on, with start-up's
objects frozen, once the dashboard's first frame is drawn; at once for a command; never turned
on if something else had turned it off."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_runner import run
from pilot import drive

from ssi_tui import startup
from ssi_tui.journal import Journal


@pytest.fixture
def paused() -> Iterator[None]:
    startup.pause()
    assert not gc.isenabled()
    try:
        yield
    finally:
        startup.resume()
        gc.unfreeze()  # the test process's objects back where they were
        gc.enable()


def test_the_app_turns_it_back_on_after_the_first_frame(paused: None, journal: Journal,
                                                        frozen_clock: str) -> None:
    seen: list[tuple[bool, int]] = []

    async def scenario(app, pilot) -> None:
        seen.append((gc.isenabled(), gc.get_freeze_count()))

    drive(journal, scenario)
    enabled, frozen = seen[0]
    assert enabled and frozen > 1000  # start-up's objects are in the permanent generation


def test_a_command_runs_with_it_on(paused: None, db_path: Path, frozen_clock: str) -> None:
    result = run("--db", str(db_path), "log", "search")
    assert result.exit_code == 0, result.output
    assert gc.isenabled()


def test_the_entry_point_turns_it_back_on_whatever_happens(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.argv", ["ssi-tui", "--no-such-option"])
    try:
        with pytest.raises(SystemExit) as exited:
            startup.main()  # a usage error: no command's callback ever runs
        assert exited.value.code == 2
        assert gc.isenabled()
    finally:
        gc.unfreeze()
        gc.enable()


def test_it_never_turns_on_a_collector_someone_else_turned_off() -> None:
    gc.disable()
    try:
        startup.pause()
        startup.resume()
        assert not gc.isenabled()
    finally:
        gc.enable()
