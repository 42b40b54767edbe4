"""The value formats LinkedIn writes, one by one."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from ssi_tui.journal.linkedin.archive import file_key
from ssi_tui.journal.linkedin.mapping import is_reshare
from ssi_tui.journal.linkedin.parse import clean, parse_day, parse_timestamp, profile_key, row_key
from ssi_tui.journal.linkedin.tables import column_key


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-04-06 21:12:29", datetime(2026, 4, 6, 21, 12, 29, tzinfo=UTC)),
    ("2024/03/30 18:56:03 UTC", datetime(2024, 3, 30, 18, 56, 3, tzinfo=UTC)),
    ("2024-03-20 15:09:26 UTC", datetime(2024, 3, 20, 15, 9, 26, tzinfo=UTC)),
    ("3/12/24, 11:20 AM", datetime(2024, 3, 12, 11, 20, tzinfo=UTC)),
    ("3/12/24, 12:05 AM", datetime(2024, 3, 12, 0, 5, tzinfo=UTC)),
    ("12/1/24, 12:05 PM", datetime(2024, 12, 1, 12, 5, tzinfo=UTC)),
    ("11/30/2023, 9:05 pm", datetime(2023, 11, 30, 21, 5, tzinfo=UTC)),
    (" 2024-03-20T15:09:26Z ", datetime(2024, 3, 20, 15, 9, 26, tzinfo=UTC)),
])
def test_timestamps(text: str, expected: datetime) -> None:
    assert parse_timestamp(text) == expected


@pytest.mark.parametrize("text", ["", "yesterday", "2024-13-01 10:00:00", "13/45/24, 1:00 AM",
                                  "3/12/24, 13:20 PM", "0000-01-01 00:00:00", "2024-03-20 25:00"])
def test_unreadable_timestamps(text: str) -> None:
    with pytest.raises(ValueError):
        parse_timestamp(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("20 Mar 2024", date(2024, 3, 20)),
    ("05 Jan 2020", date(2020, 1, 5)),
    ("1 September 2021", date(2021, 9, 1)),
    ("Mar 20, 2024", date(2024, 3, 20)),
    ("2024-03-20", date(2024, 3, 20)),
])
def test_days(text: str, expected: date) -> None:
    assert parse_day(text) == expected


@pytest.mark.parametrize("text", ["", "20 Foo 2024", "31 Feb 2024", "Mar 2024"])
def test_unreadable_days(text: str) -> None:
    with pytest.raises(ValueError):
        parse_day(text)


def test_profile_urls_match_whatever_their_spelling() -> None:
    keys = {profile_key(url) for url in (
        "https://www.linkedin.com/in/Jane-Doe/",
        "http://linkedin.com/in/jane-doe",
        "www.linkedin.com/in/jane-doe?trk=abc",
        "https://fr.linkedin.com/in/jane%2Ddoe#top",
    )}
    assert keys == {"linkedin.com/in/jane-doe"}
    assert profile_key("https://www.linkedin.com/in/john") != profile_key(
        "https://www.linkedin.com/in/jane-doe")


def test_names_of_files_and_columns() -> None:
    assert file_key("Search Queries.csv") == file_key("SearchQueries.csv") == file_key(
        "export/search_queries.CSV")
    assert file_key("messages.csv") == file_key("Messages.csv")
    assert column_key("\ufeffSharedURL ") == column_key("SharedUrl") == "sharedurl"
    assert column_key("Search Query") == column_key("search_query")


def test_clean_text_and_keys() -> None:
    assert clean("  a\x00b \n\t c ") == "a b c"
    assert clean("") is None and clean(None) is None
    assert len(clean("x" * 900) or "") == 500
    assert row_key("Comments.csv", "a", "b") == row_key("Comments.csv", "a", "b")
    assert row_key("Comments.csv", "a", "b") != row_key("Comments.csv", "ab", "")
    assert row_key("X.csv", "\ud800").startswith("X.csv:")


def test_reshare_or_post() -> None:
    assert is_reshare("https://www.linkedin.com/feed/update/urn:li:activity:99")
    assert is_reshare("https://www.linkedin.com/posts/jane_some-title-activity-1")
    assert not is_reshare("https://example.org/article")
    assert not is_reshare("")


def test_the_importer_needs_neither_click_nor_textual() -> None:
    """(click still arrives through sqlite-utils; the importer itself never uses it.)"""
    import subprocess
    import sys
    from pathlib import Path

    import ssi_tui.journal.linkedin as package

    code = "import sys, ssi_tui.journal.linkedin; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
    for source in Path(package.__file__).parent.glob("*.py"):
        text = source.read_text()
        assert "import click" not in text and "textual" not in text, source.name
