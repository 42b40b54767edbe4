"""Why a pillar scores what it does: every term, what counted, its target and its points."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from ssi_tui.i18n import N_, _, integer, ngettext, number, percent, short_number
from ssi_tui.labels import PILLAR_LABELS
from ssi_tui.model import PillarScore, Term
from ssi_tui.tui.localized import LocalizedBindings
from ssi_tui.views.texts import term_name, term_source


def _amount(value: float) -> str:
    """A count or target as `:g` writes it ("12", "2.5"), with a decimal comma in French."""
    return short_number(value, 5)


def _value(term: Term) -> str:
    if term.target <= 1:
        return f"{percent(term.value)} / {percent(term.target)}"
    return f"{_amount(term.value)} / {_amount(term.target)}"


class ExplainScreen(LocalizedBindings, ModalScreen[None]):
    BINDINGS = [Binding("escape,x,enter,q", "dismiss", N_("Close"), id="explain.close")]

    def __init__(self, score: PillarScore, shown: float | None = None,
                 pending_days: int = 21) -> None:
        super().__init__()
        self.pending_days = pending_days
        self.score = score
        self.shown = shown

    def compose(self) -> ComposeResult:
        table = Table(expand=True, box=None, header_style="bold")
        table.add_column(_("Habit"), ratio=3)
        table.add_column(_("Counted / target"), justify="right", ratio=2)
        table.add_column(_("Window"), justify="right")
        table.add_column(_("Points"), justify="right")
        for term in self.score.terms:
            # TRANSLATORS: a rolling window of {n} days, in a narrow column ("90d")
            window = _("{n}d").format(n=term.window_days) if term.window_days else _("now")
            table.add_row(term_name(term.key), _value(term), window,
                          f"{number(term.points, 1)}/{_amount(term.max_points)}")
        with Vertical(id="explain"):
            label = PILLAR_LABELS.get(self.score.key, self.score.key)
            value = number(self.score.value, 1)
            if self.shown is not None and self.shown != self.score.value:
                title = _("{pillar}: model estimate {value} / 25 (shown {shown}, calibrated to "
                          "your readings)").format(pillar=label, value=value,
                                                   shown=number(self.shown, 1))
            else:
                title = _("{pillar}: model estimate {value} / 25").format(pillar=label,
                                                                          value=value)
            yield Static(title, classes="title")
            yield Static(table)
            for term in self.score.terms:
                if term.min_sample is not None:
                    yield Static(ngettext(
                        "{name} scores from {min} judged invitations ({n} so far; an invitation "
                        "is judged once {days} day old). The minimum is the project's choice.",
                        "{name} scores from {min} judged invitations ({n} so far; an invitation "
                        "is judged once {days} days old). The minimum is the project's choice.",
                        self.pending_days).format(
                            name=term_name(term.key), min=integer(term.min_sample),
                            n=integer(term.sample or 0), days=integer(self.pending_days)),
                        classes="hint")
            sources = sorted({term_source(t.source) for t in self.score.terms})
            yield Static(_("Source: {sources}. See docs/scoring.md.").format(
                sources="; ".join(sources)), classes="hint")
            yield Static(_("Esc closes"), classes="hint")

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
