"""The French catalogue is complete: every string the code marks is translated, placeholders
survive translation, no user-facing literal escapes marking, and the build compiles it."""

from __future__ import annotations

import ast
import gettext
import importlib.util
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "ssi_tui"


def _catalog_tool():  # scripts/catalog.py: the same extraction the maintainers run
    spec = importlib.util.spec_from_file_location("catalog", ROOT / "scripts" / "catalog.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


catalog_tool = _catalog_tool()


@pytest.fixture(scope="module")
def template():
    return catalog_tool.extract()


@pytest.fixture(scope="module")
def french():
    return catalog_tool.read(catalog_tool.po_path("fr"), "fr")


def test_the_code_marks_hundreds_of_strings(template) -> None:
    assert len(template) > 400


def test_every_marked_string_is_in_the_french_catalogue(template, french) -> None:
    assert catalog_tool.missing_from(french, template) == []


def test_every_french_entry_is_translated_and_not_fuzzy(french) -> None:
    assert catalog_tool.untranslated(french) == []


def test_the_catalogue_holds_nothing_the_code_no_longer_uses(template, french) -> None:
    used = {(m.id, m.context) for m in template if m.id}
    stale = [m.id for m in french if m.id and (m.id, m.context) not in used]
    assert stale == [], "run: python scripts/catalog.py update"


def _fields(text: str) -> set[str]:
    fields = {name for _lit, name, _spec, _conv in string.Formatter().parse(text)
              if name is not None}
    return fields | set(re.findall(r"%\((\w+)\)s", text))


def test_placeholders_survive_translation(french) -> None:
    wrong = []
    for message in french:
        if not message.id:
            continue
        ids = (message.id,) if isinstance(message.id, str) else message.id
        strings = (message.string,) if isinstance(message.string, str) else message.string
        expected = set().union(*(_fields(i) for i in ids))
        for translated in strings:
            if not _fields(translated) <= expected or (
                    len(ids) == 1 and _fields(translated) != expected):
                wrong.append((ids[0], translated))
    assert wrong == []


def test_french_plurals_use_the_french_rule(french) -> None:
    assert french.plural_forms == "nplurals=2; plural=(n > 1);"


# -- strings that escaped marking --------------------------------------------------------------

USER_FACING_CALLS = {
    "notify", "echo", "secho", "Static", "Label", "Button", "Input", "Select", "SelectionList",
    "bad_input", "InputError", "JournalError", "ConfigError", "Failure", "SystemCommand",
    "Binding", "UsageError", "BadParameter", "fail", "add_column", "add_columns", "Digits",
}
SKIPPED_POSITIONALS = {"Binding": 2, "InputError": 1, "add_column": 0}
USER_FACING_KEYWORDS = {"help", "title", "placeholder", "prompt", "label", "description",
                        "tooltip", "severity_label", "message"}
MARKERS = {"_", "N_", "ngettext", "pgettext"}
WORDS = re.compile(r"[A-Za-z]{3,}")
NOT_PROSE = re.compile(r"^[^\s]*[/_.][^\s]*$")
"""A path, a file name or an identifier (`~/Downloads/x.zip`, `log.search`): not for translating."""


def _words(node: ast.AST) -> str | None:
    """The literal text of a str or f-string node, if it holds words."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        prose = WORDS.search(node.value) and not NOT_PROSE.match(node.value)
        return node.value if prose else None
    if isinstance(node, ast.JoinedStr):
        text = "".join(v.value for v in node.values
                       if isinstance(v, ast.Constant) and isinstance(v.value, str))
        return text if WORDS.search(text) else None
    return None


def _name(func: ast.AST) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _unmarked(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        candidates: list[ast.AST] = []
        if name in USER_FACING_CALLS:
            candidates += node.args[SKIPPED_POSITIONALS.get(name, 0):]
        candidates += [k.value for k in node.keywords if k.arg in USER_FACING_KEYWORDS]
        for arg in candidates:
            for inner in ast.walk(arg):
                if isinstance(inner, ast.Call) and _name(inner.func) in MARKERS:
                    break
            else:
                text = _words(arg)
                if text is not None:
                    found.append(f"{path.relative_to(ROOT)}:{arg.lineno}: {text!r}")
    return found


def test_no_user_facing_literal_escapes_the_catalogue() -> None:
    """Text handed to a widget, a toast, click or an error must go through `_` (or `N_`)."""
    found = [hit for path in sorted(PACKAGE.rglob("*.py")) for hit in _unmarked(path)]
    assert found == []


def test_the_scan_would_see_an_unmarked_string(tmp_path: Path) -> None:
    sample = ROOT / "ssi_tui" / "__sample_for_scan.py"
    sample.write_text('self.notify(f"Saved {x}")\nself.notify(_("Saved {x}"))\n'
                      'raise InputError("day", "must be a date")\n')
    try:
        assert [hit.split(": ", 1)[1] for hit in _unmarked(sample)] == [
            "'Saved '", "'must be a date'"]
    finally:
        sample.unlink()


# -- the build ---------------------------------------------------------------------------------


def test_the_build_compiles_the_catalogue(tmp_path: Path) -> None:
    """`pip install .` runs build_py, which writes the .mo the installed package reads."""
    result = subprocess.run(
        [sys.executable, "setup.py", "-q", "build_py", "--build-lib", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    mo = tmp_path / "ssi_tui" / "locale" / "fr" / "LC_MESSAGES" / "ssi_tui.mo"
    with mo.open("rb") as handle:
        translations = gettext.GNUTranslations(handle)
    assert translations.gettext("Nothing to undo") == "Rien à annuler"
    assert translations.ngettext("Login streak: {n} day (longest {longest})",
                                 "Login streak: {n} days (longest {longest})", 2).startswith(
        "Série de connexions : {n} jours")


@pytest.mark.parametrize("damage", [b"not a catalogue at all", b"\xde\x12\x04\x95\x00\x00"],
                         ids=["garbage", "truncated"])
def test_a_damaged_compiled_catalogue_is_compiled_again(tmp_path: Path, damage: bytes,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A `.mo` cut short (a crash mid-write, a bad copy) must not break the interface."""
    import os
    import shutil

    from ssi_tui import i18n

    folder = tmp_path / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    shutil.copy(catalog_tool.po_path("fr"), folder / "ssi_tui.po")
    mo = folder / "ssi_tui.mo"
    mo.write_bytes(damage)
    os.utime(mo, (2_000_000_000, 2_000_000_000))  # newer than the .po: looks up to date
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n.catalogue.cache_clear()
    try:
        assert i18n.catalogue("fr").gettext("Nothing to undo") == "Rien à annuler"
        with mo.open("rb") as handle:  # and the file beside it is whole again
            assert gettext.GNUTranslations(handle).gettext("Quit") == "Quitter"
        assert sorted(p.name for p in folder.iterdir()) == ["ssi_tui.mo", "ssi_tui.po"]
    finally:
        i18n.catalogue.cache_clear()
