"""The journal facade against real SQLite files: every write validated and committed at once."""

from __future__ import annotations

import sqlite3
import stat
from datetime import date, timedelta

import pytest

from ssi_tui.journal import InputError, Journal, open_journal
from ssi_tui.journal.days import journal_day, parse_at
from ssi_tui.journal.schema import SCHEMA_VERSION


def other_connection(journal: Journal) -> sqlite3.Connection:
    return sqlite3.connect(journal.path)


def test_log_event_is_committed_at_once(journal: Journal) -> None:
    event = journal.log_event(kind="search", count=3)
    # a second connection sees it without the first one closing or committing anything more
    rows = other_connection(journal).execute("SELECT kind, count, day FROM events").fetchall()
    assert rows == [("search", 3, event.day.isoformat())]


def test_profile_view_defaults_to_second_degree(journal: Journal) -> None:
    assert journal.log_event(kind="profile_view").degree == 2
    assert journal.log_event(kind="profile_view", degree=3).degree == 3


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"kind": "nope"}, "kind"),
        ({"kind": "search", "count": 0}, "count"),
        ({"kind": "search", "count": 10_001}, "count"),
        ({"kind": "search", "degree": 3}, "degree"),
        ({"kind": "profile_view", "degree": 4}, "degree"),
        ({"kind": "like", "note": "x" * 5000}, "note"),
        ({"kind": "like", "contact": "bad\x07bell"}, "contact"),
        ({"kind": "like", "day": date(2001, 1, 1)}, "day"),
    ],
)
def test_bad_event_names_the_field_and_writes_nothing(
    journal: Journal, fields: dict[str, object], field: str
) -> None:
    with pytest.raises(InputError) as err:
        journal.log_event(**fields)
    assert err.value.field == field
    assert "\n" not in str(err.value)
    assert journal.events() == []


def test_future_day_is_refused(journal: Journal) -> None:
    with pytest.raises(InputError, match="future"):
        journal.log_event(kind="login", day=journal.today() + timedelta(days=1))


def test_right_to_left_and_markup_text_is_kept_verbatim(journal: Journal) -> None:
    note = "[bold]مرحبا[/bold] ‏שלום"
    assert journal.log_event(kind="comment", note=note).note == note


def test_undo_takes_back_the_last_change_whatever_its_kind(journal: Journal) -> None:
    """Issue 14 item 5: invite, log a search, record the outcome, undo: the outcome goes (not
    the search), then the search, then the invitation, each exactly."""
    inv = journal.add_invitation(personalized=True, contact="Ada")
    journal.log_event(kind="search")
    journal.set_outcome(inv.id, "accepted")
    first = journal.undo()
    assert first.status == "undone" and first.change is not None
    assert first.change.action == "outcome"
    assert journal.invitation(inv.id) == inv  # the invitation stays, as it was sent
    assert journal.events(kind="search")
    assert journal.undo().change.action == "log"
    assert not journal.events(kind="search")
    assert journal.undo().change.action == "invite"
    assert journal.invitation(inv.id) is None
    assert journal.undo().status == "nothing"


def test_outcome_fills_the_earlier_stages(journal: Journal) -> None:
    inv = journal.add_invitation(personalized=False, sent_day=journal.today() - timedelta(days=5))
    done = journal.set_outcome(inv.id, "call", journal.today())
    assert done.accepted_day == done.exchange_day == done.call_day == journal.today()
    assert done.furthest_stage == "call"
    with pytest.raises(InputError, match="day"):
        journal.set_outcome(inv.id, "meeting", inv.sent_day - timedelta(days=1))
    with pytest.raises(InputError, match="id"):
        journal.set_outcome(999, "accepted")


def test_reading_keeps_three_decimals_and_replaces_same_day(journal: Journal) -> None:
    journal.add_reading(brand=12.275, people=10, insights=8.5, relationships=11)
    journal.add_reading(brand=13.125, people=10, insights=8.5, relationships=11, network_rank=4)
    [reading] = journal.readings()
    assert reading.brand == 13.125 and reading.network_rank == 4
    assert reading.total == pytest.approx(42.625)
    with pytest.raises(InputError) as err:
        journal.add_reading(brand=25.5, people=1, insights=1, relationships=1)
    assert err.value.field == "brand"
    # more decimals than LinkedIn shows are float noise: rounded to 3, never refused
    assert journal.add_reading(brand=1.23456, people=1, insights=1,
                               relationships=1).brand == 1.235


def test_indicators_merge_within_a_day(journal: Journal) -> None:
    journal.set_indicators(profile_views_90d=610)
    merged = journal.set_indicators(followers=300)
    assert (merged.profile_views_90d, merged.followers) == (610, 300)
    with pytest.raises(InputError, match="at least one"):
        journal.set_indicators()
    with pytest.raises(InputError) as err:
        journal.set_indicators(connections=30_001)
    assert err.value.field == "connections"


def test_profile_checklist(journal: Journal) -> None:
    assert len(journal.profile()) >= 10 and not any(i.done for i in journal.profile())
    journal.set_profile_item("photo", True)
    assert [i.key for i in journal.profile() if i.done] == ["photo"]
    with pytest.raises(InputError, match="item"):
        journal.set_profile_item("tattoo", True)


def test_daily_counts_read_only_the_window(journal: Journal) -> None:
    today = journal.today()
    journal.log_event(kind="profile_view", count=2, degree=3, day=today)
    journal.log_event(kind="profile_view", count=5, day=today)
    journal.log_event(kind="search", day=today - timedelta(days=40))
    counts = journal.daily_counts(today - timedelta(days=27), today)
    assert counts == {today: {"profile_view_3": 2, "profile_view_2": 5}}
    plan = journal.conn.execute(
        "EXPLAIN QUERY PLAN SELECT day, kind, degree, total FROM daily_totals"
        " WHERE day BETWEEN ? AND ? AND total > 0", ["a", "b"]
    ).fetchall()
    assert "SEARCH daily_totals USING PRIMARY KEY (day>? AND day<?)" in str(plan)


def test_edit_and_delete(journal: Journal) -> None:
    event = journal.log_event(kind="like")
    assert journal.update_event(event.id, count=4, note="great post").count == 4
    with pytest.raises(InputError):
        journal.update_event(event.id, count=-1)
    journal.delete_event(event.id)
    assert journal.events() == []


def test_files_are_private_whatever_the_umask(tmp_path, monkeypatch) -> None:
    import os

    old = os.umask(0)
    try:
        monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
        monkeypatch.delenv("SSI_TUI_DB")
        j = open_journal()
        j.log_event(kind="login")
        assert stat.S_IMODE(j.path.stat().st_mode) == 0o600
        assert stat.S_IMODE(j.path.parent.stat().st_mode) == 0o700
        backup = j.backup()
        assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    finally:
        os.umask(old)


def test_schema_version_and_wal(journal: Journal) -> None:
    assert journal.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert journal.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_day_starts_at_four_and_survives_dst() -> None:
    # 01:30 in Paris on 2026-03-29 (the night clocks go forward) is still the 28th
    assert journal_day(parse_at("2026-03-29T00:30:00Z"), 4, "Europe/Paris") == date(2026, 3, 28)
    # 04:30 local summer time (02:30Z) is the 29th
    assert journal_day(parse_at("2026-03-29T02:30:00Z"), 4, "Europe/Paris") == date(2026, 3, 29)
    # autumn: 03:30 local happens twice on 2026-10-25; both belong to the 24th
    assert journal_day(parse_at("2026-10-25T00:30:00Z"), 4, "Europe/Paris") == date(2026, 10, 24)
    assert journal_day(parse_at("2026-10-25T01:30:00Z"), 4, "Europe/Paris") == date(2026, 10, 24)
    assert journal_day(parse_at("2026-10-25T03:30:00Z"), 4, "Europe/Paris") == date(2026, 10, 25)
    assert journal_day(parse_at("2026-11-23T02:59:00Z"), 4, "Europe/Paris") == date(2026, 11, 22)
    assert journal_day(parse_at("2026-11-23T03:00:00Z"), 4, "Europe/Paris") == date(2026, 11, 23)


def test_daily_backup_once_a_day_keeps_seven(journal: Journal, monkeypatch) -> None:
    from ssi_tui.journal.backups import backups_dir

    journal.log_event(kind="login")
    for n in range(10):
        monkeypatch.setenv("SSI_TUI_NOW", f"2026-11-{10 + n:02d}T09:00:00Z")
        assert journal.daily_backup() is not None
        assert journal.daily_backup() is None  # second launch of the same day
    kept = sorted(p.name for p in backups_dir(journal.path).glob("*-daily-*.db"))
    assert len(kept) == 7 and kept[-1].endswith("2026-11-19.db")


def test_restore_keeps_the_current_journal(journal: Journal, tmp_path) -> None:
    journal.log_event(kind="login")
    saved = journal.backup(tmp_path / "saved.db")
    journal.log_event(kind="search", count=9)
    kept = journal.restore(saved)
    assert [e.kind for e in journal.events()] == ["login"]
    other = open_journal(kept)
    assert sorted(e.kind for e in other.events()) == ["login", "search"]
    other.close()


def test_the_suite_refuses_network_access() -> None:
    import socket

    with pytest.raises(AssertionError, match="network access"):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM).connect(("127.0.0.1", 9))


def rollup_matches(journal: Journal) -> None:
    expected = {
        (day, kind, degree or 0): total
        for day, kind, degree, total in journal.conn.execute(
            "SELECT day, kind, degree, sum(count) FROM events GROUP BY day, kind, degree")
    }
    actual = {
        (day, kind, degree): total
        for day, kind, degree, total in journal.conn.execute(
            "SELECT day, kind, degree, total FROM daily_totals WHERE total != 0")
    }
    assert actual == expected


def test_daily_rollup_follows_inserts_edits_deletes_and_imports(journal: Journal) -> None:
    import io

    from ssi_tui.journal.csvio import import_csv

    today = journal.today()
    a = journal.log_event(kind="search", count=3)
    b = journal.log_event(kind="profile_view", count=2, degree=3, day=today - timedelta(days=1))
    journal.log_event(kind="profile_view", count=5)
    rollup_matches(journal)
    journal.update_event(a.id, count=7, day=today - timedelta(days=2))
    journal.update_event(b.id, kind="like", degree=None)
    journal.delete_event(a.id)
    journal.undo()
    rollup_matches(journal)
    rows = "".join(f"2026-10-{d:02d},search,2,,,\n" for d in range(1, 29)) * 50
    csv_text = "day,kind,count,degree,contact,note\n" + rows
    report = import_csv(journal.conn, io.StringIO(csv_text), size_hint=10_000_000)
    assert report.ok and report.rows == 1400
    rollup_matches(journal)
    triggers = {r[0] for r in journal.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert {"events_rollup_insert", "events_rollup_delete", "events_rollup_update"} <= triggers
    journal.log_event(kind="search")
    rollup_matches(journal)
