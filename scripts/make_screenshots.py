"""Regenerate screenshots/*.svg from the demo journal with a frozen clock:
every screen at 120×40 and the dashboard at 80×24, plus the French dashboard at 80×24 (the
README shows them).

    python scripts/make_screenshots.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "screenshots"
SHOTS = [
    ("dashboard", "120x40", "en"), ("dashboard", "80x24", "en"), ("journal", "120x40", "en"),
    ("trends", "120x40", "en"), ("invitations", "120x40", "en"), ("help", "120x40", "en"),
    ("dashboard", "80x24", "fr"),
]


def main() -> None:
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, SSI_TUI_NOW="2026-11-23T09:30:00Z", TZ="Europe/Paris",
                   SSI_TUI_CONFIG=str(Path(tmp) / "config.toml"))
        demo = Path(tmp) / "demo.db"
        ssi = [sys.executable, "-m", "ssi_tui"]
        subprocess.run([*ssi, "demo", "--db", str(demo), "--print-path"], env=env, check=True,
                       capture_output=True)
        for screen, size, lang in SHOTS:
            suffix = "" if lang == "en" else f"-{lang}"
            target = OUT / f"{screen}-{size}{suffix}.svg"
            subprocess.run([*ssi, "--lang", lang, "--db", str(demo), "--screenshot", str(target),
                            "--size", size, "--screen", screen], env=env, check=True)
            print(target.relative_to(ROOT))


if __name__ == "__main__":
    main()
