"""The performance suite: every figure of issue #5, measured side by side in one run.

    python benchmarks/run.py            # full run: 1k, 100k and 1M-event journals, 5 runs each
    python benchmarks/run.py --quick    # 1k only, one run (the test suite runs this)
    python benchmarks/run.py --keys     # only the key press (and a year of estimates), 1k and 1M

Prints a table and writes benchmarks/out/results.json. Journals are generated deterministically
and loaded through `ssi-tui import`, the project's own import path. Timings are wall-clock
medians with min–max; nothing here is a pass/fail assert.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
FROZEN_NOW = "2026-11-23T09:30:00Z"
LAST_DAY = date(2026, 11, 22)
SSI = [sys.executable, "-m", "ssi_tui"]


def env() -> dict[str, str]:
    e = dict(os.environ, SSI_TUI_NOW=FROZEN_NOW, TZ="Europe/Paris")
    e.pop("SSI_TUI_DB", None)
    e.setdefault("SSI_TUI_CONFIG", str(HERE / "out" / "config.toml"))  # never the user's
    return e


def timed(cmd: list[str], stdout: int | None = subprocess.DEVNULL) -> tuple[float, int]:
    """Wall time (s) and peak RSS (KiB) of one child process."""
    elapsed, rss, _started = timed_from(cmd, stdout)
    return elapsed, rss


def timed_from(cmd: list[str],
               stdout: int | None = subprocess.DEVNULL) -> tuple[float, int, float]:
    """`timed`, and the wall-clock time (time.time) the child was started at."""
    started = time.time()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE, env=env())
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        err = proc.stderr.read().decode() if proc.stderr else ""
        raise SystemExit(f"benchmark command failed: {' '.join(cmd)}\n{err}")
    return elapsed, usage.ru_maxrss, started


def compile_bytecode() -> None:
    """Compile ssi_tui's modules, as `pip install` does: an editable checkout run with
    PYTHONDONTWRITEBYTECODE (as CI and this machine set it) would otherwise compile every module
    from source at each start, while Textual's come compiled."""
    import compileall

    compileall.compile_dir(str(HERE.parent / "ssi_tui"), quiet=1)


def summary(values: list[float]) -> dict[str, float]:
    return {"median": statistics.median(values), "min": min(values), "max": max(values),
            "runs": len(values)}


def build_journal(out: Path, n_events: int, large: bool) -> tuple[Path, float]:
    """Generate CSVs and import them with `ssi-tui import`; returns the journal and the
    events import time."""
    from generate import write_events_csv, write_invitations_csv, write_readings_csv

    db = out / f"journal-{n_events}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    events_csv = out / f"events-{n_events}.csv"
    write_events_csv(events_csv, n_events, LAST_DAY)
    elapsed, _ = timed([*SSI, "--db", str(db), "import", str(events_csv)])
    inv_csv = out / f"invitations-{n_events}.csv"
    write_invitations_csv(inv_csv, 30_000 if large else 100, LAST_DAY)
    timed([*SSI, "--db", str(db), "import", str(inv_csv)])
    rd_csv = out / f"readings-{n_events}.csv"
    write_readings_csv(rd_csv, 52 * 3 if large else 8, LAST_DAY)
    timed([*SSI, "--db", str(db), "import", str(rd_csv)])
    return db, elapsed


NO_PAUSE = [sys.executable, "-c", "from ssi_tui.cli import main; main()"]
"""ssi-tui without its entry point's collector pause (ssi_tui/startup.py): for comparison."""


def first_frames(dbs: dict[str, Path | None], out: Path,
                 runs: int) -> dict[str, tuple[dict[str, float], int, dict[str, float]]]:
    """First frame (`--screenshot`) of each variant, interleaved run by run so that a change of
    the machine's load hits them all alike: for each, the process's wall times, its peak RSS,
    and the time from its start until the frame's SVG was on disk (the process then still
    exits: interpreter teardown, which the wall time includes).

    A variant named `*-cold` has its saved dashboard (`journal.db.frame`) removed before each
    run, so the status is built before the first frame; the others start from the dashboard
    the previous run saved, as a user's second start of the day does (one unmeasured run saves
    it first). A variant named `*-no-pause` runs without the collector pause."""
    def command(name: str, db: Path | None, shot: Path) -> list[str]:
        if db is None:
            return [sys.executable, str(HERE / "bare_app.py"), str(shot), "120x40"]
        if name.endswith("-cold"):
            Path(f"{db}.frame").unlink(missing_ok=True)
        ssi = NO_PAUSE if name.endswith("-no-pause") else SSI
        return [*ssi, "--db", str(db), "--screenshot", str(shot), "--size", "120x40"]

    for name, db in dbs.items():
        if db is not None and not name.endswith("-cold"):
            timed(command(name, db, out / "frame-warm.svg"))
    times: dict[str, list[float]] = {name: [] for name in dbs}
    on_disk: dict[str, list[float]] = {name: [] for name in dbs}
    peaks = dict.fromkeys(dbs, 0)
    for i in range(runs):
        for name, db in dbs.items():
            shot = out / f"frame-{name}-{i}.svg"
            shot.unlink(missing_ok=True)
            elapsed, rss, started = timed_from(command(name, db, shot))
            times[name].append(elapsed)
            on_disk[name].append(shot.stat().st_mtime - started)
            peaks[name] = max(peaks[name], rss)
    for db in dbs.values():  # leave the saved dashboards as a user's second start finds them
        if db is not None:
            timed(command("warm", db, out / "frame-warm.svg"))
    return {name: (summary(times[name]), peaks[name], summary(on_disk[name])) for name in dbs}


def status_json(db: Path, runs: int) -> dict[str, float]:
    return summary([timed([*SSI, "--db", str(db), "status", "--json"])[0] for _ in range(runs)])


def export_ratio(db: Path, out: Path, runs: int) -> dict[str, object]:
    ours, theirs = [], []
    query = "SELECT id, day, kind, count, degree, contact, note, at FROM events ORDER BY id"
    for _ in range(runs):
        ours.append(timed([*SSI, "--db", str(db), "export", "-o", str(out / "export.csv")])[0])
        with (out / "export-sqlite3.csv").open("wb") as handle:
            theirs.append(timed(["sqlite3", "-csv", "-header", str(db), query],
                                stdout=handle.fileno())[0])
    return {"ours": summary(ours), "sqlite3": summary(theirs),
            "ratio": statistics.median(ours) / statistics.median(theirs)}


def keystroke(db: Path, presses: int, out: Path) -> dict[str, float]:
    """Key press → event committed → dashboard repainted, in-process through Textual's Pilot.

    Three figures: `handler` is our work (commit, status rebuild, widgets updated);
    `pilot` is the whole Pilot round trip (press, then wait until Textual is idle again, so the
    repaint is done); `pilot_floor` is the same round trip for a key that does nothing in the
    bare Textual app — the test harness's own cost, which no app can go below. The app runs as
    `ssi-tui` runs it: the collector paused until its first frame, then on with start-up's
    objects frozen (ssi_tui/startup.py); without that, collections of this process's larger
    heap made the p95 (12.9–20.1 ms at 1k, 9.4–14.8 at 1M in four runs).
    """
    os.environ.update(SSI_TUI_NOW=FROZEN_NOW, TZ="Europe/Paris")
    time.tzset()
    from bare_app import BareApp

    from ssi_tui.config import Settings
    from ssi_tui.journal import open_journal
    from ssi_tui.tui.app import SsiApp

    journal = open_journal(db, Settings())
    handler: list[float] = []
    cpu: list[float] = []
    round_trip: list[float] = []
    floor: list[float] = []

    async def drive() -> None:
        from ssi_tui import startup

        startup.pause()  # as `ssi-tui` runs it: the app resumes (and freezes) after its frame
        app = SsiApp(journal)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()  # the status, if drawn from a saved frame
            await pilot.pause()
            await pilot.press("s")  # first key: warm-up (imports finish, caches fill)
            await pilot.pause()
            for _ in range(presses):
                start = time.perf_counter()
                await pilot.press("s")
                await pilot.pause()
                round_trip.append((time.perf_counter() - start) * 1000)
                handler.append(app.last_log_ms)
                cpu.append(getattr(app, "last_log_cpu_ms", float("nan")))
            for _ in range(presses + 1):
                await pilot.press("u")
            await pilot.pause()

    async def bare() -> None:
        app = BareApp(str(out / "unused.svg"))
        app.on_mount = lambda: None  # type: ignore[method-assign]
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            for _ in range(presses):
                start = time.perf_counter()
                await pilot.press("z")
                await pilot.pause()
                floor.append((time.perf_counter() - start) * 1000)

    asyncio.run(drive())
    asyncio.run(bare())
    journal.close()

    def pct(values: list[float], q: float) -> float:
        ordered = sorted(values)
        return ordered[max(0, round(q * len(ordered)) - 1)]

    return {"handler_p50_ms": statistics.median(handler), "handler_p95_ms": pct(handler, 0.95),
            "handler_cpu_p50_ms": statistics.median(cpu), "handler_cpu_p95_ms": pct(cpu, 0.95),
            "pilot_p50_ms": statistics.median(round_trip), "pilot_p95_ms": pct(round_trip, 0.95),
            "pilot_floor_p50_ms": statistics.median(floor),
            "pilot_floor_p95_ms": pct(floor, 0.95), "presses": len(handler)}


def year_of_estimates(db: Path, runs: int) -> dict[str, float]:
    """`estimate_series` over the 365 days ending on the last day, from the journal's history
    (the trend screen's year; formerly a timed assert in the model's tests)."""
    from datetime import timedelta

    from ssi_tui.config import Settings
    from ssi_tui.journal import open_journal
    from ssi_tui.model import estimate_series

    journal = open_journal(db, Settings())
    scoring = journal.settings.scoring
    start = LAST_DAY - timedelta(days=364)
    history = journal.history(start, LAST_DAY)  # from the first window's first day
    times = []
    for _ in range(runs):
        begin = time.perf_counter()
        estimate_series(start, LAST_DAY, history, scoring)
        times.append(time.perf_counter() - begin)
    journal.close()
    return summary(times)


def keys_only(args: argparse.Namespace) -> None:
    """The key press alone (journals reused from --out when already there)."""
    out: Path = args.out
    results: dict[str, object] = {"keystroke": {}, "year_of_estimates": {}}
    for n in ([1_000] if args.quick else [1_000, 1_000_000]):
        db = out / f"journal-{n}.db"
        if not db.exists():
            db, _ = build_journal(out, n, large=n >= 1_000_000)
        results["keystroke"][str(n)] = keystroke(db, 10 if args.quick else 40, out)  # type: ignore[index]
        results["year_of_estimates"][str(n)] = year_of_estimates(db, args.runs)  # type: ignore[index]
    (out / "results-keys.json").write_text(json.dumps(results, indent=2))
    for n, key in results["keystroke"].items():  # type: ignore[attr-defined]
        year = results["year_of_estimates"][n]  # type: ignore[index]
        print(f"{int(n):>9,} events: keystroke handled p50 {key['handler_p50_ms']:.1f} ms, "
              f"p95 {key['handler_p95_ms']:.1f} ms (CPU time p50 {key['handler_cpu_p50_ms']:.1f}, "
              f"p95 {key['handler_cpu_p95_ms']:.1f}); Pilot round trip p50/p95 "
              f"{key['pilot_p50_ms']:.0f}/{key['pilot_p95_ms']:.0f} ms (bare app "
              f"{key['pilot_floor_p50_ms']:.0f}/{key['pilot_floor_p95_ms']:.0f}); a year of "
              f"estimates {year['median'] * 1000:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="1k events, one run")
    parser.add_argument("--keys", action="store_true",
                        help="only the key press and a year of estimates (reuses journals)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=HERE / "out", help="where files go")
    args = parser.parse_args()
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    os.environ["SSI_TUI_CONFIG"] = str(out / "config.toml")
    if args.keys:
        keys_only(args)
        return
    runs = 1 if args.quick else args.runs
    sizes = [1_000] if args.quick else [1_000, 100_000, 1_000_000]
    results: dict[str, object] = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python "
                   f"{platform.python_version()}, {platform.system()} {platform.release()}",
    }
    journals = {}
    for n in sizes:
        db, import_s = build_journal(out, n, large=n >= 1_000_000)
        journals[n] = db
        results[f"import_{n}"] = {"seconds": import_s, "rows_per_s": n / import_s}
    small, large = journals[sizes[0]], journals[sizes[-1]]
    compile_bytecode()
    frames = first_frames({"bare": None, "small": small, "large": large,
                           "small-cold": small, "large-cold": large,
                           "large-no-pause": large}, out, runs)
    ff = {name: timing for name, (timing, _rss, _disk) in frames.items()}
    on_disk = {name: disk for name, (_timing, _rss, disk) in frames.items()}

    def ratio(a: str, b: str, stat: str) -> float:
        return ff[a][stat] / ff[b][stat]

    results["first_frame"] = {
        **ff,
        "large_vs_bare": ratio("large", "bare", "median"),
        "large_vs_small": ratio("large", "small", "median"),
        "large_vs_bare_best": ratio("large", "bare", "min"),
        "large_vs_small_best": ratio("large", "small", "min"),
        "cold_large_vs_bare": ratio("large-cold", "bare", "median"),
        "cold_large_vs_small": ratio("large-cold", "small-cold", "median"),
        "no_pause_large_vs_bare": ratio("large-no-pause", "bare", "median"),
        "on_disk": on_disk,
        "on_disk_large_vs_bare": on_disk["large"]["median"] / on_disk["bare"]["median"],
        "on_disk_no_pause_large_vs_bare":
            on_disk["large-no-pause"]["median"] / on_disk["bare"]["median"],
    }
    rss = {name: peak for name, (_timing, peak, _disk) in frames.items()}
    results["peak_rss_kib"] = {"bare": rss["bare"], "large": rss["large"],
                               "large_cold": rss["large-cold"],
                               "ratio": rss["large"] / rss["bare"],
                               "cold_ratio": rss["large-cold"] / rss["bare"]}
    results["keystroke"] = {str(n): keystroke(journals[n], 10 if args.quick else 40, out)
                            for n in {sizes[0], sizes[-1]}}
    results["year_of_estimates"] = {str(n): year_of_estimates(journals[n], runs)
                                    for n in {sizes[0], sizes[-1]}}
    results["status_json"] = {str(n): status_json(journals[n], runs)
                              for n in {sizes[0], sizes[-1]}}
    if shutil.which("sqlite3"):
        results["export"] = export_ratio(large, out, runs)
    (out / "results.json").write_text(json.dumps(results, indent=2))
    print_table(results, sizes)


def print_table(results: dict, sizes: list[int]) -> None:  # type: ignore[type-arg]
    big = sizes[-1]
    ff, rss = results["first_frame"], results["peak_rss_kib"]
    key = results["keystroke"]
    rows = [
        ("first frame, large journal / bare Textual app",
         f"{ff['large_vs_bare']:.2f} (best {ff['large_vs_bare_best']:.2f})", "≤ 1.3"),
        ("first frame, large journal / 1k journal",
         f"{ff['large_vs_small']:.2f} (best {ff['large_vs_small_best']:.2f})", "≤ 1.1"),
        ("the same, no saved dashboard: large / bare",
         f"{ff['cold_large_vs_bare']:.2f}", ""),
        ("the same, no saved dashboard: large / 1k", f"{ff['cold_large_vs_small']:.2f}", ""),
        ("the same, without the collector pause: large / bare",
         f"{ff['no_pause_large_vs_bare']:.2f}", ""),
        ("until the frame's SVG is on disk: large / bare", f"{ff['on_disk_large_vs_bare']:.2f}",
         ""),
        ("the same, without the collector pause", f"{ff['on_disk_no_pause_large_vs_bare']:.2f}",
         ""),
        ("keystroke handled (commit+rebuild+update), large, p95",
         f"{key[str(big)]['handler_p95_ms']:.1f} ms", "≤ 16 ms"),
        ("the same, CPU time of the handler's thread, large, p95",
         f"{key[str(big)]['handler_cpu_p95_ms']:.1f} ms", ""),
        ("keystroke handled, 1k, p95", f"{key[str(sizes[0])]['handler_p95_ms']:.1f} ms", ""),
        ("Pilot round trip with repaint, large, p50/p95",
         f"{key[str(big)]['pilot_p50_ms']:.0f}/{key[str(big)]['pilot_p95_ms']:.0f} ms", ""),
        ("Pilot round trip, no-op key, bare app, p50/p95",
         f"{key[str(big)]['pilot_floor_p50_ms']:.0f}/{key[str(big)]['pilot_floor_p95_ms']:.0f} ms",
         "(harness floor)"),
    ]
    if "export" in results:
        rows.append(("export, ours / sqlite3 -csv", f"{results['export']['ratio']:.2f}", "≤ 2.0"))
    rows += [
        (f"import of {big:,} events", f"{results[f'import_{big}']['rows_per_s']:,.0f} rows/s",
         "≥ 100,000 rows/s"),
        ("peak RSS, large / bare Textual app", f"{rss['ratio']:.2f}", "≤ 1.5"),
        ("peak RSS, no saved dashboard: large / bare", f"{rss['cold_ratio']:.2f}", ""),
    ]
    for n, year in results["year_of_estimates"].items():
        rows.append((f"a year of estimates (trend), {int(n):,} events",
                     f"{year['median'] * 1000:.0f} ms", ""))
    for n, st in results["status_json"].items():
        rows.append((f"status --json, {int(n):,} events", f"{st['median'] * 1000:.0f} ms "
                     f"({st['min'] * 1000:.0f}–{st['max'] * 1000:.0f})", ""))
    print(f"Machine: {results['machine']}")
    print(f"{'figure':<48} {'measured':>22}  target")
    for name, value, target in rows:
        print(f"{name:<48} {value:>22}  {target}")
    print("first frame medians (best): " + ", ".join(
        f"{name} {ff[name]['median']:.3f}s ({ff[name]['min']:.3f}s)"
        for name in ("bare", "small", "large", "small-cold", "large-cold", "large-no-pause")))


if __name__ == "__main__":
    main()
