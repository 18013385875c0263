"""Helpers for the test setup (not imported by the application)."""

import os
import shutil
import subprocess

import pytest


def debian_tool(binary: str, *, package: str, purpose: str) -> str:
    """Return the path of `binary`, installing Debian's `package` first when it is missing.

    A fresh machine has neither redis-server nor chromium; as root the test
    setup installs them, otherwise it says how to.
    """
    found = shutil.which(binary) or (binary if os.path.isabs(binary) and os.path.exists(binary) else "")
    if found:
        return found
    hint = f"{purpose} need Debian's {package}. Install it with: apt-get update && apt-get install -y {package}"
    if os.geteuid() != 0:
        pytest.fail(hint + " (as root), then run the tests again.")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", package], check=True, env=env, stdout=subprocess.DEVNULL)
    found = shutil.which(binary) or (binary if os.path.exists(binary) else "")
    if not found:
        pytest.fail(hint)
    return found
