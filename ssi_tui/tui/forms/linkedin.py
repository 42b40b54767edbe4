"""Import LinkedIn's data export from the app (command palette): a path, a dry run to see what
each file holds, then the import. Both read the archive in the app's workers (each on a journal
connection of its own: an SQLite connection belongs to the thread that opened it), so the screen
stays live; the outcome comes back as a `LinkedInDone` message."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Input, Static

from ssi_tui.i18n import N_, _
from ssi_tui.journal import InputError
from ssi_tui.tui import messages as m
from ssi_tui.tui.forms.base import FormScreen


class LinkedInImportForm(FormScreen):
    form_title = N_("Import LinkedIn's data export (zip or folder)")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # the title in the language of the moment (translating it again is harmless)
        self.form_title = _(type(self).form_title)

    def compose_fields(self) -> ComposeResult:
        yield from self.field("path", _("Path to the downloaded .zip or its folder"),
                              placeholder="~/Downloads/Basic_LinkedInDataExport.zip")
        yield Static(_("Enter shows what each file holds; Ctrl+S imports. Safe to run twice: "
                       "nothing is added twice; `ssi-tui import-linkedin --undo` removes it all."),
                     classes="hint")
        yield Static(id="plan")

    def _path(self) -> Path:
        text = self.value("path")
        if text is None:
            raise InputError("path",
                             _("give the .zip LinkedIn sent you, or the folder it unpacks to"))
        path = Path(text).expanduser()
        if not path.exists():
            raise InputError("path", _("{path} does not exist").format(path=path))
        return path

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter: a dry run, nothing written (instead of the other forms' save)."""
        event.prevent_default()
        error = self.query_one("#err-path", Static)
        error.update("")
        error.display = False
        try:
            path = self._path()
        except InputError as exc:
            self.show_error(exc.field, exc.message)
            return
        self.query_one("#plan", Static).update(_("Reading…"))
        self.post_message(m.LinkedInRequested(path, dry_run=True, requester=self))

    def save(self) -> None:
        """Start the import; the form closes when its outcome comes back."""
        path = self._path()
        self.query_one("#plan", Static).update(_("Importing…"))
        self.post_message(m.LinkedInRequested(path, dry_run=False, requester=self))

    def on_linked_in_done(self, message: m.LinkedInDone) -> None:
        plan = self.query_one("#plan", Static)
        if message.error is not None:
            plan.update("")
            self.show_error(message.field, message.error)
        elif message.dry_run:
            plan.update(Text("\n".join(message.lines)))
        else:
            self.dismiss(message.lines[-1] if message.lines else _("Imported"))
