"""A throwaway PostgreSQL cluster for the tests: initdb and pg_ctl under a temporary folder.

The server listens only on a unix socket in that folder, on a free port number, with
fsync off (nothing here must survive a power cut). initdb refuses to run as root, so as
root the cluster is made and run as the `postgres` user (the folder is given to it).
Without PostgreSQL's programs the tests that need it are skipped, with the reason,
unless NEWSREADER_REQUIRE_POSTGRES is set (CI), when they fail instead.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REQUIRE_ENV = "NEWSREADER_REQUIRE_POSTGRES"
BIN_DIRS = [Path(f"/usr/lib/postgresql/{v}/bin") for v in (17, 16, 15, 14, 13)]


def bin_dir() -> Path | None:
    override = os.environ.get("NEWSREADER_PG_BIN")
    candidates = [Path(override)] if override else BIN_DIRS
    found = next((d for d in candidates if (d / "initdb").exists()), None)
    if found is None and shutil.which("initdb"):
        found = Path(str(shutil.which("initdb"))).parent
    return found


def missing_reason() -> str | None:
    """Why PostgreSQL tests cannot run here, or None when they can."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "the PostgreSQL driver is not installed (pip install 'newsreader[postgres]')"
    if bin_dir() is None:
        return "no PostgreSQL server programs (initdb, pg_ctl) on this machine"
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Cluster:
    """A PostgreSQL server of our own: `start`, `stop` (fast or, with `hard`, SIGKILL-like
    immediate), `start` again; `address` is a libpq URI for its database."""

    def __init__(self) -> None:
        found = bin_dir()
        assert found is not None
        self.bin = found
        self.root = Path(tempfile.mkdtemp(prefix="newsreader-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self._as_user: list[str] = []
        if os.geteuid() == 0:
            user = pwd.getpwnam("postgres")
            os.chown(self.root, user.pw_uid, user.pw_gid)
            self._as_user = ["setpriv", f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}", "--init-groups"]
        setup = ["-A", "trust", "-U", "newsreader", "-E", "UTF8", "--locale=C", "--no-sync"]
        self._run("initdb", "-D", str(self.data), *setup)

    @property
    def address(self) -> str:
        return f"postgresql://newsreader@/postgres?host={self.root}&port={self.port}"

    def _run(self, program: str, *args: str) -> None:
        cmd = [*self._as_user, str(self.bin / program), *args]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        if proc.returncode != 0:
            raise RuntimeError(f"{program} failed: {proc.stderr.strip() or proc.stdout.strip()}")

    def start(self) -> None:
        options = f"-k {self.root} -p {self.port} -c listen_addresses='' -c fsync=off -c max_connections=50"
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.root / "log"), "-w", "start")

    def stop(self, *, hard: bool = False) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate" if hard else "fast", "-w", "stop")

    def reset(self) -> None:
        """An empty database again: what one test wrote is not the next one's."""
        import psycopg

        with psycopg.connect(self.address, autocommit=True) as conn:
            conn.execute("DROP TABLE IF EXISTS decisions, articles, newsreader_schema CASCADE")

    def remove(self) -> None:
        with contextlib.suppress(RuntimeError):  # already stopped
            self.stop(hard=True)
        shutil.rmtree(self.root, ignore_errors=True)


@contextlib.contextmanager
def emptied_server(address: str | None) -> Iterator[str]:
    """For a benchmark: the server at `address` with its review tables dropped, else (None) a
    throwaway cluster of our own, removed afterwards; SystemExit when there is none here."""
    cluster = None
    try:
        if address is None:
            reason = missing_reason()
            if reason is not None:
                raise SystemExit(f"cannot run the PostgreSQL half: {reason}")
            cluster = Cluster()
            cluster.start()
            address = cluster.address
        import psycopg

        with psycopg.connect(address, autocommit=True) as conn:
            conn.execute("DROP TABLE IF EXISTS decisions, articles, newsreader_schema CASCADE")
        yield address
    finally:
        if cluster is not None:
            cluster.remove()


async def wait_for(pilot: Any, condition: Any, what: str, seconds: float = 30.0) -> None:
    """Let a reader under test run until `condition()` holds; fails saying `what` it waited for."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"still waiting for {what}"
        await pilot.pause(0.1)


def spooled(address: str) -> int:
    """How many entries the spool of the server at `address` holds on disk, every reader's."""
    from newsreader.review import paths
    from newsreader.review.spool import Spool, spool_file

    path = spool_file(paths.state_dir(address), address)
    if not path.exists():
        return 0
    spool = Spool(path)
    try:
        with_all = spool._db.execute("SELECT COUNT(*) FROM queued").fetchone()
        return int(with_all[0])
    finally:
        spool.close()


def server_reader(address: str, reviewer: str = "ana") -> Any:
    """A reader (`ReaderApp`) of the sample story whose review is on the server at `address`,
    polling each 0.3 s so that a test sees the server go and come back soon."""
    from review_support import TEXT, make_analysis

    from newsreader import article, resources
    from newsreader.config import Config
    from newsreader.ui.app import ReaderApp

    app: Any = ReaderApp(
        article.from_text(TEXT, "story.txt"),
        analysis=make_analysis(),
        store=address,
        config=Config(reviewer=reviewer),
        theme_folders=[resources.bundled_dir("themes")],
    )
    app.STORE_POLL_SECONDS = 0.3
    return app


def notified(app: Any) -> list[str]:
    """What a reader under test has notified so far."""
    return [n.message for n in app._notifications]
