"""Keep the message catalogue in step with the code (Babel's extractor and .po reader/writer).

  python scripts/catalog.py update      # extract the strings, refresh ssi_tui.pot and fr .po
  python scripts/catalog.py check       # list strings missing or untranslated in French
  python scripts/catalog.py merge PART  # copy other .po files' translations in (theirs win)
  python scripts/catalog.py part NAME FILE..  # i18n-parts/NAME.po: the strings of FILEs only

`update` keeps every existing translation, adds new strings untranslated and drops the ones the
code no longer has. The tests run the same extraction, so a string marked in the code but not
translated fails the suite.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir, extract_from_file
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "ssi_tui"
LOCALE_DIR = PACKAGE / "locale"
TEMPLATE = LOCALE_DIR / "ssi_tui.pot"
TRANSLATED = ("fr",)


def extract() -> Catalog:
    """Every string the code marks with `_`, `N_`, `ngettext` or `pgettext`."""
    template = Catalog(project="ssi-tui", msgid_bugs_address="", fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
            str(PACKAGE), method_map=[("**.py", "python")], keywords=DEFAULT_KEYWORDS,
            comment_tags=("TRANSLATORS:",)):
        template.add(message, None, [(f"ssi_tui/{filename}", lineno)],
                     auto_comments=comments, context=context)
    return template


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / "ssi_tui.po"


def read(path: Path, language: str | None = None) -> Catalog:
    with path.open("rb") as source:
        return read_po(source, locale=language)


def write(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        write_po(out, catalog, width=100, sort_output=False, include_previous=False)


def update() -> None:
    template = extract()
    write(template, TEMPLATE)
    for language in TRANSLATED:
        path = po_path(language)
        catalog = read(path, language) if path.exists() else Catalog(locale=language)
        catalog.update(template, no_fuzzy_matching=True)
        _describe(catalog)
        catalog.obsolete.clear()
        write(catalog, path)
        print(f"{path.relative_to(ROOT)}: {len(catalog)} messages, "
              f"{len(untranslated(catalog))} untranslated")


def _describe(catalog: Catalog) -> None:
    catalog.project, catalog.version, catalog.fuzzy = "ssi-tui", "", False
    catalog.msgid_bugs_address = catalog.last_translator = "ssi-tui contributors"
    catalog.language_team = f"{catalog.locale}"
    catalog.header_comment = (f"# {catalog.locale} messages of ssi-tui, under the project's "
                              "licence (MIT).\n# Regenerate with: python scripts/catalog.py update")


def untranslated(catalog: Catalog) -> list[str]:
    missing = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


def missing_from(catalog: Catalog, template: Catalog) -> list[str]:
    """msgids the code uses that the catalogue lacks."""
    return [m.id if isinstance(m.id, str) else m.id[0]
            for m in template if m.id and catalog.get(m.id, context=m.context) is None]


def check() -> int:
    template = extract()
    problems = 0
    for language in TRANSLATED:
        catalog = read(po_path(language), language)
        for text in missing_from(catalog, template):
            print(f"{language}: not in the catalogue: {text!r}")
            problems += 1
        for text in untranslated(catalog):
            print(f"{language}: no translation: {text!r}")
            problems += 1
    return 1 if problems else 0


def merge(parts: list[Path]) -> None:
    for language in TRANSLATED:
        path = po_path(language)
        catalog = read(path, language)
        for part in parts:
            for message in read(part, language):
                if not message.id or not message.string:
                    continue
                target = catalog.get(message.id, context=message.context)
                if target is not None:  # the part's translation wins
                    target.string = message.string
                    target.flags.discard("fuzzy")
        write(catalog, path)


def part(name: str, files: list[Path]) -> None:
    """A French catalogue of a few files' strings, keeping translations already made."""
    path = ROOT / "i18n-parts" / f"{name}.po"
    catalog = read(path, "fr") if path.exists() else Catalog(locale="fr")
    template = Catalog(project="ssi-tui", fuzzy=False)
    for file in files:
        for lineno, message, comments, context in extract_from_file(
                "python", str(file), keywords=DEFAULT_KEYWORDS, comment_tags=("TRANSLATORS:",)):
            template.add(message, None, [(str(file), lineno)], auto_comments=comments,
                         context=context)
    catalog.update(template, no_fuzzy_matching=True)
    catalog.obsolete.clear()
    _describe(catalog)
    write(catalog, path)
    print(f"{path.relative_to(ROOT)}: {len(catalog)} messages, "
          f"{len(untranslated(catalog))} untranslated")


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "update":
        update()
        return 0
    if command == "check":
        return check()
    if command == "merge":
        merge([Path(p) for p in argv[1:]])
        return 0
    if command == "part":
        part(argv[1], [Path(p) for p in argv[2:]])
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
