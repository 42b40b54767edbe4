"""Reading the values LinkedIn writes: its several date formats, profile URLs, names, row keys.

Every parser raises `ValueError` on a value it cannot read; the caller skips that row and says
why. Nothing here knows about files or the journal.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import UTC, date, datetime
from urllib.parse import unquote

_ISO = re.compile(
    r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?"
)
_TIME = r"(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?)?"
_SLASH = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})" + _TIME)
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})(?:er)?[ -]([^\W\d_]{3,9})\.?[ ,-]*(\d{4}|\d{2})" + _TIME)
_MONTH_DAY_YEAR = re.compile(r"([^\W\d_]{3,9})\.? (\d{1,2}),? (\d{4})" + _TIME)
_UTC_SUFFIX = re.compile(r"\s*(?:UTC|GMT|Z|\+00:?00)$", re.IGNORECASE)
MONTHS = {
    name: number
    for number, names in enumerate(
        [("jan", "january", "janv", "janvier"), ("feb", "february", "fev", "fevr", "fevrier"),
         ("mar", "march", "mars"), ("apr", "april", "avr", "avril"), ("may", "mai"),
         ("jun", "june", "juin"), ("jul", "july", "juil", "juillet"),
         ("aug", "august", "aou", "aout"), ("sep", "sept", "september", "septembre"),
         ("oct", "october", "octobre"), ("nov", "november", "novembre"),
         ("dec", "december", "decembre")],
        start=1,
    )
    for name in names
}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SPACES = re.compile(r"\s+")


def slash_order(text: str) -> str | None:
    """What one value says about a file's numeric dates: "day" for `24/06/2023` (a first number
    above 12), "month" for `6/24/2023`, None when it cannot tell (`3/4/2024`, or no such date)."""
    match = _SLASH.fullmatch(_UTC_SUFFIX.sub("", text.strip()))
    if not match:
        return None
    first, second = int(match.group(1)), int(match.group(2))
    if first > 12 >= second:
        return "day"
    if second > 12 >= first:
        return "month"
    return None


def is_slash_date(text: str) -> bool:
    return _SLASH.fullmatch(_UTC_SUFFIX.sub("", text.strip())) is not None


def _clock(groups: tuple[str | None, ...], text: str) -> tuple[int, int, int]:
    """Hours, minutes, seconds from (h, m, s, am/pm) groups; midnight when absent."""
    h, mi, s = (int(g) if g else 0 for g in groups[:3])
    meridiem = (groups[3] or "").replace(".", "").lower()
    if meridiem:
        if not 1 <= h <= 12:
            raise ValueError(f"not a time: {text[:40]!r}")
        h = h % 12 + (12 if meridiem == "pm" else 0)
    return h, mi, s


def _year(text: str) -> int:
    year = int(text)
    return 2000 + year if year < 100 else year


def parse_timestamp(text: str, day_first: bool = False) -> datetime:
    """An instant as LinkedIn or a spreadsheet re-save writes it, in UTC: `2026-04-06 21:12:29`,
    `2024/03/30 18:56:03 UTC`, `3/12/24, 11:20 AM`, `6/24/2023`, `24/06/2023` (with
    `day_first`), `1-Feb-24`, `20 Mar 2024`, `20 mars 2024`, `Mar 20, 2024`. A time is read as
    UTC when the value does not say (LinkedIn writes UTC); a day alone is its midnight."""
    value = _UTC_SUFFIX.sub("", text.strip())
    try:
        if match := _ISO.fullmatch(value):
            y, mo, d, h, mi, s = (int(g) if g else 0 for g in match.groups())
            return datetime(y, mo, d, h, mi, s, tzinfo=UTC)
        if match := _SLASH.fullmatch(value):
            a, b, y = int(match.group(1)), int(match.group(2)), _year(match.group(3))
            d, mo = (a, b) if day_first else (b, a)
            return datetime(y, mo, d, *_clock(match.groups()[3:], text), tzinfo=UTC)
        if match := _DAY_MONTH_YEAR.fullmatch(value):
            d, month, y = match.groups()[:3]
            return datetime(_year(y), _month(month, text), int(d),
                            *_clock(match.groups()[3:], text), tzinfo=UTC)
        if match := _MONTH_DAY_YEAR.fullmatch(value):
            month, d, y = match.groups()[:3]
            return datetime(int(y), _month(month, text), int(d),
                            *_clock(match.groups()[3:], text), tzinfo=UTC)
    except ValueError:
        raise ValueError(f"not a date: {text[:40]!r}") from None
    raise ValueError(f"not a date: {text[:40]!r}")


def parse_day(text: str, day_first: bool = False) -> date:
    """A calendar day, as in Connections.csv (`20 Mar 2024`), in any form `parse_timestamp`
    reads."""
    return parse_timestamp(text, day_first).date()


def _month(name: str, text: str) -> int:
    key = "".join(c for c in unicodedata.normalize("NFKD", name.lower())
                  if not unicodedata.combining(c))
    try:
        return MONTHS[key]
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
