"""The honest baseline: a bare Textual app with the same kinds of widgets as the dashboard
(header, four bars, digits, sparkline, a list, footer) that saves a screenshot the same way."""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import (
    Digits,
    Footer,
    Header,
    Label,
    ListItem,
    ListView,
    ProgressBar,
    Sparkline,
)


class BareApp(App[None]):
    def __init__(self, screenshot: str) -> None:
        super().__init__()
        self.screenshot_path = screenshot

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            with Vertical():
                for name in ("brand", "people", "insights", "relationships"):
                    yield Label(name)
                    yield ProgressBar(total=25, show_eta=False)
            with Vertical():
                yield Digits("72.4")
                yield Sparkline([float(i % 17) for i in range(90)])
        yield ListView(*(ListItem(Label(f"To-do {i}")) for i in range(8)))
        yield Footer()

    def on_mount(self) -> None:
        for i, bar in enumerate(self.query(ProgressBar)):
            bar.update(progress=10 + i)
        self.call_after_refresh(self._save)

    def _save(self) -> None:
        self.save_screenshot(self.screenshot_path)
        self.exit()


if __name__ == "__main__":
    cols, rows = (int(x) for x in sys.argv[2].split("x"))
    BareApp(sys.argv[1]).run(headless=True, size=(cols, rows))
