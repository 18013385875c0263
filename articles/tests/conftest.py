"""Fixtures for ingestion tests.

- `fixture_server`: a local HTTP server standing in for the outside world. It
  serves `fixtures/ingestion/` (with `{{BASE}}` replaced by its own address),
  answers 304 to a matching If-None-Match, and can be told to fail, delay,
  redirect or answer with Retry-After for a path.
- `redis_url`, `celery_worker`, `live_celery`: a real Redis and a real Celery
  worker (prefork, its own process group) on the test database. Redis comes
  from Debian's `redis-server`, installed here when missing and running as root.
  Job tests are marked
  `@pytest.mark.celery` and `@pytest.mark.django_db(transaction=True, serialized_rollback=True)`.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.conf import settings

from autotracker.testing import debian_tool

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingestion"
PROJECT = Path(settings.BASE_DIR)

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".xml": "application/xml",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(predicate, *, timeout: float = 30, interval: float = 0.2, message: str = "condition"):
    """Poll `predicate` until it returns something truthy; fail after `timeout` seconds,
    showing the end of each worker's log."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            logs = "".join(f"\n--- worker {w.name} ---\n{w.log_tail()}" for w in Worker.started)
            pytest.fail(f"Timed out after {timeout:.0f} s waiting for {message}.{logs}")
        time.sleep(interval)


# --------------------------------------------------------------------------
# The outside world: a local HTTP server


@dataclass
class Route:
    body: bytes | None = None
    file: str | None = None
    content_type: str | None = None
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    fail_first: int = 0  # answer `fail_status` to this many requests first
    fail_status: int = 503
    retry_after: str | None = None
    delay_first: float = 0.0  # hold the first request this many seconds
    redirect_to: str | None = None
    etag: bool = True


class FixtureServer:
    def __init__(self):
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.lock = threading.Lock()
        server = self
        self.httpd = ThreadingHTTPServer(("127.0.0.1", free_port()), self._handler(server))
        self.httpd.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return self.base_url + path

    def serve(self, path: str, **options) -> str:
        self.routes[path] = Route(**options)
        return self.url(path)

    def reset(self):
        with self.lock:
            self.routes.clear()
            self.hits.clear()
            self.requests.clear()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()

    @staticmethod
    def _handler(server: FixtureServer):
        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                path = self.path.split("?", 1)[0]
                with server.lock:
                    server.hits[path] += 1
                    count = server.hits[path]
                    server.requests.append((self.path, dict(self.headers)))
                route = server.routes.get(path, Route())
                if route.delay_first and count == 1:
                    time.sleep(route.delay_first)
                if count <= route.fail_first:
                    self.send_response(route.fail_status)
                    if route.retry_after is not None:
                        self.send_header("Retry-After", route.retry_after)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if route.redirect_to:
                    self.send_response(route.status if route.status in (301, 302, 303, 307, 308) else 302)
                    self.send_header("Location", route.redirect_to)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                body, content_type = self._content(route, path)
                if body is None:
                    self.send_error(404, "No such fixture")
                    return
                etag = '"%s"' % hashlib.sha1(body).hexdigest()
                if route.etag and self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                self.send_response(route.status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                if route.etag:
                    self.send_header("ETag", etag)
                    self.send_header("Last-Modified", "Wed, 22 Apr 2026 09:00:00 GMT")
                for name, value in route.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a killed worker, a size cap): nothing to tell it

            def _content(self, route: Route, path: str):
                if route.body is not None:
                    return route.body, route.content_type or "text/html; charset=utf-8"
                name = route.file or path.lstrip("/")
                file = (FIXTURES / name).resolve()
                if FIXTURES not in file.parents or not file.is_file():
                    return None, None
                body = file.read_bytes().replace(b"{{BASE}}", server.base_url.encode())
                return body, route.content_type or CONTENT_TYPES.get(file.suffix, "application/octet-stream")

        return Handler


@pytest.fixture(scope="session")
def _fixture_server_session():
    server = FixtureServer()
    yield server
    server.close()


@pytest.fixture
def fixture_server(_fixture_server_session):
    """The local stand-in for other people's web servers, reset for each test."""
    _fixture_server_session.reset()
    yield _fixture_server_session
    _fixture_server_session.reset()


@pytest.fixture
def allow_private_hosts(settings):
    """Let in-process fetches reach the local fixture server, quickly."""
    settings.FETCH_ALLOW_PRIVATE_HOSTS = True
    settings.FETCH_HOST_MIN_DELAY = 0
    settings.CELERY_BROKER_URL = ""  # in-process politeness gate, no Redis needed


# --------------------------------------------------------------------------
# Real Redis and real Celery workers

def _redis_binary() -> str:
    return debian_tool("redis-server", package="redis-server", purpose="The job tests")


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    """A throwaway Redis on a free port, without persistence, stopped at the end."""
    import redis

    folder = tmp_path_factory.mktemp("redis")
    port = free_port()
    log = open(folder / "redis.log", "wb")
    process = subprocess.Popen(
        [
            _redis_binary(),
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--dir",
            str(folder),
            "--save",
            "",
            "--appendonly",
            "no",
            "--daemonize",
            "no",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)

    def answers():
        if process.poll() is not None:
            pytest.fail(f"redis-server exited: {(folder / 'redis.log').read_text()[-2000:]}")
        try:
            return client.ping()
        except redis.ConnectionError:
            return False

    wait_until(answers, timeout=20, message="redis-server to answer")
    yield url
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
    log.close()


class Worker:
    """A Celery worker in its own process group, so a kill takes its pool with it."""

    started: list["Worker"] = []

    def __init__(self, *, name: str, queues: str, env: dict[str, str], folder: Path):
        self.name = name
        self.log_path = folder / f"worker-{name}.log"
        self.log = open(self.log_path, "wb")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "autotracker",
                "worker",
                "--pool=prefork",
                "--concurrency=1",
                "-Q",
                queues,
                "-n",
                f"{name}@%h",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                "--loglevel=INFO",
            ],
            cwd=PROJECT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        Worker.started.append(self)
        wait_until(self._ready, timeout=60, message=f"Celery worker {name} to start")

    def _ready(self):
        if self.process.poll() is not None:
            pytest.fail(f"Celery worker {self.name} exited:\n{self.log_tail()}")
        return b" ready." in self.log_path.read_bytes()

    def log_tail(self, size: int = 4000) -> str:
        return self.log_path.read_bytes()[-size:].decode("utf-8", "replace")

    def kill(self):
        """SIGKILL the worker and its pool: nothing gets to acknowledge or clean up."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(10)
        self.log.close()

    def stop(self):
        if self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)
        self.log.close()


@pytest.fixture(scope="session")
def worker_environment(django_db_setup, django_db_blocker, redis_url):
    """What a worker needs to work on the test database through the test Redis."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("Job tests run workers on the test database, which must be PostgreSQL: use `make test`.")
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="autotracker.test_settings",
        DATABASE_URL=f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        CELERY_BROKER_URL=redis_url,
        FETCH_ALLOW_PRIVATE_HOSTS="true",
        FETCH_HOST_MIN_DELAY="0.05",
        FETCH_CONNECT_TIMEOUT="2",
        FETCH_READ_TIMEOUT="5",
        # Short enough that a killed worker's job comes back within seconds.
        CELERY_VISIBILITY_TIMEOUT="3",
        CELERY_RESTORE_INTERVAL="1",
        CELERY_RESTORE_THROTTLE="1",
        INGESTION_TASK_TIME_LIMIT="10",
        INGESTION_RETRY_DELAY="0.5",
        PYTHONUNBUFFERED="1",
    )
    folder = Path(tempfile.mkdtemp(prefix="autotracker-celery-"))
    yield {"env": env, "folder": folder}
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def start_worker(worker_environment):
    """Start more workers: `start_worker(name, queues="celery")`; all are stopped at the end."""
    workers = []

    def start(name: str, *, queues: str = "celery") -> Worker:
        worker = Worker(name=name, queues=queues, **worker_environment)
        workers.append(worker)
        return worker

    yield start
    for worker in workers:
        worker.stop()


@pytest.fixture(scope="session")
def celery_worker(start_worker):
    """The shared worker on the default queue."""
    return start_worker("main")


@pytest.fixture
def live_celery(celery_worker, redis_url):
    """Send this test's tasks to the real broker instead of running them in-process."""
    from autotracker.celery import app

    saved = {key: app.conf[key] for key in ("task_always_eager", "broker_url")}
    app.conf.update(task_always_eager=False, broker_url=redis_url)
    _forget_broker_connections(app)
    yield celery_worker
    app.conf.update(**saved)
    _forget_broker_connections(app)
    wait_for_idle_workers(redis_url)


def _forget_broker_connections(app) -> None:
    """Drop connections made with the previous broker setting, so the next send uses the new one."""
    from kombu import pools

    pools.reset()
    app._pool = None
    app.amqp._producer_pool = None


def wait_for_idle_workers(redis_url: str, timeout: float = 60) -> None:
    """Wait until no message is queued or unacknowledged: the workers are done with this
    test's tasks (the database is flushed next, and must not be in use)."""
    import redis

    client = redis.Redis.from_url(redis_url)

    def idle():
        queued = sum(client.llen(key) for key in client.scan_iter("*") if client.type(key) == b"list")
        return queued == 0 and client.hlen("unacked") == 0

    wait_until(idle, timeout=timeout, interval=0.3, message="the workers to finish this test's tasks")
