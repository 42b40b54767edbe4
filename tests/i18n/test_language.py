"""Choosing the language (locale, config file, --lang), the French command line, and what must
stay language-independent (CSV, JSON, kind names, exit codes)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from cli_runner import run

from ssi_tui import i18n
from ssi_tui.i18n import (
    current_language,
    day,
    integer,
    language_from_environment,
    number,
    percent,
    resolve_language,
    short_number,
    using,
)


@pytest.mark.parametrize(("environ", "expected"), [
    ({"LANG": "fr_FR.UTF-8"}, "fr"),
    ({"LANG": "fr_CA.UTF-8"}, "fr"),
    ({"LANG": "en_GB.UTF-8"}, "en"),
    ({"LANG": "de_DE.UTF-8"}, "en"),
    ({"LANG": "C.UTF-8"}, "en"),
    ({"LANG": "POSIX"}, "en"),
    ({}, "en"),
    ({"LC_ALL": "fr_FR.UTF-8", "LANG": "en_US.UTF-8"}, "fr"),
    ({"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "fr_FR.UTF-8"}, "en"),
    ({"LC_MESSAGES": "fr_BE.UTF-8", "LANG": "en_US.UTF-8"}, "fr"),
    ({"LC_ALL": "", "LANG": "fr_FR@euro"}, "fr"),
])
def test_the_locale_decides_in_posix_order(environ: dict[str, str], expected: str) -> None:
    assert language_from_environment(environ) == expected


def test_option_beats_config_beats_locale() -> None:
    french = {"LANG": "fr_FR.UTF-8"}
    assert resolve_language(None, None, french) == "fr"
    assert resolve_language(None, "en", french) == "en"
    assert resolve_language("fr", "en", {"LANG": "en_US.UTF-8"}) == "fr"


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="en, fr"):
        i18n.set_language("de")
    assert current_language() == "en"


def test_numbers_and_dates_follow_the_language(french: None) -> None:
    assert number(18.5) == "18,5"
    assert number(-2.25, 2, sign=True) == "-2,25"
    assert number(3.0, 1, sign=True) == "+3,0"
    assert short_number(42.625) == "42,625"
    assert short_number(70.0) == "70"
    assert percent(0.71) == "71\xa0%"
    assert integer(1000) == "1\u202f000"
    assert day(date(2026, 11, 22)) == "22 nov. 2026"
    with using("en"):
        assert (number(18.5), short_number(42.625), percent(0.71), integer(1000),
                day(date(2026, 11, 22))) == ("18.5", "42.625", "71%", "1000", "2026-11-22")
    assert number(18.5) == "18,5"  # back in French after the block


def test_plural_forms_follow_french_rules(french: None) -> None:
    def streak(n: int) -> str:
        return i18n.ngettext("Login streak: {n} day (longest {longest})",
                             "Login streak: {n} days (longest {longest})", n).format(n=n, longest=9)

    assert streak(0) == "Série de connexions : 0 jour (record 9)"  # French: 0 is singular
    assert streak(1) == "Série de connexions : 1 jour (record 9)"
    assert streak(3) == "Série de connexions : 3 jours (record 9)"
    with using("en"):
        assert streak(0) == "Login streak: 0 days (longest 9)"


def test_domain_labels_read_in_the_current_language(french: None) -> None:
    from ssi_tui.labels import KIND_LABELS, PILLAR_LABELS, PROFILE_ITEM_LABELS, STAGE_LABELS

    assert [PILLAR_LABELS[p] for p in PILLAR_LABELS] == [
        "Construire votre marque professionnelle", "Trouver les bonnes personnes",
        "Échanger des informations", "Établir des relations"]
    assert KIND_LABELS["search"] == "recherche"
    assert STAGE_LABELS["meeting"] == "rendez-vous"
    assert PROFILE_ITEM_LABELS["photo"] == "Photo de profil"
    assert PROFILE_ITEM_LABELS.english("photo") == "Profile photo"


def test_every_domain_key_has_its_label_and_no_other() -> None:
    """The domain holds keys only; labels.py words each one, in the domain's order."""
    from ssi_tui.domain import PILLARS, PROFILE_ITEMS, STAGES, Kind
    from ssi_tui.labels import (
        ARM_LABELS,
        KIND_LABELS,
        PILLAR_LABELS,
        PROFILE_ITEM_LABELS,
        STAGE_LABELS,
    )
    from ssi_tui.model.invitations import ARMS

    assert tuple(PILLAR_LABELS) == PILLARS
    assert tuple(PROFILE_ITEM_LABELS) == PROFILE_ITEMS
    assert tuple(STAGE_LABELS) == STAGES
    assert tuple(KIND_LABELS) == tuple(Kind)
    assert tuple(ARM_LABELS) == ARMS


def test_a_translator_words_another_language_without_switching(french: None) -> None:
    """What other programs read is worded by translator("en"): the interface stays French."""
    english = i18n.translator("en")
    assert (english.number(18.5), english.percent(0.71), english.integer(1000),
            english.day(date(2026, 11, 22)), english.thousands(29500)) == (
        "18.5", "71%", "1000", "2026-11-22", "29,500")
    assert english.gettext("Searches") == "Searches"
    assert english.ngettext("{n} day", "{n} days", 0) == "{n} days"
    assert current_language() == "fr" and i18n._("Searches") == "Recherches"
    assert i18n.translator("fr").ngettext("{n} day", "{n} days", 0) == "{n} jour"


# -- the command line --------------------------------------------------------------------------


def test_french_locale_gives_french_messages_and_same_exit_codes(
        db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    ok = run("log", "search", "3")
    assert ok.exit_code == 0
    assert ok.output.startswith("Noté : ")
    bad = run("log", "search", "--degree", "9")
    assert bad.exit_code == 2
    assert bad.output.startswith("Erreur : Valeur invalide pour '--degree' : ")
    assert "n'est pas parmi" in bad.output
    assert bad.output.count("\n") == 1
    missing = run("invite")
    assert missing.exit_code == 2
    assert missing.output == "Erreur : personalized : indiquez --personalized ou --plain\n"


def test_a_path_option_is_named_in_the_language(tmp_path: Path) -> None:
    """click names a path "File" in its errors and "FILE" as its metavar: French says Fichier,
    for the root options as for a command's, and the English stays English."""
    fr = run("--lang", "fr", "--db", str(tmp_path), "status")
    assert fr.exit_code == 2
    assert fr.output == (f"Erreur : Valeur invalide pour '--db' : Fichier '{tmp_path}' est un "
                         "dossier.\n")
    assert "--db FICHIER" in run("--lang", "fr", "--help").output
    assert "-o, --output FICHIER" in run("--lang", "fr", "export", "--help").output
    en = run("--lang", "en", "--db", str(tmp_path), "status")
    assert en.output == f"Error: Invalid value for '--db': File '{tmp_path}' is a directory.\n"
    assert "--db FILE" in run("--lang", "en", "--help").output


def test_french_decimal_comma_is_accepted(db_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    result = run("reading", "12,275", "10", "9,35", "11", "--day", "2026-11-22")
    assert result.exit_code == 0, result.output
    assert result.output == "Relevé du 22 nov. 2026 : 42,625/100\n"
    bad = run("reading", "12,2,7", "10", "9", "11")
    assert bad.exit_code == 2
    assert "'BRAND'" in bad.output and "n'est pas un nombre" in bad.output


def test_lang_option_and_config_choose_the_language(
        db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run("--lang", "fr", "undo").output == "Rien à annuler\n"
    (tmp_path / "config.toml").write_text('language = "fr"\n')
    assert run("undo").output == "Rien à annuler\n"
    assert run("--lang", "en", "undo").output == "Nothing to undo\n"
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    (tmp_path / "config.toml").write_text('language = "en"\n')
    assert run("undo").output == "Nothing to undo\n"  # the config file beats the locale
    assert run("--lang", "de", "undo").exit_code == 2


def test_help_is_french_and_switches_back(monkeypatch: pytest.MonkeyPatch) -> None:
    french = run("--lang", "fr", "status", "--help").output
    assert french.startswith("Utilisation : ")
    assert "L'estimation du jour par pilier" in french
    assert "JSON pour les programmes." in french
    english = run("--lang", "en", "status", "--help").output
    assert english.startswith("Usage: ")
    assert "Machine-readable JSON." in english


def test_json_and_csv_stay_english_in_french(db_path: Path, tmp_path: Path,
                                             frozen_clock: str) -> None:
    run("demo", "--db", str(db_path), "--print-path")
    status = json.loads(run("--lang", "fr", "status", "--json").output)
    english = json.loads(run("--lang", "en", "status", "--json").output)
    assert status == english
    assert status["day"] == "2026-11-23"
    study_fr = run("--lang", "fr", "invitations", "--json").output
    assert study_fr == run("--lang", "en", "invitations", "--json").output
    out_fr, out_en = tmp_path / "fr.csv", tmp_path / "en.csv"
    assert run("--lang", "fr", "export", "--output", str(out_fr)).exit_code == 0
    assert run("--lang", "en", "export", "--output", str(out_en)).exit_code == 0
    assert out_fr.read_bytes() == out_en.read_bytes()
    text = run("--lang", "fr", "status").output
    assert "Estimation du SSI pour le 23 nov. 2026" in text
    assert "À faire aujourd'hui (" in text


def test_prompt_line_cache_is_per_language(db_path: Path, frozen_clock: str) -> None:
    run("log", "search")
    english = run("status", "--line").output
    french = run("--lang", "fr", "status", "--line").output
    assert english.endswith("to do\n") and french.endswith("à faire\n")
    assert run("status", "--line").output == english


def test_real_process_under_french_locale(db_path: Path) -> None:
    """The whole path a user takes: LANG in the environment, a fresh interpreter."""
    import os

    env = {**os.environ, "LANG": "fr_FR.UTF-8", "SSI_TUI_DB": str(db_path)}
    env.pop("LC_ALL", None)
    env.pop("LC_MESSAGES", None)
    result = subprocess.run([sys.executable, "-m", "ssi_tui", "log", "nope"], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.startswith("Erreur : Valeur invalide pour 'KIND' : 'nope'")
    assert "Traceback" not in result.stderr


def test_click_and_textual_words_we_translate_still_exist_upstream() -> None:
    """If an upgrade rewords one of them, our translation would silently stop applying."""
    import inspect

    import click
    import textual.app
    import textual.binding
    import textual.command
    import textual.screen

    from ssi_tui.click_messages import MESSAGES as CLICK
    from ssi_tui.click_messages import plurals
    from ssi_tui.tui.textual_messages import MESSAGES as TEXTUAL

    click_source = "".join(Path(f).read_text() for f in Path(click.__file__).parent.glob("*.py"))
    for message in CLICK + tuple(s for pair in plurals() for s in pair):
        assert f'"{message}"' in click_source, message
    textual_source = "".join(inspect.getsource(m) for m in (
        textual.app, textual.screen, textual.command, textual.binding))
    for message in TEXTUAL:
        assert f'"{message}"' in textual_source, message


def test_click_usage_words_come_out_french() -> None:
    result = run("--lang", "fr", "log")
    assert result.exit_code == 2
    assert result.output.startswith("Erreur : Argument manquant 'KIND'.")
