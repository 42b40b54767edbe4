"""A real PostgreSQL server for the tests: initdb and pg_ctl into a temporary folder, listening
only on a Unix socket (no TCP). PostgreSQL refuses to run as root, so as root the server runs
as the `postgres` user (runuser), in a folder that user owns."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

ADMIN = "admin"
ADMIN_PASSWORD = "admin-secret"


@dataclass(frozen=True)
class PgServer:
    root: Path
    socket_dir: Path
    port: int

    def url(self, user: str = ADMIN, password: str = ADMIN_PASSWORD,
            dbname: str = "postgres") -> str:
        return (f"postgresql://{user}:{password}@/{dbname}?host={self.socket_dir}"
                f"&port={self.port}")


def binaries() -> tuple[str, str] | None:
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if initdb and pg_ctl:
        return initdb, pg_ctl
    for base in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (base / "initdb").exists() and (base / "pg_ctl").exists():
            return str(base / "initdb"), str(base / "pg_ctl")
    return None


def _as_server_user(argv: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *argv]
    return argv


def start(initdb: str, pg_ctl: str) -> PgServer:
    root = Path(tempfile.mkdtemp(prefix="ssi-pg-"))
    data, sockets = root / "data", root / "run"
    sockets.mkdir()
    pwfile = root / "pw"
    pwfile.write_text(ADMIN_PASSWORD + "\n")
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(sockets, "postgres")
        shutil.chown(pwfile, "postgres")
    port = 5432 + os.getpid() % 1000
    subprocess.run(_as_server_user([initdb, "-D", str(data), "-U", ADMIN, "--pwfile",
                                    str(pwfile), "--auth=scram-sha-256", "-E", "UTF8",
                                    "--no-sync", "--no-instructions"]),
                   check=True, capture_output=True)
    options = (f"-c listen_addresses='' -c unix_socket_directories={sockets} -p {port}"
               " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
               " -c max_connections=120")
    subprocess.run(_as_server_user([pg_ctl, "-D", str(data), "-o", options, "-l",
                                    str(root / "log"), "-w", "start"]),
                   check=True, capture_output=True)
    return PgServer(root, sockets, port)


def stop(server: PgServer) -> None:
    _initdb, pg_ctl = binaries() or ("", "pg_ctl")
    subprocess.run(_as_server_user([pg_ctl, "-D", str(server.root / "data"), "-m", "immediate",
                                    "stop"]), capture_output=True)
    shutil.rmtree(server.root, ignore_errors=True)
