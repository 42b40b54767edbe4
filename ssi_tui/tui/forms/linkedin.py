"""Import LinkedIn's data export from the app (command palette): a path, a dry run to see what
each file holds, then the import in a worker thread with its own journal connection (an SQLite
connection belongs to the thread that opened it), so the screen stays live."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.widgets import Input, Static

from ssi_tui.i18n import N_, _
from ssi_tui.journal import InputError, JournalError, open_journal
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
        from ssi_tui.journal.linkedin import ArchiveError, plan_lines, scan_archive

        try:
            plan = scan_archive(self._path(), self.journal)
        except InputError as exc:
            self.show_error(exc.field, exc.message)
            return
        except ArchiveError as exc:
            self.show_error("path", str(exc))
            return
        self.query_one("#plan", Static).update(Text("\n".join(plan_lines(plan))))

    def save(self) -> None:
        """Start the import; the worker closes the form when it is done."""
        path = self._path()
        self.query_one("#plan", Static).update(_("Importing…"))
        self.run_import(path, self.journal.path)

    @work(thread=True, exclusive=True, group="linkedin-import")
    def run_import(self, path: Path, journal_path: Path) -> None:
        from ssi_tui.journal.linkedin import ArchiveError, import_archive, plan_lines

        try:
            journal = open_journal(journal_path, self.journal.settings, create=False)
            try:
                summary = import_archive(journal, path)
            finally:
                journal.close()
        except (ArchiveError, JournalError, InputError) as exc:
            self.app.call_from_thread(self.show_error, "path", str(exc))
            return
        lines = plan_lines(summary)
        self.app.call_from_thread(self.dismiss, lines[-1] if lines else _("Imported"))
