#!/usr/bin/env python3
"""Run pytest against a throwaway PostgreSQL cluster (see throwaway_postgres.py).

The cluster is stopped and removed afterwards, even when tests fail.
"""

import os
import subprocess
import sys

from throwaway_postgres import throwaway_postgres


def main(argv: list[str]) -> int:
    with throwaway_postgres(max_connections="200") as database_url:
        env = dict(os.environ, DATABASE_URL=database_url)
        return subprocess.call([sys.executable, "-m", "pytest", *argv], env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
