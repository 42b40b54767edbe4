"""The performance suite: every figure of issue #5, measured side by side in one run.

    python benchmarks/run.py            # full run: 1k, 100k and 1M-event journals, 5 runs each
    python benchmarks/run.py --quick    # 1k only, one run (the test suite runs this)

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
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE, env=env())
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        err = proc.stderr.read().decode() if proc.stderr else ""
        raise SystemExit(f"benchmark command failed: {' '.join(cmd)}\n{err}")
    return elapsed, usage.ru_maxrss


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


def first_frame(db: Path | None, out: Path, runs: int) -> tuple[dict[str, float], int]:
    times, peak = [], 0
    for i in range(runs):
        shot = out / f"frame-{db.stem if db else 'bare'}-{i}.svg"
        if db is None:
            cmd = [sys.executable, str(HERE / "bare_app.py"), str(shot), "120x40"]
        else:
            cmd = [*SSI, "--db", str(db), "--screenshot", str(shot), "--size", "120x40"]
        elapsed, rss = timed(cmd)
        times.append(elapsed)
        peak = max(peak, rss)
    return summary(times), peak


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
    bare Textual app — the test harness's own cost, which no app can go below.
    """
    os.environ.update(SSI_TUI_NOW=FROZEN_NOW, TZ="Europe/Paris")
    time.tzset()
    from bare_app import BareApp

    from ssi_tui.config import Settings
    from ssi_tui.journal import open_journal
    from ssi_tui.tui.app import SsiApp

    journal = open_journal(db, Settings())
    handler: list[float] = []
    round_trip: list[float] = []
    floor: list[float] = []

    async def drive() -> None:
        app = SsiApp(journal)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.press("s")  # first key: warm-up (imports finish, caches fill)
            await pilot.pause()
            for _ in range(presses):
                start = time.perf_counter()
                await pilot.press("s")
                await pilot.pause()
                round_trip.append((time.perf_counter() - start) * 1000)
                handler.append(app.last_log_ms)
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
            "pilot_p50_ms": statistics.median(round_trip), "pilot_p95_ms": pct(round_trip, 0.95),
            "pilot_floor_p50_ms": statistics.median(floor),
            "pilot_floor_p95_ms": pct(floor, 0.95), "presses": len(handler)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="1k events, one run")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=HERE / "out", help="where files go")
    args = parser.parse_args()
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    os.environ["SSI_TUI_CONFIG"] = str(out / "config.toml")
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
    bare, bare_rss = first_frame(None, out, runs)
    frame_small, _ = first_frame(small, out, runs)
    frame_large, large_rss = first_frame(large, out, runs)
    results["first_frame"] = {
        "bare": bare, "small": frame_small, "large": frame_large,
        "large_vs_bare": frame_large["median"] / bare["median"],
        "large_vs_small": frame_large["median"] / frame_small["median"],
    }
    results["peak_rss_kib"] = {"bare": bare_rss, "large": large_rss,
                               "ratio": large_rss / bare_rss}
    results["keystroke"] = {str(n): keystroke(journals[n], 10 if args.quick else 40, out)
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
        ("first frame, large journal / bare Textual app", f"{ff['large_vs_bare']:.2f}", "≤ 1.3"),
        ("first frame, large journal / 1k journal", f"{ff['large_vs_small']:.2f}", "≤ 1.1"),
        ("keystroke handled (commit+rebuild+update), large, p95",
         f"{key[str(big)]['handler_p95_ms']:.1f} ms", "≤ 16 ms"),
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
    ]
    for n, st in results["status_json"].items():
        rows.append((f"status --json, {int(n):,} events", f"{st['median'] * 1000:.0f} ms "
                     f"({st['min'] * 1000:.0f}–{st['max'] * 1000:.0f})", ""))
    print(f"Machine: {results['machine']}")
    print(f"{'figure':<48} {'measured':>22}  target")
    for name, value, target in rows:
        print(f"{name:<48} {value:>22}  {target}")
    print(f"first frame medians: bare {ff['bare']['median']:.3f}s, 1k "
          f"{ff['small']['median']:.3f}s, large {ff['large']['median']:.3f}s")


if __name__ == "__main__":
    main()
