"""Asks before logging a count far above the user's own largest day (ssi_tui/model/norms.py):
`100v` meant as `10v` should not land silently."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ssi_tui.i18n import N_, _, integer
from ssi_tui.labels import KIND_LABELS
from ssi_tui.tui.localized import LocalizedBindings


class ConfirmCount(LocalizedBindings, ModalScreen[bool]):
    BINDINGS = [Binding("escape,n", "dismiss(False)", N_("No"), id="count.no"),
                Binding("y", "dismiss(True)", N_("Yes"), id="count.yes")]

    def __init__(self, kind: str, count: int, largest: int) -> None:
        super().__init__()
        self.kind, self.count, self.largest = kind, count, largest

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-body"):
            yield Static(_("Log {n} × {kind}?").format(
                n=integer(self.count), kind=KIND_LABELS.get(self.kind, self.kind)),
                classes="title")
            yield Static(_("Your largest day of it so far: {most}.").format(
                most=integer(self.largest)), classes="hint")
            with Horizontal(classes="buttons"):
                yield Button(_("Log it (y)"), variant="primary", id="yes", compact=True)
                yield Button(_("Cancel (n)"), id="no", compact=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")
