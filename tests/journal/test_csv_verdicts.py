"""Clearer verdicts on a CSV: the table is told by its distinctive columns (`kind` means
events), optional columns may be left out, and an error names the columns found and the
columns expected. Readings as scrapers record them: float noise rounded, several readings for
one day resolved by the last one, and the summary says so."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from cli_runner import run

from ssi_tui.journal import InputError, Journal
from ssi_tui.journal.csvio import detect_table, import_csv


@pytest.mark.parametrize(("header", "table"), [
    ("id,day,kind,count", "events"),
    ("day,kind", "events"),
    ("sent_day,personalized", "invitations"),
    ("day,brand,people,insights,relationships", "readings"),
    ("day,followers", "indicators"),
])
def test_the_table_is_told_by_its_distinctive_columns(header: str, table: str) -> None:
    assert detect_table(header.split(",")) == table


def test_optional_columns_may_be_left_out(journal: Journal) -> None:
    report = import_csv(journal.conn, io.StringIO("id,day,kind,count\n1,2026-11-20,search,3\n"))
    assert (report.ok, report.rows) == (True, 1)
    [event] = journal.events()
    assert (event.kind, event.count, event.contact) == ("search", 3, None)


def test_an_error_names_the_columns_found_and_expected() -> None:
    with pytest.raises(InputError) as caught:
        detect_table(["day", "kind", "colour"])
    assert str(caught.value) == (
        "header: events (unknown colour): found day, kind, colour; expected day, kind, and"
        " optionally id, count, degree, contact, note, at")
    with pytest.raises(InputError) as caught:
        detect_table(["day", "brand", "people"])
    assert "readings (missing insights, relationships): found day, brand, people" \
        in str(caught.value)
    with pytest.raises(InputError) as caught:
        detect_table(["kind", "brand", "day"])
    assert "mixes the columns of events and readings" in str(caught.value)
    with pytest.raises(InputError) as caught:
        detect_table(["First Name", "URL"])
    assert "found the columns first name, url; expected those of events" in str(caught.value)


READINGS = ("day,brand,people,insights,relationships,total\n"
            "2026-11-20,13.118002,8.750002,10.2,9.9,41.968\n"
            "2026-11-21,10,10,10,10,40\n"
            "2026-11-21,11,11,11,11,44\n")


def test_scraped_readings_float_noise_and_the_last_of_a_day(tmp_path: Path,
                                                            db_path: Path) -> None:
    path = tmp_path / "readings.csv"
    path.write_text(READINGS, encoding="utf-8")
    result = run("import", str(path))
    assert result.exit_code == 0, result.output
    assert ("1 day had several readings; the last one in the file was kept (2026-11-21)"
            in result.output)
    export = run("export", "readings").output.splitlines()
    assert export[1].startswith("2026-11-20,13.118,8.75,10.2,9.9,")
    assert export[2].startswith("2026-11-21,11.0,11.0,11.0,11.0,44.0")
    assert len(export) == 3
