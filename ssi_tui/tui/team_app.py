"""The app `ssi-tui team` opens: the team screen alone, over a board already read. Reloading
reads the folder or the database again in a worker thread (the loader opens its own
connections), then shows the new board."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import on, work
from textual.app import App
from textual.screen import Screen

from ssi_tui.i18n import _
from ssi_tui.team.board import TeamBoard
from ssi_tui.tui.screens.team import TeamScreen

CSS = """
#team-summary { height: auto; padding: 0 1; color: $text-muted; }
#team-body { height: 1fr; }
#team-columns { height: auto; }
#team-left, #team-right { width: 1fr; height: auto; padding: 0 1; }
#team-columns.narrow { layout: vertical; }
#team-columns.narrow #team-left, #team-columns.narrow #team-right { width: 100%; }
.team-title { height: auto; margin-top: 1; color: $accent; }
.team-section { height: auto; }
#trend { height: 12; }
"""


class TeamApp(App[None]):
    """ssi-tui team: the team's programme at a glance."""

    TITLE = "ssi-tui"
    CSS = CSS

    def __init__(self, board: TeamBoard, loader: Callable[[], TeamBoard] | None = None) -> None:
        super().__init__()
        self.board = board
        self.loader = loader
        self.loads = 0
        """How many times the board was read again (the tests watch it)."""

    def get_default_screen(self) -> Screen[None]:
        self.sub_title = _("team")
        return TeamScreen(self.board)

    @on(TeamScreen.ReloadRequested)
    def reload_board(self) -> None:
        if self.loader is not None:
            self._reload()

    @work(thread=True, exclusive=True, group="team-load")
    def _reload(self) -> None:
        from ssi_tui.team.errors import TeamError

        assert self.loader is not None
        try:
            board = self.loader()
        except TeamError as exc:
            self.call_from_thread(self.notify, str(exc), severity="error")
            return
        self.call_from_thread(self._show, board)

    def _show(self, board: TeamBoard) -> None:
        self.board = board
        self.loads += 1
        screen = self.screen
        if isinstance(screen, TeamScreen):
            screen.show(board)
        self.notify(_("Team view reloaded"))


def run_team_app(board: TeamBoard, loader: Callable[[], TeamBoard] | None = None,
                 screenshot: Path | None = None, size: tuple[int, int] = (120, 40)) -> None:
    app = TeamApp(board, loader)
    if screenshot is None:
        app.run()
        return

    async def render() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause(0.5)  # the footer fills in after the first frame
            app.save_screenshot(screenshot.name, str(screenshot.parent))

    import asyncio

    asyncio.run(render())
