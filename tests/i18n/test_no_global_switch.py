"""The language is ours to switch, not the process's: the command line in French leaves the
environment and gettext's globals alone, and JSON is English without switching the interface
language (issue 16)."""

from __future__ import annotations

import gettext
import json
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


def _busy_journal(journal) -> None:
    """Enough for every kind of text in the JSON: to-dos with the brand gate's reason,
    warnings with plurals and thousands, a reach band, the study's verdict."""
    from datetime import timedelta

    day = journal.today()
    journal.log_event(kind="search", count=2, day=day)
    journal.set_indicators(day=day, profile_views_90d=420, search_appearances_7d=42,
                            connections=29_500)
    for n in range(12):
        sent = journal.add_invitation(personalized=n % 2 == 0, sent_day=day - timedelta(days=40))
        if n % 3 == 0:
            journal.set_outcome(sent.id, "accepted", day - timedelta(days=38))


def test_status_json_is_the_same_in_french_and_english(journal, frozen_clock) -> None:
    _busy_journal(journal)
    switched: list[str] = []
    i18n.on_language_change(switched.append)
    try:
        english = run("--lang", "en", "status", "--json")
        switched.clear()
        french = run("--lang", "fr", "status", "--json")
        assert switched == ["en", "fr"]  # the locale's, then --lang: never back to English
        study_en = run("--lang", "en", "invitations", "--json").output
        study_fr = run("--lang", "fr", "invitations", "--json").output
    finally:
        i18n._listeners.remove(switched.append)
    assert english.exit_code == french.exit_code == 0
    assert french.output == english.output
    assert study_fr == study_en
    data = json.loads(french.output)
    assert data["warning_codes"][:2] == ["brand_gate", "few_profile_views"]
    assert data["warnings"][1] == "420 profile views in 90 days: below 600, little happens " \
                                  "(article 1)."
    assert "29,500 connections" in data["warnings"][3]
    gated = [t for t in data["todos"] if t["reason_code"] == "brand_gate"]
    assert gated and gated[0]["reason"].startswith("Brand below 20")
    assert data["reach"] == {"band": "below 45", "code": "below-45", "multiplier": None}
    assert json.loads(study_fr)["verdict"].startswith("Both kinds were accepted equally (33%)")
