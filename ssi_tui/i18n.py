"""The interface language: gettext catalogues for words, Babel for dates and decimals.

English is the source language: every msgid is the English text, so English needs no catalogue.
French lives in `locale/fr/LC_MESSAGES/ssi_tui.po`; the build compiles it to `.mo` (setup.py),
and a source checkout compiles it on first use. Mark text with `_`, `ngettext` or `pgettext` where
it is shown, and with `N_` where it is defined at import time (then `_()` it where it is shown):
the language can change after import (`--lang`, the config file, tests).

What the tool writes for other programs (CSV, JSON) stays English with ISO dates and dot
decimals whatever the language, so files move between users: word it with `translator("en")`
(a `Translator` is one language's words, numbers and dates), never by switching the interface
language.
"""

from __future__ import annotations

import gettext
import io
import os
import struct
import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from datetime import date
from functools import cache
from pathlib import Path

DOMAIN = "ssi_tui"
LANGUAGES: tuple[str, ...] = ("en", "fr")
SOURCE_LANGUAGE = "en"
LOCALE_DIR = Path(__file__).parent / "locale"
ENV_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
"""POSIX order: the first one set decides."""

class Translator:
    """One language's words, dates and numbers. The module's functions (`_`, `number`, `day`…)
    use the interface language's; what other programs read (`--json`) is worded by
    `translator("en")`, so it never switches the interface language. Its `gettext`, `ngettext`
    and `pgettext` are extracted to the catalogue like `_`."""

    def __init__(self, language: str, translations: gettext.NullTranslations) -> None:
        self.language = language
        self.translations = translations

    def gettext(self, message: str) -> str:
        """`message` (English) in this language."""
        return self.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """The singular or plural form for `n`, by this language's plural rule."""
        return self.translations.ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        """`message` where the same English word needs different translations."""
        return self.translations.pgettext(context, message)

    @property
    def english(self) -> bool:
        return self.language == SOURCE_LANGUAGE

    def number(self, value: float, digits: int = 1, sign: bool = False) -> str:
        """A decimal with `digits` places: "18.5" in English, "18,5" in French."""
        if self.english:
            return f"{value:+.{digits}f}" if sign else f"{value:.{digits}f}"
        from babel.numbers import format_decimal

        pattern = "#,##0" + ("." + "0" * digits if digits else "")
        if sign:
            pattern = f"+{pattern};-{pattern}"
        return str(format_decimal(round(value, digits), format=pattern, locale=self.language))

    def short_number(self, value: float, digits: int = 3) -> str:
        """A number as typed, no trailing zeros: "42.625", "70", "71,5" in French."""
        return self.number(value, digits).rstrip("0").rstrip(".,")

    def integer(self, value: int) -> str:
        """A count: "1000" in English (as before), "1 000" in French."""
        if self.english:
            return str(value)
        from babel.numbers import format_decimal

        return str(format_decimal(value, format="#,##0", locale=self.language))

    def thousands(self, value: int) -> str:
        """A large count: "29,500" in English, "29 500" in French."""
        return f"{value:,}" if self.english else self.integer(value)

    def percent(self, fraction: float, digits: int = 0) -> str:
        """A share: "71%" in English, "71 %" in French."""
        if self.english:
            return f"{fraction * 100:.{digits}f}%"
        from babel import Locale
        from babel.numbers import format_percent

        # the locale's own pattern: "#,##0 %" in French, with a no-break space
        pattern = Locale.parse(self.language).percent_formats[None].pattern
        if digits:
            pattern = pattern.replace("0", "0." + "0" * digits, 1)
        return str(format_percent(fraction, format=pattern, locale=self.language))

    def day(self, value: date) -> str:
        """A calendar day: ISO in English (unambiguous for US and UK readers alike), "22 nov.
        2026" in French."""
        if self.english:
            return value.isoformat()
        return self._babel_day(value, "medium")

    def _babel_day(self, value: date, pattern: str) -> str:
        from babel.dates import format_date

        return str(format_date(value, format=pattern, locale=self.language))

    def day_as(self, value: date, english: str, babel_pattern: str) -> str:
        """`value` by a strftime format in English (as it always read), by a Babel pattern
        else."""
        if self.english:
            return value.strftime(english)
        return self._babel_day(value, babel_pattern)


@cache
def translator(language: str) -> Translator:
    """The words of `language` ("en" or "fr"), made once."""
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
    return Translator(language, gettext.NullTranslations() if language == SOURCE_LANGUAGE
                      else catalogue(language))


_state: dict[str, Translator] = {"current": translator(SOURCE_LANGUAGE)}
_listeners: list[Callable[[str], None]] = []


def current() -> Translator:
    """The interface language's words."""
    return _state["current"]


def _(message: str) -> str:
    """`message` (English) in the interface language."""
    return current().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for `n`, by the plural rule of the interface language."""
    return current().ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """`message` where the same English word needs different translations (e.g. "post")."""
    return current().pgettext(context, message)


def N_(message: str) -> str:
    """Mark text for the catalogue where it is defined; translate it with `_` where shown."""
    return message


class TranslatedMapping(Mapping[str, str]):
    """A mapping of keys to English labels that reads in the current language."""

    def __init__(self, labels: Mapping[str, str]) -> None:
        self._labels = dict(labels)

    def __getitem__(self, key: str) -> str:
        return _(self._labels[key])

    def __iter__(self) -> Iterator[str]:
        return iter(self._labels)

    def __len__(self) -> int:
        return len(self._labels)

    def english(self, key: str) -> str:
        return self._labels[key]

    def words(self, key: str, words: Translator) -> str:
        """The label of `key` in the language of `words` (e.g. English for JSON)."""
        return words.gettext(self._labels[key])


# -- choosing the language ---------------------------------------------------------------------


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The language the locale asks for (LC_ALL, then LC_MESSAGES, then LANG); English when it
    names one we do not have, or the C/POSIX locale."""
    environ = os.environ if environ is None else environ
    for variable in ENV_VARIABLES:
        value = environ.get(variable, "")
        if value:
            code = value.split(".")[0].split("@")[0].split("_")[0].lower()
            return code if code in LANGUAGES else SOURCE_LANGUAGE
    return SOURCE_LANGUAGE


def resolve_language(option: str | None = None, configured: str | None = None,
                     environ: Mapping[str, str] | None = None) -> str:
    """`--lang` wins over the config file, which wins over the locale."""
    return option or configured or language_from_environment(environ)


def set_language(language: str) -> str:
    """Switch every later `_()` to `language` ("en" or "fr"); returns it. Only this module's
    state changes: no environment variable, no gettext global (click's own messages follow
    through click_messages.translate_click)."""
    _state["current"] = translator(language)
    for listener in _listeners:
        listener(language)
    return language


def on_language_change(listener: Callable[[str], None]) -> None:
    """Call `listener(language)` after every change, e.g. to re-translate texts fixed at import
    (click's help texts)."""
    _listeners.append(listener)


def current_language() -> str:
    return current().language


@contextmanager
def using(language: str) -> Iterator[None]:
    """Run a block with the interface in another language (tests). Output for other programs
    needs no switch: word it with `translator("en")`."""
    previous = current_language()
    set_language(language)
    try:
        yield
    finally:
        set_language(previous)


# -- catalogues --------------------------------------------------------------------------------


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def compile_po(po: Path) -> bytes:
    """The `.mo` bytes of a `.po` file (Babel's compiler; fuzzy entries left out)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as source:
        catalog = read_po(source, locale=po.parent.parent.name)
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


@cache
def catalogue(language: str) -> gettext.NullTranslations:
    """The compiled catalogue of `language`; compiled from the `.po` when the `.mo` is missing
    or older (a source checkout), and written beside it when the folder is writable."""
    po = po_path(language)
    mo = po.with_suffix(".mo")
    if mo.exists() and (not po.exists() or mo.stat().st_mtime >= po.stat().st_mtime):
        try:
            with mo.open("rb") as compiled:
                return gettext.GNUTranslations(compiled)
        except (OSError, struct.error):
            pass  # unreadable or damaged: compile it again below
    if not po.exists():
        return gettext.NullTranslations()
    data = compile_po(po)
    _write_atomically(mo, data)
    return gettext.GNUTranslations(io.BytesIO(data))


def _write_atomically(target: Path, data: bytes) -> None:
    """Best effort, and never half a file: another process (a parallel test worker, a second
    terminal) may be reading the catalogue at the same moment."""
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    except OSError:
        return  # an installed, read-only package: the in-memory copy serves
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError:
        with suppress(OSError):
            os.unlink(tmp)


# -- dates and numbers -------------------------------------------------------------------------


def number(value: float, digits: int = 1, sign: bool = False) -> str:
    """A decimal with `digits` places: "18.5" in English, "18,5" in French."""
    return current().number(value, digits, sign)


THOUSANDS_SPACES = (" ", "\u00a0", "\u202f")
"""A space, a no-break space (how the app prints thousands in French) or a narrow one."""


class NumberError(ValueError):
    """Text that is not a number as the interface language writes one. `code`: "number" (not
    a number at all), "whole" (a decimal where a whole number is wanted), "grouping" (thousands
    separators in the wrong places). The faces word it, naming the field."""

    def __init__(self, code: str, text: str) -> None:
        super().__init__(f"{code}: {text!r}")
        self.code = code
        self.text = text


def _grouped(digits: str, separators: str, text: str) -> str:
    """`1 234 567` → `1234567`, checking that every group after the first has 3 digits."""
    parts = [digits]
    for sep in separators:
        parts = [piece for part in parts for piece in part.split(sep)]
    if len(parts) > 1 and (not 1 <= len(parts[0]) <= 3 or any(len(p) != 3 for p in parts[1:])):
        raise NumberError("grouping", text)
    return "".join(parts)


def parse_number(text: str, whole: bool = False, language: str | None = None) -> float:
    """A number as the interface language writes it; NumberError otherwise.

    French: `12,5` (or `12.5`) is twelve and a half, thousands may be grouped with a space, a
    no-break space or a narrow no-break space (`1 234`). English: `12.5`, thousands grouped with
    commas (`1,234` is a thousand) or spaces. With `whole`, a decimal part is an error (never
    read `12,5` as 125)."""
    language = language or current_language()
    raw = text.strip()
    sign = ""
    if raw and raw[0] in "+-":
        sign, raw = raw[0], raw[1:].strip()
    if language == "fr":
        if "," in raw and "." in raw:
            raise NumberError("number", text)
        head, point, tail = raw.replace(",", ".").partition(".")
        head = _grouped(head, THOUSANDS_SPACES, text)
    else:
        head, point, tail = raw.partition(".")
        head = _grouped(head, (",", *THOUSANDS_SPACES), text)
    if not head.isdigit() and not (point and not head and tail):
        raise NumberError("number", text)
    if point and not (tail.isdigit() and tail.isascii()):
        raise NumberError("number", text)
    if not head.isascii():
        raise NumberError("number", text)
    if whole and point:
        raise NumberError("whole", text)
    return float(f"{sign}{head or '0'}.{tail or '0'}")


def parse_whole(text: str, language: str | None = None) -> int:
    """A whole number as the interface language writes it (`1 234`, `1,234`); NumberError."""
    return int(parse_number(text, whole=True, language=language))


def parse_decimal(text: str) -> float:
    """A decimal as the interface language writes it (see `parse_number`); ValueError
    otherwise."""
    return parse_number(text)


def short_number(value: float, digits: int = 3) -> str:
    """A number as typed, no trailing zeros: "42.625", "70", "71,5" in French."""
    return current().short_number(value, digits)


def integer(value: int) -> str:
    """A count: "1000" in English (as before), "1 000" in French."""
    return current().integer(value)


def percent(fraction: float, digits: int = 0) -> str:
    """A share: "71%" in English, "71 %" in French."""
    return current().percent(fraction, digits)


def day(value: date) -> str:
    """A calendar day: ISO in English (unambiguous for US and UK readers alike), "22 nov. 2026"
    in French."""
    return current().day(value)


def day_with_weekday(value: date) -> str:
    """A day for titles: "Mon 23 Nov" in English, "lun. 23 nov." in French."""
    return current().day_as(value, "%a %d %b", "EEE d MMM")


def day_month(value: date) -> str:
    """A day within the year, for tight spaces: "23 Nov" in English, "23 nov." in French."""
    return current().day_as(value, "%d %b", "d MMM")


def weekday_day(value: date) -> str:
    """A day of the last week: "Mon 23" in English, "lun. 23" in French."""
    return current().day_as(value, "%a %d", "EEE d")


def day_month_year(value: date) -> str:
    """A day spelled out: "23 Nov 2026" in English, "23 nov. 2026" in French."""
    return current().day_as(value, "%d %b %Y", "medium")
