"""LinkedIn's export as people really have it: re-saved by a spreadsheet (other date forms,
day-first or month-first), files with a numeric suffix, a workbook saved under a .csv name,
and LinkedIn's own broken quoting of multi-line comments and posts.

The files are built here from the shapes of real exports published on GitHub (Reactions.csv:
`Date,Type,Link`, CRLF, URL-encoded links with `%2C` inside; Comments.csv: `Date,Link,Message`
with a quote escaped as `\\"` and messages over several lines; Shares.csv with its commentary
between the link and three more columns). No real file is copied: their content is other
people's."""

from __future__ import annotations

import string
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ssi_tui.journal import Journal
from ssi_tui.journal.linkedin import ArchiveError, import_archive, plan_lines, scan_archive
from ssi_tui.journal.linkedin.mapping import SPECS
from ssi_tui.journal.linkedin.parse import parse_timestamp
from ssi_tui.journal.linkedin.tables import Table

LINK = "https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A7173433491362181{:03d}"


def reactions(dates: list[str], crlf: bool = True) -> str:
    end = "\r\n" if crlf else "\n"
    rows = [f"{d},LIKE,{LINK.format(i)}" for i, d in enumerate(dates)]
    return end.join(["Date,Type,Link", *rows]) + end


def liked_days(journal: Journal) -> list[str]:
    return [row[0] for row in journal.conn.execute(
        "SELECT day FROM events WHERE kind = 'like' ORDER BY day, id")]


# -- dates -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("2026-04-06 21:12:29", "2026-04-06T21:12:29"),
    ("2024/03/30 18:56:03 UTC", "2024-03-30T18:56:03"),
    ("3/12/24, 11:20 AM", "2024-03-12T11:20:00"),
    ("6/24/2023", "2023-06-24T00:00:00"),
    ("6/24/2023 14:03", "2023-06-24T14:03:00"),
    ("1-Feb-24", "2024-02-01T00:00:00"),
    ("20 Mar 2024", "2024-03-20T00:00:00"),
    ("20 mars 2024", "2024-03-20T00:00:00"),
    ("1 févr. 2024", "2024-02-01T00:00:00"),
    ("3 déc. 2023", "2023-12-03T00:00:00"),
    ("Mar 20, 2024", "2024-03-20T00:00:00"),
])
def test_every_date_form(text: str, expected: str) -> None:
    assert parse_timestamp(text).replace(tzinfo=None).isoformat() == expected


def test_day_first_read_as_such(text: str = "24/06/2023") -> None:
    assert parse_timestamp(text, day_first=True).date() == date(2023, 6, 24)
    with pytest.raises(ValueError):
        parse_timestamp(text)


def test_a_spreadsheet_resave_month_first_is_read(journal: Journal, make_archive) -> None:
    # 91 rows like the Reactions.csv of the issue: all were skipped before
    dates = [f"{m}/{d}/2023" for m in (5, 6) for d in range(1, 31)] + [
        f"7/{d}/2023" for d in range(1, 32)]
    summary = import_archive(journal, make_archive({"Reactions.csv": reactions(dates)}))
    report = summary.file("Reactions.csv")
    assert (report.added, sum(report.skipped.values())) == (91, 0)
    assert liked_days(journal)[:2] == ["2023-04-30", "2023-05-01"]  # midnight UTC, Paris day
    assert not any("read as month/day" in note for note in report.notes)


def test_day_first_is_decided_from_the_file(journal: Journal, make_archive) -> None:
    # the first rows are ambiguous; the third settles it: day first, for every row
    dates = ["03/04/2024 10:00", "05/04/2024 10:00", "24/06/2024 10:00"]
    import_archive(journal, make_archive({"Reactions.csv": reactions(dates)}))
    assert liked_days(journal) == ["2024-04-03", "2024-04-05", "2024-06-24"]


def test_an_ambiguous_file_says_which_order_was_assumed(journal: Journal,
                                                        make_archive) -> None:
    dates = ["03/04/2024 10:00", "05/04/2024 10:00"]
    plan = scan_archive(make_archive({"Reactions.csv": reactions(dates)}), journal)
    lines = plan_lines(plan)
    assert ("  dates like 3/4/2024 read as month/day/year (LinkedIn's order): no date in this"
            " file has a day above 12 to settle it") in lines
    assert plan.file("Reactions.csv").first_day == date(2024, 3, 4)


def test_month_names_and_two_digit_years(journal: Journal, make_archive) -> None:
    files = {"Reactions.csv": reactions(["1-Feb-24", "20 Mar 2024", "21 mars 2024"], False)}
    import_archive(journal, make_archive(files))
    assert liked_days(journal) == ["2024-01-31", "2024-03-19", "2024-03-20"]


# -- file names and workbooks ----------------------------------------------------------------

def test_a_numeric_suffix_is_the_same_file(journal: Journal, make_archive) -> None:
    files = {"Reactions_1158443584.csv": reactions(["2024-03-17 18:03:38"]),
             "Comments (1).csv": "Date,Link,Message\n2024-03-17 18:03:38,https://x.test/1,Hi\n"}
    summary = import_archive(journal, make_archive(files))
    assert summary.file("Reactions.csv").member == "Reactions_1158443584.csv"
    assert summary.file("Comments.csv").added == 1
    assert "Reactions.csv (Reactions_1158443584.csv): 1 like (2024-03-17 to 2024-03-17) →" \
           " added 1, already present 0" in plan_lines(summary)


@pytest.mark.parametrize("signature", [b"PK\x03\x04\x14\x00\x06\x00",
                                       b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"],
                         ids=["xlsx", "xls"])
def test_a_workbook_named_csv_is_told_apart(journal: Journal, make_archive,
                                            signature: bytes) -> None:
    files: dict[str, str | bytes] = {"Reactions.csv": signature + bytes(range(256)) * 4,
                                     "Comments.csv": "Date,Link\n2024-03-17 18:03:38,https://x\n"}
    summary = import_archive(journal, make_archive(files, as_zip=False))
    assert ("Reactions.csv: this is a spreadsheet workbook, not CSV: save it as CSV UTF-8;"
            " nothing imported from this file") in plan_lines(summary)
    assert summary.file("Comments.csv").added == 1


def test_a_device_or_fifo_is_not_an_archive(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "export.zip"
    os.mkfifo(fifo)  # nobody writes: opening it would block
    for path in (Path("/dev/zero"), fifo):
        with pytest.raises(ArchiveError, match="not a regular file"):
            scan_archive(path)


# -- LinkedIn's broken quoting ---------------------------------------------------------------

def linkedin_quoted(message: str) -> str:
    """How Comments.csv writes a message: in quotes, a quote inside escaped with a backslash
    (not doubled, as CSV wants), line breaks left as they are."""
    return '"' + message.replace('"', '\\"') + '"'


def comments(messages: list[str]) -> str:
    rows = [f"2024-0{1 + i % 9}-{10 + i % 18} 1{i % 10}:00:{i % 60:02d},{LINK.format(i)},"
            f"{linkedin_quoted(m)}" for i, m in enumerate(messages)]
    return "Date,Link,Message\n" + "\n".join(rows) + "\n"


MESSAGES = [
    'Back on the "Hey team" project,\n\nkeystrokes and all',
    'He said: "make it so."',
    "Plain one",
    'Two\nlines, "quoted" and, commas',
    'They call it ""now more than ever""!',
    "Ends with a newline\n",
]


def test_broken_quoting_is_repaired_and_counted(journal: Journal, make_archive) -> None:
    summary = import_archive(journal, make_archive({"Comments.csv": comments(MESSAGES)}))
    report = summary.file("Comments.csv")
    assert (report.added, report.rows, sum(report.skipped.values())) == (6, 6, 0)
    lines = plan_lines(summary)
    assert ("  4 records with LinkedIn's broken quoting (multi-line messages) repaired"
            in lines)
    assert not any("unreadable date" in line for line in lines)


def test_shares_commentary_between_columns_is_repaired(journal: Journal, make_archive) -> None:
    text = ("Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n"
            "2024-03-18 08:00:00,https://www.linkedin.com/feed/update/urn:li:share:1,"
            '"My post, with \\"quotes\\"\nand a second line",,,MEMBER_NETWORK\n'
            "2024-03-19 08:00:00,https://www.linkedin.com/feed/update/urn:li:share:2,"
            '"Look",https://www.linkedin.com/feed/update/urn:li:activity:9,,MEMBER_NETWORK\n')
    summary = import_archive(journal, make_archive({"Shares.csv": text}))
    report = summary.file("Shares.csv")
    assert dict(report.kinds) == {"post": 1, "share": 1}
    assert sum(report.skipped.values()) == 0


def read_messages_back(text: str) -> list[str]:
    import io

    spec = next(spec for spec, _reader in SPECS if spec.name == "Comments.csv")
    table = Table(io.StringIO(text, newline=""), spec)
    return [row["Message"] for row in table.rows()]


def test_repaired_messages_read_back_exactly() -> None:
    assert read_messages_back(comments(MESSAGES)) == [m.strip() for m in MESSAGES]


MESSAGE = st.text(alphabet=string.ascii_letters + ' ,"\n.éà!?', min_size=0, max_size=60)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(MESSAGE, min_size=1, max_size=12))
def test_no_message_lost_or_doubled_under_linkedin_quoting(messages: list[str]) -> None:
    """Messages with quotes, line breaks, commas and `""`, written with LinkedIn's broken
    quoting, come back one for one, in order, whole (a record starts with its date; the
    generated text holds no digit, so none of its lines looks like one)."""
    assert read_messages_back(comments(messages)) == [m.strip() for m in messages]
