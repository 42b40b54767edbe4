"""The company target: PostgreSQL through psycopg 3, with row-level security.

Connection details come only from the URL and libpq's own sources (the PG* variables,
~/.pgpass, a service file); ssi-tui stores none of them. `team init` (an administrator, once
and after each upgrade) applies the numbered migrations below; reps share as `current_user`.

Who sees what (enforced by the server, not by us):
- group role `ssi_rep`: reads and writes only rows whose `rep` is its own login
  (policies `own_rows`), and reads the team's aggregates through two SECURITY DEFINER
  functions: the daily averages (`team_trend`) and the invitation counts per rep with the other
  reps' names replaced by '#N' (`invitation_shapes`);
- group role `ssi_manager`: reads every row (policies `manager_reads`), writes nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any

from ssi_tui.i18n import _
from ssi_tui.team.errors import TeamError, TeamInputError
from ssi_tui.team.share import NAME_RE, DayEstimate, Share, SharedReading
from ssi_tui.team.snapshot import (
    LOGIN_DAYS,
    RECENT_DAYS,
    WEEK,
    RepData,
    Shape,
    TeamSnapshot,
    TrendPoint,
    streak_may_go_further,
)

SCHEMA = "ssi_team"
GROUPS = ("ssi_rep", "ssi_manager")
DATA_TABLES = {  # table: (day column, columns in the share's field order)
    "counts": ("day", ("day", "habit", "count")),
    "readings": ("day", ("day", "brand", "people", "insights", "relationships")),
    "estimates": ("day", ("day", "brand", "people", "insights", "relationships", "total",
                          "todos_done", "todos_total")),
    "indicators": ("day", ("day", "profile_views_90d", "search_appearances_7d", "followers",
                           "connections")),
    "invitations": ("sent_day", ("sent_day", "seq", "degree", "personalized", "variant",
                                 "accepted_day", "exchange_day", "call_day", "meeting_day",
                                 "contract_day")),
}

TYPES = {"day": "date", "sent_day": "date", "habit": "text", "count": "integer", "brand": "real",
         "people": "real", "insights": "real", "relationships": "real", "total": "real",
         "todos_done": "smallint", "todos_total": "smallint", "profile_views_90d": "integer",
         "search_appearances_7d": "integer", "followers": "integer", "connections": "integer",
         "seq": "integer", "degree": "smallint", "personalized": "boolean", "variant": "text",
         "accepted_day": "date", "exchange_day": "date", "call_day": "date",
         "meeting_day": "date", "contract_day": "date"}

MIGRATIONS: tuple[str, ...] = (
    # 1: the tables; `rep` defaults to the login sharing
    """
    CREATE TABLE ssi_team.shares (
        rep text PRIMARY KEY DEFAULT current_user, first_day date NOT NULL,
        last_day date NOT NULL, shared_at timestamptz NOT NULL DEFAULT now());
    CREATE TABLE ssi_team.counts (
        rep text NOT NULL DEFAULT current_user, day date NOT NULL, habit text NOT NULL,
        count integer NOT NULL CHECK (count >= 0), PRIMARY KEY (rep, day, habit));
    CREATE INDEX counts_day ON ssi_team.counts (day);
    CREATE INDEX counts_habit_day ON ssi_team.counts (habit, day) WHERE count > 0;
    CREATE TABLE ssi_team.readings (
        rep text NOT NULL DEFAULT current_user, day date NOT NULL, brand real NOT NULL,
        people real NOT NULL, insights real NOT NULL, relationships real NOT NULL,
        PRIMARY KEY (rep, day));
    CREATE TABLE ssi_team.estimates (
        rep text NOT NULL DEFAULT current_user, day date NOT NULL, brand real NOT NULL,
        people real NOT NULL, insights real NOT NULL, relationships real NOT NULL,
        total real NOT NULL, todos_done smallint NOT NULL, todos_total smallint NOT NULL,
        PRIMARY KEY (rep, day));
    CREATE INDEX estimates_day ON ssi_team.estimates (day);
    CREATE TABLE ssi_team.indicators (
        rep text NOT NULL DEFAULT current_user, day date NOT NULL, profile_views_90d integer,
        search_appearances_7d integer, followers integer, connections integer,
        PRIMARY KEY (rep, day));
    CREATE TABLE ssi_team.invitations (
        rep text NOT NULL DEFAULT current_user, sent_day date NOT NULL, seq integer NOT NULL,
        degree smallint, personalized boolean NOT NULL, variant varchar(40),
        accepted_day date, exchange_day date, call_day date, meeting_day date,
        contract_day date, PRIMARY KEY (rep, sent_day, seq));
    CREATE INDEX invitations_sent_day ON ssi_team.invitations (sent_day);
    """,
    # 2: the group roles, their rights, row-level security and the aggregates reps may read
    """
    DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ssi_rep') THEN
            CREATE ROLE ssi_rep NOLOGIN; END IF;
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ssi_manager') THEN
            CREATE ROLE ssi_manager NOLOGIN; END IF;
    END $$;
    REVOKE ALL ON SCHEMA ssi_team FROM PUBLIC;
    GRANT USAGE ON SCHEMA ssi_team TO ssi_rep, ssi_manager;
    GRANT SELECT, INSERT, UPDATE, DELETE ON ssi_team.shares, ssi_team.counts,
        ssi_team.readings, ssi_team.estimates, ssi_team.indicators, ssi_team.invitations
        TO ssi_rep;
    GRANT SELECT ON ssi_team.shares, ssi_team.counts, ssi_team.readings, ssi_team.estimates,
        ssi_team.indicators, ssi_team.invitations TO ssi_manager;
    DO $$ DECLARE t text; BEGIN
        FOREACH t IN ARRAY ARRAY['shares', 'counts', 'readings', 'estimates', 'indicators',
                                 'invitations'] LOOP
            EXECUTE format('ALTER TABLE ssi_team.%I ENABLE ROW LEVEL SECURITY', t);
            EXECUTE format('CREATE POLICY own_rows ON ssi_team.%I TO ssi_rep'
                           ' USING (rep = current_user) WITH CHECK (rep = current_user)', t);
            EXECUTE format('CREATE POLICY manager_reads ON ssi_team.%I FOR SELECT'
                           ' TO ssi_manager USING (true)', t);
        END LOOP;
    END $$;
    CREATE FUNCTION ssi_team.team_trend(since date, until date)
    RETURNS TABLE (day date, reps integer, brand float8, people float8, insights float8,
                   relationships float8, total float8)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
        SELECT e.day, count(*)::integer, avg(e.brand), avg(e.people), avg(e.insights),
               avg(e.relationships), avg(e.total)
        FROM ssi_team.estimates e WHERE e.day BETWEEN since AND until
        GROUP BY e.day ORDER BY e.day
    $f$;
    CREATE FUNCTION ssi_team.invitation_shapes(today date, cap integer)
    RETURNS TABLE (stratum text, personalized boolean, age integer, lag integer,
                   level integer, n bigint)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
        WITH strata AS (
            SELECT s.rep, CASE WHEN s.rep = session_user
                                 OR pg_has_role(session_user, 'ssi_manager', 'MEMBER')
                               THEN s.rep
                               ELSE '#' || row_number() OVER (ORDER BY md5(s.rep)) END AS name
            FROM ssi_team.shares s)
        SELECT st.name, g.personalized, g.age, g.lag, g.level, g.n
        FROM (SELECT i.rep, i.personalized, LEAST(today - i.sent_day, cap) AS age,
                     CASE WHEN i.accepted_day IS NOT NULL
                          THEN LEAST(i.accepted_day - i.sent_day, cap)
                          WHEN i.exchange_day IS NOT NULL OR i.call_day IS NOT NULL
                            OR i.meeting_day IS NOT NULL OR i.contract_day IS NOT NULL THEN 0
                          END AS lag,
                     CASE WHEN i.contract_day IS NOT NULL THEN 5
                          WHEN i.meeting_day IS NOT NULL THEN 4
                          WHEN i.call_day IS NOT NULL THEN 3
                          WHEN i.exchange_day IS NOT NULL THEN 2
                          WHEN i.accepted_day IS NOT NULL THEN 1 ELSE 0 END AS level,
                     count(*) AS n
              FROM ssi_team.invitations i WHERE i.sent_day <= today
              GROUP BY 1, 2, 3, 4, 5) g
        JOIN strata st ON st.rep = g.rep
    $f$;
    REVOKE ALL ON FUNCTION ssi_team.team_trend(date, date),
        ssi_team.invitation_shapes(date, integer) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION ssi_team.team_trend(date, date),
        ssi_team.invitation_shapes(date, integer) TO ssi_rep, ssi_manager;
    """,
)
LOCK_KEY = 0x551_7EA
"""Advisory lock taken by `init`, so two administrators migrating at once take turns."""


@contextmanager
def connect(url: str, option: str = "to") -> Iterator[Any]:
    """A connection; libpq's refusals become one line naming the option."""
    try:
        import psycopg
    except ImportError:
        raise TeamError(f"{option}: " + _("PostgreSQL needs psycopg: pip install "
                                          "'ssi-tui[postgres]'")) from None

    try:
        conn = psycopg.connect(url, connect_timeout=10)
    except psycopg.Error as exc:
        raise TeamError(f"{option}: {_first_line(exc)}") from None
    try:
        yield conn
    except psycopg.Error as exc:
        conn.rollback()
        raise TeamError(f"{option}: {_first_line(exc)}") from None
    finally:
        conn.close()


def _first_line(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def applied_versions(conn: Any) -> list[int]:
    exists = conn.execute("SELECT to_regclass('ssi_team.migrations')").fetchone()[0]
    if exists is None:
        return []
    return [v for (v,) in conn.execute("SELECT version FROM ssi_team.migrations ORDER BY 1")]


def migrate(conn: Any, upto: int | None = None) -> list[int]:
    """Apply the missing migrations (up to `upto`), in one transaction; returns those
    applied now."""
    upto = len(MIGRATIONS) if upto is None else upto
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_KEY])
        conn.execute("CREATE SCHEMA IF NOT EXISTS ssi_team")
        conn.execute("CREATE TABLE IF NOT EXISTS ssi_team.migrations (version integer PRIMARY"
                     " KEY, applied_at timestamptz NOT NULL DEFAULT now())")
        done = set(applied_versions(conn))
        applied = []
        for version, sql in enumerate(MIGRATIONS[:upto], start=1):
            if version in done:
                continue
            conn.execute(sql)
            conn.execute("INSERT INTO ssi_team.migrations (version) VALUES (%s)", [version])
            applied.append(version)
    return applied


def init(url: str) -> list[int]:
    with connect(url) as conn:
        return migrate(conn)


def add_login(url: str, name: str, password: str, group: str) -> bool:
    """Create the login role `name` in `group` (or reset its password and add it to the
    group); True if it was created. The password is hashed (SCRAM) before it is sent."""
    from psycopg import sql

    if not NAME_RE.match(name):
        raise TeamInputError("name: " + _("{name!r} is not a usable name (letters, digits, "
                                          ". _ -, up to 63)").format(name=name))
    if not password:
        raise TeamInputError(_("password: must not be empty"))
    with connect(url) as conn:
        hashed = conn.pgconn.encrypt_password(password.encode(), name.encode(),
                                              b"scram-sha-256").decode()
        with conn.transaction():
            exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s",
                                  [name]).fetchone()
            verb = "ALTER" if exists else "CREATE"
            conn.execute(sql.SQL(verb + " ROLE {} WITH LOGIN PASSWORD {}").format(
                sql.Identifier(name), sql.Literal(hashed)))
            conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(group),
                                                         sql.Identifier(name)))
    return not exists


def write_share(url: str, share: Share) -> str:
    """Replace the current user's rows for the share's days; returns the name shared as."""
    with connect(url) as conn, conn.transaction():
        rep = conn.execute("SELECT current_user").fetchone()[0]
        # the `shares` row is locked first, so two shares by one rep take turns
        conn.execute(
            "INSERT INTO ssi_team.shares (first_day, last_day) VALUES (%s, %s)"
            " ON CONFLICT (rep) DO UPDATE SET first_day = LEAST(shares.first_day,"
            " EXCLUDED.first_day), last_day = GREATEST(shares.last_day, EXCLUDED.last_day),"
            " shared_at = now()", [share.first_day, share.last_day])
        for table, (day_col, _columns) in DATA_TABLES.items():
            conn.execute(f"DELETE FROM ssi_team.{table} WHERE rep = current_user"
                         f" AND {day_col} BETWEEN %s AND %s", [share.first_day, share.last_day])
        seq: dict[date, int] = {}
        rows: dict[str, list[tuple[Any, ...]]] = {
            "counts": [(c.day, c.habit, c.count) for c in share.counts],
            "readings": [(r.day, r.brand, r.people, r.insights, r.relationships)
                         for r in share.readings],
            "estimates": [(e.day, e.brand, e.people, e.insights, e.relationships, e.total,
                           e.todos_done, e.todos_total) for e in share.estimates],
            "indicators": [(i.day, i.profile_views_90d, i.search_appearances_7d, i.followers,
                            i.connections) for i in share.indicators],
            "invitations": [],
        }
        for inv in share.invitations:
            n = seq[inv.sent_day] = seq.get(inv.sent_day, 0) + 1
            rows["invitations"].append((inv.sent_day, n, inv.degree, inv.personalized,
                                        inv.variant, inv.accepted_day, inv.exchange_day,
                                        inv.call_day, inv.meeting_day, inv.contract_day))
        # COPY is refused under row-level security: one INSERT from arrays per table
        for table, (_day_col, columns) in DATA_TABLES.items():
            if not rows[table]:
                continue
            arrays = [list(col) for col in zip(*rows[table], strict=True)]
            casts = ", ".join(f"%s::{TYPES[c]}[]" for c in columns)
            conn.execute(f"INSERT INTO ssi_team.{table} ({', '.join(columns)})"
                         f" SELECT * FROM unnest({casts})", arrays)
    return str(rep)


def revoke_share(url: str) -> int:
    """Delete every row of the current user; returns how many went."""
    with connect(url) as conn, conn.transaction():
        removed = 0
        for table in (*DATA_TABLES, "shares"):
            removed += conn.execute(f"DELETE FROM ssi_team.{table}"
                                    " WHERE rep = current_user").rowcount
    return removed


def read_team(url: str, today: date, pending_days: int) -> TeamSnapshot:
    """What the team view needs, in one consistent read-only snapshot of the database."""
    import psycopg

    with connect(url, "from") as conn:
        conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        conn.read_only = True
        with conn.transaction():
            return _read(conn, today, pending_days)


def _read(conn: Any, today: date, pending_days: int) -> TeamSnapshot:
    complete = conn.execute(
        "SELECT NOT pg_has_role('ssi_rep', 'MEMBER') OR pg_has_role('ssi_manager', 'MEMBER')"
    ).fetchone()[0]
    shared = dict(conn.execute("SELECT rep, last_day FROM ssi_team.shares").fetchall())
    readings = {rep: SharedReading(*row) for rep, *row in conn.execute(
        "SELECT s.rep, r.day, r.brand, r.people, r.insights, r.relationships"
        " FROM ssi_team.shares s CROSS JOIN LATERAL (SELECT * FROM ssi_team.readings r"
        " WHERE r.rep = s.rep AND r.day <= %s ORDER BY r.day DESC LIMIT 1) r", [today])}
    estimates: dict[str, dict[date, DayEstimate]] = {rep: {} for rep in shared}
    for rep, *row in conn.execute(
            "SELECT rep, day, brand, people, insights, relationships, total, todos_done,"
            " todos_total FROM ssi_team.estimates WHERE day > %s AND day <= %s",
            [today - timedelta(days=RECENT_DAYS), today]):
        estimates.setdefault(rep, {})[row[0]] = DayEstimate(*row)
    logins = _logins(conn, today, today - timedelta(days=LOGIN_DAYS))
    long_runs = [rep for rep, days in logins.items() if streak_may_go_further(days, today)]
    if long_runs:
        logins.update(_logins(conn, today, date.min, long_runs))
    week = today - timedelta(days=WEEK)
    counts: dict[str, dict[str, int]] = {}
    for rep, habit, total in conn.execute(
            "SELECT rep, habit, sum(count)::integer FROM ssi_team.counts WHERE day > %s"
            " AND day <= %s GROUP BY rep, habit", [week, today]):
        counts.setdefault(rep, {})[habit] = total
    invited = dict(conn.execute(
        "SELECT rep, count(*)::integer FROM ssi_team.invitations WHERE sent_day > %s"
        " AND sent_day <= %s GROUP BY rep", [week, today]).fetchall())
    shapes = tuple(Shape(*row) for row in conn.execute(
        "SELECT * FROM ssi_team.invitation_shapes(%s, %s)", [today, pending_days + 1]))
    trend = None
    if not complete:
        trend = tuple(TrendPoint(*row) for row in conn.execute(
            "SELECT * FROM ssi_team.team_trend(%s, %s)",
            [today - timedelta(days=RECENT_DAYS - 1), today]))
    reps = tuple(RepData(rep, shared.get(rep), readings.get(rep), estimates.get(rep, {}),
                         tuple(logins.get(rep, ())), counts.get(rep, {}), invited.get(rep, 0))
                 for rep in sorted(shared))
    return TeamSnapshot(today, reps, shapes, trend, bool(complete))


def _logins(conn: Any, today: date, since: date,
            only: list[str] | None = None) -> dict[str, list[date]]:
    days: dict[str, list[date]] = {}
    query = ("SELECT rep, day FROM ssi_team.counts WHERE habit = 'login' AND count > 0"
             " AND day > %s AND day <= %s")
    params: list[Any] = [since, today]
    if only is not None:
        query += " AND rep = ANY(%s)"
        params.append(only)
    for rep, day in conn.execute(query + " ORDER BY rep, day", params):
        days.setdefault(rep, []).append(day)
    return days
