"""The team view at scale (issue 17): 500 reps with 3 years of history each, on both targets.

    python benchmarks/team.py               # 500 reps x 3 years, 5 runs each
    python benchmarks/team.py --reps 50     # a smaller team, quicker

Measures, on a folder and on a real PostgreSQL server started for the run (initdb + pg_ctl on
a Unix socket, as the tests do):
- opening the team view: reading the target and computing everything the screen shows
  (leaderboard, pillars, trend, habits, pooled study), against a plain `SELECT count(*)` over
  the same rows: the five tables of shared rows (counts, readings, estimates, indicators,
  invitations) of every rep, not the digests (one derived row a rep), both from a fresh
  connection; target <= 2x;
- the same opening on a day before the shares' last day, where the digests do not apply and
  the view reads the raw rows (what format-1 files and shares made before migration 3 cost);
- 50 reps sharing 3 years each at once: how long, and whether every row landed exactly once.
Prints a table and writes benchmarks/out/team.json. Medians of 5 runs; not a test.
"""

from __future__ import annotations

import argparse
import json
import platform
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from urllib.parse import quote

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "team"))

import pg_server  # noqa: E402  (the tests' server fixture, reused)
from team_builders import rep_share  # noqa: E402

from ssi_tui.model.settings import ScoringSettings  # noqa: E402
from ssi_tui.team import folder, postgres  # noqa: E402
from ssi_tui.team.board import team_board  # noqa: E402

TODAY = date(2026, 11, 23)
PAST = date(2026, 11, 22)
"""A day before the shares' last: the view reads the raw rows."""
DAYS = 3 * 365
TABLES = ("counts", "readings", "estimates", "indicators", "invitations")


def median_of(fn: Callable[[], object], runs: int) -> tuple[float, float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times), max(times)


def side_by_side(a: Callable[[], object], b: Callable[[], object],
                 runs: int) -> tuple[tuple[float, float, float], tuple[float, float, float]]:
    """Both measured in turn, run after run, so a load change on the machine hits both."""
    a(), b()  # warm the caches once
    ta, tb = [], []
    for _ in range(runs):
        ta.append(median_of(a, 1)[0])
        tb.append(median_of(b, 1)[0])
    return ((statistics.median(ta), min(ta), max(ta)),
            (statistics.median(tb), min(tb), max(tb)))


def shares(n: int, prefix: str = "rep") -> list:
    return [rep_share(f"{prefix}{i:03d}", days=DAYS, seed=i, level=40 + (i % 50),
                      invitations_per_day=1.5) for i in range(n)]


def folder_count(path: Path) -> int:
    """`SELECT count(*)` over each file's five tables of shared rows (the digest, one derived
    row a rep, is not counted), opening the files as the view does."""
    total = 0
    base = path.resolve().as_uri()
    for name in folder.share_files(path):
        conn = sqlite3.connect(f"{base}/{quote(name)}?mode=ro&immutable=1", uri=True)
        total += sum(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES)
        conn.close()
    return total


def pg_count(url: str) -> int:
    import psycopg

    with psycopg.connect(url) as conn:
        return conn.execute("SELECT " + " + ".join(
            f"(SELECT count(*) FROM ssi_team.{t})" for t in TABLES)).fetchone()[0]


def concurrently(fns: list[Callable[[], object]]) -> tuple[float, list[BaseException]]:
    errors: list[BaseException] = []
    barrier = threading.Barrier(len(fns))

    def run(fn: Callable[[], object]) -> None:
        try:
            barrier.wait()
            fn()
        except BaseException as exc:  # noqa: BLE001 - reported
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(fn,)) for fn in fns]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start, errors


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    settings = ScoringSettings()
    results: dict[str, object] = {"reps": args.reps, "days": DAYS, "machine": {
        "python": platform.python_version(), "system": platform.platform()}}
    work = Path(tempfile.mkdtemp(prefix="ssi-team-bench-"))

    t = time.perf_counter()
    team = shares(args.reps)
    rows = sum(s.row_count for s in team)
    print(f"generated {args.reps} reps x {DAYS} days: {rows:,} rows "
          f"({time.perf_counter() - t:.1f} s)")
    results["rows"] = rows

    # -- folder ---------------------------------------------------------------------------------
    team_dir = work / "team"
    team_dir.mkdir()
    t = time.perf_counter()
    for s in team:
        folder.write_share(team_dir, s)
    print(f"folder: written in {time.perf_counter() - t:.1f} s")
    assert folder_count(team_dir) == rows
    open_f, count_f = side_by_side(
        lambda: team_board(folder.read_folder(team_dir, TODAY, 21), settings),
        lambda: folder_count(team_dir), args.runs)
    results["folder"] = {"open": open_f, "count": count_f, "ratio": open_f[0] / count_f[0]}
    results["folder_raw_rows"] = {"open": median_of(lambda: team_board(folder.read_folder(
        team_dir, PAST, 21), settings), args.runs)}

    burst_dir = work / "burst"
    burst_dir.mkdir()
    burst = shares(50, prefix="b")
    took, errors = concurrently([lambda s=s: folder.write_share(burst_dir, s) for s in burst])
    landed = folder_count(burst_dir) == sum(s.row_count for s in burst) and all(
        sqlite3.connect(f).execute("SELECT count(*) FROM digest").fetchone()[0] == 1
        for f in burst_dir.glob("*.ssi-share"))
    results["folder_50_at_once"] = {"seconds": took, "errors": len(errors), "all_landed":
                                    landed and len(list(burst_dir.iterdir())) == 50}

    # -- PostgreSQL -----------------------------------------------------------------------------
    found = pg_server.binaries()
    if found is None:
        print("no PostgreSQL binaries: the PostgreSQL half is skipped")
    else:
        server = pg_server.start(*found)
        try:
            admin = server.url()
            postgres.init(admin)

            def as_rep(name: str) -> str:
                return server.url(user=name, password="pw")

            for s in team + burst:
                postgres.add_login(admin, s.rep, "pw", "ssi_rep")
            postgres.add_login(admin, "manager", "pw", "ssi_manager")
            t = time.perf_counter()
            for s in team:
                postgres.write_share(as_rep(s.rep), s)
            print(f"postgres: written in {time.perf_counter() - t:.1f} s")
            import psycopg

            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute("VACUUM ANALYZE")
            assert pg_count(admin) == rows
            manager = server.url(user="manager", password="pw")
            open_p, count_p = side_by_side(
                lambda: team_board(postgres.read_team(manager, TODAY, 21), settings),
                lambda: pg_count(manager), args.runs)
            results["postgres"] = {"open": open_p, "count": count_p,
                                   "ratio": open_p[0] / count_p[0]}
            results["postgres_raw_rows"] = {"open": median_of(lambda: team_board(
                postgres.read_team(manager, PAST, 21), settings), args.runs)}
            open_rep = median_of(lambda: team_board(postgres.read_team(
                as_rep(team[0].rep), TODAY, 21), settings), args.runs)
            results["postgres_as_rep"] = {"open": open_rep}
            took, errors = concurrently([lambda s=s: postgres.write_share(as_rep(s.rep), s)
                                         for s in burst])
            expected = rows + sum(s.row_count for s in burst)
            with psycopg.connect(admin) as conn:
                digests = conn.execute("SELECT count(*) FROM ssi_team.digests").fetchone()[0]
            results["postgres_50_at_once"] = {
                "seconds": took, "errors": len(errors),
                "all_landed": pg_count(admin) == expected and digests == len(team) + 50}
        finally:
            pg_server.stop(server)

    out = HERE / "out"
    out.mkdir(exist_ok=True)
    (out / "team.json").write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))
    print(f"\n{args.reps} reps x {DAYS} days, {rows:,} rows; medians of {args.runs}")
    for key, label in (("folder", "folder"), ("postgres", "PostgreSQL, as a manager")):
        if key in results:
            r: dict = results[key]  # type: ignore[assignment]
            print(f"{label:28s} open {r['open'][0]:.3f} s  count(*) {r['count'][0]:.3f} s"
                  f"  ratio {r['ratio']:.2f}")
    for key in ("folder_raw_rows", "postgres_raw_rows", "postgres_as_rep"):
        if key in results:
            print(f"{key:28s} open {results[key]['open'][0]:.3f} s")  # type: ignore[index]
    for key in ("folder_50_at_once", "postgres_50_at_once"):
        if key in results:
            r = results[key]  # type: ignore[assignment]
            print(f"{key:28s} {r['seconds']:.1f} s, errors {r['errors']},"
                  f" all landed once: {r['all_landed']}")


if __name__ == "__main__":
    main()
