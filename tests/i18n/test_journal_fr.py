"""The journal layer in French: validation, CSV import, config and file errors, descriptions.

Field names, column names and kind names stay English (they are what the user types); the
message after them is French, with French dates and numbers. English stays as it was.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from ssi_tui.config import ConfigError, Settings, load_settings
from ssi_tui.domain import Event, Invitation
from ssi_tui.i18n import integer
from ssi_tui.journal import InputError, JournalError, open_journal
from ssi_tui.journal.csvio import import_csv
from ssi_tui.journal.errors import reason
from ssi_tui.journal.rows import describe_event, describe_invitation

BAD_EVENTS = (
    "day,kind,count,degree,contact,note\r\n"
    "2025-11-01,search,2,,,\r\n"
    "2025-13-01,search,1,,,\r\n"
    "2025-11-02,search,0,,,\r\n"
)


def input_error(call, **fields) -> InputError:
    with pytest.raises(InputError) as caught:
        call(**fields)
    return caught.value


def config_error(tmp_path: Path, text: str) -> str:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    return str(caught.value)


def test_an_input_error_names_the_field_in_english_and_explains_in_french(journal, french):
    error = input_error(journal.log_event, kind="login", count=0)
    assert error.field == "count"
    assert error.message == "doit être supérieur ou égal à 1"
    assert str(error) == "count : doit être supérieur ou égal à 1"
    too_many = input_error(journal.log_event, kind="login", count=99_999)
    assert integer(10_000) != "10000"  # French groups the thousands
    assert too_many.message == f"doit être inférieur ou égal à {integer(10_000)}"
    assert str(input_error(journal.log_event, kind="dance")).startswith(
        "kind : doit être l'un de : login, search, profile_view")
    assert str(input_error(journal.log_event, kind="search", degree=2)) == (
        "degree : seuls profile_view et viewed_by ont un degré")
    assert str(input_error(journal.add_reading, brand=25.5, people=1, insights=1,
                           relationships=1)) == (
        "brand : doit être inférieur ou égal à 25")


def test_dates_in_messages_are_french(journal, french):
    assert str(input_error(journal.log_event, kind="login", day="2001-01-01")) == (
        "day : doit être un jour entre le 5 mai 2003 et aujourd'hui")
    assert str(input_error(journal.log_event, kind="login", day="yesterday")) == (
        "day : doit être une date AAAA-MM-JJ")
    inv = journal.add_invitation(personalized=True, sent_day=date(2025, 11, 2))
    error = input_error(journal.set_outcome, invitation_id=inv.id, stage="accepted",
                        day=date(2025, 11, 1))
    assert str(error) == "day : le 1 nov. 2025 précède l'envoi de l'invitation (le 2 nov. 2025)"


def test_the_same_errors_stay_english_in_english(journal):
    assert str(input_error(journal.log_event, kind="login", count=0)) == (
        "count: Input should be greater than or equal to 1")
    assert str(input_error(journal.log_event, kind="login", day="2001-01-01")) == (
        "day: must be a day between 2003-05-05 and today")
    assert str(input_error(journal.log_event, kind="search", degree=2)) == (
        "degree: only profile_view and viewed_by take a degree")
    inv = journal.add_invitation(personalized=True, sent_day=date(2025, 11, 2))
    error = input_error(journal.set_outcome, invitation_id=inv.id, stage="accepted",
                        day=date(2025, 11, 1))
    assert str(error) == "day: 2025-11-01 is before the invitation was sent (2025-11-02)"


def test_csv_import_errors_give_the_line_in_french(journal, french):
    report = import_csv(journal.conn, io.StringIO(BAD_EVENTS, newline=""))
    assert report.errors == [
        "ligne 3 : day : doit être une date AAAA-MM-JJ",
        "ligne 4 : count : doit être supérieur ou égal à 1",
    ]
    with pytest.raises(InputError) as caught:
        import_csv(journal.conn, io.StringIO("day,kind,count,degree,contact,nope\n"))
    assert str(caught.value) == (
        "header : events (inconnues nope) : trouvé day, kind, count, degree, contact, nope ;"
        " attendu day, kind, et en option id, count, degree, contact, note, at")


def test_csv_import_errors_stay_english(journal):
    report = import_csv(journal.conn, io.StringIO(BAD_EVENTS, newline=""))
    assert report.errors == [
        "line 3: day: Input should be a valid date or datetime, month value is outside expected"
        " range of 1-12",
        "line 4: count: Input should be greater than or equal to 1",
    ]


def test_config_errors_name_the_key_in_french(tmp_path, french):
    assert config_error(tmp_path, "day_start_hour = 30").endswith(
        "config.toml : clé « day_start_hour » : doit être inférieur ou égal à 23")
    assert config_error(tmp_path, 'language = "de"').endswith(
        "clé « language » : doit valoir 'en' ou 'fr'")
    assert config_error(tmp_path, "colour = 1").endswith(
        "clé « colour » : nom inconnu, non autorisé")
    assert config_error(tmp_path, 'timezone = "Mars/Olympus"').endswith(
        "clé « timezone » : fuseau horaire inconnu 'Mars/Olympus'")


def test_scoring_problems_are_worded_by_the_loader_in_french(tmp_path, french):
    assert config_error(tmp_path, "[scoring.terms.serches]\ntarget = 3").endswith(
        "clé « scoring » : terms.serches : terme inconnu ; termes connus : profile, "
        "endorsements, publishing, followers, login_days, searches, views_2nd, views_3rd, "
        "viewed_by, likes, comments, shares, engagement_received, groups, inmail_rate, "
        "invitations_2nd, invitations_3rd, acceptance_rate, colleagues, network_size")
    assert config_error(tmp_path, "[scoring.effort_seconds]\nlikez = 3").endswith(
        "clé « scoring » : effort_seconds.likez : chose à faire inconnue ; connues : "
        "login, searches, views_2nd, views_3rd, viewers, likes, comments, shares, "
        "invitations_2nd, invitations_3rd, post, article, groups, colleagues, inmail, profile, "
        "reading, indicators")
    assert config_error(tmp_path, "[scoring.terms.searches]\nstart = 90\ntarget = 80").endswith(
        "clé « scoring.terms.searches » : start doit être inférieur à target")


def test_scoring_problems_are_one_english_line_naming_the_key(tmp_path):
    """The model raises a code (SettingsProblem); the loader words it, in English too."""
    message = config_error(tmp_path, "[scoring.terms.serches]\ntarget = 3")
    assert "\n" not in message
    assert message.endswith("key 'scoring': terms.serches: unknown term; known: profile, "
                            "endorsements, publishing, followers, login_days, searches, "
                            "views_2nd, views_3rd, viewed_by, likes, comments, shares, "
                            "engagement_received, groups, inmail_rate, invitations_2nd, "
                            "invitations_3rd, acceptance_rate, colleagues, network_size")
    assert config_error(tmp_path, "[scoring.effort_seconds]\nlikez = 3").startswith(
        f"{tmp_path / 'config.toml'}: key 'scoring': effort_seconds.likez: "
        "unknown to-do; known: login, searches")
    assert config_error(tmp_path, "[scoring.terms.searches]\nstart = 90\ntarget = 80").endswith(
        "key 'scoring.terms.searches': start must be below target")


def test_config_errors_stay_english(tmp_path):
    assert config_error(tmp_path, "day_start_hour = 30").endswith(
        "config.toml: key 'day_start_hour': Input should be less than or equal to 23")
    assert config_error(tmp_path, 'timezone = "Mars/Olympus"').endswith(
        "key 'timezone': Value error, unknown time zone 'Mars/Olympus'")


def test_journal_file_errors_in_french(tmp_path, french):
    not_a_journal = tmp_path / "notes.db"
    not_a_journal.write_text("hello", encoding="utf-8")
    with pytest.raises(JournalError) as caught:
        open_journal(not_a_journal, create=False)
    assert str(caught.value) == (
        f"{not_a_journal} : pas une base SQLite, donc pas un journal ssi-tui")
    with pytest.raises(JournalError) as missing:
        open_journal(tmp_path / "none.db", create=False)
    assert str(missing.value).endswith("none.db : aucun journal à cet endroit")
    assert reason("database or disk is full") == "la base ou le disque est plein"
    assert reason("something unusual") == "something unusual"


def test_descriptions_in_french_and_english(french):
    event = Event(7, date(2026, 11, 23), "profile_view", 5, 3, None, None, "")
    invitation = Invitation(id=12, sent_day=date(2026, 11, 2), degree=2, personalized=True,
                            variant=None, contact="Léa", note=None)
    assert describe_event(event) == "5 × vue de profil (3e) le 23 nov. 2026"
    assert describe_invitation(invitation) == "invitation personnalisée #12 à Léa le 2 nov. 2026"
    from ssi_tui.i18n import set_language

    set_language("en")
    assert describe_event(event) == "5 × profile view (3rd) on 2026-11-23"
    assert describe_invitation(invitation) == "personalised invitation #12 to Léa on 2026-11-02"


def test_profile_labels_are_stored_in_english_and_shown_in_french(tmp_path, french):
    journal = open_journal(tmp_path / "made-in-french.db", Settings(timezone="Europe/Paris"))
    try:
        stored = journal.conn.execute(
            "SELECT label FROM profile_checklist WHERE item = 'photo'").fetchone()[0]
        shown = {item.key: item.label for item in journal.profile()}
    finally:
        journal.close()
    assert stored == "Profile photo"
    assert shown["photo"] == "Photo de profil"


def test_cli_import_reports_in_french(tmp_path, db_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(BAD_EVENTS, encoding="utf-8")
    good = tmp_path / "good.csv"
    good.write_text("day,kind,count,degree,contact,note\n2025-11-01,search,2,,,\n",
                    encoding="utf-8")
    from ssi_tui.cli import cli

    runner = CliRunner()
    failed = runner.invoke(cli, ["--lang", "fr", "--db", str(db_path), "import", str(bad)])
    assert failed.exit_code == 2
    assert "bad.csv : ligne 3 : day : doit être une date AAAA-MM-JJ" in failed.output
    assert "bad.csv : 2 lignes erronées ; rien n'a été importé" in failed.output
    done = runner.invoke(cli, ["--lang", "fr", "--db", str(db_path), "import", str(good)])
    assert done.exit_code == 0, done.output
    assert f"1 ligne events importée depuis {good}" in done.output
