"""The benchmark suite is not a test (CI machines are noisy), but its small variant runs here to
prove the suite itself works: every figure is measured and written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_quick_benchmark_produces_every_figure(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "SSI_TUI_NOW"}
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--out", str(tmp_path)],
        capture_output=True, text=True, env=env, timeout=300, check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    data = json.loads((tmp_path / "results.json").read_text())
    assert data["import_1000"]["rows_per_s"] > 0
    assert data["first_frame"]["large_vs_bare"] > 0
    assert data["first_frame"]["on_disk_large_vs_bare"] > 0
    assert data["first_frame"]["no_pause_large_vs_bare"] > 0
    assert data["keystroke"]["1000"]["handler_p95_ms"] > 0
    assert data["keystroke"]["1000"]["pilot_floor_p50_ms"] > 0
    assert data["status_json"]["1000"]["median"] > 0
    assert data["year_of_estimates"]["1000"]["median"] > 0
    assert data["peak_rss_kib"]["ratio"] > 0
    assert "first frame" in result.stdout
