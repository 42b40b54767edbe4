"""The layers of docs/architecture.md, as import-linter contracts (pyproject.toml), checked on
every run; and proof that the check would catch a forbidden import."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """Run lint-imports on the package found under `root` (no cache written)."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(
        [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command;"
         " sys.exit(lint_imports_command())", "--no-cache", "--config",
         str(root / "pyproject.toml")],
        cwd=root, env=env, capture_output=True, text=True,
    )


def test_the_contracts_are_kept() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.fixture(scope="module")
def package_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("contracts")
    shutil.copytree(ROOT / "ssi_tui", root / "ssi_tui",
                    ignore=shutil.ignore_patterns("__pycache__", "*.po", "*.pot", "*.mo"))
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    return root


@pytest.mark.parametrize(("module", "line", "contract"), [
    ("model/streak.py", "from ssi_tui.journal import days", "The model imports nothing"),
    ("model/streak.py", "import ssi_tui.paths", "The model imports nothing"),
    ("model/reach.py", "from ssi_tui.i18n import _", "The model imports nothing"),
    ("domain.py", "from ssi_tui.labels import PILLAR_LABELS", "The model imports nothing"),
    ("journal/rows.py", "from ssi_tui.views import refit", "The journal imports neither"),
    ("journal/days.py", "import ssi_tui.model", "The journal imports neither"),
    ("views/study.py", "import textual.app", "Only the TUI imports Textual"),
    ("commands/report.py", "from rich.text import Text", "Only the TUI imports Textual"),
    ("views/status.py", "from ssi_tui.tui import app", "Nothing under the two faces"),
])
def test_a_forbidden_import_breaks_its_contract(package_copy: Path, module: str, line: str,
                                                contract: str) -> None:
    target = package_copy / "ssi_tui" / module
    original = target.read_text(encoding="utf-8")
    target.write_text(f"{original}\n{line}  # added by the test\n", encoding="utf-8")
    try:
        result = lint_imports(package_copy)
    finally:
        target.write_text(original, encoding="utf-8")
    assert result.returncode == 1, result.stdout + result.stderr
    broken = [text for text in result.stdout.splitlines() if text.endswith("BROKEN")
              or "BROKEN (" in text]
    assert len(broken) == 1 and broken[0].startswith(contract), result.stdout
