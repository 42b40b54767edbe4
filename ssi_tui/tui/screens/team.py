"""The team screen: leaderboard, who needs help with which pillar, pillars by rep as a heat
table, the team's trend (plotext), habits against the to-dos and the pooled invitation study.
It only renders a `TeamBoard`; reading the folder or the database happens in the app."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from ssi_tui.domain import PILLARS
from ssi_tui.i18n import N_, TranslatedMapping, _, current_language, integer, ngettext, number
from ssi_tui.i18n import day as day_text
from ssi_tui.team.board import HABITS, PooledStudy, TeamBoard
from ssi_tui.tui.localized import LocalizedBindings

PILLAR_SHORT: TranslatedMapping = TranslatedMapping({
    "brand": N_("Brand"), "people": N_("People"), "insights": N_("Insights"),
    "relationships": N_("Relations")})
"""Column titles of the heat table (the full LinkedIn labels are in the help and the
dashboard)."""
HABIT_LABELS: TranslatedMapping = TranslatedMapping({
    "logins": N_("Logins"), "searches": N_("Search"), "views": N_("Views"),
    "engagements": N_("Engage"), "invitations": N_("Invite"), "posts": N_("Posts")})
"""Column titles of the habits table: short, so seven columns fit half of 120 columns."""
HEAT = ((10.0, "white on red3"), (15.0, "black on dark_orange"), (20.0, "black on yellow3"),
        (25.1, "black on green3"))
"""The project's heat bands for a pillar out of 25: below 10, 10–15, 15–20, 20 and above."""
SECTIONS = Binding.Group(N_("sections"))
WIDE = 110
"""From this width the sections stand in two columns."""


def heat_style(value: float) -> str:
    return next(style for limit, style in HEAT if value < limit)


def signed(value: float | None) -> str:
    return "–" if value is None else number(value, 1, sign=True)


def share_text(value: float | None) -> str:
    return "–" if value is None else f"{round(value * 100)}%"


def leaderboard(board: TeamBoard) -> Table:
    table = Table(expand=True, header_style="bold", box=None, padding=(0, 1))
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column(_("rep"), no_wrap=True, overflow="ellipsis", min_width=6, max_width=16)
    table.add_column(_("reading"), justify="right", no_wrap=True)
    table.add_column(_("est."), justify="right", no_wrap=True)
    table.add_column(_("7 d"), justify="right", no_wrap=True)
    table.add_column(_("28 d"), justify="right", no_wrap=True)
    table.add_column(_("streak"), justify="right", no_wrap=True)
    table.add_column(_("to-dos"), justify="right", no_wrap=True)
    for rank, row in enumerate(board.reps, start=1):
        name = Text(row.name + (" *" if row.stale else ""), style="dim" if row.stale else "")
        reading = number(row.last_reading[1], 1) if row.last_reading else "–"
        table.add_row(integer(rank), name, reading,
                      number(row.estimate, 1) if row.estimate is not None else "–",
                      signed(row.change_7d), signed(row.change_28d), integer(row.streak),
                      share_text(row.todos_done_week))
    return table


def help_table(board: TeamBoard) -> Text | Table:
    if not board.needs_help:
        return Text(_("Nobody is 2.5 points or more below the team's median on a pillar "
                      "(the project's threshold)."), style="dim")
    table = Table(expand=True, header_style="bold", box=None, padding=(0, 1))
    table.add_column(_("rep"), no_wrap=True, overflow="ellipsis", min_width=6, max_width=16)
    table.add_column(_("pillar"), no_wrap=True)
    table.add_column(_("rep / median"), justify="right", no_wrap=True)
    table.add_column(_("weakest habit"), no_wrap=True, overflow="ellipsis")
    for need in board.needs_help:
        table.add_row(need.name, PILLAR_SHORT[need.pillar],
                      f"{number(need.value, 1)} / {number(need.team_median, 1)}",
                      HABIT_LABELS[need.habit] if need.habit else "–")
    return table


def heat_table(board: TeamBoard) -> Table:
    table = Table(expand=True, header_style="bold", box=None, padding=(0, 1))
    table.add_column(_("rep"), no_wrap=True, overflow="ellipsis", min_width=6, max_width=16)
    for pillar in PILLARS:
        table.add_column(PILLAR_SHORT[pillar], justify="right", no_wrap=True)
    for row in board.reps:
        if row.pillars is None:
            continue
        table.add_row(row.name, *(Text(f" {number(row.pillars[p], 1)} ",
                                       style=heat_style(row.pillars[p])) for p in PILLARS))
    if board.team_pillars:
        table.add_row(Text(_("team average"), style="bold"),
                      *(Text(number(board.team_pillars[p], 1), style="bold") for p in PILLARS))
    return table


def habits_table(board: TeamBoard) -> Table:
    table = Table(expand=True, header_style="bold", box=None, padding=(0, 0, 0, 1),
                  pad_edge=False)
    table.add_column(_("rep"), no_wrap=True, overflow="ellipsis", min_width=5, max_width=12)
    for habit in HABITS:
        title = HABIT_LABELS[habit]
        table.add_column(title, justify="right", no_wrap=True, min_width=len(title))
    done = _("done")
    table.add_column(done, justify="right", no_wrap=True, min_width=max(4, len(done)))
    table.add_row(Text(_("target"), style="dim"),
                  *(Text(number(board.targets[h], 0), style="dim") for h in HABITS),
                  Text("100%", style="dim"))
    for row in board.habits:
        cells = [Text(number(row.values[h], 1),
                      style="" if row.values[h] >= board.targets[h] else "yellow")
                 for h in HABITS]
        table.add_row(row.name, *cells, share_text(row.todos_done_week))
    return table


def _p(value: float) -> str:
    return f"p < {number(0.001, 3)}" if value < 0.001 else f"p = {number(value, 2)}"


def study_text(study: PooledStudy) -> Table:
    """The per-rep 2×2 tables, the pooled funnel and the test results, in one table."""
    table = Table(expand=True, header_style="bold", box=None, padding=(0, 1))
    table.add_column(_("rep"), no_wrap=True, overflow="ellipsis", min_width=6, max_width=16)
    table.add_column(_("personalised"), justify="right", no_wrap=True)
    table.add_column(_("plain"), justify="right", no_wrap=True)
    table.add_column("p", justify="right", no_wrap=True)

    def cell(accepted: int, judged: int) -> str:
        return f"{integer(accepted)}/{integer(judged)}" + (
            f" {round(100 * accepted / judged)}%" if judged else "")

    for s in study.strata:
        t = s.table
        table.add_row(t.name, cell(t.accepted_personalized, t.judged_personalized),
                      cell(t.accepted_plain, t.judged_plain),
                      number(s.p_value, 2) if s.p_value is not None else "–")
    p, q = study.arms["personalized"], study.arms["plain"]
    table.add_row(Text(_("team"), style="bold"), Text(cell(p.accepted, p.judged), style="bold"),
                  Text(cell(q.accepted, q.judged), style="bold"), "")
    from ssi_tui.labels import STAGE_LABELS

    for stage in ("exchange", "call", "meeting", "contract"):
        table.add_row(Text(f" ↳ {STAGE_LABELS[stage]}", style="dim"),
                      integer(p.funnel[stage]), integer(q.funnel[stage]), "")
    return table


def study_verdict(study: PooledStudy) -> str:
    """The pooled study in words (the figures are the project's tests, named)."""
    pending = study.arms["personalized"].pending + study.arms["plain"].pending
    lines = []
    if study.cmh is None:
        lines.append(_("No rep has judged invitations of both kinds yet: nothing to pool."))
    else:
        odds = study.cmh.odds_ratio
        lines.append(_("Mantel–Haenszel odds ratio, personalised vs plain: {odds} "
                       "(below 1: plain accepted more). CMH {p}.").format(
            odds="–" if odds is None else number(odds, 2), p=_p(study.cmh.p_value)))
        het = study.heterogeneity
        if het is None:
            lines.append(_("Too few reps with both kinds to compare reps (Breslow–Day)."))
        elif het.p_value < 0.05:
            lines.append(_("The reps differ (Breslow–Day {p}): look at each rep's table before "
                           "the pooled figure.").format(p=_p(het.p_value)))
        else:
            lines.append(_("No sign that the reps differ (Breslow–Day {p}).").format(
                p=_p(het.p_value)))
    lines.append(ngettext(
        "Judged: accepted within {days} day, or older without acceptance; {n} pending.",
        "Judged: accepted within {days} days, or older without acceptance; {n} pending.",
        study.pending_days).format(days=integer(study.pending_days), n=integer(pending)))
    return "\n".join(lines)


class TeamScreen(LocalizedBindings, Screen[None]):
    BINDINGS = [
        Binding("1", "section('board')", N_("Leaderboard"), id="team.board", group=SECTIONS),
        Binding("2", "section('help')", N_("Needs help"), id="team.help", group=SECTIONS),
        Binding("3", "section('habits')", N_("Habits"), id="team.habits", group=SECTIONS),
        Binding("4", "section('heat')", N_("Pillars"), id="team.heat", group=SECTIONS),
        Binding("5", "section('trend')", N_("Trend"), id="team.trend", group=SECTIONS),
        Binding("6", "section('study')", N_("Study"), id="team.study", group=SECTIONS),
        Binding("r", "reload", N_("Reload"), id="team.reload"),
        Binding("q", "app.quit", N_("Quit"), id="team.quit"),
    ]

    def __init__(self, board: TeamBoard) -> None:
        super().__init__()
        self.board = board

    def compose(self) -> ComposeResult:
        from textual_plotext import PlotextPlot

        yield Header()
        yield Static(id="team-summary")
        with VerticalScroll(id="team-body"), Horizontal(id="team-columns"):
            with Vertical(id="team-left"):
                yield Static(classes="team-title", id="title-board")
                yield Static(id="board", classes="team-section")
                yield Static(classes="team-title", id="title-help")
                yield Static(id="help", classes="team-section")
                yield Static(classes="team-title", id="title-habits")
                yield Static(id="habits", classes="team-section")
            with Vertical(id="team-right"):
                yield Static(classes="team-title", id="title-heat")
                yield Static(id="heat", classes="team-section")
                yield Static(classes="team-title", id="title-trend")
                yield PlotextPlot(id="trend")
                yield Static(classes="team-title", id="title-study")
                yield Static(id="study", classes="team-section")
                yield Static(id="verdict", classes="team-section")
        yield Footer()

    def on_mount(self) -> None:
        self.show(self.board)
        self.query_one("#team-body").focus()

    def on_resize(self) -> None:
        self.query_one("#team-columns").set_class(self.size.width < WIDE, "narrow")

    def show(self, board: TeamBoard) -> None:
        self.board = board
        self.query_one("#team-columns").set_class(self.app.size.width < WIDE, "narrow")
        titles = {
            "board": _("Leaderboard · official reading, estimate, change, streak, to-dos"),
            "help": _("Who needs help, and with which pillar"),
            "habits": _("Habits against the to-dos · last 7 days, per day"),
            "heat": _("Pillars by rep (estimate, out of 25)"),
            "trend": _("Team trend · average estimated SSI, 90 days"),
            "study": _("Pooled invitation study · accepted / judged, stratified by rep"),
        }
        for key, title in titles.items():
            self.query_one(f"#title-{key}", Static).update(Text(title, style="bold"))
        self.query_one("#board", Static).update(leaderboard(board))
        self.query_one("#help", Static).update(help_table(board))
        self.query_one("#heat", Static).update(heat_table(board))
        self.query_one("#habits", Static).update(habits_table(board))
        self.query_one("#study", Static).update(study_text(board.study))
        self.query_one("#verdict", Static).update(study_verdict(board.study))
        self.query_one("#team-summary", Static).update(self.summary(board))
        self.draw_trend(board)

    def summary(self, board: TeamBoard) -> str:
        parts = [ngettext("{n} rep", "{n} reps", len(board.reps)).format(
            n=integer(len(board.reps))), day_text(board.day)]
        if not board.complete:
            parts.append(_("you see your own rows and the team's aggregates"))
        if any(r.stale for r in board.reps):
            parts.append(_("* no share for over a week"))
        if board.skipped:
            parts.append(_("unreadable, skipped: {files}").format(files=", ".join(board.skipped)))
        return " · ".join(parts)

    def draw_trend(self, board: TeamBoard) -> None:
        from textual_plotext import PlotextPlot

        widget = self.query_one("#trend", PlotextPlot)
        plt: Any = widget.plt
        plt.clear_data()
        plt.clear_figure()
        if current_language() == "en":
            plt.date_form("Y-m-d")
        else:
            plt.date_form("Y-m-d", "d/m/Y")
        if board.trend:
            days = [p.day.isoformat() for p in board.trend]
            plt.plot(days, [p.total for p in board.trend], color="white", marker="braille",
                     label=_("team average"))
        plt.ylim(0, 100)
        plt.yticks([0, 45, 60, 75, 90, 100], ["0", "45", "60", "75", "90", "100"])
        widget.refresh()

    def action_section(self, key: str) -> None:
        self.query_one("#team-body", VerticalScroll).scroll_to_widget(
            self.query_one(f"#title-{key}"), top=True, animate=False)

    @dataclass
    class ReloadRequested(Message):
        """Read the team's target again (the app owns the loader and its worker)."""

    def action_reload(self) -> None:
        self.post_message(self.ReloadRequested())
