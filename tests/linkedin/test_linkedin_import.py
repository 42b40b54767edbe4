"""Importing a LinkedIn archive: what lands where, acceptance, idempotency, dry run, undo,
missing files, unknown headers, failed files rolled back."""

from __future__ import annotations

import hashlib
import zipfile
from datetime import date
from pathlib import Path

import pytest

from ssi_tui.journal import Journal
from ssi_tui.journal.linkedin import (
    ArchiveError,
    count_imported,
    import_archive,
    plan_lines,
    scan_archive,
    undo_import,
)

D = date.fromisoformat


def counts(journal: Journal) -> dict[tuple[str, str], int]:
    """(kind, day) → total count, for everything in the journal."""
    rows = journal.conn.execute("SELECT kind, day, sum(count) FROM events GROUP BY kind, day")
    return {(kind, day): total for kind, day, total in rows}


def by_kind(journal: Journal) -> dict[str, int]:
    rows = journal.conn.execute("SELECT kind, sum(count) FROM events GROUP BY kind")
    return dict(rows.fetchall())


EXPECTED_BY_DAY = {
    ("colleague_connection", "2024-03-20"): 1,
    ("colleague_connection", "2024-04-10"): 1,
    ("comment", "2024-03-20"): 2,
    ("comment", "2024-03-21"): 1,
    ("like", "2024-03-17"): 2,
    ("like", "2024-03-29"): 1,
    ("like", "2024-03-30"): 1,
    ("post", "2024-03-18"): 1,
    ("post", "2024-03-19"): 1,
    ("share", "2024-03-19"): 1,
    ("search", "2024-03-20"): 4,
    ("search", "2024-03-21"): 2,
    ("endorsement", "2024-03-20"): 1,
    ("endorsement", "2024-03-22"): 1,
    ("inmail_sent", "2024-03-20"): 1,
    ("inmail_sent", "2024-03-23"): 1,
    ("inmail_reply", "2024-03-22"): 1,
}
ENTRIES = 19 + 3
"""Journal rows the archive gives: 19 events (one per row, but one per day for searches) and 3
invitations."""


@pytest.mark.parametrize("as_zip", [True, False], ids=["zip", "folder"])
def test_counts_per_kind_and_day(journal: Journal, export_files, make_archive, as_zip) -> None:
    summary = import_archive(journal, make_archive(export_files, as_zip=as_zip))
    assert counts(journal) == EXPECTED_BY_DAY
    assert not summary.failed
    assert summary.file("SearchQueries.csv").member == "Search Queries.csv"
    assert summary.file("messages.csv").member == "Messages.csv"
    assert summary.file("SearchQueries.csv").skipped["exact repeat (same time and query)"] == 1
    assert summary.file("Invitations.csv").skipped["incoming (sent to you, not by you)"] == 1
    assert summary.file("messages.csv").skipped["not InMail (messages are left out)"] == 2
    assert summary.file("messages.csv").skipped["InMail conversation started by someone else"] == 1
    events = journal.events(limit=100)
    assert all(e.source == "linkedin" for e in events)
    colleagues = {e.contact for e in events if e.kind == "colleague_connection"}
    assert colleagues == {"Grace Hopper", "Linus Tor"}
    assert summary.added == journal.conn.execute(
        "SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM invitations)"
    ).fetchone()[0]


def test_invitations_personalised_and_accepted(journal: Journal, export_files,
                                               make_archive) -> None:
    import_archive(journal, make_archive(export_files))
    invitations = {i.contact: i for i in journal.invitations()}
    assert set(invitations) == {"Alan Turing", "Linus Tor", "Nobody Yet"}
    alan, linus, nobody = (invitations[n] for n in ("Alan Turing", "Linus Tor", "Nobody Yet"))
    assert (alan.sent_day, alan.personalized, alan.accepted_day) == (D("2024-03-12"), True,
                                                                      D("2024-04-05"))
    # the URL differs in scheme, www., case and trailing slash from Connections.csv's
    assert (linus.sent_day, linus.personalized, linus.accepted_day) == (D("2024-04-01"), False,
                                                                         D("2024-04-10"))
    assert (nobody.personalized, nobody.accepted_day) == (False, None)
    assert all(i.degree is None for i in invitations.values())


def test_network_size_recorded_for_today(journal: Journal, export_files, make_archive) -> None:
    summary = import_archive(journal, make_archive(export_files))
    assert summary.network_size == 5  # the row holding only a date is a connection too
    [indicators] = journal.indicators()
    assert (indicators.day, indicators.connections) == (journal.today(), 5)


def test_summary_says_what_came_from_which_file(journal: Journal, export_files,
                                                make_archive) -> None:
    text = "\n".join(plan_lines(import_archive(journal, make_archive(export_files))))
    assert "Comments.csv: 3 comments (2024-03-20 to 2024-03-21) → added 3, already present 0" \
        in text
    assert "SearchQueries.csv (Search Queries.csv): 6 searches" in text
    assert "LinkedIn keeps only recent invitations: this file covers 2024-03-12 to 2024-04-02" \
        " only" in text
    assert "6 searches (2024-03-20 to 2024-03-21) → added 2, already present 0 (one entry per" \
        " day)" in text
    assert "skipped 1: InMail conversation started by someone else\n" in text + "\n"
    assert "messages are left out" in text
    assert "current company: Acme Corp" in text


def test_import_twice_adds_nothing(journal: Journal, export_files, make_archive) -> None:
    archive = make_archive(export_files)
    first = import_archive(journal, archive)
    before = counts(journal), journal.invitations()
    again = import_archive(journal, archive)
    assert (again.added, again.updated) == (0, 0)
    assert again.present == first.added
    assert (counts(journal), journal.invitations()) == before


def test_newer_overlapping_archive_adds_only_new_rows(journal: Journal, export_files,
                                                      make_archive) -> None:
    import_archive(journal, make_archive(export_files))
    newer = dict(export_files)
    # a renamed file and renamed columns must not make old rows look new
    newer["SearchQueries.csv"] = newer.pop("Search Queries.csv") + (
        "2024/03/21 10:00:00 UTC,type theory\r\n2024/03/22 10:00:00 UTC,lambda\r\n")
    newer["Shares.csv"] = newer["Shares.csv"].replace("SharedURL,MediaURL", "SharedUrl,MediaUrl")
    newer["messages.csv"] = newer.pop("Messages.csv")
    newer["Reactions.csv"] += "2024-04-01 12:00:00,LIKE,https://www.linkedin.com/feed/update/x\r\n"
    newer["Comments.csv"] = newer["Comments.csv"].replace(",Agreed", ",Agreed (edited)")
    newer["Connections.csv"] += (
        "Nobody,Yet,https://www.linkedin.com/in/nobody-yet,,Elsewhere,Dev,03 Apr 2024\r\n")
    summary = import_archive(journal, make_archive(newer))
    assert summary.file("Reactions.csv").added == 1
    assert summary.file("Shares.csv").added == 0
    assert summary.file("Comments.csv").added == 0
    assert summary.file("messages.csv").added == 0
    searches = summary.file("SearchQueries.csv")
    assert (searches.added, searches.updated) == (1, 1)  # 03-22 is new, 03-21 grew from 2 to 3
    assert counts(journal)[("search", "2024-03-21")] == 3
    invitations = summary.file("Invitations.csv")
    assert (invitations.added, invitations.updated) == (0, 1)
    nobody = next(i for i in journal.invitations() if i.contact == "Nobody Yet")
    assert nobody.accepted_day == D("2024-04-03")
    assert summary.added == 2


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_dry_run_writes_nothing(journal: Journal, db_path: Path, export_files,
                                make_archive) -> None:
    journal.log_event(kind="login")
    archive = make_archive(export_files)
    journal.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = {p.name: file_digest(p) for p in db_path.parent.glob("journal.db*")}
    plan = scan_archive(archive, journal)
    assert plan.checked and plan.dry_run
    assert plan.added == ENTRIES and plan.present == 0
    assert plan.file("Comments.csv").kinds["comment"] == 3
    assert {p.name: file_digest(p) for p in db_path.parent.glob("journal.db*")} == before
    assert count_imported(journal) == 0 and journal.indicators() == []
    assert any("would record network size 5" in line for line in plan_lines(plan))


def test_scan_without_a_journal_counts_per_kind(export_files, make_archive) -> None:
    plan = scan_archive(make_archive(export_files))
    assert not plan.checked
    kinds = {}
    for report in plan.files:
        kinds.update(report.kinds)
    assert kinds == {"colleague_connection": 2, "invitation": 3, "comment": 3, "like": 4,
                     "post": 2, "share": 1, "search": 6, "endorsement": 2, "inmail_sent": 2,
                     "inmail_reply": 1}
    assert plan.network_size == 5


def test_undo_removes_exactly_the_imported_rows(journal: Journal, export_files,
                                                make_archive) -> None:
    journal.log_event(kind="search", count=2)
    journal.add_invitation(personalized=True, contact="By hand")
    summary = import_archive(journal, make_archive(export_files))
    assert count_imported(journal) == summary.added == ENTRIES
    assert undo_import(journal).ok
    assert [(e.kind, e.count, e.source) for e in journal.events()] == [("search", 2, None)]
    assert [i.contact for i in journal.invitations()] == ["By hand"]
    assert undo_import(journal).status == "nothing"
    again = import_archive(journal, make_archive(export_files))
    assert again.added == ENTRIES  # an undone import can be redone


def test_missing_file_is_reported_and_skipped(journal: Journal, export_files,
                                              make_archive) -> None:
    del export_files["Reactions.csv"]
    del export_files["Positions.csv"]
    summary = import_archive(journal, make_archive(export_files))
    assert summary.file("Reactions.csv").status == "missing"
    assert "like" not in by_kind(journal)
    assert "colleague_connection" not in by_kind(journal)  # no current company known
    text = plan_lines(summary)
    assert "Reactions.csv: not in the archive, skipped" in text
    assert any(line.startswith("Positions.csv: not in the archive") for line in text)
    assert by_kind(journal)["comment"] == 3


def test_unknown_header_is_reported_with_the_columns_found(journal: Journal, export_files,
                                                           make_archive) -> None:
    export_files["Comments.csv"] = "When,Url,Text\n2024-03-20 09:00:00,https://x,Hi\n"
    summary = import_archive(journal, make_archive(export_files))
    comments = summary.file("Comments.csv")
    assert comments.status == "unknown header"
    assert comments.columns == ["When", "Url", "Text"]
    assert comments.error == "unknown header: expected Date, Link; found: When, Url, Text"
    assert "comment" not in by_kind(journal)
    assert by_kind(journal)["like"] == 4  # the other files still go in


def test_a_file_that_fails_half_way_leaves_nothing(journal: Journal, export_files,
                                                   make_archive) -> None:
    rows = "".join(f"2024-03-{1 + i % 28:02d} 12:{i % 60:02d}:{i // 60 % 60:02d},LIKE,"
                   f"https://www.linkedin.com/feed/update/{i}\n" for i in range(2_000))
    export_files["Reactions.csv"] = ("Date,Type,Link\n" + rows).encode() + b"\xff\xfe bad\n"
    summary = import_archive(journal, make_archive(export_files))
    reactions = summary.file("Reactions.csv")
    assert reactions.status == "failed"
    assert "not UTF-8" in (reactions.error or "")
    assert reactions.added == 0
    assert "like" not in by_kind(journal)
    assert by_kind(journal)["comment"] == 3


def test_a_damaged_zip_member_fails_alone(journal: Journal, export_files, make_archive,
                                          tmp_path: Path) -> None:
    export_files["Reactions.csv"] = "Date,Type,Link\n" + "".join(
        f"2024-03-01 12:00:{i % 60:02d},LIKE,https://x/{i}\n" for i in range(3_000))
    path = make_archive(export_files)
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("Reactions.csv")
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for offset in range(start + 200, start + 260):
        data[offset] ^= 0x5A
    path.write_bytes(bytes(data))
    summary = import_archive(journal, path)
    assert summary.file("Reactions.csv").status == "failed"
    assert "like" not in by_kind(journal)
    assert by_kind(journal)["search"] == 6


def test_bad_rows_are_skipped_with_a_reason(journal: Journal, export_files,
                                            make_archive) -> None:
    export_files["Reactions.csv"] = (
        "Date,Type,Link\n"
        "yesterday,LIKE,https://x/1\n"
        ",LIKE,https://x/2\n"
        "2099-01-01 10:00:00,LIKE,https://x/3\n"
        "2024-03-01 10:00:00,LIKE,https://x/4\n"
        "2024-03-01 10:00:00,LIKE,https://x/4\n"
        "2001-01-01 10:00:00,LIKE,https://x/5\n"
    )
    summary = import_archive(journal, make_archive(export_files))
    reactions = summary.file("Reactions.csv")
    assert reactions.added == 1
    assert reactions.skipped["unreadable date"] == 1
    assert reactions.skipped["no date"] == 1
    assert reactions.skipped["duplicate row"] == 1
    assert sum(1 for reason in reactions.skipped if reason.startswith("day:")) == 1
    assert reactions.skipped.total() == 5
    assert reactions.first_line["unreadable date"] == 2
    text = "\n".join(plan_lines(summary))
    assert "skipped 1: unreadable date, line 2" in text


def test_notes_with_an_odd_quote_do_not_hide_the_header(journal: Journal, export_files,
                                                        make_archive) -> None:
    export_files["Connections.csv"] = export_files["Connections.csv"].replace(
        "Notes:\r\n", 'Notes:\r\n"an unclosed quote\r\n')
    summary = import_archive(journal, make_archive(export_files))
    assert summary.file("Connections.csv").status == "ok"
    assert summary.network_size == 5


def test_user_name_falls_back_to_invitations(journal: Journal, export_files,
                                             make_archive) -> None:
    del export_files["Profile.csv"]
    import_archive(journal, make_archive(export_files))
    assert by_kind(journal)["inmail_sent"] == 2


def test_bom_and_header_case_and_blank_lines(journal: Journal, make_archive) -> None:
    files = {"Comments.csv": "\ufeff DATE , link ,MESSAGE\r\n\r\n"
                             "2024-03-20 09:00:00,https://x/1,Hi\r\n,,\r\n"}
    summary = import_archive(journal, make_archive(files))
    assert summary.file("Comments.csv").added == 1
    assert summary.file("Connections.csv").status == "missing"


@pytest.mark.parametrize("make", ["nothing", "text", "empty_folder", "other_zip"])
def test_not_an_archive(journal: Journal, tmp_path: Path, make_archive, make: str) -> None:
    if make == "nothing":
        path = tmp_path / "nope.zip"
    elif make == "text":
        path = tmp_path / "Connections.csv"
        path.write_text("First Name,Last Name\n")
    elif make == "empty_folder":
        path = tmp_path / "empty"
        path.mkdir()
    else:
        path = make_archive({"notes.txt": "hello", "photo.csv": "a,b\n"})
    with pytest.raises(ArchiveError) as caught:
        import_archive(journal, path)
    assert str(path) in str(caught.value) and "\n" not in str(caught.value)
    assert count_imported(journal) == 0


def test_progress_is_reported_per_file(journal: Journal, export_files, make_archive) -> None:
    export_files["Search Queries.csv"] = "Time,Search Query\n" + "".join(
        f"2024/03/{1 + i % 28:02d} 10:{i % 60:02d}:{i // 60 % 60:02d} UTC,q{i}\n"
        for i in range(20_000))
    calls: list[tuple[str, int, int]] = []
    import_archive(journal, make_archive(export_files), progress=lambda *a: calls.append(a))
    searches = [c for c in calls if c[0] == "SearchQueries.csv"]
    assert len(searches) > 2
    assert searches[-1][1] == searches[-1][2] > 500_000
    assert [c[1] for c in searches] == sorted(c[1] for c in searches)


def test_a_large_archive_streams_in_seconds(journal: Journal, make_archive) -> None:
    """50,000 searches and 5,000 invitations (a heavy user's archive): about a second here."""
    import time

    searches = ["Time,Search Query"] + [
        f"2025/{1 + i % 12:02d}/{1 + i % 28:02d} {i % 24:02d}:{i % 60:02d}:{i // 60 % 60:02d} UTC,"
        f"query {i % 977}" for i in range(50_000)]
    invitations = ["From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl"] + [
        f'Me,Person {i},"{1 + i % 12}/{1 + i % 28}/25, {1 + i % 12}:{i % 60:02d} PM",'
        f'{"Hi" if i % 2 else ""},OUTGOING,,https://www.linkedin.com/in/p{i}'
        for i in range(5_000)]
    archive = make_archive({"SearchQueries.csv": "\r\n".join(searches),
                            "Invitations.csv": "\n".join(invitations)})
    started = time.perf_counter()
    summary = import_archive(journal, archive)
    elapsed = time.perf_counter() - started
    assert summary.file("SearchQueries.csv").kinds["search"] == 50_000
    assert summary.file("Invitations.csv").added == 5_000
    assert by_kind(journal)["search"] == summary.file("SearchQueries.csv").kinds["search"]
    assert elapsed < 30, f"{elapsed:.1f}s"
