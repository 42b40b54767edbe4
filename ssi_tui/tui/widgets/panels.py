"""Text panels of the dashboard: to-dos, reach and reading, warnings. Each renders a piece of
the `Status` view model; user text goes through `Text`, never markup."""

from __future__ import annotations

from rich.text import Text

from ssi_tui.domain import Event
from ssi_tui.journal.rows import describe_event
from ssi_tui.model import Todo
from ssi_tui.views import Status


def todos_text(todos: list[Todo]) -> Text:
    text = Text()
    daily = [t for t in todos if not t.weekly]
    weekly = [t for t in todos if t.weekly]
    left = sum(1 for t in daily if not t.done)
    text.append(f"Today's to-dos ({left} left)\n", style="bold")
    for todo in daily + weekly:
        mark = ("✓ ", "green") if todo.done else ("○ ", "yellow")
        text.append(mark[0], style=mark[1])
        progress = f" {todo.progress}/{todo.target}" if todo.target > 1 else ""
        text.append(f"{todo.title}{progress}", style="dim" if todo.done else "")
        text.append("\n")
    gated = next((t.reason for t in todos if t.reason), None)
    if gated:
        text.append(gated, style="italic yellow")
    return text


def reach_text(status: Status) -> Text:
    reach = status.reach
    text = Text()
    mult = f"reach ×{reach.multiplier:g}" if reach.multiplier else "reach < ×0.75"
    text.append(f"/100 · band {reach.band} · {mult}\n", style="bold")
    from ssi_tui.tui.widgets.gauges import change_text

    text.append_text(change_text(status.change["total"]))
    text.append(" over 7 days\n", style="dim")
    text.append(reach.advice, style="italic")
    return text


def reading_text(status: Status) -> Text:
    text = Text()
    streak = status.streak
    text.append("Login streak ", style="bold")
    text.append(f"{streak.current} day{'s' if streak.current != 1 else ''}")
    text.append(f" (best {streak.longest})\n", style="dim")
    reading = status.last_reading
    text.append("Last reading ", style="bold")
    if reading is None:
        text.append("none yet (press r)", style="dim")
    else:
        text.append(f"{reading.total:.1f} ({reading.day:%d %b})")
        gap = status.reading_gap
        if gap is not None:
            text.append(f"\nestimate that day {gap:+.1f} vs reading", style="dim")
    if status.calibrated and status.calibration is not None:
        cal = status.calibration
        text.append(f"\ncalibrated: error {cal.mae_before:.1f} → {cal.mae_after:.1f}",
                    style="dim")
    for fc in status.forecasts:
        if fc.expected_day == status.day:
            continue
        text.append(f"\n{fc.target:.0f} ", style="bold")
        if fc.expected_day is None:
            text.append("not at this pace", style="dim")
        else:
            text.append(f"~{fc.expected_day:%d %b %Y}")
            if fc.earliest and fc.latest:
                text.append(f" ({fc.earliest:%d %b}–{fc.latest:%d %b})", style="dim")
        break
    return text


def warnings_text(warnings: list[str]) -> Text:
    text = Text()
    for warning in warnings:
        text.append("⚠ ", style="bold yellow")
        text.append(warning + "\n")
    return text


def recent_text(events: tuple[Event, ...]) -> Text:
    text = Text("Last entries\n", style="bold")
    if not events:
        text.append("nothing logged yet: press l when you log in to LinkedIn", style="dim")
    for event in events:
        text.append(f"{event.day:%a %d} ", style="dim")
        text.append(describe_event(event).rsplit(" on ", 1)[0])
        if event.contact:
            text.append(f" · {event.contact}", style="italic")
        text.append("\n")
    return text
