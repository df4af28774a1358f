"""A real, throwaway PostgreSQL server for tests: initdb and pg_ctl in a temporary folder, listening
on a unix socket only (no network port, as the tests' socket guard wants), trusting local
connections, stopped and removed at the end.

PostgreSQL refuses to run as root, so when the tests run as root (a CI container) the server runs
as an unprivileged user: `postgres` when Debian's package made one, else `nobody`.
The binaries are found on PATH, else where Debian, Red Hat and Homebrew install them
(`/usr/lib/postgresql/<version>/bin` is not on PATH on Debian), or in the folder SANDBOX_KIT_POSTGRES_BIN names.
"""

from __future__ import annotations

import glob
import os
import pwd
import re
import shutil
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

PLACES = ("/usr/lib/postgresql/*/bin", "/usr/pgsql-*/bin", "/opt/homebrew/opt/postgresql*/bin",
          "/usr/local/opt/postgresql*/bin", "/usr/local/pgsql/bin")
BIN_VARIABLE = "SANDBOX_KIT_POSTGRES_BIN"
SUPERUSER = "kit"
START_SECONDS = 60


def binaries() -> Path | None:
    """The folder holding initdb, pg_ctl and postgres, or None. SANDBOX_KIT_POSTGRES_BIN names it
    when it is elsewhere (and, set to a folder without them, makes the tests run as if there were none)."""
    chosen = os.environ.get(BIN_VARIABLE)
    if chosen is not None:
        folder = Path(chosen)
        return folder if (folder / "initdb").exists() and (folder / "pg_ctl").exists() else None
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    candidates = [Path(folder) for pattern in PLACES for folder in glob.glob(pattern)
                  if (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists()]
    return max(candidates, key=_version, default=None)


def _version(folder: Path) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", str(folder))) or (0,)


@dataclass
class Server:
    folder: Path
    bin: Path
    user: pwd.struct_passwd | None

    @property
    def socket_folder(self) -> str:
        return str(self.folder)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{SUPERUSER}@/{database}?host={self.socket_folder}"

    def new_database(self) -> str:
        """A fresh, empty database; its SQLAlchemy URL."""
        import psycopg

        name = "register_" + uuid.uuid4().hex[:12]
        with psycopg.connect(host=self.socket_folder, user=SUPERUSER, dbname="postgres", autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "-w", "stop", check=False)
        shutil.rmtree(self.folder, ignore_errors=True)

    def _run(self, program: str, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        kwargs = {"user": self.user.pw_uid, "group": self.user.pw_gid, "extra_groups": []} if self.user else {}
        done = subprocess.run([str(self.bin / program), *args], cwd=self.folder, capture_output=True, text=True,
                              timeout=START_SECONDS + 30, **kwargs)
        if check and done.returncode != 0:
            log = self.folder / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{program} failed ({done.returncode}): {done.stderr.strip()} {tail}")
        return done


def start(bin_folder: Path) -> Server:
    """Start a server in a new temporary folder (short: a unix socket's path is limited)."""
    folder = Path(tempfile.mkdtemp(prefix="kitpg-", dir="/tmp" if os.path.isdir("/tmp") else None))
    user = _unprivileged_user() if os.geteuid() == 0 else None
    if user is not None:
        os.chown(folder, user.pw_uid, user.pw_gid)
    os.chmod(folder, 0o700)
    server = Server(folder, bin_folder, user)
    try:
        server._run("initdb", "-D", str(folder / "data"), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8",
                    "--no-locale", "--no-sync")
        options = f"-k {folder} -c listen_addresses='' -F -c max_connections=30"
        server._run("pg_ctl", "-D", str(folder / "data"), "-l", str(folder / "server.log"), "-w",
                    "-t", str(START_SECONDS), "-o", options, "start")
    except BaseException:
        server.stop()
        raise
    return server


def _unprivileged_user() -> pwd.struct_passwd:
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise RuntimeError("running as root, and no user 'postgres' or 'nobody' to run PostgreSQL as")
