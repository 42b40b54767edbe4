"""What the dashboard draws, apart from the Status it comes from: the four pillars, the total,
the trend and the panels' texts. The dashboard draws a `DashboardFrame`; the app saves the last
one (service/frame_cache) and draws it first at the next start, before the model is even
imported — which is why nothing here imports the model or the panels until a Status is given.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from rich.text import Span, Text

from ssi_tui.domain import PILLARS

if TYPE_CHECKING:
    from ssi_tui.views import Status

PANELS = ("reach", "reading", "todos", "recent", "warnings")


@dataclass(frozen=True)
class DashboardFrame:
    day: str
    """The journal day it shows (ISO)."""
    pillars: dict[str, float]
    change: dict[str, float]
    """Each pillar's change over 7 days, and the total's ("total")."""
    total: float
    series: list[float]
    texts: dict[str, Text]
    """The panels, by name (PANELS)."""
    has_warnings: bool


@dataclass(frozen=True)
class SavedDashboard:
    """The frame saved at the last run, read back: `current` when it was computed from the
    journal, settings and day as they are now (then it is what the build will draw)."""

    frame: DashboardFrame
    day: date
    current: bool


def frame_of(status: Status) -> DashboardFrame:
    """The frame a Status draws (the panels word it in the current language)."""
    from ssi_tui.tui.widgets.panels import (
        reach_text,
        reading_text,
        recent_text,
        todos_text,
        warnings_text,
    )

    return DashboardFrame(
        day=status.day.isoformat(), pillars=dict(status.pillars), change=dict(status.change),
        total=status.total, series=list(status.series),
        texts={"reach": reach_text(status), "reading": reading_text(status),
               "todos": todos_text(status.todos), "recent": recent_text(status.recent),
               "warnings": warnings_text(status.warnings)},
        has_warnings=bool(status.warnings))


def to_json(frame: DashboardFrame) -> dict[str, Any]:
    return {"day": frame.day, "pillars": frame.pillars, "change": frame.change,
            "total": frame.total, "series": frame.series, "has_warnings": frame.has_warnings,
            "texts": {name: _text_json(text) for name, text in frame.texts.items()}}


def from_json(data: dict[str, Any]) -> DashboardFrame | None:
    """The frame saved by `to_json`, or None if the data is not one (any doubt: no frame)."""
    try:
        frame = DashboardFrame(
            day=str(data["day"]),
            pillars={p: float(data["pillars"][p]) for p in PILLARS},
            change={p: float(data["change"][p]) for p in (*PILLARS, "total")},
            total=float(data["total"]), series=[float(v) for v in data["series"]],
            texts={name: _text(data["texts"][name]) for name in PANELS},
            has_warnings=bool(data["has_warnings"]))
    except (KeyError, TypeError, ValueError, IndexError):
        return None
    return frame if frame.series else None


def _text_json(text: Text) -> list[Any]:
    return [text.plain, str(text.style), [[s.start, s.end, str(s.style)] for s in text.spans]]


def _text(data: list[Any]) -> Text:
    plain, style, spans = data
    if not isinstance(plain, str) or not isinstance(style, str):
        raise TypeError("not a saved text")
    return Text(plain, style=style,
                spans=[Span(int(start), int(end), str(span)) for start, end, span in spans])
