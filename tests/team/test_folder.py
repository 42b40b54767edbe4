"""The folder target: one SQLite file per rep, written atomically, read back whole or not at
all, shares replaced day by day, revoked, and many writers at once."""

from __future__ import annotations

import os
import sqlite3
import threading
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from team_builders import TODAY, rep_share

from ssi_tui.team import folder
from ssi_tui.team.board import judge, pooled_study, team_board
from ssi_tui.team.digest import shape_counts
from ssi_tui.team.snapshot import Shape


def rows(path: Path, table: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
    finally:
        conn.close()


def test_share_round_trip_and_readable_tables(team_dir: Path) -> None:
    share = rep_share("alice", days=60)
    path = folder.write_share(team_dir, share)
    assert path.name == "alice.ssi-share"
    assert len(rows(path, "counts")) == len(share.counts)
    assert len(rows(path, "invitations")) == len(share.invitations)
    snapshot = folder.read_folder(team_dir, TODAY, 21)
    (rep,) = snapshot.reps
    assert rep.name == "alice" and rep.last_shared == TODAY
    assert rep.estimates[TODAY] == share.estimates[-1]
    assert rep.last_reading == share.readings[-1]
    assert [p for p in os.listdir(team_dir)] == ["alice.ssi-share"]  # no temp file left


def test_sharing_again_replaces_the_days_sent_and_keeps_the_others(team_dir: Path) -> None:
    share = rep_share("alice", days=60)
    folder.write_share(team_dir, share)
    folder.write_share(team_dir, share)  # idempotent: nothing doubled
    path = folder.share_path(team_dir, "alice")
    assert len(rows(path, "estimates")) == 60
    assert len(rows(path, "invitations")) == len(share.invitations)
    # a later share of the last 10 days only, with other figures: those days replaced
    since = TODAY - timedelta(days=9)
    recent = rep_share("alice", days=10, seed=7)
    folder.write_share(team_dir, recent)
    estimates = rows(path, "estimates")
    assert len(estimates) == 60
    assert estimates[-1][1] == recent.estimates[-1].brand
    assert estimates[0][1] == share.estimates[0].brand
    kept = [i for i in share.invitations if i.sent_day < since]
    assert len(rows(path, "invitations")) == len(kept) + len(recent.invitations)
    meta = dict(rows(path, "meta"))
    assert meta["first_day"] == share.first_day.isoformat()


def test_revoke_removes_the_file(team_dir: Path) -> None:
    folder.write_share(team_dir, rep_share("alice", days=10))
    assert folder.revoke_share(team_dir, "alice") is True
    assert folder.revoke_share(team_dir, "alice") is False
    assert folder.read_folder(team_dir, TODAY, 21).reps == ()


def test_half_written_files_are_never_read(team_dir: Path) -> None:
    folder.write_share(team_dir, rep_share("alice", days=30))
    whole = folder.share_path(team_dir, "alice").read_bytes()
    # a writer killed mid-way leaves its hidden temp file: not a share name, never listed
    (team_dir / ".bob.123.abcd.tmp").write_bytes(whole[: len(whole) // 2])
    # a copy cut short under the real name (a sync tool mid-copy): fails the size check
    (team_dir / "carol.ssi-share").write_bytes(whole[: len(whole) // 2])
    # not SQLite at all
    (team_dir / "dan.ssi-share").write_bytes(b"garbage" * 100)
    snapshot = folder.read_folder(team_dir, TODAY, 21)
    assert [r.name for r in snapshot.reps] == ["alice"]
    assert snapshot.skipped == ("carol.ssi-share", "dan.ssi-share")
    board = team_board(snapshot)
    assert [r.name for r in board.reps] == ["alice"]


def test_a_file_renamed_to_another_rep_is_refused(team_dir: Path) -> None:
    path = folder.write_share(team_dir, rep_share("alice", days=5))
    os.replace(path, team_dir / "mallory.ssi-share")
    assert folder.read_folder(team_dir, TODAY, 21).skipped == ("mallory.ssi-share",)


def test_concurrent_writers_and_readers(team_dir: Path) -> None:
    """Twelve reps write at once, one of them four times over, while a reader reads in a loop:
    every read sees only whole files, and at the end every rep is there exactly once."""
    shares = [rep_share(f"rep{i:02d}", days=40, seed=i) for i in range(12)]
    errors: list[BaseException] = []
    stop = threading.Event()
    seen_partial: list[str] = []

    def write(share: object) -> None:
        try:
            folder.write_share(team_dir, share)  # type: ignore[arg-type]
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    def read() -> None:
        while not stop.is_set():
            snapshot = folder.read_folder(team_dir, TODAY, 21)
            seen_partial.extend(snapshot.skipped)
            for rep in snapshot.reps:
                if len(rep.estimates) != 40:
                    seen_partial.append(rep.name)

    reader = threading.Thread(target=read)
    reader.start()
    writers = [threading.Thread(target=write, args=(s,)) for s in shares]
    writers += [threading.Thread(target=write, args=(shares[0],)) for _ in range(3)]
    for t in writers:
        t.start()
    for t in writers:
        t.join()
    stop.set()
    reader.join()
    assert errors == [] and seen_partial == []
    snapshot = folder.read_folder(team_dir, TODAY, 21)
    assert [r.name for r in snapshot.reps] == [s.rep for s in shares]
    assert len(rows(folder.share_path(team_dir, "rep00"), "invitations")) == len(
        shares[0].invitations)
    assert sorted(os.listdir(team_dir)) == [f"{s.rep}.ssi-share" for s in shares]


def test_grouped_invitations_give_the_same_study_as_each_invitation(team_dir: Path) -> None:
    """The folder reads invitations grouped by age, lag and stage; applying the rule to each
    invitation of the shares gives the same tables."""
    shares = [rep_share(n, days=90, seed=i) for i, n in enumerate(("ann", "ben", "cat"))]
    for share in shares:
        folder.write_share(team_dir, share)
    grouped = pooled_study(folder.read_folder(team_dir, TODAY, 21).study, 21)
    one_by_one = []
    for share in shares:
        for inv in share.invitations:
            lag = None if inv.accepted_day is None else (inv.accepted_day - inv.sent_day).days
            level = 0 if inv.accepted_day is None else (2 if inv.exchange_day else 1)
            one_by_one.append(Shape(share.rep, inv.personalized, (TODAY - inv.sent_day).days,
                                    lag, level, 1))
    direct = pooled_study(shape_counts(one_by_one, 21), 21)
    assert grouped.as_json() == direct.as_json()
    assert judge(90, None, 21) == "declined"


def test_missing_folder_is_one_line(team_dir: Path) -> None:
    import pytest

    from ssi_tui.team.errors import TeamError

    with pytest.raises(TeamError, match="does not exist"):
        folder.write_share(team_dir / "nope", replace(rep_share("a", days=2)))


def test_a_streak_longer_than_the_window_read_is_counted_whole(team_dir: Path) -> None:
    from ssi_tui.team.share import DayCount

    logins = tuple(DayCount(TODAY - timedelta(days=i), "login", 1) for i in range(200))
    folder.write_share(team_dir, replace(rep_share("ann", days=200), counts=logins))
    folder.write_share(team_dir, replace(rep_share("bea", days=200), counts=logins[:50]))
    rows = {r.name: r.streak for r in team_board(folder.read_folder(team_dir, TODAY, 21)).reps}
    assert rows == {"ann": 200, "bea": 50}


def test_the_pooled_arms_follow_the_personal_study_rule(team_dir: Path) -> None:
    """One rep's pooled arms are the personal study's arms (model.invitations), same rule."""
    from ssi_tui.domain import Invitation
    from ssi_tui.model.invitations import invitation_study

    share = rep_share("ann", days=120, seed=3)
    folder.write_share(team_dir, share)
    pooled = pooled_study(folder.read_folder(team_dir, TODAY, 21).study, 21)
    personal = invitation_study(
        [Invitation(n, i.sent_day, i.degree, i.personalized, i.variant,
                    accepted_day=i.accepted_day, exchange_day=i.exchange_day)
         for n, i in enumerate(share.invitations, start=1)], TODAY, 21)
    for arm in ("personalized", "plain"):
        ours, theirs = pooled.arms[arm], personal.arms[arm]
        assert (ours.judged, ours.accepted, ours.pending) == (theirs.judged, theirs.accepted,
                                                               theirs.pending)
        assert ours.funnel["exchange"] == theirs.funnel["exchange"]
