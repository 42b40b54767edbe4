"""Concurrent writers: four processes each log 250 entries through the CLI at the same time;
all 1,000 land, none twice, and no "database is locked" reaches anyone."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

WRITER = textwrap.dedent(
    """
    import sys
    from click.testing import CliRunner
    from ssi_tui.cli import cli

    runner = CliRunner()
    worker = sys.argv[1]
    for i in range(250):
        result = runner.invoke(cli, ["log", "search", "--note", f"{worker}-{i}"])
        if result.exit_code != 0:
            print(result.output, file=sys.stderr)
            sys.exit(1)
    """
)


def test_four_cli_writers_at_once(tmp_path: Path, db_path: Path) -> None:
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    env = dict(os.environ, SSI_TUI_DB=str(db_path))
    # create the journal first so the four writers race on entries, not on the schema
    subprocess.run([sys.executable, "-m", "ssi_tui", "log", "login"], env=env, check=True,
                   capture_output=True)
    procs = [subprocess.Popen([sys.executable, str(script), f"w{n}"], env=env,
                              stderr=subprocess.PIPE, text=True) for n in range(4)]
    errors = [p.communicate(timeout=240)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], errors
    assert not any("locked" in e for e in errors)
    conn = sqlite3.connect(db_path)
    notes = [row[0] for row in conn.execute("SELECT note FROM events WHERE kind = 'search'")]
    assert len(notes) == 1000 and len(set(notes)) == 1000
