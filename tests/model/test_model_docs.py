"""docs/scoring.md stays true to the defaults, and the model stays pure (no database, no files,
no screen), as STYLE.md asks."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from ssi_tui.model import ScoringSettings, TermSettings
from ssi_tui.model.settings import DEFAULT_TERMS
from ssi_tui.model.terms import TERM_DEFS

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "scoring.md").read_text(encoding="utf-8")
MODEL = ROOT / "ssi_tui" / "model"


def _target(value: float) -> str:
    return f"{value:.0%}" if value <= 1 else f"{value:g}"


def _entry(key: str) -> tuple[str, str, str]:
    """(weight, target, curve) as docs/scoring.md states them for one term."""
    for line in DOC.splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if line.startswith(f"| `{key}`") and len(cells) == 7:  # a term table, not the to-dos
            return cells[5], cells[3].split(" ")[0], cells[6]
        if line.startswith(f"- `{key}`:"):
            section = line
            break
    else:
        match = re.search(rf"### `{key}`.*?(?=\n##)", DOC, re.S)
        assert match, f"docs/scoring.md has no entry for {key}"
        section = match.group(0)
    weight = re.search(r"\*\*weight (\S+?)\*\*", section)
    target = re.search(r"\*\*[Tt]arget\*\* (\S+)", section)
    curve = re.search(r"`(linear|sqrt)`", section)
    assert weight and target and curve, key
    return weight.group(1), target.group(1), curve.group(1)


@pytest.mark.parametrize("key", [d.key for d in TERM_DEFS])
def test_every_term_is_documented_with_its_defaults(key: str) -> None:
    cfg = DEFAULT_TERMS[key]
    assert _entry(key) == (f"{cfg.weight:g}", _target(cfg.target), cfg.curve)


def test_every_setting_is_documented_and_has_a_docstring() -> None:
    for name, field in ScoringSettings.model_fields.items():
        assert field.description, name
        if name == "effort_seconds":
            assert "`[scoring.effort_seconds]`" in DOC
        elif name != "terms":
            assert f"| `{name}` | {field.default:g} |" in DOC, name
    for name, field in TermSettings.model_fields.items():
        assert field.description and f"`{name}`" in DOC, name


def test_the_docs_name_the_secret_and_the_sources() -> None:
    assert "formula is secret" in DOC and "estimate" in DOC
    for section in ("Construire votre marque personnelle", "Trouver les bonnes personnes",
                    "Echanger des informations", "Etablir des relations"):
        assert section in DOC


FORBIDDEN_MODULES = ("textual", "rich", "sqlite3", "sqlite_utils", "click", "platformdirs",
                     "ssi_tui.journal", "ssi_tui.tui", "ssi_tui.views", "ssi_tui.cli")
FORBIDDEN_CALLS = ("open", "exec", "eval", "__import__")


@pytest.mark.parametrize("path", sorted(MODEL.glob("*.py")), ids=lambda p: p.name)
def test_the_model_never_touches_storage_files_or_screens(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        for name in names:
            assert not name.startswith(FORBIDDEN_MODULES), f"{path.name} imports {name}"
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            assert node.func.id not in FORBIDDEN_CALLS, f"{path.name} calls {node.func.id}()"
        if isinstance(node, ast.Attribute):
            assert node.attr not in ("read_text", "write_text", "open"), path.name
