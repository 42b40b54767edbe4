"""The team screen: Pilot for every binding, snapshots at 80×24 and 120×40."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from team_builders import TODAY, rep_share

from ssi_tui.model.settings import ScoringSettings
from ssi_tui.team import folder
from ssi_tui.team.board import TeamBoard
from ssi_tui.team.errors import TeamError
from ssi_tui.team.targets import load_board
from ssi_tui.tui.team_app import TeamApp

REPS = [("alice", None, 70), ("bob", "relationships", 55), ("chloe", None, 62),
        ("david", "brand", 48), ("emma", None, 80), ("farid", "people", 58)]


def team_board(team_dir: Path) -> TeamBoard:
    for i, (name, weak, level) in enumerate(REPS):
        folder.write_share(team_dir, rep_share(name, days=200, seed=i, level=level, weak=weak))
    return load_board(str(team_dir), TODAY, ScoringSettings())


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_team_screen(snap_compare, team_dir: Path, size: tuple[int, int]) -> None:
    app = TeamApp(team_board(team_dir))

    async def settle(pilot) -> None:
        await pilot.pause(0.3)

    assert snap_compare(app, terminal_size=size, run_before=settle)


def test_team_screen_in_french_at_80x24(snap_compare, team_dir: Path, french: None) -> None:
    app = TeamApp(team_board(team_dir))

    async def settle(pilot) -> None:
        await pilot.pause(0.3)

    assert snap_compare(app, terminal_size=(80, 24), run_before=settle)


def test_team_study_section_at_80x24(snap_compare, team_dir: Path) -> None:
    app = TeamApp(team_board(team_dir))

    async def settle(pilot) -> None:
        await pilot.press("6")
        await pilot.pause(0.3)

    assert snap_compare(app, terminal_size=(80, 24), run_before=settle)


def test_keys_jump_to_sections_reload_and_quit(team_dir: Path) -> None:
    board = team_board(team_dir)
    calls: list[int] = []

    def loader() -> TeamBoard:
        calls.append(1)
        folder.write_share(team_dir, rep_share("zoe", days=30, seed=9, level=90))
        return load_board(str(team_dir), TODAY, ScoringSettings())

    app = TeamApp(board, loader)

    async def scenario() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            body = app.screen.query_one("#team-body")
            assert body.scroll_y == 0
            positions = {}
            for key in "654321":
                await pilot.press(key)
                await pilot.pause()
                positions[key] = body.scroll_y
            assert positions["1"] == 0
            # in one column the sections follow the keys' order (the last ones as far as the
            # scroll goes)
            assert 0 < positions["2"] < positions["3"] < positions["4"] < positions["5"]
            assert positions["6"] >= positions["5"]
            await pilot.press("r")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert calls == [1] and app.loads == 1
            assert app.board.reps[0].name == "zoe"  # the new rep leads the board
            await pilot.press("q")
        assert app.return_code == 0

    asyncio.run(scenario())


def test_a_failed_reload_keeps_the_board_and_says_why(team_dir: Path) -> None:
    board = team_board(team_dir)

    def loader() -> TeamBoard:
        raise TeamError("from: connection refused")

    app = TeamApp(board, loader)
    notes: list[str] = []

    async def scenario() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            app.notify = lambda message, **kw: notes.append(str(message))  # type: ignore
            await pilot.press("r")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.board is board and app.loads == 0

    asyncio.run(scenario())
    assert notes == ["from: connection refused"]
