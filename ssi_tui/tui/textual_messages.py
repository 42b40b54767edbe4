"""Textual's own words that reach our screens (the footer, the command palette's built-in
commands), marked for our catalogue. `LocalizedBindings` and `SsiApp.get_system_commands`
translate them; a test checks each still appears in Textual's source, so a rewording is seen."""

from __future__ import annotations

from ssi_tui.i18n import N_

MESSAGES: tuple[str, ...] = (
    N_("palette"),
    N_("Open the command palette"),
    N_("Quit"),
    N_("Quit the app and return to the command prompt."),
    N_("Focus Next"),
    N_("Focus Previous"),
    N_("Copy selected text"),
    N_("Theme"),
    N_("Change the current theme"),
    N_("Quit the application as soon as possible"),
    N_("Keys"),
    N_("Hide the keys and widget help panel"),
    N_("Show help for the focused widget and a summary of available keys"),
    N_("Minimize"),
    N_("Minimize the widget and restore to normal size"),
    N_("Maximize"),
    N_("Maximize the focused widget"),
    N_("Screenshot"),
    N_("Save an SVG 'screenshot' of the current screen"),
    N_("Search for commands…"),
)
