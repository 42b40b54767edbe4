"""The language is ours to switch, not the process's: the command line in French leaves the
environment and gettext's globals alone, and JSON is English without switching the interface
language (issue 16)."""

from __future__ import annotations

import gettext
import os

from cli_runner import run

from ssi_tui import i18n


def test_the_french_command_line_leaves_the_environment_alone(db_path, frozen_clock) -> None:
    before = dict(os.environ)
    domain = gettext.textdomain()
    missing = run("--lang", "fr", "log")  # click's own words, in French
    assert missing.exit_code == 2
    assert missing.output.startswith("Erreur : Argument manquant 'KIND'.")
    assert run("--lang", "fr", "log", "search").exit_code == 0
    assert "Recherches" in run("--lang", "fr", "status").output
    assert dict(os.environ) == before
    assert "LANGUAGE" not in os.environ
    assert gettext.textdomain() == domain


def test_setting_the_language_touches_no_environment_variable() -> None:
    before = dict(os.environ)
    i18n.set_language("fr")
    i18n.set_language("en")
    assert dict(os.environ) == before
