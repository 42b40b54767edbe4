"""The LinkedIn archive importer in French: the per-file report (plurals, French dates, skip
reasons), its errors, the `import-linkedin` command's output and help, and the import form; and
the English it printed before, unchanged."""

from __future__ import annotations

import asyncio
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result
from textual.widgets import Input, Static

from ssi_tui.i18n import _
from ssi_tui.journal import Journal
from ssi_tui.journal.linkedin import ArchiveError, import_archive, plan_lines, scan_archive

COMMENTS = (
    "Date,Link,Message\n"
    "2024-03-20 09:00:00,https://www.linkedin.com/feed/update/urn:li:activity:1,Great\n"
    "yesterday,https://www.linkedin.com/feed/update/urn:li:activity:2,Odd date\n"
)
REACTIONS = (
    "Date,Type,Link\n"
    "2024-03-17 18:03:38,LIKE,https://www.linkedin.com/feed/update/urn:li:activity:8\n"
    "2024-03-30 12:00:00,EMPATHY,https://www.linkedin.com/feed/update/urn:li:activity:10\n"
)


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """A folder with one comment (and a row with an unreadable date) and two likes."""
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "Comments.csv").write_text(COMMENTS, encoding="utf-8")
    (folder / "Reactions.csv").write_text(REACTIONS, encoding="utf-8")
    return folder


def run(*args: str) -> Result:
    from ssi_tui import cli as cli_module

    group: click.Group = cli_module.cli
    assert "import-linkedin" in group.list_commands(click.Context(group))
    return CliRunner().invoke(group, ["import-linkedin", *args])


def test_the_english_report_is_unchanged(archive: Path, journal: Journal) -> None:
    lines = plan_lines(scan_archive(archive, journal))
    assert lines[0] == "Profile.csv: not in the archive, skipped; it gives your name, to tell " \
                       "your InMails from others'"
    assert "Comments.csv: 1 comment (2024-03-20 to 2024-03-20) → would add 1, already present 0" \
        in lines
    assert "  skipped 1: unreadable date, line 3" in lines
    assert "Shares.csv: not in the archive, skipped" in lines
    assert lines[-1] == "Would add 3 entries; 0 were already in the journal"


def test_the_report_in_french(french: None, archive: Path, journal: Journal) -> None:
    lines = plan_lines(scan_archive(archive, journal))
    assert lines[0] == ("Profile.csv : absent de l'archive, ignoré ; il donne votre nom, pour "
                        "distinguer vos InMails de ceux des autres")
    # French dates; "1 commentaire" in the singular; the skip reason and its line in French
    assert ("Comments.csv : 1 commentaire (du 20 mars 2024 au 20 mars 2024) → à ajouter : 1, "
            "déjà là : 0") in lines
    assert "  1 ligne ignorée : date illisible, ligne 3" in lines
    assert any(line.startswith("Reactions.csv : 2 j'aime (du 17 mars 2024 au 30 mars 2024)")
               for line in lines)
    assert lines[-1] == "3 entrées seraient ajoutées ; déjà dans le journal : 0"


def test_french_takes_the_singular_for_zero_and_one(french: None, archive: Path,
                                                    journal: Journal) -> None:
    (archive / "Shares.csv").write_text("Date,ShareLink,ShareCommentary,SharedUrl\n",
                                        encoding="utf-8")
    summary = import_archive(journal, archive)
    lines = plan_lines(summary)
    assert "Shares.csv : 0 publication → ajoutées : 0, déjà là : 0" in lines
    assert lines[-1] == ("3 entrées ajoutées ; déjà dans le journal : 0 "
                         "(pour reprendre l'import : ssi-tui import-linkedin --undo)")
    again = plan_lines(import_archive(journal, archive))
    assert again[-1].startswith("0 entrée ajoutée ; déjà dans le journal : 3 ")


def test_a_damaged_file_and_a_wrong_header_are_reported_in_french(french: None, archive: Path,
                                                                  journal: Journal) -> None:
    (archive / "Comments.csv").write_bytes(b"Date,Link\n2024-03-20 09:00:00,\xff\xfe\n")
    (archive / "Reactions.csv").write_text("When,What\n1,2\n", encoding="utf-8")
    lines = plan_lines(import_archive(journal, archive))
    assert "Comments.csv : pas du texte UTF-8 ; rien n'a été importé de ce fichier" in lines
    assert ("Reactions.csv : en-tête inconnu : attendu Date, Link ; trouvé : When, What"
            in lines)
    assert lines[-1] == "2 fichiers illisibles : voir plus haut"


def test_archive_errors_in_french(french: None, tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="fichier ou dossier introuvable"):
        scan_archive(tmp_path / "nowhere.zip")
    not_a_zip = tmp_path / "export.zip"
    not_a_zip.write_text("hello", encoding="utf-8")
    with pytest.raises(ArchiveError, match=r"pas une archive zip \(indiquez le \.zip"):
        scan_archive(not_a_zip)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(ArchiveError, match="aucun fichier d'export LinkedIn trouvé"):
        scan_archive(empty)


def test_the_command_in_french(french: None, archive: Path, db_path: Path) -> None:
    dry = run(str(archive), "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert dry.output.startswith(f"Essai à blanc : rien n'est écrit. Depuis {archive} :\n")
    assert "Comments.csv : 1 commentaire (du 20 mars 2024 au 20 mars 2024)\n" in dry.output
    assert not db_path.exists()

    assert run("--undo").output == "Rien à défaire : aucun import LinkedIn dans l'historique\n"
    done = run(str(archive))
    assert done.exit_code == 0, done.output
    assert "Comments.csv : 1 commentaire (du 20 mars 2024 au 20 mars 2024) → ajoutées : 1" \
        in done.output
    assert run("--undo", "--dry-run").output == \
        "Déferait la modification nº 1 : import LinkedIn (3 entrées ajoutées)\n"
    assert run("--undo").output == \
        "Modification nº 1 défaite : import LinkedIn (3 entrées ajoutées)\n"

    missing = run()
    assert missing.exit_code == 2
    assert "PATH : indiquez le .zip envoyé par LinkedIn" in missing.output


def test_the_command_says_which_files_failed_in_french(french: None, archive: Path) -> None:
    (archive / "Reactions.csv").write_text("When,What\n1,2\n", encoding="utf-8")
    result = run(str(archive))
    assert result.exit_code == 1
    assert ("Reactions.csv : illisible (voir plus haut) ; les autres fichiers ont été importés"
            in result.output)


def test_help_texts_have_french(french: None) -> None:
    """The help texts are English msgids, which the CLI shows through `_`."""
    from ssi_tui.commands.linkedin import import_linkedin

    helps = {param.name: getattr(param, "help", None) or "" for param in import_linkedin.params}
    assert _(helps["dry_run"]) == \
        "Afficher ce qui serait importé, fichier par fichier, sans rien écrire."
    assert _(helps["undo"]) == ("Reprendre le dernier import LinkedIn : ce qu'il a ajouté"
                                " disparaît, ce qu'il a changé est remis (PATH inutile).")
    assert _(import_linkedin.help or "").startswith(
        "Saisie rétroactive du journal depuis l'export de données LinkedIn")


def test_the_import_form_in_french(french: None, journal: Journal, frozen_clock: str,
                                   archive: Path) -> None:
    from ssi_tui.tui.app import SsiApp

    seen: dict[str, str] = {}
    app = SsiApp(journal)

    async def scenario() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            app.open_form("linkedin")
            await pilot.pause()
            seen["title"] = str(app.screen.query(Static).first().content)
            field = app.screen.query_one("#f-path", Input)
            await pilot.press("enter")  # nothing typed
            await pilot.pause()
            seen["empty"] = str(app.screen.query_one("#err-path", Static).content)
            field.value = str(archive / "nowhere")
            await pilot.press("enter")
            await pilot.pause()
            seen["error"] = str(app.screen.query_one("#err-path", Static).content)
            field.value = str(archive)
            await pilot.press("enter")
            await pilot.pause()
            seen["plan"] = str(app.screen.query_one("#plan", Static).content)

    asyncio.run(scenario())
    assert seen["title"] == "Importer l'export de données LinkedIn (zip ou dossier)"
    assert seen["empty"] == ("indiquez le .zip envoyé par LinkedIn, ou le dossier où il "
                             "se décompresse")
    assert seen["error"].endswith("nowhere n'existe pas")
    assert "Comments.csv : 1 commentaire (du 20 mars 2024 au 20 mars 2024)" in seen["plan"]
    assert journal.events() == []

