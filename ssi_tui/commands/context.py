"""What every command shares: the journal opened on first use, the two failure kinds, and the
option types. Commands import this module, never `ssi_tui.cli` (which imports them)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, ParamSpec, TypeVar

import click

from ssi_tui.i18n import NumberError, _, parse_number

if TYPE_CHECKING:
    from collections.abc import Callable

    from ssi_tui.config import Settings
    from ssi_tui.journal import Journal
    from ssi_tui.service.session import Session

P = ParamSpec("P")
R = TypeVar("R")


class Failure(click.ClickException):
    """A journal or config problem: one line, exit 1."""

    exit_code = 1


def bad_input(message: str) -> NoReturn:
    """Bad input: one line naming the field, exit 2, nothing written."""
    raise click.UsageError(message)


class Context:
    """What every command needs: where the journal is, opened on first use."""

    def __init__(self, db: Path | None, app_options: dict[str, Any] | None = None) -> None:
        self.db_path = db
        self.app_options: dict[str, Any] = app_options or {}
        """`--screen`, `--screenshot`, `--size`: for whichever command opens the app."""
        self._journal: Journal | None = None
        self._session: Session | None = None

    @property
    def settings(self) -> Settings:
        """The config file's settings, validated (exit 1 naming the key if wrong); with no
        file, the defaults without pydantic (`default_settings`)."""
        from ssi_tui.default_settings import ConfigError, load_settings

        try:
            return load_settings()  # type: ignore[return-value]
        except ConfigError as exc:
            raise Failure(str(exc)) from None

    def journal(self) -> Journal:
        if self._journal is None:
            from ssi_tui.journal import JournalError, open_journal

            try:
                self._journal = open_journal(self.db_path, self.settings)
            except JournalError as exc:
                raise Failure(str(exc)) from None
        return self._journal

    def session(self) -> Session:
        """The application service over the journal (what the app uses too)."""
        if self._session is None or self._session.journal is not self.journal():
            from ssi_tui.service.session import Session

            self._session = Session(self.journal())
        return self._session

    def close(self) -> None:
        self._session = None
        if self._journal is not None:
            self._journal.close()
            self._journal = None

    def call(self, fn: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
        """Run a journal write; bad values exit 2, journal trouble exits 1."""
        from ssi_tui.journal import InputError, JournalError

        try:
            return fn(*args, **kwargs)
        except InputError as exc:
            bad_input(str(exc))
        except JournalError as exc:
            raise Failure(str(exc)) from None


pass_ctx = click.make_pass_decorator(Context)
DAY = click.DateTime(formats=["%Y-%m-%d"])


def day_option(value: datetime | None) -> date | None:
    """The date of a `--day` option (click gives a datetime), or None when it was not given."""
    return value.date() if value is not None else None


def number_message(code: str, value: str) -> str:
    """What is wrong with a number typed (the code of `i18n.NumberError`), in words."""
    if code == "whole":
        return _("{value!r} is not a whole number").format(value=value)
    if code == "grouping":
        return _("{value!r}: thousands are grouped by three (1 234 or 1,234)").format(value=value)
    return _("{value!r} is not a number").format(value=value)


class DecimalType(click.ParamType):
    """A number as the interface language writes it (i18n.parse_number): "12.5", or in French
    "12,5"; thousands grouped ("1 234", in English "1,234"). `whole` refuses a decimal part."""

    name = "number"

    def __init__(self, whole: bool = False) -> None:
        self.whole = whole
        if whole:
            self.name = "integer"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, float | int):
            return int(value) if self.whole else float(value)
        try:
            number = parse_number(str(value), whole=self.whole)
        except NumberError as exc:
            self.fail(number_message(exc.code, str(value)), param, ctx)
        return int(number) if self.whole else number


DECIMAL = DecimalType()
WHOLE = DecimalType(whole=True)


def exclusive(**given: object) -> None:
    """Exit 2 naming both when two options that contradict each other are given together
    (`--personalized --plain`); never let the last one silently win."""
    named = [f"--{name.replace('_', '-')}" for name, value in given.items() if value]
    if len(named) > 1:
        bad_input(_("{first} and {second} contradict each other: give one").format(
            first=named[0], second=named[1]))


def terminal_size(size: str) -> tuple[int, int]:
    """`120x40` as (columns, rows), for --size; exit 2 naming the field when it is not one."""
    try:
        cols, rows = (int(part) for part in size.lower().split("x"))
    except ValueError:
        bad_input(_("size: must look like 120x40, not {size!r}").format(size=size))
    if not (20 <= cols <= 500 and 8 <= rows <= 300):
        bad_input(_("size: {size} is out of range (20x8 to 500x300)").format(size=size))
    return cols, rows
