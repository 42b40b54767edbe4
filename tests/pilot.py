"""Driving the app headless through Textual's Pilot, shared by the screen tests."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from ssi_tui.journal import Journal
from ssi_tui.tui.app import SsiApp

Scenario = Callable[[SsiApp, object], Awaitable[None]]


def drive(journal: Journal, scenario: Scenario, size: tuple[int, int] = (120, 40)) -> SsiApp:
    """Open the app on `journal`, let it settle, run `scenario(app, pilot)`; returns the app."""
    app = SsiApp(journal)

    async def run() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await scenario(app, pilot)

    asyncio.run(run())
    return app


def terminal_text(app: SsiApp) -> str:
    """Every character the terminal shows for the screen on top, line by line (header and
    footer included)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def steady_cursors(app: SsiApp, pilot: object) -> None:
    """Stop every text cursor blinking and show it, so a snapshot does not catch it on or off
    at random."""
    fields = list(app.screen.query("Input, TextArea"))
    for field in fields:
        field.cursor_blink = False  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    for field in fields:
        field._cursor_visible = True  # type: ignore[attr-defined]
        cache = getattr(field, "_line_cache", None)
        if cache is not None:
            cache.clear()  # a text area keeps its rendered lines, cursor included
        field.refresh()
    await pilot.pause(0.1)  # type: ignore[attr-defined]
