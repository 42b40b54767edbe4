"""The journal: every record, newest first, one kind at a time (entries, invitations, official
readings, weekly indicators, the profile checklist: keys 1–5); filter, edit, delete, undo.

Rows are read 200 at a time; reaching the last row loads the next page, so a journal of a
million events opens as fast as one of a hundred. What differs between the kinds lives in
journal_records.py; every edit and delete goes through the journal's one write path.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import (
    Button,
    DataTable,
    Footer,
    Header,
    Input,
    Label,
    Select,
    Static,
    Tabs,
)

from ssi_tui.domain import Kind
from ssi_tui.i18n import N_, _, integer
from ssi_tui.journal import InputError, Journal, JournalError
from ssi_tui.labels import KIND_LABELS
from ssi_tui.tui.keys import RECORD_KINDS
from ssi_tui.tui.localized import LocalizedBindings
from ssi_tui.tui.messages import JournalChanged, RedoRequested, ScreenRequested, UndoRequested
from ssi_tui.tui.narrow import NarrowFooter
from ssi_tui.tui.screens.journal_records import RECORDS, Filter, Records
from ssi_tui.tui.widgets.record_tabs import RecordTabs

PAGE = 200
MAX_WIDTH = 40
"""No column wider than this (a long note is cut, the rest of the row stays in view)."""


class ConfirmDelete(LocalizedBindings, ModalScreen[bool]):
    """Asks before a record goes (y deletes, n or Esc keeps it); u brings it back after."""

    BINDINGS = [Binding("escape,n", "dismiss(False)", N_("No"), id="delete.no"),
                Binding("y", "dismiss(True)", N_("Yes"), id="delete.yes")]

    def __init__(self, question: str, yes: str = N_("Delete (y)")) -> None:
        super().__init__()
        self.question = question
        self.yes = yes

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-body"):
            yield Static(Text(self.question), classes="title")
            yield Static(_("u brings it back."), classes="hint")
            with Horizontal(classes="buttons"):
                yield Button(_(self.yes), variant="error", id="yes", compact=True)
                yield Button(_("Keep (n)"), id="no", compact=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")


class JournalScreen(NarrowFooter, LocalizedBindings, Screen[None]):
    BINDINGS = [
        Binding("e,enter", "edit", N_("Edit"), id="journal.edit"),
        Binding("d,delete,x", "delete", N_("Delete"), id="journal.delete"),
        Binding("f", "focus_filter", N_("Filter"), id="journal.filter", show=False),
        Binding("u", "undo", N_("Undo"), id="log.undo", show=False),
        Binding("U", "redo", N_("Redo"), id="log.redo", show=False),
        *(Binding(key, f"show_kind('{name}')", label, id=f"journal.{name}", show=False)
          for key, name, label in RECORD_KINDS),
        Binding("escape", "leave", N_("Back"), id="journal.back"),
    ]

    def __init__(self, journal: Journal, kind: str = "events") -> None:
        super().__init__()
        self.journal = journal
        self.records: Records = RECORDS[kind]()
        self.where = Filter()
        self.loaded = 0
        self.exhausted = False
        self.rows: dict[str, Any] = {}
        self.widths: list[int] = []
        """Each column's width, fitted to the rows shown (see `_widen`)."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield RecordTabs(self.records.name)
        with Horizontal(id="journal-filters"):
            yield Label(_("Kind") + " ", id="filter-kind-label")
            yield Select([(KIND_LABELS[k], k.value) for k in Kind], prompt=_("all kinds"),
                         id="filter-kind", compact=True)
            yield Label("  " + _("Day") + " ", id="filter-day-label")
            yield Input(placeholder=_("YYYY-MM-DD (empty: all)"), id="filter-day",
                        compact=True)
            yield Label(_("Search") + " ", id="filter-words-label")
            yield Input(placeholder=_("words or a day, e.g. ada 2026-11"), id="filter-words",
                        compact=True)
            yield Static(id="filter-error", classes="error")
        yield DataTable(id="entries", cursor_type="row", zebra_stripes=True)
        yield Static(id="journal-empty", classes="hint", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.show_records()
        self.query_one("#entries", DataTable).focus()
        self.watch(self.app, "status", lambda _status: self.reload(keep_if_same=True),
                   init=False)

    # -- the kind shown ------------------------------------------------------------------------

    def action_show_kind(self, name: str) -> None:
        if name != self.records.name:
            self.query_one(RecordTabs).active = f"tab-{name}"  # shows it (see below)

    def on_resize(self, event: events.Resize) -> None:
        self.fit(event.size.width)

    def fit(self, width: int) -> None:
        """Tabs, footer and filters laid out for `width` columns (the filters share their row
        under `narrow.WIDE`, see app.tcss)."""
        self.query_one(RecordTabs).fit(width)
        self.fit_footer(width)
        self.set_class(self.footer_narrow, "-narrow")

    def on_tabs_tab_activated(self, message: Tabs.TabActivated) -> None:
        self.query_one(RecordTabs).fit(self.size.width)
        name = (message.tab.id or "").removeprefix("tab-")
        if name in RECORDS and name != self.records.name:
            self.records = RECORDS[name]()
            self.show_records()

    def show_records(self) -> None:
        """Lay the table and the filter row out for the kind shown, and fill it."""
        events = self.records.name == "events"
        for widget_id in ("filter-kind-label", "filter-kind", "filter-day-label",
                          "filter-day"):
            self.query_one(f"#{widget_id}").display = events
        for widget_id in ("filter-words-label", "filter-words"):
            self.query_one(f"#{widget_id}").display = not events
        self.query_one("#journal-filters").display = self.records.name != "checklist"
        self.query_one("#filter-error").display = False
        self.query_one("#filter-words", Input).value = ""
        self.where.words = ""
        self.widths = []
        self.reload()
        self.query_one("#entries", DataTable).focus()

    # -- data ----------------------------------------------------------------------------------

    def reload(self, fresh: bool = True, keep_if_same: bool = False) -> None:
        """Read the kind shown again (`fresh`: from the file, else only filter again); the
        cursor stays on the same record where it can. `keep_if_same`: leave the table alone
        if its rows did not change (a status rebuilt for another reason)."""
        if fresh:
            self.records.forget()
        first = self.records.page(self.journal, 0, PAGE, self.where)
        if keep_if_same and self.loaded <= PAGE and first == list(self.rows.values()):
            return
        table = self.query_one("#entries", DataTable)
        chosen, row = self.selected_key(), table.cursor_row
        table.clear()
        self.rows.clear()
        self.loaded, self.exhausted = 0, False
        self.load_more(first)
        if chosen in self.rows:
            row = table.get_row_index(chosen)
        self._place_cursor(row)

    def _place_cursor(self, row: int) -> None:
        table = self.query_one("#entries", DataTable)
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1), animate=False)

    def load_more(self, records: list[Any] | None = None) -> None:
        """Show the next page (`records`: the page, when already read)."""
        if self.exhausted:
            return
        if records is None:
            records = self.records.page(self.journal, self.loaded, PAGE, self.where)
        self.exhausted = len(records) < PAGE
        self.loaded += len(records)
        table = self.query_one("#entries", DataTable)
        rows = [(self.records.key(r), self.records.cells(r)) for r in records]
        if self._widen([cells for _key, cells in rows]):
            self._lay_out_columns()
        for (key, cells), record in zip(rows, records, strict=True):
            self.rows[key] = record
            table.add_row(*cells, key=key)
        self.sub_title = self.records.count_text(self.loaded).format(
            n=f"{integer(self.loaded)}{'' if self.exhausted else '+'}")
        empty = self.query_one("#journal-empty", Static)
        empty.update(_("Nothing matches the filter.") if self.filtered() else
                     _(self.records.empty))
        empty.display = not self.loaded

    def headers(self) -> list[str]:
        return [_(c) if c != "#" else c for c in self.records.columns]

    def _widen(self, rows: list[tuple[Any, ...]]) -> bool:
        """Fit the columns' widths to `rows` too; True if one grew. The table is told each
        width rather than left to measure its cells when idle, which under load it did not
        always do (a column stayed as narrow as its header)."""
        widths = self.widths or [cell_len(h) for h in self.headers()]
        grown = [min(max([width, *(cell_len(str(cells[i])) for cells in rows)]), MAX_WIDTH)
                 for i, width in enumerate(widths)]
        changed = grown != self.widths
        self.widths = grown
        return changed

    def _lay_out_columns(self) -> None:
        """The columns at `self.widths`, with the rows already shown put back."""
        table = self.query_one("#entries", DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        for header, width in zip(self.headers(), self.widths, strict=True):
            table.add_column(header, width=width)
        for key, record in self.rows.items():
            table.add_row(*self.records.cells(record), key=key)
        self._place_cursor(row)

    def filtered(self) -> bool:
        return bool(self.where.words.strip() if self.records.name != "events"
                    else self.where.kind or self.where.day)

    def on_data_table_row_highlighted(self, message: DataTable.RowHighlighted) -> None:
        if message.cursor_row >= self.loaded - 1:
            self.load_more()

    def selected_key(self) -> str | None:
        table = self.query_one("#entries", DataTable)
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def selected(self) -> Any:
        key = self.selected_key()
        return None if key is None else self.rows.get(key)

    # -- filters -------------------------------------------------------------------------------

    def on_select_changed(self, message: Select.Changed) -> None:
        value = message.value
        self.where.kind = value if isinstance(value, str) else None
        self.reload()

    def on_input_changed(self, message: Input.Changed) -> None:
        if message.input.id == "filter-words":  # the small tables filter as you type
            self.where.words = message.value
            self.reload(fresh=False)

    def on_input_submitted(self, message: Input.Submitted) -> None:
        if message.input.id == "filter-words":
            self.query_one("#entries", DataTable).focus()
            return
        error = self.query_one("#filter-error", Static)
        text = message.value.strip()
        try:
            self.where.day = date.fromisoformat(text) if text else None
        except ValueError:
            error.update(_("day: {text} is not a date like 2026-11-23").format(
                text=repr(text)))
            error.display = True
            return
        error.display = False
        self.reload()
        self.query_one("#entries", DataTable).focus()

    def action_focus_filter(self) -> None:
        target = "#filter-day" if self.records.name == "events" else "#filter-words"
        if self.query_one("#journal-filters").display:
            self.query_one(target, Input).focus()

    def action_leave(self) -> None:
        if isinstance(self.focused, Input | Select):
            self.query_one("#entries", DataTable).focus()
        else:
            self.post_message(ScreenRequested("dashboard"))

    # -- edit, delete, undo --------------------------------------------------------------------

    def action_edit(self) -> None:
        record = self.selected()
        if record is not None:
            self.app.push_screen(self.records.edit_form(self.journal, record), self._changed)

    def on_data_table_row_selected(self, _message: DataTable.RowSelected) -> None:
        """Enter on a row (the table takes Enter before the screen's binding sees it)."""
        self.action_edit()

    def action_delete(self) -> None:
        record, records = self.selected(), self.records
        if record is None:
            return
        refused = records.cannot_delete(record)
        if refused:
            self.notify(refused, severity="warning", markup=False)
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                try:
                    toast = records.delete(self.journal, record)
                except (InputError, JournalError) as exc:
                    self.notify(str(exc), title=_("Not saved"), severity="error", timeout=6,
                                markup=False)
                    self.reload()
                    return
                self._changed(toast)

        self.app.push_screen(ConfirmDelete(records.question(record), records.delete_word),
                             confirmed)

    def action_undo(self) -> None:
        self.post_message(UndoRequested())

    def action_redo(self) -> None:
        self.post_message(RedoRequested())

    def _changed(self, toast: Any) -> None:
        if toast:
            # the app rebuilds the status; this screen reloads as it watches it
            self.post_message(JournalChanged(str(toast), refit=self.records.refits))
