"""The journal: every entry, newest first, filtered by kind and day; edit and delete.

Rows are read 200 at a time; reaching the last row loads the next page, so a journal of a
million events opens as fast as one of a hundred.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, DataTable, Footer, Header, Input, Label, Select, Static

from ssi_tui.domain import Event, Kind
from ssi_tui.i18n import N_, _, integer, ngettext
from ssi_tui.i18n import day as show_day
from ssi_tui.journal import InputError, Journal
from ssi_tui.journal.rows import describe_event
from ssi_tui.labels import KIND_LABELS
from ssi_tui.tui.forms.base import FormScreen, day, whole
from ssi_tui.tui.localized import LocalizedBindings
from ssi_tui.tui.messages import JournalChanged, ScreenRequested

PAGE = 200


class EditEventForm(FormScreen):
    form_title = N_("Edit entry")

    def __init__(self, journal: Journal, event: Event) -> None:
        super().__init__(journal)
        self.event = event
        self.form_title = _("Edit entry #{id}: {kind}").format(
            id=event.id, kind=KIND_LABELS.get(event.kind, event.kind))

    def compose_fields(self) -> ComposeResult:
        e = self.event
        yield from self.field("count", _("Count"), str(e.count))
        yield from self.field("day", _("Day (YYYY-MM-DD)"), e.day.isoformat())
        yield from self.field("degree", _("Degree (2 or 3, profile views only)"),
                              str(e.degree or ""))
        yield from self.field("contact", _("Contact"), e.contact or "")
        yield from self.field("note", _("Note"), e.note or "")

    def save(self) -> str:
        degree = whole(self.value("degree"), "degree")
        updated = self.journal.update_event(
            self.event.id, count=whole(self.value("count"), "count") or 0,
            day=day(self.value("day")) or self.event.day, degree=degree,
            contact=self.value("contact"), note=self.value("note"),
        )
        return _("Saved {entry}").format(entry=describe_event(updated))


class ConfirmDelete(LocalizedBindings, ModalScreen[bool]):
    BINDINGS = [Binding("escape,n", "dismiss(False)", N_("No"), id="delete.no"),
                Binding("y", "dismiss(True)", N_("Yes"), id="delete.yes")]

    def __init__(self, event: Event) -> None:
        super().__init__()
        self.event = event

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-body"):
            yield Static(Text(_("Delete {entry}?").format(entry=describe_event(self.event))),
                         classes="title")
            yield Static(_("u on the dashboard brings it back."), classes="hint")
            with Horizontal(classes="buttons"):
                yield Button(_("Delete (y)"), variant="error", id="yes", compact=True)
                yield Button(_("Keep (n)"), id="no", compact=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")


class JournalScreen(LocalizedBindings, Screen[None]):
    BINDINGS = [
        Binding("e,enter", "edit", N_("Edit"), id="journal.edit"),
        Binding("delete,x", "delete", N_("Delete"), id="journal.delete"),
        Binding("f", "focus_filter", N_("Filter"), id="journal.filter"),
        Binding("escape", "leave", N_("Back"), id="journal.back"),
    ]

    def __init__(self, journal: Journal) -> None:
        super().__init__()
        self.journal = journal
        self.kind: str | None = None
        self.day: date | None = None
        self.loaded = 0
        self.exhausted = False
        self.rows: dict[str, Event] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="journal-filters"):
            yield Label(_("Kind") + " ")
            yield Select([(KIND_LABELS[k], k.value) for k in Kind], prompt=_("all kinds"),
                         id="filter-kind")
            yield Label("  " + _("Day") + " ")
            yield Input(placeholder=_("YYYY-MM-DD (empty: all)"), id="filter-day")
            yield Static(id="filter-error", classes="error")
        yield DataTable(id="entries", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#entries", DataTable)
        # TRANSLATORS: the journal's column headers (lower case, like the CSV columns)
        table.add_columns("#", _("day"), _("kind"), _("count"), _("degree"), _("contact"),
                          _("note"), _("source"))
        self.reload()
        table.focus()
        self.watch(self.app, "status", self.reload, init=False)  # the journal changed

    # -- data ----------------------------------------------------------------------------------

    def reload(self) -> None:
        table = self.query_one("#entries", DataTable)
        table.clear()
        self.rows.clear()
        self.loaded, self.exhausted = 0, False
        self.load_more()

    def load_more(self) -> None:
        if self.exhausted:
            return
        events = self.journal.events(limit=PAGE, offset=self.loaded, kind=self.kind,
                                     day=self.day)
        self.exhausted = len(events) < PAGE
        self.loaded += len(events)
        table = self.query_one("#entries", DataTable)
        for e in events:
            key = str(e.id)
            self.rows[key] = e
            table.add_row(str(e.id), show_day(e.day), KIND_LABELS.get(e.kind, e.kind),
                          integer(e.count), str(e.degree or ""), Text(e.contact or ""),
                          Text((e.note or "")[:60]), e.source or "", key=key)
        # TRANSLATORS: {n} is a count, followed by "+" while more rows remain to load
        self.sub_title = ngettext("{n} entry", "{n} entries", self.loaded).format(
            n=f"{integer(self.loaded)}{'' if self.exhausted else '+'}")

    def on_data_table_row_highlighted(self, message: DataTable.RowHighlighted) -> None:
        if message.cursor_row >= self.loaded - 1:
            self.load_more()

    def selected(self) -> Event | None:
        table = self.query_one("#entries", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.rows.get(str(key))

    # -- filters -------------------------------------------------------------------------------

    def on_select_changed(self, message: Select.Changed) -> None:
        value = message.value
        self.kind = value if isinstance(value, str) else None
        self.reload()

    def on_input_submitted(self, message: Input.Submitted) -> None:
        error = self.query_one("#filter-error", Static)
        text = message.value.strip()
        try:
            self.day = date.fromisoformat(text) if text else None
        except ValueError:
            error.update(_("day: {text} is not a date like 2026-11-23").format(
                text=repr(text)))
            error.display = True
            return
        error.display = False
        self.reload()
        self.query_one("#entries", DataTable).focus()

    def action_focus_filter(self) -> None:
        self.query_one("#filter-day", Input).focus()

    def action_leave(self) -> None:
        if isinstance(self.focused, Input | Select):
            self.query_one("#entries", DataTable).focus()
        else:
            self.post_message(ScreenRequested("dashboard"))

    # -- edit and delete -------------------------------------------------------------------

    def action_edit(self) -> None:
        event = self.selected()
        if event is not None:
            self.app.push_screen(EditEventForm(self.journal, event), self._changed)

    def action_delete(self) -> None:
        event = self.selected()
        if event is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                try:
                    self.journal.delete_event(event.id)
                except InputError as exc:
                    self.notify(str(exc), severity="error", markup=False)
                    return
                self._changed(_("Deleted {entry}").format(entry=describe_event(event)))

        self.app.push_screen(ConfirmDelete(event), confirmed)

    def _changed(self, toast: Any) -> None:
        if toast:
            # the app rebuilds the status; this screen reloads as it watches it
            self.post_message(JournalChanged(str(toast)))
