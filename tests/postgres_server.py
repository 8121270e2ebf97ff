"""A throwaway PostgreSQL server for tests: initdb + pg_ctl in a temporary folder, on a free
loopback port, removed afterwards.

The binaries are found on PATH or under /usr/lib/postgresql/*/bin (Debian puts them there).
PostgreSQL refuses to run as root; as root, the cluster belongs to the unprivileged `postgres`
account (created by the distribution's package) and every server command runs as that account
through `runuser`. `PostgresUnavailable` says why a server could not be started.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

START_TIMEOUT_S = 30
SEARCH = ("/usr/lib/postgresql/*/bin", "/usr/local/pgsql/bin")


class PostgresUnavailable(RuntimeError):
    """No PostgreSQL server could be started here (the message says why)."""


def find_binaries() -> Path:
    """The folder holding initdb and pg_ctl: PATH first, then the newest distribution install."""
    on_path = shutil.which("initdb")
    if on_path and shutil.which("pg_ctl"):
        return Path(on_path).resolve().parent
    found: list[Path] = []
    for pattern in SEARCH:
        found += [p for p in Path("/").glob(pattern.lstrip("/")) if (p / "initdb").exists()]
    if not found:
        raise PostgresUnavailable(
            "initdb was not found on PATH or in /usr/lib/postgresql/*/bin; "
            "install PostgreSQL (Debian: apt-get install -y postgresql)"
        )

    def version(path: Path) -> tuple[int, ...]:
        return tuple(int(p) for p in path.parent.name.split(".") if p.isdigit()) or (0,)

    return max(found, key=version)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PostgresServer:
    """One running cluster; `url(database)` to connect, `new_database()` for a clean one."""

    def __init__(self) -> None:
        self.bin = find_binaries()
        self.root = Path(tempfile.mkdtemp(prefix="election-bot-pg-"))
        self.data = self.root / "data"
        self.port = free_port()
        self.user = "election_bot"
        self._runas: list[str] = []
        self._names = itertools.count(1)
        if os.geteuid() == 0:
            self._run_as_unprivileged()

    def _run_as_unprivileged(self) -> None:
        try:
            account = pwd.getpwnam("postgres")
        except KeyError as exc:
            raise PostgresUnavailable(
                "running as root, and there is no unprivileged 'postgres' account to run "
                "PostgreSQL as (initdb refuses root)"
            ) from exc
        runuser = shutil.which("runuser")
        if runuser is None:
            raise PostgresUnavailable("running as root, and runuser is not available")
        os.chown(self.root, account.pw_uid, account.pw_gid)
        self._runas = [runuser, "-u", "postgres", "--"]

    def _run(self, *args: str) -> None:
        command = [*self._runas, *args]
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=START_TIMEOUT_S, check=False
        )
        if done.returncode != 0:
            raise PostgresUnavailable(
                f"{Path(args[0]).name} failed ({done.returncode}): "
                f"{(done.stderr or done.stdout).strip()[-800:]}"
            )

    def start(self) -> PostgresServer:
        try:
            self._run(
                str(self.bin / "initdb"),
                "-D",
                str(self.data),
                "-U",
                self.user,
                "--auth=trust",
                "-E",
                "UTF8",
                "--no-sync",
            )
            options = (
                f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            )
            self._run(
                str(self.bin / "pg_ctl"),
                "-D",
                str(self.data),
                "-l",
                str(self.root / "server.log"),
                "-o",
                options,
                "-w",
                "-t",
                str(START_TIMEOUT_S),
                "start",
            )
        except BaseException:
            self._remove()
            raise
        return self

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """A new empty database; its URL."""
        import psycopg

        name = f"test_{os.getpid()}_{next(self._names)}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"'.encode())
        return self.url(name)

    def stop(self) -> None:
        with contextlib.suppress(PostgresUnavailable, subprocess.TimeoutExpired):
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")
        self._remove()

    def _remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


@contextlib.contextmanager
def postgres_server() -> Iterator[PostgresServer]:
    server = PostgresServer().start()
    try:
        yield server
    finally:
        server.stop()
