"""The export's fast path (SQLite writes each line) gives byte for byte what `csv.writer`
gives, for the text that needs quoting, doubling, defusing or nothing at all."""

from __future__ import annotations

import io
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ssi_tui.journal import csvio

AWKWARD = st.one_of(
    st.none(),
    st.text(alphabet=st.sampled_from(list('ab ,"\'=+-@\n\r\té')), max_size=8),
)


def both(conn: sqlite3.Connection, table: str, raw: bool) -> tuple[str, str]:
    fast = io.StringIO(newline="")
    csvio.export_csv(conn, table, fast, raw=raw)
    saved = csvio.WHOLE_LINES
    csvio.WHOLE_LINES = set()
    try:
        slow = io.StringIO(newline="")
        csvio.export_csv(conn, table, slow, raw=raw)
    finally:
        csvio.WHOLE_LINES = saved
    return fast.getvalue(), slow.getvalue()


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(st.tuples(AWKWARD, AWKWARD, st.none() | st.integers(2, 3)), max_size=6),
       raw=st.booleans())
def test_sqlite_writes_the_lines_csv_writer_would(rows: list, raw: bool) -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, day TEXT, kind TEXT, count"
                 " INTEGER, degree INTEGER, contact TEXT, note TEXT, at TEXT)")
    conn.executemany("INSERT INTO events (day, kind, count, degree, contact, note, at) VALUES"
                     " ('2026-11-23', 'like', 1, ?, ?, ?, '2026-11-23T09:30:00Z')",
                     [(degree, contact, note) for contact, note, degree in rows])
    fast, slow = both(conn, "events", raw)
    assert fast == slow


@pytest.mark.parametrize("rows", [0, 1, csvio.LINES_CHUNK + 1])
def test_every_row_once_in_id_order_across_chunks(rows: int) -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, day TEXT, kind TEXT, count"
                 " INTEGER, degree INTEGER, contact TEXT, note TEXT, at TEXT)")
    conn.executemany("INSERT INTO events (id, day, kind, count, at) VALUES (?, '2026-11-23',"
                     " 'like', 1, 'x')", [(2 * i + 1,) for i in reversed(range(rows))])
    fast, slow = both(conn, "events", raw=False)
    assert fast == slow and fast.count("\r\n") == rows + 1
