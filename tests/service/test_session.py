"""The application service on a real journal file: what the command line and the app share."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest

from ssi_tui.journal import InputError, Journal
from ssi_tui.service.session import Session


def test_logging_patches_the_shown_status(journal: Journal, frozen_clock: str) -> None:
    session = Session(journal)
    before = session.build_status()
    event = session.log_habit("search", count=3)
    assert event.count == 3 and event.day == journal.today()
    assert session.status is not None and session.status is not before
    searches = next(t for t in session.status.todos if t.key == "searches")
    assert searches.progress == 3
    assert session.status == Session(journal).build_status()  # the patch equals a full build


def test_without_a_status_nothing_is_built(journal: Journal, frozen_clock: str) -> None:
    session = Session(journal)
    session.log_habit("like")
    assert session.status is None  # the command line never pays for a status it won't print


def test_backfill_moves_the_day_and_snaps_back(journal: Journal, frozen_clock: str) -> None:
    session = Session(journal)
    today = journal.today()
    assert session.move_log_day(-2) == today - timedelta(days=2)
    assert session.log_habit("login").day == today - timedelta(days=2)
    assert session.move_log_day(+5) is None  # never past today
    session.move_log_day(-1)
    assert not session.snap_back()
    session.backfill_touched = time.monotonic() - journal.settings.backfill_snap_minutes * 61
    assert session.snap_back() and session.log_day is None


def test_undo_and_redo_rebuild_the_status(journal: Journal, frozen_clock: str) -> None:
    session = Session(journal)
    empty = session.build_status()
    session.log_habit("search")
    assert session.undo().ok
    assert session.status == empty
    assert session.redo().ok
    assert session.status is not None and session.status != empty


def test_bad_input_is_the_journals_error_and_writes_nothing(journal: Journal,
                                                           frozen_clock: str) -> None:
    session = Session(journal)
    with pytest.raises(InputError):
        session.log_habit("no_such_kind")
    assert journal.events() == []
