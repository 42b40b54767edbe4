"""The invitation study of article 2: personalised vs plain, down the whole funnel."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from ssi_tui.journal import Journal
from ssi_tui.model import ArmStats, Study, invitation_study
from ssi_tui.model.invitations import ARM_LABELS, FUNNEL


def study_table(study: Study) -> Table:
    table = Table(expand=True, header_style="bold", box=None, padding=(0, 1))
    table.add_column("", no_wrap=True, overflow="ellipsis", min_width=12, max_width=24)
    table.add_column("sent", justify="right")
    table.add_column("accepted", justify="right")
    table.add_column("95% CI", justify="right")
    for stage in FUNNEL:
        table.add_column(stage, justify="right")

    def row(name: str, stats: ArmStats, style: str = "") -> None:
        ci = f"{stats.ci95[0]:.0%}–{stats.ci95[1]:.0%}" if stats.sent else "–"
        cells = [f"{stats.funnel[s]} ({stats.funnel_rates[s]:.0%})" for s in FUNNEL]
        table.add_row(Text(name, style=style), str(stats.sent),
                      f"{stats.accepted} ({stats.rate:.0%})", ci, *cells)

    for arm, stats in study.arms.items():
        row(ARM_LABELS[arm], stats, "bold")
    for label, stats in study.variants.items():
        row(f" ↳ {label}", stats, "dim")
    return table


def verdict_text(study: Study) -> Text:
    text = Text()
    pending = ", ".join(f"{n} {ARM_LABELS[arm].lower()}" for arm, n in study.pending.items()
                        if n)
    if pending:
        text.append(f"Pending, too recent to judge (under 3 weeks): {pending}\n", style="dim")
    for name, test in (("Acceptance", study.acceptance_test),
                       ("Reaching an exchange", study.exchange_test)):
        if test is not None:
            text.append(f"{name}: z = {test[0]:.2f}, p = {test[1]:.3f}\n")
    text.append(study.verdict + "\n", style="bold")
    if study.needed_per_arm:
        text.append(f"About {study.needed_per_arm} invitations per arm would detect the "
                    "acceptance difference seen so far (5% level, power 80%).\n", style="dim")
    text.append("Article 2: acceptance is only the first step; compare what follows — an "
                "exchange, a call, a meeting, a contract.", style="italic")
    return text


class InvitationsScreen(Screen[None]):
    BINDINGS = [Binding("escape", "app.open_screen('dashboard')", "Back", id="study.back")]

    def __init__(self, journal: Journal) -> None:
        super().__init__()
        self.journal = journal

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="study"):
            yield Static("Personalised vs plain invitations (rates are of invitations sent)",
                         classes="title")
            yield Static(id="study-table")
            yield Static(id="study-verdict")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()

    def reload(self) -> None:
        study = invitation_study(self.journal.invitations(), self.journal.today(),
                                 self.journal.settings.scoring.pending_days)
        self.query_one("#study-table", Static).update(study_table(study))
        self.query_one("#study-verdict", Static).update(verdict_text(study))
