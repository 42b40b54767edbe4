"""Issue 14 item 1: an import never silently overwrites what the user typed, is one change that
`undo` and `import-linkedin --undo` take back exactly, and reads only the export's own layout."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import run

from ssi_tui.journal import open_journal


def today_indicators(db: Path) -> tuple[int | None, int | None, dict[str, str]]:
    journal = open_journal(db)
    try:
        [row] = journal.indicators()
        return row.connections, row.followers, journal.indicator_sources(row.day)
    finally:
        journal.close()


@pytest.mark.parametrize("take_back", [("undo",), ("import-linkedin", "--undo")])
def test_an_import_keeps_the_network_size_you_typed(db_path: Path, export_files, make_archive,
                                                    take_back: tuple[str, ...]) -> None:
    archive = str(make_archive(export_files))
    assert run("indicators", "--connections", "800", "--followers", "950").exit_code == 0
    dry = run("import-linkedin", archive, "--dry-run").output
    assert "network size 5 would not replace the 800 you typed" in dry
    done = run("import-linkedin", archive)
    assert done.exit_code == 0, done.output
    assert "network size 5 not recorded: you typed 800" in done.output
    assert today_indicators(db_path) == (800, 950, {})
    undone = run(*take_back)
    assert undone.exit_code == 0 and "LinkedIn import (22 entries added)" in undone.output
    assert today_indicators(db_path) == (800, 950, {})
    journal = open_journal(db_path)
    assert journal.events() == [] and journal.invitations() == []
    journal.close()


def test_an_imported_figure_is_replaced_and_put_back(db_path: Path, export_files,
                                                     make_archive) -> None:
    first = str(make_archive(export_files))
    run("import-linkedin", first)
    assert today_indicators(db_path) == (5, None, {"connections": "linkedin"})
    fewer = dict(export_files)
    fewer["Connections.csv"] = fewer["Connections.csv"].replace(
        "Old,Friend,https://www.linkedin.com/in/old-friend,,Difference Ltd,Clerk,02 Feb 2020\r\n",
        "")
    second = str(make_archive(fewer))
    assert "network size 4 would replace 5 from an earlier import" in \
        run("import-linkedin", second, "--dry-run").output
    assert "network size 4 recorded for 2026" in run("import-linkedin", second).output
    assert today_indicators(db_path)[0] == 4
    assert run("undo").exit_code == 0  # the second import: the 5 comes back
    assert today_indicators(db_path) == (5, None, {"connections": "linkedin"})
    assert run("indicators", "--connections", "7").exit_code == 0  # typed: no source any more
    assert today_indicators(db_path) == (7, None, {})


@pytest.mark.parametrize("as_zip", [True, False])
def test_nested_subfolders_are_not_read(db_path: Path, export_files, make_archive,
                                        as_zip: bool) -> None:
    """A nested `…/Connections.csv` set the network size to 10."""
    files = {name: text for name, text in export_files.items() if name != "Connections.csv"}
    files["old/backup/Connections.csv"] = export_files["Connections.csv"]
    if not as_zip:
        files = {name: text for name, text in files.items() if "/" not in name}
    archive = make_archive(files, as_zip=as_zip)
    if not as_zip:
        (archive / "old" / "backup").mkdir(parents=True)
        (archive / "old" / "backup" / "Connections.csv").write_text(
            export_files["Connections.csv"], encoding="utf-8")
    out = run("import-linkedin", str(archive)).output
    assert "Connections.csv: not in the archive" in out
    journal = open_journal(db_path)
    assert journal.indicators() == []
    journal.close()


def test_the_single_top_folder_is_the_export(db_path: Path, export_files, make_archive) -> None:
    nested = {f"Basic_LinkedInDataExport/{name}": text for name, text in export_files.items()}
    out = run("import-linkedin", str(make_archive(nested))).output
    assert "Added 22 entries" in out


def test_one_entry_is_one_entry(db_path: Path, make_archive) -> None:
    """Issue 14 item 10: English said "1 entries"."""
    files = {"Comments.csv": "Date,Link,Message\n2024-03-20 10:00:00,https://x.test/1,Hi\n"}
    out = run("import-linkedin", str(make_archive(files))).output
    assert "Added 1 entry;" in out
