"""The invitation study of article 2: personalised vs plain, down the whole funnel."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from ssi_tui.domain import STAGE_LABELS
from ssi_tui.i18n import N_, _, integer, ngettext, number, percent, pgettext
from ssi_tui.journal import Journal
from ssi_tui.model import ArmStats, Study, invitation_study
from ssi_tui.model.invitations import ARM_LABELS, FUNNEL
from ssi_tui.tui.localized import LocalizedBindings

ARM_NAMES = {"personalized": N_("Personalised"), "plain": N_("Plain")}
"""The arms as the table's rows name them (English msgids; `ARM_LABELS` for any other arm)."""


def arm_name(arm: str) -> str:
    return _(ARM_NAMES[arm]) if arm in ARM_NAMES else ARM_LABELS[arm]


def pending_text(arm: str, n: int) -> str:
    """"3 personalised", "2 plain": the invitations of an arm still too recent to judge."""
    if arm == "personalized":
        # TRANSLATORS: invitations still pending (French: "1 personnalisée", "2 personnalisées")
        return ngettext("{n} personalised", "{n} personalised", n).format(n=integer(n))
    if arm == "plain":
        # TRANSLATORS: invitations still pending, sent without a message
        return ngettext("{n} plain", "{n} plain", n).format(n=integer(n))
    return f"{integer(n)} {ARM_LABELS[arm].lower()}"


def cell_percent(fraction: float) -> str:
    """A rate inside the narrow table: "71%" in both languages (French sentences write "71 %",
    but a cell must not wrap between the number and its sign)."""
    return percent(fraction).replace("\u00a0", "").replace("\u202f", "")


def study_table(study: Study) -> Table:
    table = Table(expand=True, header_style="bold", box=None, padding=(0, 1))
    table.add_column("", no_wrap=True, overflow="ellipsis", min_width=12, max_width=24)
    # TRANSLATORS: column of the invitation study: invitations sent
    table.add_column(_("sent"), justify="right")
    # TRANSLATORS: column of the invitation study: invitations accepted (French: plural)
    table.add_column(pgettext("study column", "accepted"), justify="right")
    # TRANSLATORS: 95% confidence interval of the acceptance rate (column header)
    table.add_column(_("95% CI"), justify="right")
    for stage in FUNNEL:
        table.add_column(STAGE_LABELS.get(stage, stage), justify="right")

    def row(name: str, stats: ArmStats, style: str = "") -> None:
        ci = (f"{cell_percent(stats.ci95[0])}–{cell_percent(stats.ci95[1])}" if stats.sent
              else "–")
        cells = [f"{integer(stats.funnel[s])} ({cell_percent(stats.funnel_rates[s])})"
                 for s in FUNNEL]
        table.add_row(Text(name, style=style), integer(stats.sent),
                      f"{integer(stats.accepted)} ({cell_percent(stats.rate)})", ci, *cells)

    for arm, stats in study.arms.items():
        row(arm_name(arm), stats, "bold")
    for label, stats in study.variants.items():
        row(f" ↳ {label}", stats, "dim")
    return table


def verdict_text(study: Study) -> Text:
    text = Text()
    pending = ", ".join(pending_text(arm, n) for arm, n in study.pending.items() if n)
    if pending:
        text.append(_("Pending, too recent to judge (under 3 weeks): {pending}").format(
            pending=pending) + "\n", style="dim")
    tests = ((_("Acceptance: z = {z}, p = {p}"), study.acceptance_test),
             (_("Reaching an exchange: z = {z}, p = {p}"), study.exchange_test))
    for line, test in tests:
        if test is not None:
            text.append(line.format(z=number(test[0], 2), p=number(test[1], 3)) + "\n")
    text.append(study.verdict + "\n", style="bold")
    if study.needed_per_arm:
        text.append(_("About {n} invitations per arm would detect the acceptance difference "
                      "seen so far (5% level, power 80%).").format(
                          n=integer(study.needed_per_arm)) + "\n", style="dim")
    text.append(_("Article 2: acceptance is only the first step; compare what follows — an "
                  "exchange, a call, a meeting, a contract."), style="italic")
    return text


class InvitationsScreen(LocalizedBindings, Screen[None]):
    BINDINGS = [Binding("escape", "app.open_screen('dashboard')", N_("Back"), id="study.back")]

    def __init__(self, journal: Journal) -> None:
        super().__init__()
        self.journal = journal

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="study"):
            yield Static(_("Personalised vs plain invitations (rates are of invitations sent)"),
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
