"""The digest each share stores: the view it gives on any later day, under any config, is the
view the raw rows give (the figures, the study, the streak, the week); an old-format file is
read the old way, a later one is refused by name."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from pydantic import ValidationError
from team_builders import TODAY, rep_share

from ssi_tui.model.settings import ScoringSettings
from ssi_tui.model.streak import login_streak
from ssi_tui.team import folder
from ssi_tui.team.board import pooled_study, team_board
from ssi_tui.team.digest import FOLD, accepted_within, judge, judged_from, shape_counts
from ssi_tui.team.share import DayCount, Share
from ssi_tui.team.snapshot import Shape


def team() -> list[Share]:
    """Four reps: steady, one with days missing, one with a 200-day streak, one whose last
    share is ten days old."""
    gappy = rep_share("bea", days=300, seed=2)
    gappy = replace(gappy, estimates=tuple(e for e in gappy.estimates
                                           if e.day.day not in (3, 4, 17, 22)))
    streaky = rep_share("cid", days=400, seed=3, invitations_per_day=3)
    streaky = replace(streaky, counts=streaky.counts + tuple(
        DayCount(TODAY - timedelta(days=i), "login", 1) for i in range(200)
        if DayCount(TODAY - timedelta(days=i), "login", 1) not in streaky.counts))
    return [rep_share("ann", days=500, seed=1, invitations_per_day=2), gappy, streaky,
            rep_share("dan", days=250, seed=4, today=TODAY - timedelta(days=10))]


def as_format_1(source: Path, target: Path) -> None:
    """The same files as an ssi-tui without digests wrote them."""
    target.mkdir()
    for path in source.iterdir():
        copy = target / path.name
        copy.write_bytes(path.read_bytes())
        conn = sqlite3.connect(copy)
        conn.execute("DROP TABLE digest")
        conn.execute("UPDATE meta SET value = '1' WHERE key = 'format'")
        conn.commit()
        conn.execute("VACUUM")
        conn.close()


def test_the_thresholds_are_the_personal_study_rule() -> None:
    """arm_counts judges by two thresholds; they give what `judge` gives, invitation by
    invitation, at every age and lag."""
    for pending in (1, 21, 180):
        young, within = judged_from(pending), accepted_within(pending)
        for age in range(FOLD + 3):
            for lag in (None, *range(FOLD + 3)):
                expected = ("pending" if age < young else
                            "accepted" if lag is not None and lag <= within else "declined")
                assert judge(age, lag, pending) == expected, (pending, age, lag)


def test_folded_invitations_are_judged_under_any_config() -> None:
    ScoringSettings(pending_days=FOLD - 1)
    with pytest.raises(ValidationError):
        ScoringSettings(pending_days=FOLD)


@pytest.fixture(scope="module")
def both_formats(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[Share]]:
    """The team written now (format 2) and as a version without digests wrote it."""
    root = tmp_path_factory.mktemp("formats")
    new, old = root / "new", root / "old"
    new.mkdir()
    shares = team()
    for share in shares:
        folder.write_share(new, share)
    as_format_1(new, old)
    return new, old, shares


@pytest.mark.parametrize("pending", [1, 21, 180])
def test_the_digest_gives_the_raw_rows_view_on_any_later_day(
        both_formats: tuple[Path, Path, list[Share]], pending: int) -> None:
    new, old, shares = both_formats
    settings = ScoringSettings(pending_days=pending)
    for shift in (-40, 0, 1, 2, 3, 40, 200):
        day = TODAY + timedelta(days=shift)
        from_digest = folder.read_folder(new, day, pending)
        from_rows = folder.read_folder(old, day, pending)
        assert from_digest.skipped == from_rows.skipped == ()
        assert (team_board(from_digest, settings).as_json()
                == team_board(from_rows, settings).as_json()), shift
        # and the study is the rule applied to each invitation, one by one
        one_by_one = []
        for share in shares:
            for inv in share.invitations:
                if inv.sent_day > day:
                    continue
                lag = None if inv.accepted_day is None else (inv.accepted_day
                                                             - inv.sent_day).days
                level = 0 if inv.accepted_day is None else (2 if inv.exchange_day else 1)
                one_by_one.append(Shape(share.rep, inv.personalized,
                                        (day - inv.sent_day).days, lag, level, 1))
        assert (pooled_study(from_digest.study, pending).as_json()
                == pooled_study(shape_counts(one_by_one, pending), pending).as_json()), shift
    board = team_board(folder.read_folder(new, TODAY, pending), settings)
    logins = [c.day for c in shares[2].counts if c.habit == "login"]
    assert {r.name: r.streak for r in board.reps}["cid"] == login_streak(logins, TODAY).current
    assert login_streak(logins, TODAY).current >= 200


def test_a_later_format_is_refused_by_name(team_dir: Path) -> None:
    path = folder.write_share(team_dir, rep_share("ann", days=20))
    folder.write_share(team_dir, rep_share("bob", days=20))
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = '3' WHERE key = 'format'")
    conn.commit()
    conn.close()
    snapshot = folder.read_folder(team_dir, TODAY, 21)
    assert [r.name for r in snapshot.reps] == ["bob"]
    assert snapshot.skipped == ("ann.ssi-share",)


def test_sharing_again_over_an_old_format_file_keeps_its_days(team_dir: Path,
                                                              tmp_path: Path) -> None:
    """A rep's format-1 file is upgraded by their next share, older days kept."""
    full = rep_share("ann", days=200, seed=1)
    folder.write_share(team_dir, full)
    as_format_1(team_dir, tmp_path / "old")
    before = team_board(folder.read_folder(team_dir, TODAY, 21)).as_json()
    old = tmp_path / "old"
    since = TODAY - timedelta(days=9)
    folder.write_share(old, Share(
        "ann", since, TODAY, *(tuple(r for r in rows
                                     if (getattr(r, "day", None) or r.sent_day) >= since)
                               for rows in (full.counts, full.readings, full.estimates,
                                            full.indicators, full.invitations))))
    conn = sqlite3.connect(old / "ann.ssi-share")
    assert conn.execute("SELECT value FROM meta WHERE key = 'format'").fetchone() == ("2",)
    assert conn.execute("SELECT count(*) FROM digest").fetchone() == (1,)
    conn.close()
    assert team_board(folder.read_folder(old, TODAY, 21)).as_json() == before
