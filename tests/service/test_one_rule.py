"""One source per rule: a setting changed in the config file changes every surface that
depends on it (the command line's status, the app's dashboard, the trend), because they all ask
the same place (ScoringSettings.lookback_days, views.calibration.shown_pillars)."""

from __future__ import annotations

import asyncio
import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from cli_runner import run
from textual.widgets import Static

from ssi_tui.config import load_settings
from ssi_tui.journal import open_journal
from ssi_tui.tui.app import SsiApp

TODAY = date(2026, 11, 23)  # the frozen clock's day


def surfaces(db: Path) -> tuple[float, float, str]:
    """The insights pillar as `status --json` and the app show it, and the trend's summary."""
    result = run("--db", str(db), "status", "--json")
    assert result.exit_code == 0, result.output
    cli = json.loads(result.output)["model_pillars"]["insights"]
    journal = open_journal(db, load_settings())
    app = SsiApp(journal)
    seen: dict[str, object] = {}

    async def scenario() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert app.status is not None
            seen["app"] = app.status.estimate.values["insights"]
            await pilot.press("T")
            await pilot.pause()
            seen["trend"] = str(app.screen.query_one("#trend-summary", Static).content)

    asyncio.run(scenario())
    journal.close()
    return cli, seen["app"], seen["trend"]  # type: ignore[return-value]


@pytest.mark.parametrize("days_ago", [470])
def test_a_wider_group_window_reaches_every_surface(isolated: Path, frozen_clock: str,
                                                     days_ago: int) -> None:
    db = isolated / "journal.db"
    for n in range(5):
        day = (TODAY - timedelta(days=days_ago + n)).isoformat()
        assert run("--db", str(db), "log", "group_join", "--day", day).exit_code == 0
    default = surfaces(db)
    (isolated / "config.toml").write_text("[scoring]\ngroup_window_days = 500\n",
                                          encoding="utf-8")
    wider = surfaces(db)
    assert default[0] == default[1] and wider[0] == wider[1]  # the CLI and the app agree
    assert wider[0] > default[0]  # groups joined 470 days ago count only in the wider window
    assert wider[2] != default[2]  # and the trend's total moved with them
