"""Validation of everything that enters the journal (CLI, CSV, forms), with pydantic.

Each model checks one kind of record; `validate()` turns pydantic's report into an `InputError`
whose one-line message names the field and what is allowed.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
    model_validator,
)

from ssi_tui.domain import PROFILE_ITEMS, STAGES, Kind
from ssi_tui.i18n import _
from ssi_tui.i18n import day as day_text
from ssi_tui.journal.errors import InputError, plain_message, pydantic_message

FIRST_DAY = date(2003, 5, 5)  # LinkedIn's launch: nothing can be logged before it
MAX_COUNT = 10_000
MAX_TEXT = 500
MAX_NOTE = 4_000
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_BOOL_TEXT = {"true": True, "1": True, "yes": True, "false": False, "0": False, "no": False}


def _clean_text(value: str | None) -> str | None:
    if value is None:
        return None
    if _CONTROL.search(value):
        raise ValueError(_("must not contain control characters"))
    value = value.strip()
    return value or None


def _bool(value: Any) -> Any:
    if isinstance(value, str):
        key = value.strip().lower()
        if key not in _BOOL_TEXT:
            raise ValueError(_("must be true or false (also 1/0, yes/no)"))
        return _BOOL_TEXT[key]
    return value


def _empty_is_none(value: Any) -> Any:
    return None if isinstance(value, str) and not value.strip() else value


def _text(max_length: int) -> Any:
    """Optional free text: empty means none, control characters refused, length capped."""
    return Annotated[
        Annotated[str, Field(max_length=max_length)] | None,
        BeforeValidator(_empty_is_none),
        AfterValidator(_clean_text),
    ]


Contact = _text(MAX_TEXT)
Note = _text(MAX_NOTE)
def _day_in_range(value: date | None) -> date | None:
    if value is not None and not FIRST_DAY <= value <= date.today() + timedelta(days=1):
        raise ValueError(
            _("must be a day between {first} and today").format(first=day_text(FIRST_DAY))
        )
    return value


Day = Annotated[date | None, BeforeValidator(_empty_is_none), AfterValidator(_day_in_range)]
def _degree(value: Any) -> Any:
    value = _empty_is_none(value)
    if isinstance(value, str) and value.strip() in ("2", "3"):
        return int(value)
    return value


Degree = Annotated[Literal[2, 3] | None, BeforeValidator(_degree)]
Flag = Annotated[bool, BeforeValidator(_bool)]
Pillar = Annotated[float, Field(ge=0, le=25)]
Rank = Annotated[Annotated[float, Field(gt=0, le=100)] | None, BeforeValidator(_empty_is_none)]
Average = Annotated[Annotated[float, Field(ge=0, le=100)] | None, BeforeValidator(_empty_is_none)]
Figure = Annotated[
    Annotated[int, Field(ge=0, le=100_000_000)] | None, BeforeValidator(_empty_is_none)
]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class EventIn(_Record):
    """One habit logged: `ssi-tui log`, a key in the app, a row of events.csv."""

    kind: Kind
    count: int = Field(default=1, ge=1, le=MAX_COUNT)
    degree: Degree = None
    day: Day = None
    contact: Contact = None  # type: ignore[valid-type]
    note: Note = None  # type: ignore[valid-type]

    @model_validator(mode="after")
    def _degree_fits_kind(self) -> EventIn:
        if self.degree is not None and self.kind not in (Kind.PROFILE_VIEW, Kind.VIEWED_BY):
            raise InputError("degree", _("only profile_view and viewed_by take a degree"))
        if self.kind == Kind.PROFILE_VIEW and self.degree is None:
            return self.model_copy(update={"degree": 2})  # a profile view is 2nd degree unless said
        return self


class InvitationIn(_Record):
    """A connection request sent."""

    personalized: Flag
    degree: Degree = 2
    variant: _text(60) = None  # type: ignore[valid-type]
    contact: Contact = None  # type: ignore[valid-type]
    note: Note = None  # type: ignore[valid-type]
    sent_day: Day = None


class OutcomeIn(_Record):
    """What became of an invitation: the furthest funnel stage reached, and when."""

    stage: Literal["accepted", "exchange", "call", "meeting", "contract"]
    day: Day = None


class ReadingIn(_Record):
    """An official SSI reading, the four pillars as LinkedIn prints them (up to 3 decimals).
    The page's own values and scrapers' records carry float noise (`8.750002`): every figure is
    rounded to the 3 decimals LinkedIn shows, never refused for it."""

    brand: Pillar
    people: Pillar
    insights: Pillar
    relationships: Pillar
    industry_rank: Rank = None
    network_rank: Rank = None
    industry_avg: Average = None
    network_avg: Average = None
    day: Day = None

    @model_validator(mode="before")
    @classmethod
    def _three_decimals(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        rounded = dict(data)
        for name in READING_FIGURES:
            value = rounded.get(name)
            if isinstance(value, str) and value.strip():
                try:
                    value = float(value)
                except ValueError:
                    continue  # pydantic names the field and says it is not a number
            if isinstance(value, float | int) and not isinstance(value, bool):
                rounded[name] = round(value, 3)
        return rounded


READING_FIGURES = ("brand", "people", "insights", "relationships", "industry_rank",
                   "network_rank", "industry_avg", "network_avg")


class IndicatorsIn(_Record):
    """The weekly figures: 90-day profile views, last week's search appearances, audience."""

    profile_views_90d: Figure = None
    search_appearances_7d: Figure = None
    followers: Figure = None
    connections: Annotated[
        Annotated[int, Field(ge=0, le=30_000)] | None, BeforeValidator(_empty_is_none)
    ] = None
    day: Day = None

    @model_validator(mode="after")
    def _something(self) -> IndicatorsIn:
        if all(
            getattr(self, name) is None
            for name in ("profile_views_90d", "search_appearances_7d", "followers", "connections")
        ):
            raise InputError("indicators", _(
                "give at least one of profile_views_90d, search_appearances_7d, followers,"
                " connections"
            ))
        return self


class ProfileItemIn(_Record):
    item: str
    done: Flag
    day: Day = None

    @model_validator(mode="after")
    def _known_item(self) -> ProfileItemIn:
        if self.item not in PROFILE_ITEMS:
            raise InputError(
                "item", _("must be one of {values}").format(values=", ".join(PROFILE_ITEMS))
            )
        return self


R = TypeVar("R", bound=BaseModel)
_DAY: TypeAdapter[date | None] = TypeAdapter(Day)


def validate_day(value: str) -> date:
    """A required day on its own (e.g. a CSV cell), with the same rules as in the models."""
    try:
        day = _DAY.validate_python(value)
    except ValidationError as exc:
        raise InputError("day", input_error(exc).message) from None
    if day is None:
        raise InputError("day", _("is required"))
    return day


def validate(model: type[R], data: dict[str, Any]) -> R:
    """Validate `data` as `model`, or raise an InputError naming the first bad field."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise input_error(exc) from None


def input_error(exc: ValidationError) -> InputError:
    return field_error(exc.errors()[0])


def input_errors(model: type[BaseModel], data: dict[str, Any]) -> list[InputError]:
    """Every field of `data` that `model` refuses, at once (a form shows each under its field),
    worded for a person rather than as pydantic says it."""
    try:
        model.model_validate(data)
    except ValidationError as exc:
        return [field_error(error, plain=True) for error in exc.errors()]
    return []


def field_error(first: Any, plain: bool = False) -> InputError:
    """One of pydantic's errors as an InputError naming its field; `plain` words the common
    ones in the interface language for a person ("must be 25 or less")."""
    cause = (first.get("ctx") or {}).get("error")
    if isinstance(cause, InputError):
        return cause  # a check across fields, which names its field itself
    field = ".".join(str(part) for part in first["loc"] if not isinstance(part, int))
    message = (plain_message(first) if plain else pydantic_message(first)).removeprefix(
        "Value error, ")
    if ": " in message and not field:
        field, message = (part.strip() for part in message.split(": ", 1))
    if first["type"] == "enum":
        message = _("must be one of {values}").format(values=", ".join(k.value for k in Kind))
    elif first["type"] == "literal_error" and field == "degree":
        message = _("must be 2 or 3")
    elif first["type"] == "literal_error" and field == "stage":
        message = _("must be one of {values}").format(values=", ".join(STAGES))
    elif first["type"] == "extra_forbidden":
        message = _("unknown field")
    return InputError(field or "input", message)
