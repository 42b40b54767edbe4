"""Issue 14 on the command line: edit and delete of every kind of record (item 5), input that
means what it shows (item 3), contradictory flags (item 6), `--db` after the command (item 10)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import run

from ssi_tui.i18n import NumberError, parse_number, parse_whole, using
from ssi_tui.journal import open_journal


def journal_of(db: Path):
    return open_journal(db)


def test_edit_and_delete_every_table_and_undo_them(db_path: Path) -> None:
    run("log", "search", "2", "--day", "2026-11-20")
    run("invite", "--plain", "--day", "2026-11-18")
    run("reading", "10", "10", "10", "10", "--day", "2026-11-20")
    run("indicators", "--followers", "90", "--day", "2026-11-20")
    steps = [
        ("edit", "events", "1", "--count", "5", "--note", "typo fixed"),
        ("edit", "invitations", "1", "--personalized", "--accepted-day", "2026-11-19"),
        ("edit", "readings", "2026-11-20", "--brand", "12.5"),
        ("edit", "indicators", "2026-11-20", "--followers", "95"),
    ]
    for step in steps:
        result = run(*step, "--yes")
        assert result.exit_code == 0, result.output
        assert "Before:" in result.output and "After:" in result.output
    j = journal_of(db_path)
    assert (j.event(1).count, j.event(1).note) == (5, "typo fixed")
    assert j.invitation(1).personalized and str(j.invitation(1).accepted_day) == "2026-11-19"
    assert j.readings()[0].brand == 12.5 and j.indicators()[0].followers == 95
    j.close()
    for table, key in (("events", "1"), ("invitations", "1"), ("readings", "2026-11-20"),
                       ("indicators", "2026-11-20")):
        assert run("delete", table, key, "--yes").exit_code == 0
    j = journal_of(db_path)
    assert (j.events(), j.invitations(), j.readings(), j.indicators()) == ([], [], [], [])
    j.close()
    for _ in range(8):
        assert run("undo").exit_code == 0
    j = journal_of(db_path)
    assert (j.event(1).count, j.readings()[0].brand, j.indicators()[0].followers) == (2, 10, 90)
    assert not j.invitation(1).personalized
    j.close()


def test_edit_is_validated_and_confirmed(db_path: Path) -> None:
    run("log", "search")
    assert run("edit", "events", "1", "--brand", "3").exit_code == 2
    assert run("edit", "events", "1").exit_code == 2
    assert run("edit", "events", "9", "--count", "2").exit_code == 2
    assert run("edit", "readings", "yesterday", "--brand", "2").exit_code == 2
    bad = run("edit", "events", "1", "--count", "0", "--yes")
    assert bad.exit_code == 2 and "count" in bad.output
    refused = run("edit", "events", "1", "--count", "3", input="n\n")
    assert refused.exit_code == 1
    assert run("delete", "events", "1", input="n\n").exit_code == 1
    j = journal_of(db_path)
    assert j.event(1).count == 1 and len(j.changes()) == 1  # nothing written, nothing recorded
    j.close()
    assert run("edit", "events", "1", "--count", "3", input="y\n").exit_code == 0


@pytest.mark.parametrize("args", [
    ("invite", "--personalized", "--plain"),
    ("profile", "photo", "--done", "--undone"),
    ("status", "--json", "--line"),
    ("edit", "invitations", "1", "--personalized", "--plain"),
])
def test_contradictory_flags_exit_2_naming_both(db_path: Path, args: tuple[str, ...]) -> None:
    """Issue 14 item 6: `invite --personalized --plain` recorded a plain invitation."""
    result = run(*args)
    assert result.exit_code == 2
    flags = [a for a in args if a.startswith("--")]
    assert all(flag in result.output for flag in flags) and "contradict" in result.output
    assert not db_path.exists() or journal_of(db_path).invitations() == []


def test_db_after_the_command(tmp_path: Path) -> None:
    """Issue 14 item 10: `ssi-tui status --db X` was refused."""
    other = tmp_path / "other.db"
    assert run("log", "login", "--db", str(other)).exit_code == 0
    result = run("status", "--db", str(other), "--json")
    assert result.exit_code == 0 and '"streak": 1' in result.output.replace("\n", "")
    j = journal_of(other)
    assert len(j.events()) == 1
    j.close()


def test_whole_numbers_in_french_never_drop_the_comma(db_path: Path) -> None:
    """Issue 14 item 3: `12,5` in a whole-number field saved 125; "1 234" with a no-break
    space (how the app prints thousands) was refused."""
    bad = run("--lang", "fr", "indicators", "--connections", "12,5")
    assert bad.exit_code == 2 and "'12,5' n'est pas un nombre entier" in bad.output
    for typed in ("1 234", "1\u00a0234", "1\u202f234"):
        assert run("--lang", "fr", "indicators", "--followers", typed).exit_code == 0
    assert run("indicators", "--profile-views-90d", "1,234").exit_code == 0
    assert run("--lang", "fr", "reading", "12,5", "10", "9", "11").exit_code == 0
    j = journal_of(db_path)
    [ind] = j.indicators()
    assert (ind.followers, ind.profile_views_90d, ind.connections) == (1234, 1234, None)
    assert j.readings()[0].brand == 12.5
    j.close()


def test_the_number_parser() -> None:
    with using("fr"):
        assert parse_number("12,5") == 12.5 and parse_number("1 234,5") == 1234.5
        assert parse_whole("1\u202f234") == 1234
        for text, code in (("12,5", "whole"), ("12 5", "grouping"), ("1,2.3", "number")):
            with pytest.raises(NumberError) as err:
                parse_whole(text) if code == "whole" else parse_number(text)
            assert err.value.code == code
    with using("en"):
        assert parse_whole("1,234") == 1234 and parse_number("1,234.5") == 1234.5
        with pytest.raises(NumberError):
            parse_number("12,5")
        with pytest.raises(NumberError):
            parse_number("nan")
