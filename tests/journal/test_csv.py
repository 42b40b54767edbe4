"""CSV export/import: round trip (hypothesis), all-or-nothing, formula defusing, fuzzing."""

from __future__ import annotations

import io
import string
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ssi_tui.domain import Kind
from ssi_tui.journal import InputError, open_journal
from ssi_tui.journal.csvio import export_csv, import_csv, neutralise

settings.register_profile("ci", max_examples=40, deadline=None,
                          suppress_health_check=[HealthCheck.function_scoped_fixture])
settings.load_profile("ci")

TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from([",", '"', "="]),
    max_size=30,
).map(str.strip)


@st.composite
def event_rows(draw) -> dict:
    kind = draw(st.sampled_from([k.value for k in Kind]))
    degree = draw(st.sampled_from([2, 3])) if kind == "profile_view" else None
    return {
        "kind": kind,
        "count": draw(st.integers(1, 10_000)),
        "degree": degree,
        "day": date(2026, 11, 22) - timedelta(days=draw(st.integers(0, 3000))),
        "contact": draw(TEXT) or None,
        "note": draw(TEXT) or None,
    }


def export_text(journal, table: str, raw: bool = True) -> str:
    out = io.StringIO()
    export_csv(journal.conn, table, out, raw=raw)
    return out.getvalue()


@given(rows=st.lists(event_rows(), max_size=15))
def test_events_round_trip(tmp_path_factory, rows: list[dict]) -> None:
    folder = tmp_path_factory.mktemp("rt")
    source = open_journal(folder / "a.db")
    for row in rows:
        source.log_event(**row)
    text = export_text(source, "events")
    target = open_journal(folder / "b.db")
    report = import_csv(target.conn, io.StringIO(text, newline=""))
    assert report.ok, report.errors
    assert export_text(target, "events") == text
    source.close()
    target.close()


def test_other_tables_round_trip(journal, tmp_path: Path) -> None:
    inv = journal.add_invitation(personalized=True, variant="A", contact="Ada", degree=3,
                                 sent_day=journal.today() - timedelta(days=9))
    journal.set_outcome(inv.id, "meeting")
    journal.add_invitation(personalized=False)
    journal.add_reading(brand=12.275, people=10, insights=9.35, relationships=11, network_rank=4)
    journal.set_indicators(profile_views_90d=610, followers=300)
    other = open_journal(tmp_path / "other.db")
    for table in ("invitations", "readings", "indicators"):
        text = export_text(journal, table)
        report = import_csv(other.conn, io.StringIO(text, newline=""))
        assert report.ok and report.table == table, report.errors
        assert export_text(other, table) == text
    other.close()


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_formula_cells_are_defused(journal, start: str) -> None:
    with journal.db.atomic():  # a tab or CR can only arrive through another tool's write
        journal.conn.execute(
            "INSERT INTO events (at, day, kind, count, note) VALUES (?, ?, 'comment', 1, ?)",
            ["2026-11-20T10:00:00.000Z", "2026-11-20", f"{start}cmd|' /C calc'!A0"],
        )
    assert f"'{start}cmd" in export_text(journal, "events", raw=False)
    assert f",{start}cmd" in export_text(journal, "events", raw=True).replace('"', "")
    assert f",'{start}" not in export_text(journal, "events", raw=True)
    assert neutralise("plain") == "plain"


def test_duplicate_ids_and_existing_ids_fail_whole_import(journal) -> None:
    journal.log_event(kind="login")
    text = (
        "id,day,kind,count,degree,contact,note,at\n"
        "7,2026-11-20,search,1,,,,\n"
        "7,2026-11-20,search,1,,,,\n"
        "1,2026-11-20,like,1,,,,\n"
    )
    report = import_csv(journal.conn, io.StringIO(text))
    assert not report.ok
    assert any("appears twice" in e for e in report.errors)
    assert any("already in the journal" in e for e in report.errors)
    assert len(journal.events()) == 1


def test_header_mistakes_are_named(journal) -> None:
    with pytest.raises(InputError, match="missing day"):
        import_csv(journal.conn, io.StringIO("id,kind,degree,contact,note,at\n"))
    with pytest.raises(InputError, match="not an ssi-tui CSV"):
        import_csv(journal.conn, io.StringIO("First Name,Last Name,URL\n"))
    with pytest.raises(InputError, match="empty"):
        import_csv(journal.conn, io.StringIO(""))


@given(data=st.binary(max_size=300))
def test_random_bytes_never_crash_never_half_import(tmp_path_factory, data: bytes) -> None:
    journal = open_journal(tmp_path_factory.mktemp("fz") / "j.db")
    header = b"id,day,kind,count,degree,contact,note,at\r\n"
    for payload in (data, header + data):
        handle = io.TextIOWrapper(io.BytesIO(payload), encoding="utf-8-sig", newline="")
        try:
            report = import_csv(journal.conn, handle)
        except InputError:
            continue
        if not report.ok:
            assert journal.events() == []
        journal.conn.execute("DELETE FROM events")
        journal.conn.commit()
    journal.close()


@given(cells=st.lists(st.text(alphabet=string.printable, max_size=12), min_size=1, max_size=10))
def test_random_rows_under_a_good_header(tmp_path_factory, cells: list[str]) -> None:
    journal = open_journal(tmp_path_factory.mktemp("fz") / "j.db")
    import csv

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["day", "kind", "count", "degree", "contact", "note"])
    writer.writerow(cells)
    writer.writerow(["2026-11-20", "search", "1", "", "", ""])
    report = import_csv(journal.conn, io.StringIO(out.getvalue(), newline=""))
    assert report.ok == (report.rows > 0)
    assert len(journal.events()) == report.rows
    journal.close()
