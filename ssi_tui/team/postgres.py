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
from ssi_tui.team import digest as dg
from ssi_tui.team.errors import TeamError, TeamInputError
from ssi_tui.team.share import NAME_RE, DayEstimate, Share, SharedReading
from ssi_tui.team.snapshot import (
    LOGIN_DAYS,
    RECENT_DAYS,
    WEEK,
    ArmCount,
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
    # 3: each rep's digest (team.digest), rebuilt at every share, so the view reads one row
    # per rep; reps read the others' study part only, anonymous, through study_digests()
    """
    CREATE TABLE ssi_team.digests (
        rep text PRIMARY KEY DEFAULT current_user, version smallint NOT NULL,
        as_of date NOT NULL, head text NOT NULL, series bytea NOT NULL, study text NOT NULL,
        personalized bytea NOT NULL, plain bytea NOT NULL);
    GRANT SELECT, INSERT, UPDATE, DELETE ON ssi_team.digests TO ssi_rep;
    GRANT SELECT ON ssi_team.digests TO ssi_manager;
    ALTER TABLE ssi_team.digests ENABLE ROW LEVEL SECURITY;
    CREATE POLICY own_rows ON ssi_team.digests TO ssi_rep
        USING (rep = current_user) WITH CHECK (rep = current_user);
    CREATE POLICY manager_reads ON ssi_team.digests FOR SELECT TO ssi_manager USING (true);
    CREATE FUNCTION ssi_team.study_digests()
    RETURNS TABLE (stratum text, version smallint, as_of date, study text,
                   personalized bytea, plain bytea)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
        WITH strata AS (
            SELECT s.rep, CASE WHEN s.rep = session_user
                                 OR pg_has_role(session_user, 'ssi_manager', 'MEMBER')
                               THEN s.rep
                               ELSE '#' || row_number() OVER (ORDER BY md5(s.rep)) END AS name
            FROM ssi_team.shares s)
        SELECT st.name, d.version, d.as_of, d.study, d.personalized, d.plain
        FROM strata st LEFT JOIN ssi_team.digests d ON d.rep = st.rep
    $f$;
    REVOKE ALL ON FUNCTION ssi_team.study_digests() FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION ssi_team.study_digests() TO ssi_rep, ssi_manager;
    """,
)
DIGEST_COLUMNS = ("version", "as_of", "head", "series", "study", "personalized", "plain")
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
        # the view's digest, from every row of the rep now stored (earlier days included)
        last_day = conn.execute("SELECT last_day FROM ssi_team.shares WHERE rep = %s",
                                [rep]).fetchone()[0]
        columns = dg.to_columns(_raw_digests(conn, last_day, [rep])[rep])
        names = ", ".join(DIGEST_COLUMNS)
        conn.execute(f"INSERT INTO ssi_team.digests ({names}) VALUES"
                     f" ({', '.join(['%s'] * len(DIGEST_COLUMNS))})"
                     f" ON CONFLICT (rep) DO UPDATE SET ({names}) = ROW("
                     + ", ".join(f"EXCLUDED.{c}" for c in DIGEST_COLUMNS) + ")",
                     [columns[c] for c in DIGEST_COLUMNS])
    return str(rep)


def revoke_share(url: str) -> int:
    """Delete every row of the current user; returns how many went."""
    with connect(url) as conn, conn.transaction():
        removed = 0
        for table in (*DATA_TABLES, "digests", "shares"):
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
    shared: dict[str, date] = {}
    digests: dict[str, dg.Digest] = {}
    for rep, last_day, version, as_of, *columns in conn.execute(
            f"SELECT s.rep, s.last_day, {', '.join('d.' + c for c in DIGEST_COLUMNS)}"
            " FROM ssi_team.shares s LEFT JOIN ssi_team.digests d ON d.rep = s.rep"):
        shared[rep] = last_day
        if version == dg.VERSION and as_of <= today:
            digests[rep] = dg.from_columns(as_of, *columns)
    missing = [rep for rep in shared if rep not in digests]
    if missing:  # shared before digests existed, or a day before the digest's: raw rows
        digests.update(_raw_digests(conn, today, missing))
    names = sorted(shared)
    reps = tuple(dg.rep_data(rep, shared[rep], digests[rep], today) for rep in names)
    study: list[ArmCount] = []
    trend = None
    if complete:
        for rep in names:
            study.extend(dg.arm_counts(rep, digests[rep].arms, digests[rep].as_of, today,
                                       pending_days))
    else:
        rows = conn.execute("SELECT * FROM ssi_team.study_digests()").fetchall()
        if all(version == dg.VERSION and as_of <= today for _n, version, as_of, *_ in rows):
            for name, _version, as_of, *columns in rows:
                study.extend(dg.arm_counts(name, dg.study_from_columns(*columns), as_of,
                                           today, pending_days))
        else:
            study = dg.shape_counts((Shape(*row) for row in conn.execute(
                "SELECT * FROM ssi_team.invitation_shapes(%s, %s)",
                [today, pending_days + 1])), pending_days)
        trend = tuple(TrendPoint(*row) for row in conn.execute(
            "SELECT * FROM ssi_team.team_trend(%s, %s)",
            [today - timedelta(days=RECENT_DAYS - 1), today]))
    return TeamSnapshot(today, reps, tuple(study), trend, bool(complete))


def _raw_digests(conn: Any, as_of: date, reps: list[str]) -> dict[str, dg.Digest]:
    """The reps' digests as of `as_of`, from their raw rows up to that day."""
    readings = {rep: SharedReading(*row) for rep, *row in conn.execute(
        "SELECT s.rep, r.day, r.brand, r.people, r.insights, r.relationships"
        " FROM ssi_team.shares s CROSS JOIN LATERAL (SELECT * FROM ssi_team.readings r"
        " WHERE r.rep = s.rep AND r.day <= %s ORDER BY r.day DESC LIMIT 1) r"
        " WHERE s.rep = ANY(%s)", [as_of, reps])}
    estimates: dict[str, list[DayEstimate]] = {}
    for rep, *row in conn.execute(
            "SELECT rep, day, brand, people, insights, relationships, total, todos_done,"
            " todos_total FROM ssi_team.estimates WHERE day > %s AND day <= %s"
            " AND rep = ANY(%s)", [as_of - timedelta(days=RECENT_DAYS), as_of, reps]):
        estimates.setdefault(rep, []).append(DayEstimate(*row))
    logins = _logins(conn, as_of, as_of - timedelta(days=LOGIN_DAYS), reps)
    long_runs = [rep for rep, days in logins.items() if streak_may_go_further(days, as_of)]
    if long_runs:
        logins.update(_logins(conn, as_of, date.min, long_runs))
    counts: dict[str, list[tuple[date, str, int]]] = {}
    for rep, *row in conn.execute(
            "SELECT rep, day, habit, count FROM ssi_team.counts WHERE day > %s AND day <= %s"
            " AND rep = ANY(%s)", [as_of - timedelta(days=WEEK), as_of, reps]):
        counts.setdefault(rep, []).append(tuple(row))  # type: ignore[arg-type]
    invitations: dict[str, list[tuple[bool, int, int | None, int, int]]] = {}
    for rep, *row in conn.execute(
            "SELECT rep, personalized, LEAST(%s - sent_day, %s) AS days,"
            " CASE WHEN accepted_day IS NOT NULL"
            " THEN LEAST(GREATEST(accepted_day - sent_day, 0), %s)"
            " WHEN exchange_day IS NOT NULL OR call_day IS NOT NULL"
            " OR meeting_day IS NOT NULL OR contract_day IS NOT NULL THEN 0 END AS lag,"
            " CASE WHEN contract_day IS NOT NULL THEN 5 WHEN meeting_day IS NOT NULL THEN 4"
            " WHEN call_day IS NOT NULL THEN 3 WHEN exchange_day IS NOT NULL THEN 2"
            " WHEN accepted_day IS NOT NULL THEN 1 ELSE 0 END AS level, count(*)::integer"
            " FROM ssi_team.invitations WHERE sent_day <= %s AND rep = ANY(%s)"
            " GROUP BY 1, 2, 3, 4, 5", [as_of, dg.FOLD, dg.FOLD, as_of, reps]):
        invitations.setdefault(rep, []).append(tuple(row))  # type: ignore[arg-type]
    return {rep: dg.build_digest(as_of, readings.get(rep), estimates.get(rep, ()),
                                 logins.get(rep, []), counts.get(rep, ()),
                                 invitations.get(rep, ())) for rep in reps}


def _logins(conn: Any, today: date, since: date, only: list[str]) -> dict[str, list[date]]:
    days: dict[str, list[date]] = {}
    for rep, day in conn.execute(
            "SELECT rep, day FROM ssi_team.counts WHERE habit = 'login' AND count > 0"
            " AND day > %s AND day <= %s AND rep = ANY(%s) ORDER BY rep, day",
            [since, today, only]):
        days.setdefault(rep, []).append(day)
    return days
