"""The shape every form shares: a modal with labelled inputs, each with an error line under it.
Nothing is written until the journal accepts the whole record; its `InputError` names the
field, and the message appears under that field. Escape cancels."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from ssi_tui.i18n import N_, _, parse_decimal
from ssi_tui.journal import InputError, Journal, JournalError
from ssi_tui.tui.localized import LocalizedBindings


class FormScreen(LocalizedBindings, ModalScreen[str | None]):
    """Subclasses define `form_title` (an `N_` msgid), `compose_fields()` and `save()`."""

    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="form.cancel"),
        Binding("ctrl+s", "submit", N_("Save"), id="form.save"),
    ]
    form_title = N_("Form")
    AUTO_FOCUS = "Input, TextArea, Select, SelectionList"
    """Open with the cursor in the first field, ready to type."""

    def __init__(self, journal: Journal, log_day: Any = None) -> None:
        super().__init__(classes="form")
        self.journal = journal
        self.log_day = log_day

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="form-body"):
            yield Static(_(self.form_title), classes="title")
            yield from self.compose_fields()
            yield Static(id="err-form", classes="error")
            with Horizontal(classes="buttons"):
                yield Button(_("Save (Ctrl+S)"), variant="primary", id="save")
                yield Button(_("Cancel (Esc)"), id="cancel")

    def compose_fields(self) -> ComposeResult:
        yield from ()

    def field(self, name: str, label: str, value: str = "", placeholder: str = "") -> ComposeResult:
        yield Label(label, classes="field-label")
        yield Input(value=value, placeholder=placeholder, id=f"f-{name}")
        yield Static(id=f"err-{name}", classes="error")

    def value(self, name: str) -> str | None:
        text = self.query_one(f"#f-{name}", Input).value.strip()
        return text or None

    def save(self) -> str | None:
        """Write the record; return the toast text (None: the form closes itself later).
        Raise InputError for a bad field."""
        raise NotImplementedError

    def show_error(self, field: str, message: str) -> None:
        targets = self.query(f"#err-{field}")
        target = targets.first() if targets else self.query_one("#err-form", Static)
        text = message if targets else f"{field}: {message}"
        target.update(text)  # type: ignore[union-attr]
        target.display = True

    def action_submit(self) -> None:
        for error in self.query(".error"):
            error.update("")  # type: ignore[attr-defined]
            error.display = False
        try:
            toast = self.save()
        except InputError as exc:
            self.show_error(exc.field, exc.message)
            return
        except JournalError as exc:
            self.show_error("form", str(exc))
            return
        if toast is not None:
            self.dismiss(toast)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_input_submitted(self) -> None:
        self.action_submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_submit()
        else:
            self.action_cancel()


def number(value: str | None, field: str) -> float | None:
    """Text to a number (a French comma is fine), or an InputError naming the field."""
    if value is None:
        return None
    try:
        return parse_decimal(value)
    except ValueError:
        raise InputError(field, _("{value!r} is not a number").format(value=value)) from None


def whole(value: str | None, field: str) -> int | None:
    if value is None:
        return None
    try:
        return int(value.replace(" ", "").replace(",", ""))
    except ValueError:
        raise InputError(field, _("{value!r} is not a whole number").format(value=value)) from None


def day(value: str | None, field: str = "day") -> Any:
    from datetime import date

    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(field, _("{value!r} is not a date like 2026-11-23").format(
            value=value)) from None
