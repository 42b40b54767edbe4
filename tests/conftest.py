"""Shared fixtures: every test gets its own journal file, config file and data folder in a temp
dir, so nothing touches the user's real files; the clock is frozen where a test asks for it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ssi_tui.config import Settings
from ssi_tui.journal import Journal, open_journal

FROZEN_NOW = "2026-11-23T09:30:00Z"
"""A Monday morning, 10:30 in Paris: the fixed clock of snapshots and CLI tests."""


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point config, data and journal paths into the test's temp dir."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("SSI_TUI_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.setenv("SSI_TUI_DB", str(tmp_path / "journal.db"))
    monkeypatch.setenv("TZ", "Europe/Paris")
    monkeypatch.delenv("SSI_TUI_NOW", raising=False)
    import time

    time.tzset()
    return tmp_path


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test starts in English with an English locale, whatever the machine's, and a test
    that switches to French cannot leak it into the next one."""
    from ssi_tui.i18n import set_language

    for variable in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    set_language("en")
    yield
    set_language("en")


@pytest.fixture
def french() -> Iterator[None]:
    """Run the test with the interface in French."""
    from ssi_tui.i18n import set_language

    set_language("fr")
    yield
    set_language("en")


@pytest.fixture
def frozen_clock(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("SSI_TUI_NOW", FROZEN_NOW)
    return FROZEN_NOW


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "journal.db"


@pytest.fixture
def journal(db_path: Path) -> Iterator[Journal]:
    j = open_journal(db_path, Settings(timezone="Europe/Paris"))
    yield j
    j.close()


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Private by design: any attempt to reach the network fails the test that made it.
    (Unix sockets and socketpairs, which asyncio uses internally, stay allowed.)"""
    import socket

    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: object) -> None:
        if self.family in (socket.AF_INET, socket.AF_INET6):
            raise AssertionError(f"network access attempted: {address!r}")
        real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)
    monkeypatch.setattr(socket.socket, "connect_ex", guarded)
    monkeypatch.setattr(
        socket, "getaddrinfo",
        lambda *a, **k: (_ for _ in ()).throw(AssertionError(f"DNS lookup attempted: {a!r}")),
    )


@pytest.fixture(scope="session")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo journal built once, with the frozen clock (snapshots open it read-mostly)."""
    import os

    from ssi_tui.service.demo import build_demo

    saved = {k: os.environ.get(k) for k in ("SSI_TUI_NOW", "TZ")}
    os.environ.update(SSI_TUI_NOW=FROZEN_NOW, TZ="Europe/Paris")
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    journal = open_journal(path, Settings(timezone="Europe/Paris"))
    build_demo(journal)
    journal.close()
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    return path


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto`: two workers a core. A Textual test waits on the app's timers about a third of
    its time (pilot pauses, idle refreshes), so a second worker fills that: on 2 cores the
    suite took 125 s with 2 workers, 101 s with 4, 104 s with 3 and 106 s with 6."""
    import os

    return 2 * (os.cpu_count() or 1)
