"""Issue 14 item 4: the export's formula guard is taken off on import, so export → import is
lossless with or without --raw; a CSV import is one change, undone as one, and never replaces a
figure typed by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import run

from ssi_tui.journal import open_journal

NOTES = ["-5 good call", "=SUM(A1)", "+33 6 12", "@here", "'=already quoted", "''+two", "plain",
         "it's fine"]


@pytest.mark.parametrize("raw", [False, True])
def test_export_then_import_gives_back_every_note(tmp_path: Path, raw: bool) -> None:
    source, target, csv_file = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "events.csv"
    for note in NOTES:
        assert run("--db", str(source), "log", "comment", "--note", note,
                   "--contact", note).exit_code == 0
    flags = ["--raw"] if raw else []
    assert run("--db", str(source), "export", "-o", str(csv_file), *flags).exit_code == 0
    if not raw:
        assert "'-5 good call" in csv_file.read_text(encoding="utf-8")
    result = run("--db", str(target), "import", str(csv_file))
    assert result.exit_code == 0, result.output
    journal = open_journal(target)
    assert sorted(e.note for e in journal.events()) == sorted(NOTES)
    assert sorted(e.contact for e in journal.events()) == sorted(NOTES)
    journal.close()


def test_a_csv_import_is_one_change(tmp_path: Path, db_path: Path) -> None:
    csv_file = tmp_path / "events.csv"
    csv_file.write_text("day,kind,count,degree,contact,note\n2026-11-20,search,2,,,\n"
                        "2026-11-21,like,1,,,\n", encoding="utf-8")
    run("log", "login")
    assert run("import", str(csv_file)).exit_code == 0
    out = run("undo").output
    assert "CSV import of 2 rows into events" in out
    journal = open_journal(db_path)
    assert [e.kind for e in journal.events()] == ["login"]
    journal.close()
    assert run("redo").exit_code == 0
    journal = open_journal(db_path)
    assert sorted(e.kind for e in journal.events()) == ["like", "login", "search"]
    journal.close()


def test_csv_figures_never_replace_typed_ones(tmp_path: Path, db_path: Path) -> None:
    run("indicators", "--connections", "800", "--day", "2026-11-20")
    run("reading", "10", "10", "10", "10", "--day", "2026-11-20")
    figures = tmp_path / "indicators.csv"
    figures.write_text("day,profile_views_90d,search_appearances_7d,followers,connections\n"
                       "2026-11-20,610,,,3\n", encoding="utf-8")
    readings = tmp_path / "readings.csv"
    readings.write_text("day,brand,people,insights,relationships\n2026-11-20,1,1,1,1\n"
                        "2026-11-19,2,2,2,2\n", encoding="utf-8")
    out = run("import", str(figures)).output
    assert "connections of 2026-11-20: you typed 800, yours is kept" in out
    out = run("import", str(readings)).output
    assert "reading of 2026-11-20: you typed it, yours is kept" in out
    journal = open_journal(db_path)
    [ind] = journal.indicators()
    assert (ind.connections, ind.profile_views_90d) == (800, 610)
    assert [r.brand for r in journal.readings()] == [2, 10]
    journal.close()
