"""The PostgreSQL target on a real server: schema and migrations, idempotent share and revoke,
row-level security with two reps and a manager, 50 reps sharing at once."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import timedelta

import psycopg
import pytest
from team_builders import TODAY, rep_share

from ssi_tui.team import postgres
from ssi_tui.team.board import team_board
from ssi_tui.team.errors import TeamError, TeamInputError


def as_user(admin_url: str, user: str, password: str) -> str:
    return admin_url.replace("admin:admin-secret@", f"{user}:{password}@", 1)


def count(url: str, table: str, where: str = "true") -> int:
    with psycopg.connect(url) as conn:
        return conn.execute(f"SELECT count(*) FROM ssi_team.{table} WHERE {where}").fetchone()[0]


@pytest.fixture
def team(pg_db: str) -> dict[str, str]:
    """A migrated database with reps alice and bob and manager maya; their URLs."""
    postgres.init(pg_db)
    for name, group in (("alice", "ssi_rep"), ("bob", "ssi_rep"), ("maya", "ssi_manager")):
        postgres.add_login(pg_db, name, f"{name}-pw", group)
    return {"admin": pg_db, **{n: as_user(pg_db, n, f"{n}-pw") for n in ("alice", "bob",
                                                                           "maya")}}


def test_init_creates_the_schema_once_and_migrates_an_older_one(pg_db: str) -> None:
    with psycopg.connect(pg_db) as conn:
        assert postgres.migrate(conn, upto=1) == [1]  # a database made by version 1 ...
        assert postgres.applied_versions(conn) == [1]
        conn.commit()
    assert postgres.init(pg_db) == [2, 3]  # ... is brought up to date
    assert postgres.init(pg_db) == []  # and again: nothing to do
    with psycopg.connect(pg_db) as conn:
        assert postgres.applied_versions(conn) == [1, 2, 3]
        tables = {t for (t,) in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'ssi_team'")}
        assert tables == {"migrations", "shares", "counts", "readings", "estimates",
                          "indicators", "invitations", "digests"}
        secured = {t for (t,) in conn.execute(
            "SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            " WHERE nspname = 'ssi_team' AND relrowsecurity")}
        assert secured == tables - {"migrations"}
        roles = {r for (r,) in conn.execute(
            "SELECT rolname FROM pg_roles WHERE rolname IN ('ssi_rep', 'ssi_manager')"
            " AND NOT rolcanlogin")}
        assert roles == {"ssi_rep", "ssi_manager"}


def test_add_login_hashes_the_password_and_is_idempotent(team: dict[str, str]) -> None:
    assert postgres.add_login(team["admin"], "alice", "new-pw", "ssi_rep") is False
    with psycopg.connect(as_user(team["admin"], "alice", "new-pw")) as conn:
        assert conn.execute("SELECT current_user").fetchone()[0] == "alice"
    with pytest.raises(TeamError, match="password authentication failed"):
        postgres.read_team(team["alice"], TODAY, 21)  # the old password no longer works
    with psycopg.connect(team["admin"]) as conn:
        stored = conn.execute("SELECT rolpassword FROM pg_authid WHERE rolname = 'alice'"
                              ).fetchone()[0]
    assert stored.startswith("SCRAM-SHA-256$")
    with pytest.raises(TeamInputError, match="name"):
        postgres.add_login(team["admin"], "bad name; drop", "x", "ssi_rep")


def test_share_is_idempotent_and_revoke_removes_only_mine(team: dict[str, str]) -> None:
    alice = rep_share("ignored", days=60)
    assert postgres.write_share(team["alice"], alice) == "alice"  # shares as current_user
    postgres.write_share(team["alice"], alice)
    postgres.write_share(team["bob"], rep_share("bob", days=30, seed=2))
    admin = team["admin"]
    assert count(admin, "estimates", "rep = 'alice'") == 60
    assert count(admin, "counts", "rep = 'alice'") == len(alice.counts)
    assert count(admin, "invitations", "rep = 'alice'") == len(alice.invitations)
    # a share of the last 10 days replaces those days only
    postgres.write_share(team["alice"], rep_share("x", days=10, seed=9))
    assert count(admin, "estimates", "rep = 'alice'") == 60
    assert postgres.revoke_share(team["alice"]) > 0
    assert count(admin, "estimates", "rep = 'alice'") == 0
    assert count(admin, "shares", "rep = 'alice'") == 0
    assert count(admin, "estimates", "rep = 'bob'") == 30
    assert postgres.revoke_share(team["alice"]) == 0


def test_row_level_security_two_reps_and_a_manager(team: dict[str, str]) -> None:
    postgres.write_share(team["alice"], rep_share("a", days=30, seed=1))
    postgres.write_share(team["bob"], rep_share("b", days=30, seed=2))
    # a rep reads only their own rows ...
    assert count(team["alice"], "estimates") == 30
    assert count(team["alice"], "estimates", "rep = 'bob'") == 0
    assert count(team["alice"], "shares") == 1
    assert count(team["alice"], "digests") == 1 and count(team["maya"], "digests") == 2
    # ... cannot write as someone else, nor change or delete their rows
    with psycopg.connect(team["alice"]) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO ssi_team.counts (rep, day, habit, count)"
                         " VALUES ('bob', '2026-01-01', 'search', 99)")
        conn.rollback()
        assert conn.execute("UPDATE ssi_team.counts SET count = 0 WHERE rep = 'bob'"
                            ).rowcount == 0
        assert conn.execute("DELETE FROM ssi_team.estimates WHERE rep = 'bob'").rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE ssi_team.counts SET rep = 'bob' WHERE rep = 'alice'")
    assert count(team["admin"], "estimates", "rep = 'bob'") == 30
    # ... and sees the team only as aggregates, the other reps' names hidden
    board = team_board(postgres.read_team(team["alice"], TODAY, 21))
    assert [r.name for r in board.reps] == ["alice"] and not board.complete
    assert board.trend[-1].reps == 2
    names = [s.table.name for s in board.study.strata]
    assert "alice" in names and "bob" not in names and len(names) == 2
    # a manager reads everything and writes nothing
    manager = team_board(postgres.read_team(team["maya"], TODAY, 21))
    assert sorted(r.name for r in manager.reps) == ["alice", "bob"]
    assert {s.table.name for s in manager.study.strata} == {"alice", "bob"} and manager.complete
    assert count(team["maya"], "estimates") == 60
    with psycopg.connect(team["maya"]) as conn, pytest.raises(
            psycopg.errors.InsufficientPrivilege):
        conn.execute("DELETE FROM ssi_team.estimates")
    # without the group role, nothing at all
    postgres.add_login(team["admin"], "eve", "eve-pw", "ssi_rep")
    with psycopg.connect(team["admin"], autocommit=True) as conn:
        conn.execute("REVOKE ssi_rep FROM eve")
    with pytest.raises(TeamError, match="permission denied"):
        postgres.write_share(as_user(team["admin"], "eve", "eve-pw"), rep_share("e", days=3))


def test_the_manager_sees_the_same_study_as_the_folder(team: dict[str, str],
                                                       team_dir: object) -> None:
    from pathlib import Path

    from ssi_tui.team import folder

    for name, seed in (("alice", 1), ("bob", 2)):
        share = rep_share(name, days=90, seed=seed)
        postgres.write_share(team[name], share)
        folder.write_share(Path(str(team_dir)), share)
    for day in (TODAY, TODAY - timedelta(days=30), TODAY + timedelta(days=5)):
        on_pg = team_board(postgres.read_team(team["maya"], day, 21))
        in_folder = team_board(folder.read_folder(Path(str(team_dir)), day, 21))
        assert on_pg.as_json() == in_folder.as_json()


def test_shares_made_before_the_digests_are_read_from_their_rows(team: dict[str, str]) -> None:
    """A database migrated to version 3 holds no digest yet: the view reads those reps'
    rows (the same figures), and their next share writes the digest."""
    postgres.write_share(team["alice"], rep_share("a", days=90, seed=1))
    postgres.write_share(team["bob"], rep_share("b", days=60, seed=2))

    def views() -> list[dict[str, object]]:
        return [team_board(postgres.read_team(team[who], TODAY, 21)).as_json()
                for who in ("maya", "alice")]

    with_digests = views()
    with psycopg.connect(team["admin"]) as conn:
        conn.execute("DELETE FROM ssi_team.digests")
    assert views() == with_digests
    postgres.write_share(team["alice"], rep_share("a", days=90, seed=1))
    assert count(team["admin"], "digests") == 1
    assert views() == with_digests


def test_fifty_reps_share_at_once(team: dict[str, str]) -> None:
    admin = team["admin"]
    names = [f"rep{i:02d}" for i in range(50)]
    for name in names:
        postgres.add_login(admin, name, "pw", "ssi_rep")
    shares = {name: rep_share(name, days=30, seed=i) for i, name in enumerate(names)}
    errors: list[BaseException] = []
    barrier = threading.Barrier(50)

    def go(name: str) -> None:
        try:
            barrier.wait()
            postgres.write_share(as_user(admin, name, "pw"), shares[name])
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=go, args=(n,)) for n in names]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert count(admin, "shares") == 50 and count(admin, "digests") == 50
    assert count(admin, "estimates") == 50 * 30
    assert count(admin, "counts") == sum(len(s.counts) for s in shares.values())
    assert count(admin, "invitations") == sum(len(s.invitations) for s in shares.values())
    # the same rep twice at once: both land in turn, nothing doubled
    again = [threading.Thread(target=go, args=("rep00",)) for _ in range(2)]
    barrier = threading.Barrier(2)
    for t in again:
        t.start()
    for t in again:
        t.join()
    assert errors == []
    assert count(admin, "estimates", "rep = 'rep00'") == 30


def test_refused_connection_is_one_line(pg: object) -> None:
    url = replace_password(str(pg.url()), "wrong")
    with pytest.raises(TeamError) as info:
        postgres.read_team(url, TODAY, 21)
    assert "\n" not in str(info.value) and str(info.value).startswith("from:")


def replace_password(url: str, password: str) -> str:
    return url.replace("admin-secret", password, 1)


def test_a_streak_longer_than_the_window_read_is_counted_whole(team: dict[str, str]) -> None:
    from ssi_tui.team.share import DayCount

    logins = tuple(DayCount(TODAY - timedelta(days=i), "login", 1) for i in range(200))
    postgres.write_share(team["alice"], replace(rep_share("a", days=200), counts=logins))
    postgres.write_share(team["bob"], replace(rep_share("b", days=200), counts=logins[:50]))
    board = team_board(postgres.read_team(team["maya"], TODAY, 21))
    assert {r.name: r.streak for r in board.reps} == {"alice": 200, "bob": 50}
