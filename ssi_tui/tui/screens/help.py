"""Every key, generated from the same key map as the bindings, so it cannot drift."""

from __future__ import annotations

from collections.abc import Mapping

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from ssi_tui.i18n import N_, _
from ssi_tui.tui.keymap import live_key
from ssi_tui.tui.keys import FORM_KEYS, LOG_KEYS, RECORD_KINDS, SCREEN_KEYS
from ssi_tui.tui.localized import LocalizedBindings


def help_tables(keymap: Mapping[str, str] | None = None) -> list[tuple[str, Table]]:
    """Every key as it is bound now: a `[keymap]` rebinding shows here."""
    keymap = keymap or {}

    def key(binding_id: str, default: str) -> str:
        return live_key(binding_id, default, keymap)

    def table(rows: list[tuple[str, str]]) -> Table:
        t = Table(box=None, show_header=False, padding=(0, 2))
        t.add_column(style="bold cyan", no_wrap=True)
        t.add_column()
        for key, text in rows:
            t.add_row(Text(key), Text(text))  # plain text: "[log.search]" is not markup
        return t

    logging = [(key(k.binding_id, k.key), _("log one {habit}  [{binding}]").format(
        habit=_(k.label), binding=k.binding_id)) for k in LOG_KEYS]
    logging += [
        ("5" + key("log.profile_view.2", "v"),
         _("a count first repeats: logs 5 profile views (Esc clears the count)")),
        (key("log.undo", "u"), _("undo this window's last change, whatever it was (again to "
                                 "undo more)  [log.undo]")),
        (key("log.redo", "U"), _("redo what the last undo took back  [log.redo]")),
        (key("log.day_before", "left_square_bracket") + " / "
         + key("log.day_after", "right_square_bracket"),
         _("backfill: log to the day before / back towards today")),
    ]
    forms = [(key(f"form.{name}", k), _(label)) for k, name, label, _title in FORM_KEYS]
    forms += [("Tab", _("move between fields")), (_("Ctrl+S / Enter"), _("save")),
              ("Esc", _("cancel"))]
    screens = [(key(f"screen.{name}", k), _(label)) for k, name, label in SCREEN_KEYS]
    screens += [
        (_("Tab, Enter / x"), _("select a pillar gauge, explain its score")),
        ("Ctrl+P", _("command palette: every action by name, themes")),
        (key("app.quit", "q"), _("quit")),
    ]
    journal = [(key(f"journal.{name}", k), f"{_(label)}  [journal.{name}]")
               for k, name, label in RECORD_KINDS]
    journal += [
        (key("journal.edit", "e") + ", Enter", _("edit the record under the cursor, from its "
                                                 "current values  [journal.edit]")),
        (key("journal.delete", "d,delete,x"), _("delete it, after a yes (the checklist: untick "
                                                "it)  [journal.delete]")),
        (key("log.undo", "u") + " / " + key("log.redo", "U"),
         _("undo / redo, as on the dashboard")),
        (key("journal.filter", "f"), _("filter: a habit and a day, or words  "
                                       "[journal.filter]")),
    ]
    return [(_("Log a habit (dashboard)"), table(logging)), (_("Forms"), table(forms)),
            (_("Journal (J)"), table(journal)), (_("Screens"), table(screens))]


class HelpScreen(LocalizedBindings, Screen[None]):
    BINDINGS = [Binding("escape", "app.open_screen('dashboard')", N_("Back"), id="help.back")]

    def __init__(self, keymap: Mapping[str, str] | None = None) -> None:
        super().__init__()
        self.keymap = dict(keymap or {})

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="help"):
            for title, table in help_tables(self.keymap):
                yield Static(title, classes="title")
                yield Static(table)
            yield Static(
                _("Rebind a key in config.toml, e.g. [keymap] \"log.search\" = \"f2\" (the ids "
                  "are in brackets). Everything stays in one SQLite file on this machine; nothing "
                  "is sent anywhere. How each pillar is estimated: docs/scoring.md."),
                classes="hint", markup=False)
        yield Footer()
