"""Fixtures of the team tests: one real PostgreSQL server per test session (per xdist worker),
a fresh database per test, reps built as share records."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pg_server
import pytest

_databases = itertools.count(1)


@pytest.fixture(scope="session")
def pg() -> Iterator[pg_server.PgServer]:
    found = pg_server.binaries()
    if found is None:
        pytest.skip("no PostgreSQL binaries (initdb, pg_ctl) on PATH or in /usr/lib/postgresql")
    server = pg_server.start(*found)
    yield server
    pg_server.stop(server)


@pytest.fixture
def pg_db(pg: pg_server.PgServer) -> str:
    """A fresh database on the session's server; returns the administrator's URL."""
    import psycopg

    name = f"team_{next(_databases)}"
    with psycopg.connect(pg.url(), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name}")
        conn.execute(f"CREATE DATABASE {name}")
    return pg.url(dbname=name)


@pytest.fixture
def team_dir(tmp_path: Path) -> Path:
    """An empty team folder."""
    path = tmp_path / "team"
    path.mkdir()
    return path
