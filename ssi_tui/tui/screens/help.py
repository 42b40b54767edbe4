"""Every key, generated from the same key map as the bindings, so it cannot drift."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from ssi_tui.i18n import N_, _
from ssi_tui.tui.keys import FORM_KEYS, LOG_KEYS, SCREEN_KEYS
from ssi_tui.tui.localized import LocalizedBindings

KEY_NAMES = {"question_mark": "?", "left_square_bracket": "[", "right_square_bracket": "]"}


def help_tables() -> list[tuple[str, Table]]:
    def table(rows: list[tuple[str, str]]) -> Table:
        t = Table(box=None, show_header=False, padding=(0, 2))
        t.add_column(style="bold cyan", no_wrap=True)
        t.add_column()
        for key, text in rows:
            t.add_row(Text(key), Text(text))  # plain text: "[log.search]" is not markup
        return t

    logging = [(k.key, _("log one {habit}  [{binding}]").format(habit=_(k.label),
                                                               binding=k.binding_id))
               for k in LOG_KEYS]
    logging += [
        ("5v", _("a count first repeats: logs 5 profile views (Esc clears the count)")),
        ("u", _("undo the last entry (again to undo more)")),
        ("[ / ]", _("backfill: log to the day before / back towards today")),
    ]
    forms = [(key, _(label)) for key, _name, label, _title in FORM_KEYS]
    forms += [("Tab", _("move between fields")), (_("Ctrl+S / Enter"), _("save")),
              ("Esc", _("cancel"))]
    screens = [(KEY_NAMES.get(key, key), _(label)) for key, _name, label in SCREEN_KEYS]
    screens += [
        (_("Tab, Enter / x"), _("select a pillar gauge, explain its score")),
        ("Ctrl+P", _("command palette: every action by name, themes")),
        ("q", _("quit")),
    ]
    return [(_("Log a habit (dashboard)"), table(logging)), (_("Forms"), table(forms)),
            (_("Screens"), table(screens))]


class HelpScreen(LocalizedBindings, Screen[None]):
    BINDINGS = [Binding("escape", "app.open_screen('dashboard')", N_("Back"), id="help.back")]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="help"):
            for title, table in help_tables():
                yield Static(title, classes="title")
                yield Static(table)
            yield Static(
                _("Rebind a key in config.toml, e.g. [keymap] \"log.search\" = \"f2\" (the ids "
                  "are in brackets). Everything stays in one SQLite file on this machine; nothing "
                  "is sent anywhere. How each pillar is estimated: docs/scoring.md."),
                classes="hint", markup=False)
        yield Footer()
