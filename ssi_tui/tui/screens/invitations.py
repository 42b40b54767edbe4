"""The invitation study of article 2: personalised vs plain, down the whole funnel."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from ssi_tui.i18n import N_, _, integer, ngettext, percent, pgettext
from ssi_tui.journal import Journal
from ssi_tui.labels import ARM_LABELS, STAGE_LABELS
from ssi_tui.model import ArmStats, Study
from ssi_tui.model.invitations import FUNNEL
from ssi_tui.tui.localized import LocalizedBindings
from ssi_tui.views.study import journal_study, sample_size_text, test_lines
from ssi_tui.views.study import verdict_text as study_verdict


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
    # TRANSLATORS: column of the invitation study: invitations old enough to judge
    table.add_column(pgettext("study column", "judged"), justify="right")
    # TRANSLATORS: column of the invitation study: invitations accepted (French: plural)
    table.add_column(pgettext("study column", "accepted"), justify="right")
    # TRANSLATORS: 95% confidence interval of the acceptance rate (column header)
    table.add_column(_("95% CI"), justify="right")
    for stage in FUNNEL:
        table.add_column(STAGE_LABELS.get(stage, stage), justify="right")

    def row(name: str, stats: ArmStats, style: str = "") -> None:
        ci = (f"{cell_percent(stats.ci95[0])}–{cell_percent(stats.ci95[1])}" if stats.judged
              else "–")
        cells = [f"{integer(stats.funnel[s])} ({cell_percent(stats.funnel_rates[s])})"
                 for s in FUNNEL]
        table.add_row(Text(name, style=style), integer(stats.sent), integer(stats.judged),
                      f"{integer(stats.accepted)} ({cell_percent(stats.rate)})", ci, *cells)

    for arm, stats in study.arms.items():
        row(ARM_LABELS[arm], stats, "bold")
    for label, stats in study.variants.items():
        row(f" ↳ {label}", stats, "dim")
    return table


def study_table_by_arm(study: Study) -> Table:
    """The same figures turned a quarter: one column per arm, one row per figure, so a narrow
    terminal (80 columns) shows whole numbers instead of cut headers and wrapped cells."""
    table = Table(expand=True, header_style="bold", box=None, padding=(0, 1))
    table.add_column("", no_wrap=True)
    arms = [(ARM_LABELS[arm], stats, "bold") for arm, stats in study.arms.items()]
    arms += [(f"↳ {label}", stats, "dim") for label, stats in study.variants.items()]
    for name, _stats, style in arms:
        table.add_column(Text(name, style=style), justify="right")

    def ratio(count: int, fraction: float) -> str:
        return f"{integer(count)} ({cell_percent(fraction)})"

    table.add_row(_("sent"), *(integer(stats.sent) for _name, stats, _style in arms))
    table.add_row(pgettext("study column", "judged"),
                  *(integer(stats.judged) for _name, stats, _style in arms))
    table.add_row(pgettext("study column", "accepted"),
                  *(ratio(stats.accepted, stats.rate) for _name, stats, _style in arms))
    table.add_row(_("95% CI"), *(
        f"{cell_percent(stats.ci95[0])}–{cell_percent(stats.ci95[1])}" if stats.judged else "–"
        for _name, stats, _style in arms))
    for stage in FUNNEL:
        table.add_row(STAGE_LABELS.get(stage, stage), *(
            ratio(stats.funnel[stage], stats.funnel_rates[stage]) for _name, stats, _style in arms))
    return table


NARROW = 100
"""Below this many columns the study table is shown one column per arm."""


def verdict_text(study: Study) -> Text:
    text = Text()
    pending = ", ".join(pending_text(arm, n) for arm, n in study.pending.items() if n)
    if pending:
        text.append(ngettext("Pending (younger than {days} day, not judged): {pending}",
                             "Pending (younger than {days} days, not judged): {pending}",
                             study.pending_days).format(days=integer(study.pending_days),
                                                        pending=pending) + "\n", style="dim")
    for line in test_lines(study):
        text.append(line + "\n")
    text.append(study_verdict(study) + "\n", style="bold")
    size = sample_size_text(study)
    if size:
        text.append(size + "\n", style="dim")
    text.append(_("Article 2: acceptance is only the first step; compare what follows — an "
                  "exchange, a call, a meeting, a contract."), style="italic")
    return text


class InvitationsScreen(LocalizedBindings, Screen[None]):
    BINDINGS = [Binding("escape", "app.open_screen('dashboard')", N_("Back"), id="study.back")]

    def __init__(self, journal: Journal) -> None:
        super().__init__()
        self.journal = journal
        self.study: Study | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="study"):
            yield Static(_("Personalised vs plain invitations (rates are of invitations judged)"),
                         classes="title")
            yield Static(id="study-table")
            yield Static(id="study-verdict")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()
        self.watch(self.app, "status", self.reload, init=False)  # the journal changed

    def reload(self) -> None:
        self.study = journal_study(self.journal)
        self.show_table()
        self.query_one("#study-verdict", Static).update(verdict_text(self.study))

    def show_table(self) -> None:
        assert self.study is not None
        narrow = self.size.width < NARROW
        table = study_table_by_arm(self.study) if narrow else study_table(self.study)
        self.query_one("#study-table", Static).update(table)

    def on_resize(self) -> None:
        if self.study is not None:
            self.show_table()
