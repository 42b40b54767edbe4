"""Rows of the journal's tables → domain records, and short descriptions of them for toasts
and the command line. The column lists here are the order the converters expect."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

from ssi_tui.domain import Event, Indicators, Invitation, Reading
from ssi_tui.i18n import _, day, integer
from ssi_tui.labels import KIND_LABELS

EVENT_COLUMNS = "id, day, kind, count, degree, contact, note, at, source"
INVITATION_COLUMNS = (
    "id, sent_day, degree, personalized, variant, contact, note,"
    " accepted_day, exchange_day, call_day, meeting_day, contract_day"
)
READING_COLUMNS = (
    "day, brand, people, insights, relationships,"
    " industry_rank, network_rank, industry_avg, network_avg"
)
INDICATOR_COLUMNS = "day, profile_views_90d, search_appearances_7d, followers, connections"


@lru_cache(maxsize=8192)
def _iso_day(value: str) -> date:
    """Day strings repeat endlessly in a journal: parse each one once."""
    return date.fromisoformat(value)


def _day(value: str | None) -> date | None:
    return _iso_day(value) if value else None


def event_from_row(row: tuple[Any, ...]) -> Event:
    return Event(row[0], date.fromisoformat(row[1]), *row[2:])


def invitation_from_row(row: tuple[Any, ...]) -> Invitation:
    return Invitation(
        id=row[0],
        sent_day=_iso_day(row[1]),
        degree=row[2],
        personalized=bool(row[3]),
        variant=row[4],
        contact=row[5],
        note=row[6],
        accepted_day=_day(row[7]),
        exchange_day=_day(row[8]),
        call_day=_day(row[9]),
        meeting_day=_day(row[10]),
        contract_day=_day(row[11]),
    )


def reading_from_row(row: tuple[Any, ...]) -> Reading:
    return Reading(date.fromisoformat(row[0]), *row[1:])


def indicators_from_row(row: tuple[Any, ...]) -> Indicators:
    return Indicators(date.fromisoformat(row[0]), *row[1:])


def event_label(event: Event) -> str:
    """What an entry was, without its day: '5 × profile view (3rd)'."""
    label = KIND_LABELS.get(event.kind, event.kind)
    if event.degree:
        degree = _("{label} (2nd)") if event.degree == 2 else _("{label} ({degree}rd)")
        label = degree.format(label=label, degree=event.degree)
    if event.count == 1:
        return label
    return _("{count} × {label}").format(count=integer(event.count), label=label)


def describe_event(event: Event) -> str:
    """A short human description, e.g. '5 × profile view (3rd) on 2026-11-23'."""
    return _("{what} on {day}").format(what=event_label(event), day=day(event.day))


def describe_invitation(inv: Invitation) -> str:
    when = day(inv.sent_day)
    if inv.contact:
        text = (_("personalised invitation #{id} to {contact} on {day}") if inv.personalized
                else _("plain invitation #{id} to {contact} on {day}"))
    else:
        text = (_("personalised invitation #{id} on {day}") if inv.personalized
                else _("plain invitation #{id} on {day}"))
    return text.format(id=inv.id, contact=inv.contact, day=when)
