"""What the Journal screen needs to know of each kind of record: its columns, how its rows are
read and shown, its edit form, and how it is deleted. The screen is the same for all five;
every write goes through the journal's one write path, only if the record is still the one
shown (`Journal.unless_changed`), so `u` takes it back and `ssi-tui history` lists it."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from rich.text import Text

from ssi_tui.domain import STAGES, Event, Invitation
from ssi_tui.i18n import N_, _, integer, ngettext, pgettext, short_number
from ssi_tui.i18n import day as show_day
from ssi_tui.journal import Journal
from ssi_tui.journal.rows import describe_event, describe_invitation
from ssi_tui.labels import KIND_LABELS, PROFILE_ITEM_LABELS, STAGE_LABELS
from ssi_tui.tui.forms.base import FormScreen


@dataclass
class Filter:
    """What the screen's filter row holds: for entries a habit and a day, for the others
    words that every row shown must contain."""

    kind: str | None = None
    day: date | None = None
    words: str = ""


class Records:
    """One kind of record on the Journal screen (subclasses fill these in)."""

    name = ""
    columns: tuple[str, ...] = ()
    """Column headers, msgids (lower case, like the CSV columns)."""
    empty = N_("Nothing here yet.")
    delete_word = N_("Delete (y)")
    refits = False
    """A change to it moves the calibration (the readings): the app refits after it."""

    def __init__(self) -> None:
        self._source: list[Any] | None = None
        """Every record as read last, kept while the filter is typed (`forget` drops it)."""
        self._matches: list[Any] = []
        self._haystacks: dict[Any, str] = {}
        """Each record's words, kept while typing a filter (records are frozen, hashable)."""

    def forget(self) -> None:
        """The journal changed: read it again next time."""
        self._source, self._matches = None, []
        self._haystacks.clear()

    # -- reading ---------------------------------------------------------------------------

    def all(self, journal: Journal) -> list[Any]:
        """Every record, newest first (the small tables are read whole and filtered here)."""
        raise NotImplementedError

    def page(self, journal: Journal, offset: int, limit: int, where: Filter) -> list[Any]:
        """Rows `offset` to `offset + limit` of those the filter keeps, newest first."""
        words = where.words.casefold().split()
        if not words:
            return self.unfiltered(journal, offset, limit)
        if offset == 0:
            if self._source is None:
                self._source = self.all(journal)
            self._matches = [r for r in self._source
                             if all(w in self.haystack(r) for w in words)]
        return self._matches[offset:offset + limit]

    def unfiltered(self, journal: Journal, offset: int, limit: int) -> list[Any]:
        if self._source is None:
            self._source = self.all(journal)
        return self._source[offset:offset + limit]

    def haystack(self, record: Any) -> str:
        """What the filter's words are looked for in: the row as shown, and ISO days."""
        found = self._haystacks.get(record)
        if found is None:
            cells = " ".join(str(cell) for cell in self.cells(record))
            days = " ".join(str(v) for v in vars_of(record) if isinstance(v, date))
            found = self._haystacks[record] = f"{cells} {days}".casefold()
        return found

    def key(self, record: Any) -> str:
        raise NotImplementedError

    def cells(self, record: Any) -> tuple[Any, ...]:
        raise NotImplementedError

    def count_text(self, n: int) -> str:
        raise NotImplementedError

    # -- writing ----------------------------------------------------------------------------

    def edit_form(self, journal: Journal, record: Any) -> FormScreen:
        raise NotImplementedError

    def question(self, record: Any) -> str:
        raise NotImplementedError

    def cannot_delete(self, record: Any) -> str | None:
        """Why this record has nothing to delete (None: it has)."""
        return None

    def delete(self, journal: Journal, record: Any) -> str:
        """Delete it (if still as shown); returns the toast."""
        raise NotImplementedError


def vars_of(record: Any) -> list[Any]:
    return [getattr(record, f.name) for f in fields(record)]


def figure(value: float) -> str:
    """A number as the interface writes it."""
    return integer(value) if isinstance(value, int) else short_number(value)


def _days(value: date | None) -> str:
    return show_day(value) if value else ""


class EventRecords(Records):
    name = "events"
    # TRANSLATORS: the journal's column headers (lower case, like the CSV columns)
    columns = ("#", N_("day"), N_("kind"), N_("count"), N_("degree"), N_("contact"),
               N_("note"), N_("source"))
    empty = N_("No entries yet: each key of the dashboard logs one.")

    def page(self, journal: Journal, offset: int, limit: int, where: Filter) -> list[Any]:
        return journal.events(limit=limit, offset=offset, kind=where.kind, day=where.day)

    def key(self, record: Event) -> str:
        return str(record.id)

    def cells(self, e: Event) -> tuple[Any, ...]:
        return (str(e.id), show_day(e.day), KIND_LABELS.get(e.kind, e.kind), figure(e.count),
                str(e.degree or ""), Text(e.contact or ""), Text((e.note or "")[:60]),
                e.source or "")

    def count_text(self, n: int) -> str:
        # TRANSLATORS: {n} is a count, followed by "+" while more rows remain to load
        return ngettext("{n} entry", "{n} entries", n)

    def edit_form(self, journal: Journal, record: Event) -> FormScreen:
        from ssi_tui.tui.forms.edits import EditEventForm

        return EditEventForm(journal, record)

    def question(self, record: Event) -> str:
        return _("Delete {entry}?").format(entry=describe_event(record))

    def delete(self, journal: Journal, record: Event) -> str:
        journal.unless_changed(journal.event, record.id, record, journal.delete_event,
                               record.id)
        return _("Deleted {entry}").format(entry=describe_event(record))


class InvitationRecords(Records):
    name = "invitations"
    columns = ("#", N_("sent on"), N_("outcome"), N_("on"), N_("contact"), N_("message"),
               N_("degree"), N_("variant"), N_("note"))
    empty = N_("No invitations yet: i on the dashboard records one.")

    def __init__(self) -> None:
        super().__init__()
        self._words: dict[str, str] = {}

    def all(self, journal: Journal) -> list[Any]:
        return journal.invitations()[::-1]

    def unfiltered(self, journal: Journal, offset: int, limit: int) -> list[Any]:
        # a page at a time: the heavy journal holds tens of thousands
        return journal.latest_invitations(limit, offset)

    def haystack(self, inv: Invitation) -> str:
        """The row's words without formatting its days (typed ISO anyway): quick enough to
        filter 30,000 invitations as you type."""
        found = self._haystacks.get(inv)
        if found is None:
            stage = inv.furthest_stage
            days = [inv.sent_day, *(inv.stage_day(s) for s in STAGES)]
            found = self._haystacks[inv] = " ".join([
                f"#{inv.id}", inv.contact or "", inv.variant or "", inv.note or "",
                self._word(STAGE_LABELS.english(stage) if stage else "pending"),
                self._word("personalised" if inv.personalized else "plain"),
                self._word({2: "2nd", 3: "3rd"}.get(inv.degree or 0, "")),
                *(d.isoformat() for d in days if d is not None)]).casefold()
        return found

    def _word(self, english: str) -> str:
        """A fixed word of the row in the interface language, translated once a screen."""
        if english not in self._words:
            self._words[english] = pgettext("one invitation", english) if english in (
                "personalised", "plain") else _(english) if english else ""
        return self._words[english]

    def key(self, record: Invitation) -> str:
        return str(record.id)

    def cells(self, inv: Invitation) -> tuple[Any, ...]:
        stage = inv.furthest_stage
        return (str(inv.id), show_day(inv.sent_day),
                STAGE_LABELS[stage] if stage else _("pending"),
                _days(inv.stage_day(stage)) if stage else "", Text(inv.contact or ""),
                pgettext("one invitation", "personalised") if inv.personalized
                else pgettext("one invitation", "plain"),
                {2: _("2nd"), 3: _("3rd")}.get(inv.degree or 0, ""), Text(inv.variant or ""),
                Text((inv.note or "")[:40]))

    def count_text(self, n: int) -> str:
        return ngettext("{n} invitation", "{n} invitations", n)

    def edit_form(self, journal: Journal, record: Invitation) -> FormScreen:
        from ssi_tui.tui.forms.edits import EditInvitationForm

        return EditInvitationForm(journal, record)

    def question(self, record: Invitation) -> str:
        return _("Delete {entry}?").format(entry=describe_invitation(record))

    def delete(self, journal: Journal, record: Invitation) -> str:
        journal.unless_changed(journal.invitation, record.id, record,
                               journal.delete_invitation, record.id)
        return _("Deleted {entry}").format(entry=describe_invitation(record))


class ReadingRecords(Records):
    name = "readings"
    columns = (N_("day"), N_("total"), N_("brand"), N_("people"), N_("insights"),
               N_("relationships"), N_("industry"), N_("network"))
    empty = N_("No official readings yet: r on the dashboard copies one.")
    refits = True

    def all(self, journal: Journal) -> list[Any]:
        return journal.readings()[::-1]

    def key(self, record: Any) -> str:
        return str(record.day.isoformat())

    def cells(self, r: Any) -> tuple[Any, ...]:
        def rank(value: float | None) -> str:
            return _("top {n}%").format(n=short_number(value)) if value is not None else ""

        return (show_day(r.day), figure(r.total), *(figure(r.pillars[p])
                for p in ("brand", "people", "insights", "relationships")),
                rank(r.industry_rank), rank(r.network_rank))

    def count_text(self, n: int) -> str:
        return ngettext("{n} official reading", "{n} official readings", n)

    def edit_form(self, journal: Journal, record: Any) -> FormScreen:
        from ssi_tui.tui.forms.edits import EditReadingForm

        return EditReadingForm(journal, record)

    def question(self, record: Any) -> str:
        return _("Delete the official reading of {day} ({total}/100)?").format(
            day=show_day(record.day), total=short_number(record.total))

    def delete(self, journal: Journal, record: Any) -> str:
        journal.unless_changed(journal.reading, record.day, record, journal.delete_reading,
                               record.day)
        return _("Deleted the official reading of {day}").format(day=show_day(record.day))


class IndicatorRecords(Records):
    name = "indicators"
    columns = (N_("day"), N_("views 90 d"), N_("in searches 7 d"), N_("followers"),
               N_("connections"))
    empty = N_("No weekly indicators yet: w on the dashboard records them.")

    def all(self, journal: Journal) -> list[Any]:
        return journal.indicators()[::-1]

    def key(self, record: Any) -> str:
        return str(record.day.isoformat())

    def cells(self, i: Any) -> tuple[Any, ...]:
        return (show_day(i.day), *("" if v is None else figure(v) for v in (
            i.profile_views_90d, i.search_appearances_7d, i.followers, i.connections)))

    def count_text(self, n: int) -> str:
        return ngettext("{n} day of indicators", "{n} days of indicators", n)

    def edit_form(self, journal: Journal, record: Any) -> FormScreen:
        from ssi_tui.tui.forms.edits import EditIndicatorsForm

        return EditIndicatorsForm(journal, record)

    def question(self, record: Any) -> str:
        return _("Delete the indicators of {day}?").format(day=show_day(record.day))

    def delete(self, journal: Journal, record: Any) -> str:
        journal.unless_changed(journal.indicators_on, record.day, record,
                               journal.delete_indicators, record.day)
        return _("Deleted the indicators of {day}").format(day=show_day(record.day))


class ChecklistRecords(Records):
    """The profile checklist: its items are fixed, so deleting one unticks it."""

    name = "checklist"
    columns = (N_("item"), N_("done"), N_("on"))
    delete_word = N_("Untick (y)")

    def all(self, journal: Journal) -> list[Any]:
        return journal.profile()

    def key(self, record: Any) -> str:
        return str(record.key)

    def cells(self, item: Any) -> tuple[Any, ...]:
        return (PROFILE_ITEM_LABELS.get(item.key, item.label), "✓" if item.done else "·",
                _days(item.day))

    def count_text(self, n: int) -> str:
        return ngettext("{n} checklist item", "{n} checklist items", n)

    def edit_form(self, journal: Journal, record: Any) -> FormScreen:
        from ssi_tui.tui.forms.edits import EditChecklistItemForm

        return EditChecklistItemForm(journal, record)

    def question(self, record: Any) -> str:
        return _("Untick {item}?").format(item=PROFILE_ITEM_LABELS.get(record.key, record.label))

    def cannot_delete(self, record: Any) -> str | None:
        if record.done:
            return None
        return _("{item} is not ticked: nothing to untick").format(
            item=PROFILE_ITEM_LABELS.get(record.key, record.label))

    def delete(self, journal: Journal, record: Any) -> str:
        journal.unless_changed(journal.profile_item, record.key, record,
                               journal.set_profile_item, record.key, False, None,
                               surface="delete")
        return _("Unticked {item}").format(item=PROFILE_ITEM_LABELS.get(record.key, record.label))


RECORDS: dict[str, type[Records]] = {
    "events": EventRecords, "invitations": InvitationRecords, "readings": ReadingRecords,
    "indicators": IndicatorRecords, "checklist": ChecklistRecords,
}
"""By the name keys.RECORD_KINDS gives (the CLI's table names, and the checklist)."""
