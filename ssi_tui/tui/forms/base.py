"""The shape every form shares: a modal that fits 80×24 — title, one line of instructions, the
fields (scrolling if they must), the buttons and a footer with the form's own keys.

Nothing is written until every field is valid. A form reads each field with `read()`, then
`check()`s the whole record against the journal's own validation model: every bad field is
reported at once, in the interface language, under the field. Escape cancels."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Footer, Input, Label, Static

from ssi_tui.i18n import N_, _, parse_decimal, parse_whole
from ssi_tui.journal import InputError, Journal, JournalError
from ssi_tui.tui.localized import LocalizedBindings

T = TypeVar("T")


class FieldErrors(Exception):
    """Several fields are wrong at once; each error names its field."""

    def __init__(self, errors: list[InputError]) -> None:
        super().__init__("; ".join(str(e) for e in errors))
        self.errors = errors


class FormScreen(LocalizedBindings, ModalScreen[str | None]):
    """Subclasses define `form_title` and `instructions` (`N_` msgids), `compose_fields()` and
    `save()`."""

    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="form.cancel"),
        Binding("ctrl+s", "submit", N_("Save"), id="form.save"),
        Binding("tab", "app.focus_next", N_("Next field"), id="form.next", show=True),
    ]
    form_title = N_("Form")
    instructions = N_("Tab moves to the next field, Ctrl+S saves, Esc cancels.")
    dense = False
    """Fields without a blank line between them (a form with many, so that it fits 80×24)."""
    AUTO_FOCUS = "Input, TextArea, Select, SelectionList, OptionList"
    """Open with the cursor in the first field, ready to type."""

    def __init__(self, journal: Journal, log_day: Any = None) -> None:
        super().__init__(classes="form")
        self.journal = journal
        self.log_day = log_day
        self.problems: list[InputError] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-body"):
            yield Static(_(self.form_title), classes="title", markup=False)
            yield Static(self.instructions_text(), classes="instructions", markup=False)
            with VerticalScroll(classes="form-fields" + (" dense" if self.dense else "")):
                yield from self.compose_fields()
            yield Static(id="err-form", classes="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(_("Save (Ctrl+S)"), variant="primary", id="save", compact=True)
                yield Button(_("Cancel (Esc)"), id="cancel", compact=True)
        yield Footer(compact=True)

    def compose_fields(self) -> ComposeResult:
        yield from ()

    def instructions_text(self) -> str:
        return _(self.instructions)

    def on_resize(self) -> None:
        self.call_after_refresh(self.fit)

    def on_mount(self) -> None:
        self.call_after_refresh(self.fit)

    def fit(self) -> None:
        """Cap the fields' height so that the title, the instructions, the errors and the
        buttons stay on screen above the footer whatever the terminal's height; the fields
        scroll in what is left (CSS alone cannot subtract)."""
        body = self.query_one(".form-body", Vertical)
        fields = self.query_one(".form-fields", VerticalScroll)
        footer = self.query_one(Footer)
        chrome = body.styles.border.spacing.height + body.styles.padding.height
        for child in body.children:
            if child is not fields and child.display:
                chrome += child.outer_size.height + child.styles.margin.height
        room = self.size.height - footer.outer_size.height - chrome
        fields.styles.max_height = max(room, 3)

    def field(self, name: str, label: str, value: str = "", placeholder: str = "") -> ComposeResult:
        """A labelled one-line input, its error line under it."""
        yield from self.row(name, label, Input(value=value, placeholder=placeholder,
                                               id=f"f-{name}", compact=True))

    def row(self, name: str, label: str, widget: Widget) -> ComposeResult:
        """Any input widget with its label on the left and its error line under it."""
        with Horizontal(classes="field"):
            yield Label(label, classes="field-label", markup=False)
            yield widget
        yield Static(id=f"err-{name}", classes="error", markup=False)

    def value(self, name: str) -> str | None:
        text = self.query_one(f"#f-{name}", Input).value.strip()
        return text or None

    # -- reading and checking ------------------------------------------------------------------

    def read(self, name: str, parse: Callable[[str | None, str], T]) -> T | None:
        """A field's value through `parse`, or None with its error noted for `check()`."""
        try:
            return parse(self.value(name), name)
        except InputError as exc:
            self.problems.append(exc)
            return None

    def check(self, model: Any, data: dict[str, Any]) -> None:
        """Every problem so far and every field `model` refuses, all at once (FieldErrors)."""
        from ssi_tui.journal.records import input_errors

        seen = {p.field for p in self.problems}  # a field that did not parse: said already
        self.problems += [e for e in input_errors(model, data) if e.field not in seen]
        if self.problems:
            problems, self.problems = self.problems, []
            raise FieldErrors(problems)

    def save(self) -> str | None:
        """Write the record; return the toast text (None: the form closes itself later).
        Raise InputError for one bad field, FieldErrors for several."""
        raise NotImplementedError

    def show_error(self, field: str, message: str) -> None:
        targets = self.query(f"#err-{field}")
        target = targets.first() if targets else self.query_one("#err-form", Static)
        if not targets:
            message = _("{field}: {message}").format(field=field, message=message)
            if str(target.content):  # type: ignore[attr-defined]
                message = f"{target.content}\n{message}"  # type: ignore[attr-defined]
        target.update(message)  # type: ignore[attr-defined]
        target.display = True

    def action_submit(self) -> None:
        for error in self.query(".error"):
            error.update("")  # type: ignore[attr-defined]
            error.display = False
        self.problems = []
        try:
            toast = self.save()
        except FieldErrors as exc:
            for problem in exc.errors:
                self.show_error(problem.field, problem.message)
            self._reveal_first_error()
            return
        except InputError as exc:
            self.show_error(exc.field, exc.message)
            self._reveal_first_error()
            return
        except JournalError as exc:
            self.show_error("form", str(exc))
            self.call_after_refresh(self.fit)
            return
        if toast is not None:
            self.dismiss(toast)

    def _reveal_first_error(self) -> None:
        self.call_after_refresh(self.fit)
        shown = [e for e in self.query(".error") if e.display]
        if shown:
            self.query_one(".form-fields", VerticalScroll).scroll_to_widget(shown[0])

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
    """Text to a number as the interface writes it ("12,5" in French), or an InputError naming
    the field."""
    if value is None:
        return None
    try:
        return parse_decimal(value)
    except ValueError:
        raise InputError(field, _("{value!r} is not a number").format(value=value)) from None


def whole(value: str | None, field: str) -> int | None:
    """Text to a whole number ("1 234" with any space, "1,234" in English); a decimal is an
    error, never a bigger number."""
    if value is None:
        return None
    try:
        return parse_whole(value)
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
