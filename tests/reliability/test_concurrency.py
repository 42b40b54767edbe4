"""Concurrent writers: four processes each log 250 entries through the CLI at the same time;
all 1,000 land, none twice, and no "database is locked" reaches anyone."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from ssi_tui.journal import open_journal
from ssi_tui.tui.app import SsiApp

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


def test_four_cli_writers_at_once_while_the_app_is_open(tmp_path: Path, db_path: Path) -> None:
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    env = dict(os.environ, SSI_TUI_DB=str(db_path))
    # create the journal first so the four writers race on entries, not on the schema
    subprocess.run([sys.executable, "-m", "ssi_tui", "log", "login"], env=env, check=True,
                   capture_output=True)
    journal = open_journal(db_path)
    searches: list[int] = []
    errors: list[str] = []

    async def run() -> None:
        app = SsiApp(journal)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            procs = [subprocess.Popen([sys.executable, str(script), f"w{n}"], env=env,
                                      stderr=subprocess.PIPE, text=True) for n in range(4)]
            while any(p.poll() is None for p in procs):
                await asyncio.sleep(0.2)
            errors.extend(p.stderr.read() for p in procs if p.stderr)
            assert [p.returncode for p in procs] == [0, 0, 0, 0], errors
            for _ in range(30):  # the app notices within a second, no restart
                await asyncio.sleep(0.1)
                todo = next(t for t in app.status.todos if t.key == "searches")
                if todo.progress == 1000:
                    break
            searches.append(todo.progress)

    asyncio.run(run())
    journal.close()
    assert searches == [1000]
    assert not any("locked" in e for e in errors)
    conn = sqlite3.connect(db_path)
    notes = [row[0] for row in conn.execute("SELECT note FROM events WHERE kind = 'search'")]
    assert len(notes) == 1000 and len(set(notes)) == 1000
