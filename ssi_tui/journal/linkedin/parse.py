"""Reading the values LinkedIn writes: its several date formats, profile URLs, names, row keys.

Every parser raises `ValueError` on a value it cannot read; the caller skips that row and says
why. Nothing here knows about files or the journal.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, date, datetime
from urllib.parse import unquote

_ISO = re.compile(
    r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?"
)
_US = re.compile(
    r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?"
)
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -,]*(\d{4})")
_MONTH_DAY_YEAR = re.compile(r"([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})")
_UTC_SUFFIX = re.compile(r"\s*(?:UTC|GMT|Z|\+00:?00)$", re.IGNORECASE)
MONTHS = {
    name: number
    for number, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")],
        start=1,
    )
    for name in names
}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SPACES = re.compile(r"\s+")


def parse_timestamp(text: str) -> datetime:
    """An instant as LinkedIn writes it, in UTC. Accepts `2026-04-06 21:12:29`,
    `2024/03/30 18:56:03 UTC`, `2024-03-20 15:09:26 UTC` and Invitations.csv's
    `3/12/24, 11:20 AM` (month/day/year; read as UTC, the archive does not say)."""
    value = _UTC_SUFFIX.sub("", text.strip())
    if match := _ISO.fullmatch(value):
        y, mo, d, h, mi, s = (int(g) if g else 0 for g in match.groups())
        return datetime(y, mo, d, h, mi, s, tzinfo=UTC)
    if match := _US.fullmatch(value):
        mo, d, y, h, mi, s = (int(g) if g else 0 for g in match.groups()[:6])
        meridiem = (match.group(7) or "").lower()
        if meridiem:
            if not 1 <= h <= 12:
                raise ValueError(f"not a time: {text!r}")
            h = h % 12 + (12 if meridiem == "pm" else 0)
        return datetime(2000 + y if y < 100 else y, mo, d, h, mi, s, tzinfo=UTC)
    raise ValueError(f"not a date: {text[:40]!r}")


def parse_day(text: str) -> date:
    """A calendar day with no time, as in Connections.csv (`20 Mar 2024`)."""
    value = text.strip()
    if match := _DAY_MONTH_YEAR.fullmatch(value):
        d, month, y = match.groups()
        return date(int(y), _month(month, text), int(d))
    if match := _MONTH_DAY_YEAR.fullmatch(value):
        month, d, y = match.groups()
        return date(int(y), _month(month, text), int(d))
    return parse_timestamp(value).date()


def _month(name: str, text: str) -> int:
    try:
        return MONTHS[name.lower()]
    except KeyError:
        raise ValueError(f"not a date: {text[:40]!r}") from None


def profile_key(url: str) -> str:
    """A profile URL reduced to what identifies the person, so that
    `https://www.linkedin.com/in/Jane-Doe/` and `linkedin.com/in/jane-doe` match."""
    value = unquote(url.strip()).lower()
    value = re.sub(r"^[a-z][a-z0-9+.-]*://", "", value)
    value = value.split("?", 1)[0].split("#", 1)[0].rstrip("/")
    host, _, path = value.partition("/")
    if host == "linkedin.com" or host.endswith(".linkedin.com"):
        host = "linkedin.com"
    return f"{host}/{path}" if path else host


def clean(text: str | None, limit: int = 500) -> str | None:
    """Free text fit for the journal: control characters and runs of blanks become one space,
    capped at `limit` characters; empty means none."""
    if not text:
        return None
    value = _SPACES.sub(" ", _CONTROL.sub(" ", text)).strip()
    if len(value) > limit:
        value = value[: limit - 1].rstrip() + "…"
    return value or None


def full_name(first: str | None, last: str | None) -> str | None:
    return clean(" ".join(part for part in (first, last) if part and part.strip()))


def name_key(name: str) -> str:
    """Names and company names compared without case or extra blanks."""
    return _SPACES.sub(" ", name).strip().casefold()


def row_key(file: str, *values: str) -> str:
    """The stable key of an imported row: its file and a hash of its content, so a re-import
    or a newer, overlapping archive finds it already there."""
    digest = hashlib.sha256("\x1f".join(values).encode("utf-8", "surrogatepass")).hexdigest()
    return f"{file}:{digest}"
