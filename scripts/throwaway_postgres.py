"""A throwaway PostgreSQL cluster for tests and benchmarks.

`throwaway_postgres()` creates a cluster with the machine's PostgreSQL
binaries in a temporary folder, listens on a free loopback port, yields the
DATABASE_URL of an empty database, and stops and removes the cluster whatever
happens. As root, PostgreSQL refuses to run, so it runs as the `postgres` user.
"""

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from contextlib import contextmanager

INSTALL_HINT = (
    "PostgreSQL server binaries (initdb, pg_ctl) were not found.\n"
    "Install them, e.g. on Debian/Ubuntu: apt-get install postgresql\n"
    "or point PG_BIN at the folder that holds them."
)
# Durability is pointless for a cluster deleted afterwards.
FAST_OPTIONS = {"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off"}


def find_pg_bin() -> str:
    candidates = [os.environ.get("PG_BIN", "")]
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    candidates += sorted(glob.glob("/usr/local/pgsql/bin")) + [os.path.dirname(shutil.which("pg_ctl") or "")]
    for folder in candidates:
        if folder and all(os.path.exists(os.path.join(folder, tool)) for tool in ("initdb", "pg_ctl")):
            return folder
    sys.exit(INSTALL_HINT)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def throwaway_postgres(**settings: str):
    """Yield the DATABASE_URL of a fresh cluster; `settings` are extra postgres -c options."""
    pg_bin = find_pg_bin()
    run_as = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    workdir = tempfile.mkdtemp(prefix="autotracker-pg-")
    datadir = os.path.join(workdir, "data")
    if run_as:
        shutil.chown(workdir, user="postgres", group="postgres")
    port = free_port()

    def pg(*args: str) -> None:
        subprocess.run([*run_as, *args], check=True, stdout=subprocess.DEVNULL)

    options = " ".join(
        f"-c {name}={value}"
        for name, value in {**FAST_OPTIONS, "listen_addresses": "127.0.0.1",
                            "unix_socket_directories": workdir, **settings}.items()
    )
    started = False
    try:
        pg(f"{pg_bin}/initdb", "-D", datadir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync")
        pg(f"{pg_bin}/pg_ctl", "-D", datadir, "-o", f"-p {port} {options}",
           "-l", os.path.join(workdir, "log"), "-w", "start")
        started = True
        pg(f"{pg_bin}/createdb", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "autotracker")
        print(f"PostgreSQL ({pg_bin}) on 127.0.0.1:{port}", flush=True)
        yield f"postgres://postgres@127.0.0.1:{port}/autotracker"
    finally:
        if started:
            subprocess.run([*run_as, f"{pg_bin}/pg_ctl", "-D", datadir, "-m", "immediate", "stop"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(workdir, ignore_errors=True)
