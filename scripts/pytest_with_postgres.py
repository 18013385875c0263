#!/usr/bin/env python3
"""Run pytest against a throwaway PostgreSQL cluster.

Creates a cluster with the machine's PostgreSQL binaries in a temporary
folder, listens on a free loopback port, exports DATABASE_URL, runs pytest
with the given arguments, then stops and removes the cluster whatever the
outcome. As root, PostgreSQL refuses to run, so it runs as the `postgres` user.
"""

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile

INSTALL_HINT = (
    "PostgreSQL server binaries (initdb, pg_ctl) were not found.\n"
    "Install them, e.g. on Debian/Ubuntu: apt-get install postgresql\n"
    "or point PG_BIN at the folder that holds them."
)


def find_pg_bin() -> str:
    candidates = [os.environ.get("PG_BIN", "")]
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    candidates += sorted(glob.glob("/usr/local/pgsql/bin")) + [
        os.path.dirname(shutil.which("pg_ctl") or "")
    ]
    for folder in candidates:
        if folder and os.path.exists(os.path.join(folder, "initdb")) and os.path.exists(
            os.path.join(folder, "pg_ctl")
        ):
            return folder
    sys.exit(INSTALL_HINT)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main(argv: list[str]) -> int:
    pg_bin = find_pg_bin()
    as_root = os.geteuid() == 0
    run_as = ["runuser", "-u", "postgres", "--"] if as_root else []
    workdir = tempfile.mkdtemp(prefix="autotracker-pg-")
    datadir = os.path.join(workdir, "data")
    if as_root:
        shutil.chown(workdir, user="postgres", group="postgres")
    port = free_port()

    def pg(*args: str) -> None:
        subprocess.run([*run_as, *args], check=True, stdout=subprocess.DEVNULL)

    started = False
    try:
        pg(f"{pg_bin}/initdb", "-D", datadir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync")
        options = (
            f"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={workdir} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        pg(f"{pg_bin}/pg_ctl", "-D", datadir, "-o", options, "-l", os.path.join(workdir, "log"), "-w", "start")
        started = True
        env = dict(os.environ, DATABASE_URL=f"postgres://postgres@127.0.0.1:{port}/autotracker")
        subprocess.run([*run_as, f"{pg_bin}/createdb", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "autotracker"], check=True)
        print(f"PostgreSQL ({pg_bin}) on 127.0.0.1:{port}", flush=True)
        return subprocess.call([sys.executable, "-m", "pytest", *argv], env=env)
    finally:
        if started:
            subprocess.run([*run_as, f"{pg_bin}/pg_ctl", "-D", datadir, "-m", "immediate", "stop"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
