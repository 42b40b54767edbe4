"""The layers stay apart and start-up stays light: checked in a fresh interpreter each time."""

from __future__ import annotations

import subprocess
import sys

import pytest


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
    for heavy in ("textual", "plotext", "textual_plotext", "sqlite_utils", "numpy"):
        assert heavy not in loaded, heavy


def test_the_app_defers_plotext_and_sqlite_utils() -> None:
    loaded = modules_after("import ssi_tui.tui.app")
    for deferred in ("plotext", "textual_plotext", "sqlite_utils"):
        assert deferred not in loaded, deferred


@pytest.mark.parametrize("module", ["report", "files", "linkedin", "records", "launch"])
def test_each_command_module_imports_alone_without_the_cli(module: str) -> None:
    loaded = modules_after(f"import ssi_tui.commands.{module}")
    assert "ssi_tui.cli" not in loaded
