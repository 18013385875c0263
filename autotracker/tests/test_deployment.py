import os
import shutil
import subprocess

import pytest
from django.conf import settings


@pytest.mark.skipif(shutil.which("docker-compose") is None,
                    reason="Debian's docker-compose is not installed (.ci/run installs it)")
def test_docker_compose_describes_a_valid_deployment():
    env = dict(os.environ, SECRET_KEY="s", POSTGRES_PASSWORD="p")
    result = subprocess.run(["docker-compose", "config", "--services"], cwd=settings.BASE_DIR, env=env,
                            capture_output=True, text=True, timeout=60)

    assert result.returncode == 0, result.stderr
    assert set(result.stdout.split()) >= {"db", "redis", "web", "worker", "beat"}


@pytest.mark.skipif(shutil.which("docker-compose") is None,
                    reason="Debian's docker-compose is not installed (.ci/run installs it)")
def test_docker_compose_refuses_to_start_without_secrets():
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "POSTGRES_PASSWORD"}}
    result = subprocess.run(["docker-compose", "config"], cwd=settings.BASE_DIR, env=env,
                            capture_output=True, text=True, timeout=60)

    assert result.returncode != 0
