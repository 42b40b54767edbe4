"""The app's one-way flow: screens post messages the app handles, the app publishes `status`,
slow work runs in a worker whose outcome lands in one handler."""

from __future__ import annotations

from datetime import timedelta

import pilot
from textual.widgets import Input

from ssi_tui.journal import Journal
from ssi_tui.tui import messages as m
from ssi_tui.tui.app import SCREEN_FACTORIES
from ssi_tui.tui.keys import SCREEN_NAMES


def test_every_screen_name_has_its_factory() -> None:
    assert set(SCREEN_FACTORIES) == set(SCREEN_NAMES) - {"dashboard"}


def test_a_reading_refits_the_calibration_in_a_worker(journal: Journal,
                                                     frozen_clock: str) -> None:
    today = journal.today()
    for weeks in (4, 3, 2):
        journal.add_reading(brand=10, people=11, insights=12, relationships=13,
                            day=today - timedelta(weeks=weeks))
    seen: dict[str, object] = {}

    async def scenario(app, pilot_) -> None:
        await pilot_.press("r")
        await pilot_.pause()
        for name, value in (("brand", "12"), ("people", "12"), ("insights", "13"),
                            ("relationships", "14")):
            app.screen.query_one(f"#f-{name}", Input).value = value
        await pilot_.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot_.pause()
        seen["status"] = app.status

    pilot.drive(journal, scenario)
    assert len(journal.calibration()) == 4  # one fit per pillar, made by the worker
    assert seen["status"].calibration is not None  # and the status shown knows it


def test_a_message_from_a_screen_is_handled_by_the_app(journal: Journal,
                                                       frozen_clock: str) -> None:
    shown: list[object] = []

    async def scenario(app, pilot_) -> None:
        app.watch(app, "status", lambda status: shown.append(status), init=False)
        app.dashboard.post_message(m.LogRequested("search", None, 4))
        await pilot_.pause()

    pilot.drive(journal, scenario)
    [event] = journal.events()
    assert (event.kind, event.count) == ("search", 4)
    assert shown and shown[-1].todos  # the new status was published to the watchers
