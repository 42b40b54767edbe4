"""The journal's schema, built by numbered migrations; `PRAGMA user_version` is its version.

Each migration runs in one transaction together with the version bump, so an interrupted
migration leaves the file at the old version, still usable. Before migrating a journal that
already holds data, a backup copy is taken with SQLite's backup API.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

from ssi_tui.domain import PROFILE_ITEMS
from ssi_tui.labels import PROFILE_ITEM_LABELS

EVENTS_BY_DAY_INDEX = "CREATE INDEX events_by_day ON events (day, kind, degree, count)"
"""v1's covering index for window sums (v2 replaced it with the `daily_totals` rollup)."""


def _v1(db: Database) -> None:
    statements = [
        """CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            day TEXT NOT NULL,
            kind TEXT NOT NULL,
            count INTEGER NOT NULL DEFAULT 1 CHECK (count >= 1),
            degree INTEGER CHECK (degree IN (2, 3)),
            contact TEXT,
            note TEXT,
            source TEXT,
            source_key TEXT
        )""",
        EVENTS_BY_DAY_INDEX,
        # Partial indexes stay small and cost nothing on bulk imports of other rows.
        "CREATE INDEX events_login_days ON events (day) WHERE kind = 'login'",
        "CREATE INDEX events_by_hand ON events (at) WHERE source IS NULL",
        "CREATE UNIQUE INDEX events_by_source_key ON events (source_key)"
        " WHERE source_key IS NOT NULL",
        """CREATE TABLE invitations (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            sent_day TEXT NOT NULL,
            degree INTEGER CHECK (degree IN (2, 3)),
            personalized INTEGER NOT NULL CHECK (personalized IN (0, 1)),
            variant TEXT,
            contact TEXT,
            note TEXT,
            accepted_day TEXT,
            exchange_day TEXT,
            call_day TEXT,
            meeting_day TEXT,
            contract_day TEXT,
            source TEXT,
            source_key TEXT
        )""",
        "CREATE INDEX invitations_by_sent_day ON invitations (sent_day)",
        "CREATE INDEX invitations_by_hand ON invitations (at) WHERE source IS NULL",
        "CREATE UNIQUE INDEX invitations_by_source_key ON invitations (source_key)"
        " WHERE source_key IS NOT NULL",
        """CREATE TABLE readings (
            day TEXT PRIMARY KEY,
            brand REAL NOT NULL CHECK (brand BETWEEN 0 AND 25),
            people REAL NOT NULL CHECK (people BETWEEN 0 AND 25),
            insights REAL NOT NULL CHECK (insights BETWEEN 0 AND 25),
            relationships REAL NOT NULL CHECK (relationships BETWEEN 0 AND 25),
            total REAL GENERATED ALWAYS AS
                (round(brand + people + insights + relationships, 3)) VIRTUAL,
            industry_rank REAL,
            network_rank REAL,
            industry_avg REAL,
            network_avg REAL,
            at TEXT NOT NULL
        )""",
        """CREATE TABLE indicators (
            day TEXT PRIMARY KEY,
            profile_views_90d INTEGER,
            search_appearances_7d INTEGER,
            followers INTEGER,
            connections INTEGER,
            at TEXT NOT NULL
        )""",
        """CREATE TABLE profile_checklist (
            item TEXT PRIMARY KEY,
            label TEXT NOT NULL,
            done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
            day TEXT
        )""",
    ]
    for sql in statements:
        db.execute(sql)
    db.conn.executemany(
        "INSERT INTO profile_checklist (item, label, done) VALUES (?, ?, 0)",
        # English, whatever the interface language: the labels shown are PROFILE_ITEM_LABELS
        [(key, PROFILE_ITEM_LABELS.english(key)) for key in PROFILE_ITEMS],
    )


ROLLUP_TRIGGERS = (
    """CREATE TRIGGER events_rollup_insert AFTER INSERT ON events BEGIN
        INSERT INTO daily_totals (day, kind, degree, total)
        VALUES (new.day, new.kind, coalesce(new.degree, 0), new.count)
        ON CONFLICT (day, kind, degree) DO UPDATE SET total = total + excluded.total;
    END""",
    """CREATE TRIGGER events_rollup_delete AFTER DELETE ON events BEGIN
        UPDATE daily_totals SET total = total - old.count
        WHERE day = old.day AND kind = old.kind AND degree = coalesce(old.degree, 0);
    END""",
    """CREATE TRIGGER events_rollup_update AFTER UPDATE OF day, kind, degree, count ON events
    BEGIN
        UPDATE daily_totals SET total = total - old.count
        WHERE day = old.day AND kind = old.kind AND degree = coalesce(old.degree, 0);
        INSERT INTO daily_totals (day, kind, degree, total)
        VALUES (new.day, new.kind, coalesce(new.degree, 0), new.count)
        ON CONFLICT (day, kind, degree) DO UPDATE SET total = total + excluded.total;
    END""",
)
"""Keep `daily_totals` in step with `events` inside the very transaction that writes them."""

ROLLUP_REBUILD = (
    "INSERT INTO daily_totals (day, kind, degree, total)"
    " SELECT day, kind, coalesce(degree, 0), sum(count) FROM events WHERE id > ?"
    " GROUP BY day, kind, coalesce(degree, 0)"
    " ON CONFLICT (day, kind, degree) DO UPDATE SET total = total + excluded.total"
)
"""Add the events after a given id to the rollup in one pass (migrations, bulk imports)."""


def _v2(db: Database) -> None:
    """A daily rollup of events, so reading a day's windows costs the same with a week or ten
    years of history; and the calibration of the estimate against the official readings (one
    row per pillar: reading ≈ scale × estimate + intercept), with its error before and after."""
    db.execute(
        """CREATE TABLE daily_totals (
            day TEXT NOT NULL,
            kind TEXT NOT NULL,
            degree INTEGER NOT NULL DEFAULT 0,
            total INTEGER NOT NULL,
            PRIMARY KEY (day, kind, degree)
        ) WITHOUT ROWID"""
    )
    db.execute("CREATE INDEX daily_totals_by_kind ON daily_totals (kind, day)")
    db.execute(ROLLUP_REBUILD, [0])
    for trigger in ROLLUP_TRIGGERS:
        db.execute(trigger)
    # the rollup now answers the window queries; a plain day index serves the journal screen
    db.execute("DROP INDEX events_by_day")
    db.execute(EVENTS_BY_DAY_INDEX_V2)
    db.execute("DROP INDEX events_login_days")
    db.execute(
        """CREATE TABLE calibration (
            pillar TEXT PRIMARY KEY
                CHECK (pillar IN ('brand', 'people', 'insights', 'relationships')),
            scale REAL NOT NULL,
            intercept REAL NOT NULL,
            readings INTEGER NOT NULL,
            mae_before REAL,
            mae_after REAL,
            made_on TEXT NOT NULL
        )"""
    )


EVENTS_BY_DAY_INDEX_V2 = "CREATE INDEX events_by_day ON events (day, id)"


def _v3(db: Database) -> None:
    """One write path with a history: every change to the journal is a row of `changes` (what,
    when, from which surface and window or process), with the before- and after-image of each
    row it touched in `change_rows`, so it can be undone and redone exactly. Rows an import adds
    in bulk carry the change's id instead of an image each. Imported readings and indicator
    figures carry their source, so a figure typed by hand is never overwritten by an import."""
    for sql in CHANGES_SCHEMA:
        db.execute(sql)
    db.execute("ALTER TABLE events ADD COLUMN change_id INTEGER")
    db.execute("ALTER TABLE invitations ADD COLUMN change_id INTEGER")
    db.execute("ALTER TABLE readings ADD COLUMN source TEXT")
    db.execute("ALTER TABLE indicators ADD COLUMN sources TEXT")


CHANGES_SCHEMA = (
    """CREATE TABLE changes (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        surface TEXT NOT NULL,
        window_id TEXT NOT NULL,
        action TEXT NOT NULL,
        details TEXT NOT NULL DEFAULT '{}',
        reverts INTEGER REFERENCES changes (id)
    )""",
    "CREATE INDEX changes_by_window ON changes (window_id, id)",
    "CREATE INDEX changes_by_reverts ON changes (reverts) WHERE reverts IS NOT NULL",
    """CREATE TABLE change_rows (
        change_id INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('row', 'bulk')),
        tbl TEXT NOT NULL,
        key NOT NULL,
        before TEXT,
        after TEXT,
        PRIMARY KEY (change_id, seq)
    ) WITHOUT ROWID""",
    "CREATE INDEX change_rows_by_row ON change_rows (tbl, key, change_id)",
    """CREATE TRIGGER changes_append_only BEFORE UPDATE ON changes
    BEGIN SELECT RAISE(ABORT, 'the history of changes is append-only'); END""",
    """CREATE TRIGGER changes_never_deleted BEFORE DELETE ON changes
    BEGIN SELECT RAISE(ABORT, 'the history of changes is append-only'); END""",
    """CREATE TRIGGER change_rows_append_only BEFORE UPDATE ON change_rows
    BEGIN SELECT RAISE(ABORT, 'the history of changes is append-only'); END""",
    """CREATE TRIGGER change_rows_never_deleted BEFORE DELETE ON change_rows
    BEGIN SELECT RAISE(ABORT, 'the history of changes is append-only'); END""",
)
"""`changes`: one row per change, append-only (an undo is a new change that `reverts` another;
a redo reverts the undo). `change_rows`: what it did to each row, `op = 'row'` with the row's
image before and after (JSON, NULL for no row), or `op = 'bulk'` for the `key` rows of `tbl`
an import added, tagged with the change's id in their `change_id` column."""


MIGRATIONS: list[Callable[[Database], None]] = [_v1, _v2, _v3]
"""Migration N (1-based) brings a journal from version N-1 to N. Append only; never edit."""

SCHEMA_VERSION = len(MIGRATIONS)

OUR_TABLES = {"events", "invitations", "readings", "indicators", "profile_checklist"}
ROLLUP_TRIGGER_NAMES = ("events_rollup_insert", "events_rollup_delete", "events_rollup_update")
"""Tables every version of the journal has (how a journal is told from another program's)."""
