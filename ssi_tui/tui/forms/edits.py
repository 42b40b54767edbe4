"""The Journal screen's edit forms, one per kind of record, each starting from the record as
shown. They reuse the forms that record them (same fields, same checks) and save through the
journal's one write path, only if the record is still the one shown (`Journal.unless_changed`):
`u` takes an edit back, `ssi-tui history` lists it."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.app import ComposeResult
from textual.widgets import Select

from ssi_tui.domain import STAGES, Event, Indicators, Invitation, Kind, ProfileItem, Reading
from ssi_tui.i18n import N_, _, short_number
from ssi_tui.i18n import day as day_text
from ssi_tui.journal import InputError, Journal
from ssi_tui.journal.rows import describe_event, describe_invitation
from ssi_tui.labels import KIND_LABELS, PROFILE_ITEM_LABELS, STAGE_LABELS
from ssi_tui.tui.forms.base import FormScreen, day, whole
from ssi_tui.tui.forms.records import InvitationForm, ReadingForm, WeeklyForm

EDIT_INSTRUCTIONS = N_("Change what is wrong. Tab next field, Ctrl+S saves, Esc cancels; u "
                       "takes the change back.")
STAGE_FIELD_LABELS = {
    "accepted": N_("Accepted on"),
    "exchange": N_("First exchange on"),
    "call": N_("Call on"),
    "meeting": N_("Meeting on"),
    "contract": N_("Contract on"),
}


def _text(value: object) -> str:
    return "" if value is None else str(value)


def past_day(form: FormScreen, name: str) -> date | None:
    """Field `name` read as a day that is not in the future (the journal's own rule, checked
    here too so that it is reported with the form's other errors at once)."""
    when: date | None = form.read(name, day)
    today = form.journal.today()
    if when is not None and when > today:
        form.problems.append(InputError(name, _("{day} is in the future (today is {today})")
                                        .format(day=day_text(when), today=day_text(today))))
        return None
    return when


class EditEventForm(FormScreen):
    """An entry: its habit, count, day, degree, contact and note."""

    form_title = N_("Edit entry")
    instructions = EDIT_INSTRUCTIONS
    dense = True

    def __init__(self, journal: Journal, event: Event) -> None:
        super().__init__(journal)
        self.event = event
        self.form_title = _("Edit entry #{id}: {kind}").format(
            id=event.id, kind=KIND_LABELS.get(event.kind, event.kind))

    def compose_fields(self) -> ComposeResult:
        e = self.event
        yield from self.row("kind", _("Habit"), Select(
            [(KIND_LABELS[k], k.value) for k in Kind], value=e.kind, allow_blank=False,
            id="f-kind", compact=True, type_to_search=True))
        yield from self.field("count", _("Count"), str(e.count))
        yield from self.field("day", _("Day (YYYY-MM-DD)"), e.day.isoformat())
        yield from self.field("degree", _("Degree (2 or 3, profile views only)"),
                              _text(e.degree))
        yield from self.field("contact", _("Contact"), _text(e.contact))
        yield from self.field("note", _("Note"), _text(e.note))

    def save(self) -> str:
        from ssi_tui.journal.records import EventIn

        data = {"kind": self.query_one("#f-kind", Select).value,
                "count": self.read("count", whole), "day": past_day(self, "day"),
                "degree": self.read("degree", whole), "contact": self.value("contact"),
                "note": self.value("note")}
        if data["count"] is None and "count" not in {p.field for p in self.problems}:
            self.problems.append(InputError("count", _("required (1 or more)")))
        if data["day"] is None and "day" not in {p.field for p in self.problems}:
            self.problems.append(InputError("day", _("required (YYYY-MM-DD)")))
        self.check(EventIn, data)
        updated = self.journal.unless_changed(self.journal.event, self.event.id, self.event,
                                              self.journal.update_event, self.event.id, **data)
        return _("Saved {entry}").format(entry=describe_event(updated))


class EditInvitationForm(InvitationForm):
    """An invitation: how it was sent, and the day it reached each stage of the funnel (empty:
    not reached; all empty: still pending)."""

    instructions = EDIT_INSTRUCTIONS
    dense = True

    def __init__(self, journal: Journal, invitation: Invitation) -> None:
        super().__init__(journal)
        self.shown = invitation
        self.form_title = _("Edit invitation #{id}").format(id=invitation.id)

    def compose_fields(self) -> ComposeResult:
        inv = self.shown
        assert inv is not None
        yield from self.field("sent_day", _("Sent on (YYYY-MM-DD)"), inv.sent_day.isoformat())
        yield from super().compose_fields()
        for stage in STAGES:
            yield from self.field(f"{stage}_day", _(STAGE_FIELD_LABELS[stage]),
                                  _text(inv.stage_day(stage)),
                                  placeholder=_("YYYY-MM-DD, empty: not (yet)"))

    def save(self) -> str:
        from ssi_tui.journal.records import InvitationIn

        inv = self.shown
        assert inv is not None
        sent = past_day(self, "sent_day")
        if sent is None and "sent_day" not in {p.field for p in self.problems}:
            self.problems.append(InputError("sent_day", _("required (YYYY-MM-DD)")))
        stages = {f"{s}_day": past_day(self, f"{s}_day") for s in STAGES}
        for name, when in stages.items():
            if when is not None and sent is not None and when < sent:
                self.problems.append(InputError(name, _(
                    "{day} is before the invitation was sent ({sent})").format(
                        day=day_text(when), sent=day_text(sent))))
        data = self.read_fields() | {"sent_day": sent}
        self.check(InvitationIn, data)
        updated = self.journal.unless_changed(
            self.journal.invitation, inv.id, inv, self.journal.update_invitation, inv.id,
            **data, **{name: when or "" for name, when in stages.items()})
        stage = updated.furthest_stage
        return _("Saved {what} ({stage})").format(
            what=describe_invitation(updated),
            stage=STAGE_LABELS[stage] if stage else _("pending"))


class EditReadingForm(ReadingForm):
    """An official reading: its four pillars and ranks (its day is its id: delete it and
    record it again to move it)."""

    instructions = N_("Change what is wrong, or paste the page of that day again. Ctrl+S "
                      "saves, Esc cancels; u takes the change back.")
    AUTO_FOCUS = "#f-brand"
    """Start in the first figure: an edit corrects a figure more often than it pastes."""

    def __init__(self, journal: Journal, reading: Reading) -> None:
        super().__init__(journal, reading.day)
        self.reading = reading
        self.form_title = _("Edit the official reading of {day}").format(
            day=day_text(reading.day))

    def initial(self, name: str) -> str:
        value = getattr(self.reading, name)
        return "" if value is None else short_number(value)

    def save(self) -> str:
        from ssi_tui.journal.records import ReadingIn

        data = self.read_figures()
        self.check(ReadingIn, data | {"day": self.reading.day})
        day_ = self.reading.day
        updated = self.journal.unless_changed(
            self.journal.reading, day_, self.reading, self.journal.update_reading, day_,
            **data, **self._pasted_averages(data))
        return _("Reading of {day}: {total}/100").format(day=day_text(updated.day),
                                                          total=short_number(updated.total))


class EditIndicatorsForm(WeeklyForm):
    """One day's weekly figures; an emptied field clears that figure."""

    def __init__(self, journal: Journal, indicators: Indicators) -> None:
        self.shown = indicators
        super().__init__(journal, indicators.day)
        self.form_title = _("Edit the indicators of {day}").format(day=day_text(indicators.day))

    def starting_figures(self) -> Indicators | None:
        return self.shown

    def instructions_text(self) -> str:
        return _("An empty field clears that figure. Ctrl+S saves, Esc cancels; u takes the "
                 "change back.")

    def save(self) -> str:
        from ssi_tui.journal.records import IndicatorsIn

        data = {name: self.read(name, whole) for name, _label in self.FIELDS}
        if all(value is None for value in data.values()) and not self.problems:
            self.problems.append(InputError("indicators", _(
                "every figure is empty: delete the day instead (d)")))
        self.check(IndicatorsIn, data | {"day": self.shown.day})
        updated = self.journal.unless_changed(
            self.journal.indicators_on, self.shown.day, self.shown,
            self.journal.update_indicators, self.shown.day, **data)
        return _("Indicators of {day} saved").format(day=day_text(updated.day))


class EditChecklistItemForm(FormScreen):
    """One item of the profile checklist: done or not, and the day it was done."""

    instructions = EDIT_INSTRUCTIONS

    def __init__(self, journal: Journal, item: ProfileItem) -> None:
        super().__init__(journal)
        self.item = item
        self.form_title = _("Edit the checklist item: {item}").format(
            item=PROFILE_ITEM_LABELS.get(item.key, item.label))

    def compose_fields(self) -> ComposeResult:
        yield from self.row("done", _("State"), Select(
            [(_("done"), True), (_("not done"), False)], value=self.item.done,
            allow_blank=False, id="f-done", compact=True))
        yield from self.field("day", _("Done on (YYYY-MM-DD, empty: today)"),
                              self.item.day.isoformat() if self.item.day else "")

    def save(self) -> str:
        from ssi_tui.journal.records import ProfileItemIn

        done = bool(self.query_one("#f-done", Select).value)
        when = past_day(self, "day")
        data: dict[str, Any] = {"item": self.item.key, "done": done,
                                "day": when if done else None}
        self.check(ProfileItemIn, data)
        key = self.item.key
        updated = self.journal.unless_changed(
            self.journal.profile_item, key, self.item, self.journal.set_profile_item, key,
            done, data["day"], surface="edit")
        return (_("Ticked {item} ({day})").format(item=updated.label, day=day_text(updated.day))
                if updated.done else _("Unticked {item}").format(item=updated.label))
