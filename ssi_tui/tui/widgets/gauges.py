"""The dashboard's gauges: one per pillar (value /25 and the 7-day change), drawn as text so a
gauge is one cheap `update()` when a habit is logged."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Static

from ssi_tui.domain import PILLAR_MAX
from ssi_tui.i18n import N_, number
from ssi_tui.labels import PILLAR_LABELS

BAR = "█"
EMPTY = "░"


def change_text(change: float) -> Text:
    if change > 0:
        return Text(f"▲ {number(change, 1, sign=True)}", style="green")
    if change < 0:
        return Text(f"▼ {number(change, 1)}", style="red")
    return Text(f"= {number(0.0, 1)}", style="dim")


class PillarGauge(Static, can_focus=True):
    """A pillar's label, bar, value /25 and change over 7 days; Enter explains the score."""

    class Selected(Message):
        def __init__(self, pillar: str) -> None:
            super().__init__()
            self.pillar = pillar

    BINDINGS = [Binding("enter", "select", N_("Explain"), show=False)]

    def __init__(self, pillar: str) -> None:
        super().__init__(id=f"gauge-{pillar}", classes="gauge")
        self.pillar = pillar
        self.value = 0.0
        self.change = 0.0

    def set_value(self, value: float, change: float) -> None:
        self.value, self.change = value, change
        self.refresh()

    def render(self) -> Text:
        width = max(10, self.size.width - 18)
        filled = round(width * self.value / PILLAR_MAX)
        colour = "green" if self.value >= 20 else "yellow" if self.value >= 12 else "red"
        text = Text(PILLAR_LABELS[self.pillar], style="bold")
        text.append("\n")
        text.append(BAR * filled, style=colour)
        text.append(EMPTY * (width - filled), style="dim")
        text.append(f" {number(self.value, 1):>4}/25 ")
        text.append_text(change_text(self.change))
        return text

    def action_select(self) -> None:
        self.post_message(self.Selected(self.pillar))

    def on_click(self) -> None:
        self.action_select()
