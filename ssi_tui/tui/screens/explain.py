"""Why a pillar scores what it does: every term, what counted, its target and its points."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from ssi_tui.model import PillarScore, Term


def _value(term: Term) -> str:
    if term.target <= 1:
        return f"{term.value:.0%} / {term.target:.0%}"
    return f"{term.value:g} / {term.target:g}"


class ExplainScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,x,enter,q", "dismiss", "Close", id="explain.close")]

    def __init__(self, score: PillarScore, shown: float | None = None) -> None:
        super().__init__()
        self.score = score
        self.shown = shown

    def compose(self) -> ComposeResult:
        table = Table(expand=True, box=None, header_style="bold")
        table.add_column("Habit", ratio=3)
        table.add_column("Counted / target", justify="right", ratio=2)
        table.add_column("Window", justify="right")
        table.add_column("Points", justify="right")
        for term in self.score.terms:
            window = f"{term.window_days}d" if term.window_days else "now"
            table.add_row(term.name, _value(term), window,
                          f"{term.points:.1f}/{term.max_points:g}")
        with Vertical(id="explain"):
            title = f"{self.score.label}: model estimate {self.score.value:.1f} / 25"
            if self.shown is not None and self.shown != self.score.value:
                title += f" (shown {self.shown:.1f}, calibrated to your readings)"
            yield Static(title, classes="title")
            yield Static(table)
            sources = sorted({t.source for t in self.score.terms})
            yield Static("Source: " + "; ".join(sources) + ". See docs/scoring.md.",
                         classes="hint")
            yield Static("Esc closes", classes="hint")

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
