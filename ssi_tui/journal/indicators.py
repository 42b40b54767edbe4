"""Weekly indicators (the `indicators` table): record, read, edit, delete, and the rule for
imported figures.

Each figure remembers where it came from: `sources` maps the figures an import set to that
import's name (JSON); a figure absent from it was typed by hand. A figure typed by hand wins
over an imported one for the same day: an import sets a figure only where the day has none or
an imported one, and says which it set, replaced or kept (`FigurePlan`)."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from ssi_tui.domain import Indicators
from ssi_tui.i18n import _
from ssi_tui.i18n import day as day_text
from ssi_tui.journal.base import JournalBase
from ssi_tui.journal.days import format_at, utc_now
from ssi_tui.journal.errors import InputError
from ssi_tui.journal.rows import INDICATOR_COLUMNS, indicators_from_row
from ssi_tui.journal.writes import Recorder

FIGURES = ("profile_views_90d", "search_appearances_7d", "followers", "connections")


@dataclass(frozen=True)
class FigurePlan:
    """What an import does (or would do) to one figure of one day. `outcome`: "set" (the day
    had none), "replaced" (it had an imported one), "same" (already that value), or "kept"
    (the user typed another value, which wins)."""

    day: date
    figure: str
    value: int
    outcome: Literal["set", "replaced", "same", "kept"]
    previous: int | None = None
    previous_source: str | None = None


class IndicatorFigures(JournalBase):
    def set_indicators(self, surface: str | None = None, **fields: Any) -> Indicators:
        """Record weekly figures typed by hand; figures not given keep what that day had."""
        from ssi_tui.journal import records as r

        rec = r.validate(r.IndicatorsIn, fields)
        day = self._check_day(rec.day)
        given = {k: v for k, v in rec.model_dump(exclude={"day"}).items() if v is not None}
        with self._change("indicators", surface, {"day": day.isoformat(),
                                                  "fields": sorted(given)}) as change:
            write_figures(change, day, given, source=None)
        return self._existing_indicators(day)

    def plan_figures(self, day: date, figures: dict[str, int], source: str) -> list[FigurePlan]:
        """What importing `figures` for `day` would do to each, without writing."""
        return plan_figures(self.conn, day, figures)

    def import_figures(self, change: Recorder, day: date, figures: dict[str, int],
                       source: str) -> list[FigurePlan]:
        """Inside an import's change: set the figures the rule allows; returns the plan."""
        return import_figures(change, day, figures, source)

    def indicators(self) -> list[Indicators]:
        rows = self.conn.execute(f"SELECT {INDICATOR_COLUMNS} FROM indicators ORDER BY day")
        return [indicators_from_row(row) for row in rows]

    def indicators_on(self, day: date) -> Indicators | None:
        row = self.conn.execute(f"SELECT {INDICATOR_COLUMNS} FROM indicators WHERE day = ?",
                                [day.isoformat()]).fetchone()
        return indicators_from_row(row) if row else None

    def indicator_sources(self, day: date) -> dict[str, str]:
        """Which figures of `day` came from an import, and from which."""
        row = self.conn.execute("SELECT sources FROM indicators WHERE day = ?",
                                [day.isoformat()]).fetchone()
        return dict(json.loads(row[0])) if row and row[0] else {}

    def _existing_indicators(self, day: date) -> Indicators:
        found = self.indicators_on(day)
        if found is None:
            raise InputError("day", _("no indicators on {day}").format(day=day_text(day)))
        return found

    def update_indicators(self, day: date, surface: str | None = None,
                          **fields: Any) -> Indicators:
        """Change some figures of `day`, validated; they count as typed by hand. A figure
        given as None is cleared (the app's edit form, whose field was emptied); one not
        given keeps its value."""
        from ssi_tui.journal import records as r

        if "day" in fields:
            raise InputError("day", _("is the indicators' id: delete them and record again"))
        current = self._existing_indicators(day)
        kept = {name: getattr(current, name) for name in FIGURES}
        rec = r.validate(r.IndicatorsIn, kept | fields | {"day": day})
        given = {name: getattr(rec, name) for name in fields}
        with self._change("edit", surface or "edit",
                          {"table": "indicators", "key": day.isoformat(),
                           "fields": sorted(given)}) as change:
            write_figures(change, day, given, source=None)
        return self._existing_indicators(day)

    def delete_indicators(self, day: date, surface: str | None = None) -> Indicators:
        current = self._existing_indicators(day)
        with self._change("delete", surface or "delete",
                          {"table": "indicators", "key": day.isoformat()}) as change:
            change.delete("indicators", day.isoformat())
        return current


def write_figures(change: Recorder, day: date, figures: dict[str, int],
                  source: str | None) -> None:
    """Set some figures of `day`, noting their source (None: typed by hand)."""
    key = day.isoformat()
    before = change.image("indicators", key)
    sources = json.loads(before["sources"] or "{}") if before else {}
    for name in figures:
        if source is None:
            sources.pop(name, None)
        else:
            sources[name] = source
    image = {"day": key} | {name: None for name in FIGURES} if before is None else dict(before)
    image |= figures
    image["at"] = format_at(utc_now())
    image["sources"] = json.dumps(sources, sort_keys=True) if sources else None
    change.put("indicators", key, image)


def plan_figures(conn: sqlite3.Connection, day: date, figures: dict[str, int]
                 ) -> list[FigurePlan]:
    """What importing `figures` for `day` would do to each (see FigurePlan)."""
    row = conn.execute(f"SELECT {', '.join(FIGURES)}, sources FROM indicators WHERE day = ?",
                       [day.isoformat()]).fetchone()
    current = dict(zip((*FIGURES, "sources"), row, strict=True)) if row else {}
    sources = json.loads(current.get("sources") or "{}")
    plans = []
    for name, value in figures.items():
        old = current.get(name)
        if old is None:
            outcome: Literal["set", "replaced", "same", "kept"] = "set"
        elif old == value:
            outcome = "same"
        elif name in sources:
            outcome = "replaced"
        else:
            outcome = "kept"
        plans.append(FigurePlan(day, name, value, outcome, old, sources.get(name)))
    return plans


def import_figures(change: Recorder, day: date, figures: dict[str, int],
                   source: str) -> list[FigurePlan]:
    """Set the imported figures the rule allows (none the user typed); returns the plan."""
    plans = plan_figures(change.conn, day, figures)
    allowed = {p.figure: p.value for p in plans if p.outcome in ("set", "replaced")}
    if allowed:
        write_figures(change, day, allowed, source)
    return plans
