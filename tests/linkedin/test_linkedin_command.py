"""`ssi-tui import-linkedin` through click's runner: summary, dry run, undo, one-line errors."""

from __future__ import annotations

import io
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from ssi_tui.commands.linkedin import _Bars, import_linkedin
from ssi_tui.journal import open_journal


def _group() -> click.Group:
    """The real `ssi-tui` group when the command is registered there, else a stand-in that
    builds the same context object."""
    from ssi_tui import cli as cli_module

    if "import-linkedin" in cli_module.cli.list_commands(click.Context(cli_module.cli)):
        return cli_module.cli

    @click.group()
    @click.option("--db", type=click.Path(dir_okay=False, path_type=Path), envvar="SSI_TUI_DB")
    @click.pass_context
    def group(ctx: click.Context, db: Path | None) -> None:
        ctx.obj = cli_module.Context(db)
        ctx.call_on_close(ctx.obj.close)

    group.add_command(import_linkedin)
    return group


def run(*args: str) -> Result:
    return CliRunner().invoke(_group(), ["import-linkedin", *args])


def imported(db: Path) -> int:
    journal = open_journal(db)
    try:
        return int(journal.conn.execute(
            "SELECT (SELECT count(*) FROM events WHERE source = 'linkedin')"
            " + (SELECT count(*) FROM invitations WHERE source = 'linkedin')").fetchone()[0])
    finally:
        journal.close()


def test_import_prints_a_summary_per_file(db_path: Path, export_files, make_archive) -> None:
    result = run(str(make_archive(export_files)))
    assert result.exit_code == 0, result.output
    assert "Invitations.csv: 3 outgoing invitations (2024-03-12 to 2024-04-02) → added 3" \
        in result.output
    assert "Added 22 entries" in result.output
    assert imported(db_path) == 22
    again = run(str(make_archive(export_files, as_zip=False)))
    assert "Added 0 entries; 22 were already in the journal" in again.output


def test_dry_run_without_a_journal_creates_none(db_path: Path, export_files,
                                                make_archive) -> None:
    result = run(str(make_archive(export_files)), "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Dry run: nothing written.")
    assert "Comments.csv: 3 comments" in result.output
    assert not db_path.exists()


def test_dry_run_with_a_journal_says_what_is_new(db_path: Path, export_files,
                                                 make_archive) -> None:
    archive = str(make_archive(export_files))
    run(archive)
    export_files["Reactions.csv"] += "2024-04-01 12:00:00,LIKE,https://x/new\r\n"
    result = run(str(make_archive(export_files)), "--dry-run")
    assert "Reactions.csv: 5 likes (2024-03-17 to 2024-04-01) → would add 1, already present 4" \
        in result.output
    assert "Would add 1 entry; 22 were already in the journal" in result.output
    assert imported(db_path) == 22


def test_undo(db_path: Path, export_files, make_archive) -> None:
    assert "Nothing to undo" in run("--undo").output
    run(str(make_archive(export_files)))
    assert "Would undo change #1: LinkedIn import (22 entries added)" in \
        run("--undo", "--dry-run").output
    result = run("--undo")
    assert result.exit_code == 0
    assert "Undid change #1: LinkedIn import (22 entries added)" in result.output
    assert imported(db_path) == 0


@pytest.mark.parametrize("make", ["missing", "not_zip"])
def test_bad_path_is_one_line_exit_1(tmp_path: Path, make: str) -> None:
    path = tmp_path / "export.zip"
    if make == "not_zip":
        path.write_bytes(b"PK\x03\x04 not really")
    result = run(str(path))
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: ") and str(path) in lines[0]
    assert "Traceback" not in result.output


def test_path_is_required_without_undo() -> None:
    result = run()
    assert result.exit_code == 2
    assert "PATH" in result.output


def test_a_failed_file_is_reported_then_exit_1(db_path: Path, export_files,
                                               make_archive) -> None:
    export_files["Comments.csv"] = b"Date,Link,Message\n\xff\xfe\n"
    result = run(str(make_archive(export_files)))
    assert result.exit_code == 1
    assert "Comments.csv: not UTF-8 text; nothing imported from this file" in result.output
    assert "Error: Comments.csv: could not be read (see above); the other files were imported" \
        in result.output
    assert imported(db_path) == 19


def test_an_unknown_header_is_reported_then_exit_1(db_path: Path, export_files,
                                                   make_archive) -> None:
    export_files["Comments.csv"] = "When,Url,Text\n"
    result = run(str(make_archive(export_files)), "--dry-run")
    assert result.exit_code == 1
    assert "Comments.csv: unknown header: expected Date, Link; found: When, Url, Text" \
        in result.output
    assert "the other files would be imported" in result.output


def test_help_texts() -> None:
    assert import_linkedin.help and "PATH" in import_linkedin.help
    for param in import_linkedin.params:
        if isinstance(param, click.Option):
            assert param.help


def test_progress_bars_draw_for_large_files_only(monkeypatch: pytest.MonkeyPatch) -> None:
    err = io.StringIO()
    monkeypatch.setattr("sys.stderr", err)
    bars = _Bars(enabled=True)
    bars("Small.csv", 10, 100)
    assert bars.bar is None
    for done in (0, 1_000_000, 2_000_000, 3_000_000):
        bars("SearchQueries.csv", done, 3_000_000)
    bars.close()
    assert bars.bar is None and "Reading SearchQueries.csv" in err.getvalue()
    quiet = _Bars(enabled=False)
    quiet("SearchQueries.csv", 0, 3_000_000)
    assert quiet.bar is None
