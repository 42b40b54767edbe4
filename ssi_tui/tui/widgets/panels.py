"""Text panels of the dashboard: to-dos, reach and reading, warnings. Each renders a piece of
the `Status` view model; user text goes through `Text`, never markup."""

from __future__ import annotations

from datetime import date

from rich.text import Text

from ssi_tui.domain import Event
from ssi_tui.i18n import (
    _,
    day_month,
    day_with_weekday,
    integer,
    ngettext,
    number,
    short_number,
    weekday_day,
)
from ssi_tui.journal.rows import event_label
from ssi_tui.model import Alert, Todo
from ssi_tui.model.todos import todos_left
from ssi_tui.views import Status
from ssi_tui.views.forecast import forecast_text, plan_text
from ssi_tui.views.texts import reach_advice, reach_name, todo_reason, todo_title, warning_text


def todos_text(todos: list[Todo]) -> Text:
    text = Text()
    left = todos_left(todos)
    # TRANSLATORS: the English keeps "to-dos" for every count; French: "1 restant", "2 restants"
    text.append(ngettext("Today's to-dos ({n} left)", "Today's to-dos ({n} left)", left)
                .format(n=integer(left)) + "\n", style="bold")
    for todo in todos:
        mark = ("✓ ", "green") if todo.done else ("○ ", "yellow")
        text.append(mark[0], style=mark[1])
        progress = f" {todo.progress}/{todo.target}" if todo.target > 1 else ""
        text.append(f"{todo_title(todo)}{progress}", style="dim" if todo.done else "")
        text.append("\n")
    gated = next((todo_reason(t) for t in todos if t.reason), None)
    if gated:
        text.append(gated, style="italic yellow")
    return text


def reach_text(status: Status) -> Text:
    reach = status.reach
    text = Text()
    if reach.multiplier:
        mult = _("reach ×{multiplier}").format(multiplier=short_number(reach.multiplier))
    else:
        mult = _("reach < ×{multiplier}").format(multiplier=number(0.75, 2))
    text.append(_("/100 · band {band} · {reach}").format(band=reach_name(reach), reach=mult) + "\n",
                style="bold")
    from ssi_tui.tui.widgets.gauges import change_text

    text.append_text(change_text(status.change["total"]))
    text.append(" " + _("over 7 days") + "\n", style="dim")
    text.append(reach_advice(reach), style="italic")
    return text


def reading_text(status: Status) -> Text:
    text = Text()
    streak = status.streak
    text.append(_("Login streak") + " ", style="bold")
    text.append(ngettext("{n} day", "{n} days", streak.current).format(n=integer(streak.current)))
    text.append(" " + _("(best {n})").format(n=integer(streak.longest)) + "\n", style="dim")
    reading = status.last_reading
    text.append(_("Last reading") + " ", style="bold")
    if reading is None:
        text.append(_("none yet (press r)"), style="dim")
    else:
        text.append(f"{number(reading.total, 1)} ({day_month(reading.day)})")
        gap = status.reading_gap
        if gap is not None:
            text.append("\n" + _("estimate that day {gap} vs reading").format(
                gap=number(gap, 1, sign=True)), style="dim")
    if status.calibrated and status.calibration is not None:
        cal = status.calibration
        text.append("\n" + _("calibrated: error {before} → {after}").format(
            before=number(cal.mae_before, 1), after=number(cal.mae_after, 1)), style="dim")
    for fc in status.forecasts:
        text.append("\n" + forecast_text(fc, status.day), style="bold")
    if status.plan is not None:
        text.append("\n" + plan_text(status.plan, status.day), style="italic")
    return text


def warnings_text(warnings: list[Alert]) -> Text:
    text = Text()
    for warning in warnings:
        text.append("⚠ ", style="bold yellow")
        text.append(warning_text(warning) + "\n")
    return text


def recent_text(events: tuple[Event, ...]) -> Text:
    text = Text(_("Last entries") + "\n", style="bold")
    if not events:
        text.append(_("nothing logged yet: press l when you log in to LinkedIn"), style="dim")
    for event in events:
        text.append(f"{weekday_day(event.day)} ", style="dim")
        text.append(event_label(event))
        if event.contact:
            text.append(f" · {event.contact}", style="italic")
        text.append("\n")
    return text


def day_entries_text(day: date, events: tuple[Event, ...]) -> Text:
    """While backfilling: what the day being logged to already holds, so nothing is logged
    twice."""
    text = Text(_("Already logged on {day}").format(day=day_with_weekday(day)) + "\n",
                style="bold")
    if not events:
        text.append(_("nothing yet"), style="dim")
    for event in events:
        text.append("· " + event_label(event))
        if event.contact:
            text.append(f" · {event.contact}", style="italic")
        text.append("\n")
    return text
