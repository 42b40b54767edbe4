"""The two kinds of expected failure, each carrying a one-line message for the user, and the
wording of the reasons they give (pydantic's reports, SQLite's and the system's)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ssi_tui.i18n import (
    N_,
    SOURCE_LANGUAGE,
    _,
    current_language,
    integer,
    ngettext,
    short_number,
)


class JournalError(Exception):
    """The journal file cannot be used (missing folder, not SQLite, newer schema, read-only...)."""


class ChangedSince(JournalError):
    """The record an edit or a delete was made on changed since it was shown: nothing is
    written."""


class InputError(ValueError):
    """A value the user gave is not valid; the message starts with the field's name."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(_("{field}: {message}").format(field=field, message=message))
        self.field = field
        self.message = message


REASONS = frozenset({
    # SQLite's own words, as `str(sqlite3.Error)` gives them
    N_("database is locked"),
    N_("database table is locked"),
    N_("database or disk is full"),
    N_("disk I/O error"),
    N_("attempt to write a readonly database"),
    N_("database disk image is malformed"),
    N_("file is not a database"),
    N_("unable to open database file"),
    # the system's, as `OSError.strerror` gives them
    N_("No space left on device"),
    N_("Permission denied"),
    N_("Read-only file system"),
    N_("No such file or directory"),
    N_("Is a directory"),
    N_("File exists"),
    N_("Disk quota exceeded"),
    N_("Input/output error"),
})


def reason(text: object) -> str:
    """A reason SQLite or the system gave, in the interface language when it is a common one
    (`text` itself otherwise, and always in English)."""
    text = str(text)
    return _(text) if text in REASONS else text


def _value(value: Any) -> str:
    """A bound from pydantic's context, as a person reads it ("25", not "25.0")."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return integer(value)
    return short_number(value, 6) if isinstance(value, float) else str(value)


def _choices(expected: Any) -> str:
    """pydantic's list of allowed values ("'en' or 'fr'") with a translated last "or"."""
    head, sep, last = str(expected).rpartition(" or ")
    return _("{first} or {last}").format(first=head, last=last) if sep else str(expected)


def pydantic_message(error: Mapping[str, Any]) -> str:
    """What one of pydantic's errors says, in the interface language.

    In English this is pydantic's own text, unchanged. The msgids below are that text, so a
    translation exists for the common error types; rare types keep pydantic's English."""
    msg = str(error.get("msg", ""))
    if current_language() == SOURCE_LANGUAGE:
        return msg
    kind = str(error.get("type", ""))
    ctx = error.get("ctx") or {}
    if kind == "value_error":
        return str(ctx.get("error", msg.removeprefix("Value error, ")))
    if kind in ("string_too_long", "string_too_short", "too_long", "too_short"):
        bound = ctx.get("max_length" if kind.endswith("long") else "min_length", 0)
        if kind == "string_too_long":
            text = ngettext("String should have at most {n} character",
                            "String should have at most {n} characters", bound)
        elif kind == "string_too_short":
            text = ngettext("String should have at least {n} character",
                            "String should have at least {n} characters", bound)
        elif kind == "too_long":
            text = ngettext("List should have at most {n} item",
                            "List should have at most {n} items", bound)
        else:
            text = ngettext("List should have at least {n} item",
                            "List should have at least {n} items", bound)
        return text.format(n=integer(bound))
    bounds = {
        "less_than_equal": ("le", N_("Input should be less than or equal to {bound}")),
        "greater_than_equal": ("ge", N_("Input should be greater than or equal to {bound}")),
        "less_than": ("lt", N_("Input should be less than {bound}")),
        "greater_than": ("gt", N_("Input should be greater than {bound}")),
    }
    if kind in bounds:
        key, text = bounds[kind]
        return _(text).format(bound=_value(ctx.get(key)))
    if kind in ("literal_error", "enum"):
        return _("Input should be {expected}").format(expected=_choices(ctx.get("expected")))
    fixed = {
        "missing": N_("Field required"),
        "extra_forbidden": N_("Extra inputs are not permitted"),
        "int_parsing": N_("Input should be a valid integer"),
        "int_type": N_("Input should be a valid integer"),
        "int_from_float": N_("Input should be a valid integer, got a number with a fractional"
                             " part"),
        "float_parsing": N_("Input should be a valid number"),
        "float_type": N_("Input should be a valid number"),
        "finite_number": N_("Input should be a finite number"),
        "bool_parsing": N_("Input should be a valid boolean"),
        "bool_type": N_("Input should be a valid boolean"),
        "string_type": N_("Input should be a valid string"),
        "date_type": N_("Input should be a valid date"),
        "date_parsing": N_("Input should be a valid date"),
        "date_from_datetime_parsing": N_("Input should be a valid date"),
        "date_from_datetime_inexact": N_("Input should be a valid date"),
        "dict_type": N_("Input should be a valid dictionary"),
        "model_type": N_("Input should be a valid dictionary"),
        "model_attributes_type": N_("Input should be a valid dictionary"),
        "list_type": N_("Input should be a valid list"),
        "tuple_type": N_("Input should be a valid list"),
    }
    return _(fixed[kind]) if kind in fixed else msg


def plain_message(error: Mapping[str, Any]) -> str:
    """What one of pydantic's errors means, in a person's words and the interface language, for
    the forms ("must be 25 or less" rather than "Input should be less than or equal to 25");
    the rare kinds fall back to `pydantic_message`."""
    kind = str(error.get("type", ""))
    ctx = error.get("ctx") or {}
    bounds = {
        "less_than_equal": ("le", N_("must be {bound} or less")),
        "greater_than_equal": ("ge", N_("must be {bound} or more")),
        "less_than": ("lt", N_("must be less than {bound}")),
        "greater_than": ("gt", N_("must be more than {bound}")),
    }
    if kind in bounds:
        key, text = bounds[kind]
        return _(text).format(bound=_value(ctx.get(key)))
    if kind == "string_too_long":
        bound = ctx.get("max_length", 0)
        return ngettext("is too long: at most {n} character",
                        "is too long: at most {n} characters", bound).format(n=integer(bound))
    fixed = {
        "missing": N_("is required"),
        "int_parsing": N_("must be a whole number"),
        "int_type": N_("must be a whole number"),
        "int_from_float": N_("must be a whole number"),
        "float_parsing": N_("must be a number"),
        "float_type": N_("must be a number"),
        "finite_number": N_("must be a number"),
        "date_type": N_("must be a date like 2026-11-23"),
        "date_parsing": N_("must be a date like 2026-11-23"),
        "date_from_datetime_parsing": N_("must be a date like 2026-11-23"),
    }
    return _(fixed[kind]) if kind in fixed else pydantic_message(error)
