"""The layers stay apart and start-up stays light: checked in a fresh interpreter each time."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "ssi_tui"


def modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys\nprint(' '.join(sys.modules))"],
        capture_output=True, text=True, check=True,
    ).stdout
    return set(out.split())


@pytest.mark.parametrize("package", ["ssi_tui.journal", "ssi_tui.model", "ssi_tui.views",
                                     "ssi_tui.journal.linkedin"])
def test_storage_and_model_never_import_textual(package: str) -> None:
    loaded = modules_after(f"import {package}")
    assert not {m for m in loaded if m.split(".")[0] in ("textual", "rich", "plotext")}


def test_the_model_opens_no_database() -> None:
    loaded = modules_after("import ssi_tui.model")
    assert "sqlite3" not in loaded and "sqlite_utils" not in loaded


def test_command_line_start_is_light() -> None:
    loaded = modules_after("import ssi_tui.cli")
    for heavy in ("textual", "plotext", "textual_plotext", "sqlite_utils", "numpy", "pydantic",
                  "ssi_tui.model", "ssi_tui.views"):
        assert heavy not in loaded, heavy


def test_the_app_defers_plotext_and_sqlite_utils() -> None:
    loaded = modules_after("import ssi_tui.tui.app")
    for deferred in ("plotext", "textual_plotext", "sqlite_utils"):
        assert deferred not in loaded, deferred


def every_module() -> list[str]:
    """Every module of the package, from the files (importing to find them would hide
    exactly the order-dependent failures this looks for)."""
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__main__":
            continue  # running it runs the command line
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


FORK_EACH = """
import os, sys
# third-party packages load once, in the parent: the question is the order of our own modules
import babel.dates, babel.numbers, click, sqlite_utils, textual.app, textual.widgets
from pydantic import BaseModel, ConfigDict, Field, model_validator

def child(name):
    try:
        __import__(name)
        if name.startswith("ssi_tui.commands") and "ssi_tui.cli" in sys.modules:
            print(name, "imports ssi_tui.cli", file=sys.stderr)
            os._exit(1)
    except BaseException as exc:
        print(name, type(exc).__name__, exc, file=sys.stderr)
        os._exit(1)
    os._exit(0)

failed, running, todo = [], {}, list(sys.argv[1:])
while todo or running:
    while todo and len(running) < (os.cpu_count() or 1):
        name = todo.pop()
        pid = os.fork()
        if pid == 0:  # the parent's interpreter, with nothing of ours imported yet
            child(name)
        running[pid] = name
    pid, code = os.wait()
    if code != 0:
        failed.append(running[pid])
    del running[pid]
print(" ".join(sorted(failed)))
"""


def test_every_module_imports_alone() -> None:
    """Each module is imported first in an interpreter of its own (a fork of one that has
    imported nothing of ours), so a cycle or an import that only works after another module
    shows up; a command module must not need the CLI."""
    modules = every_module()
    assert len(modules) > 60 and "ssi_tui.journal.store" in modules
    result = subprocess.run([sys.executable, "-c", FORK_EACH, *modules], capture_output=True,
                            text=True, check=True)
    assert result.stdout.split() == [], result.stderr


def test_an_export_without_a_config_file_never_loads_pydantic(tmp_path: Path) -> None:
    """No config file means the defaults: nothing to validate, so an export (rows straight
    from SQLite) starts without pydantic and the model."""
    import os

    db = tmp_path / "journal.db"
    env = dict(os.environ, SSI_TUI_CONFIG=str(tmp_path / "none.toml"))
    subprocess.run([sys.executable, "-m", "ssi_tui", "--db", str(db), "log", "search"],
                   env=env, check=True, capture_output=True)
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "ssi_tui", "--db",
                             str(db), "export"], env=env, check=True, capture_output=True,
                            text=True)
    assert "search" in result.stdout
    loaded = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()}
    assert not {"pydantic", "ssi_tui.model", "ssi_tui.config"} & loaded
