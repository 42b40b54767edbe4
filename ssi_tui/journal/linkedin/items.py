"""What a reader yields (`Item` to store, `Skip` with its reason) and the `Context` that earlier
files pass to later ones."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime

from ssi_tui.i18n import N_
from ssi_tui.journal.days import journal_day
from ssi_tui.journal.linkedin.parse import parse_timestamp
from ssi_tui.journal.linkedin.tables import Table

INVITATION = "invitation"


@dataclass(slots=True)
class Item:
    """One journal row to be: an event (`kind` is a Kind) or an invitation."""

    key: str
    at: str
    day: date
    kind: str
    count: int = 1
    contact: str | None = None
    note: str | None = None
    personalized: bool = False
    accepted_day: date | None = None


@dataclass(frozen=True, slots=True)
class Skip:
    """Rows left out, and why (English, marked with `N_`: the report translates it);
    `on_row` is False for a count made at the end of the file."""

    reason: str
    count: int = 1
    on_row: bool = True


@dataclass
class Context:
    """What one file tells the readers of the next ones."""

    day_start_hour: int = 4
    timezone: str | None = None
    user_name: str | None = None
    user_name_from: str = ""
    companies: dict[str, str] = field(default_factory=dict)
    connections: dict[str, date] | None = None
    network_size: int | None = None

    def day(self, at: datetime) -> date:
        return journal_day(at, self.day_start_hour, self.timezone)


Notes = list[str]
Reader = Callable[[Table, Context, Notes], Iterator[Item | Skip]]


def when(value: str, day_first: bool = False) -> datetime | Skip:
    if not value:
        return Skip(N_("no date"))
    try:
        return parse_timestamp(value, day_first)
    except ValueError:
        return Skip(N_("unreadable date"))
