"""Fetch a URL the way a polite, careful newsroom robot does.

- Only http and https, and only hosts that resolve to public addresses: the
  check runs when each connection is opened (so every redirect and every DNS
  answer is checked, and a name cannot resolve to a public address for the
  check and a private one for the connection). `FETCH_ALLOW_PRIVATE_HOSTS`
  lifts it for tests and local setups, except for link-local addresses
  (cloud metadata services), which are always refused.
- Connect and read timeouts, a cap on the body size and on redirects, a clear
  User-Agent, conditional GET with ETag and Last-Modified.
- One request at a time per host with a minimum delay between requests; across
  workers through Redis when the broker is Redis, else within the process.

Failures raise `FetchError`; `transient` says whether trying again later can
help (timeouts, 5xx, 429), `retry_after` carries the server's own wish.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx
from django.conf import settings
from django.utils import timezone


class FetchError(Exception):
    """The URL could not be fetched. The message says why and what to do."""

    def __init__(
        self,
        message: str,
        *,
        transient: bool = False,
        retry_after: float | None = None,
        status_code: int | None = None,
    ):
        super().__init__(message)
        self.transient = transient
        self.retry_after = retry_after
        self.status_code = status_code


class UnsafeURLError(FetchError):
    """The URL points somewhere we must not go (a private address, another scheme)."""


@dataclass
class FetchResult:
    url: str  # the final URL, after redirects
    status_code: int
    content: bytes = b""
    content_type: str = ""
    etag: str = ""
    last_modified: str = ""
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def not_modified(self) -> bool:
        return self.status_code == 304


# --------------------------------------------------------------------------
# Address guard


def _ip(address: str):
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip


def is_public_address(address: str) -> bool:
    ip = _ip(address)
    return ip.is_global and not ip.is_multicast


def is_refused_address(address: str) -> bool:
    """Non-public addresses are refused; link-local ones (cloud metadata services at
    169.254.169.254) and unspecified or multicast ones even when private hosts are allowed."""
    ip = _ip(address)
    if ip.is_link_local or ip.is_unspecified or ip.is_multicast:
        return True
    return not _allow_private() and not is_public_address(address)


def _allow_private() -> bool:
    return bool(getattr(settings, "FETCH_ALLOW_PRIVATE_HOSTS", False))


def check_url(url: str) -> None:
    """Refuse URLs we never fetch, before any network traffic: bad scheme, no host."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise UnsafeURLError(
            f"Refused {url!r}: only http and https URLs are fetched. Give the article's web address."
        )
    if not parts.hostname:
        raise UnsafeURLError(
            f"Refused {url!r}: it has no host name. Give a full address like https://example.com/story."
        )
    if parts.username or parts.password:
        raise UnsafeURLError(f"Refused {url!r}: addresses with a user name or password are not fetched.")


def resolve_public(host: str, port: int) -> str:
    """Resolve `host` and return an address to connect to, refusing non-public ones."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise FetchError(
            f"The host {host!r} could not be resolved ({error.strerror}). Check the address.", transient=True
        ) from None
    addresses = [info[4][0] for info in infos]
    refused = [a for a in addresses if is_refused_address(a)]
    if refused:
        raise UnsafeURLError(
            f"Refused {host!r}: it resolves to a non-public address ({refused[0]}). "
            "Autotracker only fetches from public internet hosts; for a local setup set "
            "FETCH_ALLOW_PRIVATE_HOSTS=true (link-local addresses stay refused)."
        )
    return addresses[0]


class _GuardedBackend(httpcore.SyncBackend):
    """Connect only to the address we checked, whatever DNS says a moment later."""

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        address = resolve_public(host, port)
        return super().connect_tcp(
            address, port, timeout=timeout, local_address=local_address, socket_options=socket_options
        )


def _client() -> httpx.Client:
    transport = httpx.HTTPTransport(retries=0)
    # httpx does not take a network backend; its pool does. Fail loudly if a
    # future httpx renames the attribute rather than fetch unguarded.
    pool = transport._pool
    if not hasattr(pool, "_network_backend"):
        raise RuntimeError("httpx/httpcore changed: the address guard cannot be installed.")
    pool._network_backend = _GuardedBackend()
    return httpx.Client(
        transport=transport,
        timeout=httpx.Timeout(
            connect=settings.FETCH_CONNECT_TIMEOUT,
            read=settings.FETCH_READ_TIMEOUT,
            write=settings.FETCH_READ_TIMEOUT,
            pool=settings.FETCH_CONNECT_TIMEOUT,
        ),
        follow_redirects=False,
        trust_env=False,  # a proxy from the environment would bypass the address guard
        headers={"User-Agent": settings.FETCH_USER_AGENT},
    )


# --------------------------------------------------------------------------
# Politeness: one request at a time per host, a minimum delay between them


class _LocalGate:
    def __init__(self):
        self._guard = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}
        self._last: dict[str, float] = {}

    @contextmanager
    def slot(self, host: str):
        with self._guard:
            lock = self._locks.setdefault(host, threading.Lock())
        with lock:
            wait = self._last.get(host, 0.0) + settings.FETCH_HOST_MIN_DELAY - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            try:
                yield
            finally:
                self._last[host] = time.monotonic()


class _RedisGate:
    """The same rules across every worker sharing the Redis broker."""

    def __init__(self, url: str):
        import redis

        self._redis = redis.Redis.from_url(url)

    @contextmanager
    def slot(self, host: str):
        import redis

        # The lock outlives one request by a little: a worker killed mid-request
        # holds its host up for no longer than a request could have taken.
        hold = settings.FETCH_CONNECT_TIMEOUT + settings.FETCH_READ_TIMEOUT + 5
        lock = self._redis.lock(f"autotracker:fetch:lock:{host}", timeout=hold, blocking_timeout=hold)
        try:
            acquired = lock.acquire()
        except redis.RedisError as error:
            raise FetchError(
                f"The fetch coordinator (Redis) did not answer: {error}", transient=True
            ) from None
        if not acquired:
            raise FetchError(
                f"Another worker has been fetching from {host} for too long; trying later.", transient=True
            )
        last_key = f"autotracker:fetch:last:{host}"
        try:
            last = float(self._redis.get(last_key) or 0)
            wait = last + settings.FETCH_HOST_MIN_DELAY - time.time()
            if wait > 0:
                time.sleep(wait)
            yield
        finally:
            try:
                self._redis.set(last_key, time.time(), ex=3600)
                lock.release()
            except redis.RedisError:
                pass  # the lock expires by itself


_gate = None
_gate_lock = threading.Lock()


def host_gate():
    global _gate
    with _gate_lock:
        broker = settings.CELERY_BROKER_URL
        wanted = "redis" if broker.startswith(("redis://", "rediss://")) else "local"
        if _gate is None or getattr(_gate, "kind", None) != (wanted, broker):
            _gate = _RedisGate(broker) if wanted == "redis" else _LocalGate()
            _gate.kind = (wanted, broker)
        return _gate


# --------------------------------------------------------------------------
# Fetching


def parse_retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date), capped."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        seconds = float(value)
    else:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when is None:
            return None
        seconds = (when - timezone.now()).total_seconds()
    return max(0.0, min(seconds, float(settings.FETCH_RETRY_AFTER_MAX)))


_REDIRECTS = (301, 302, 303, 307, 308)


def fetch(url: str, *, etag: str = "", last_modified: str = "") -> FetchResult:
    """GET `url` safely; a 304 comes back as a result with `not_modified`."""
    check_url(url)
    headers = {
        "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
        "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"
    }
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    current = url
    with _client() as client:
        for _ in range(settings.FETCH_MAX_REDIRECTS + 1):
            check_url(current)
            host = urlsplit(current).hostname
            with host_gate().slot(host):
                response = _get(client, current, headers)
            if response.status_code in _REDIRECTS:
                location = response.headers.get("location", "")
                if not location:
                    raise FetchError(f"{current} redirects without saying where to.")
                current = urljoin(current, location)
                continue
            return response_result(current, response)
    raise FetchError(
        f"{url} redirected more than {settings.FETCH_MAX_REDIRECTS} times. Give the article's final address."
    )


def _get(client: httpx.Client, url: str, headers: dict[str, str]):
    """GET with the body read up to the size cap; returns a response with `_body`."""
    limit = settings.FETCH_MAX_BYTES
    try:
        with client.stream("GET", url, headers=headers) as response:
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > limit:
                raise _too_large(url, int(declared))
            chunks, size = [], 0
            if response.status_code not in _REDIRECTS and response.status_code != 304:
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > limit:
                        raise _too_large(url, size)
                    chunks.append(chunk)
            response._body = b"".join(chunks)
            return response
    except httpx.TimeoutException:
        raise FetchError(f"{url} did not answer in time.", transient=True) from None
    except httpx.TransportError as error:
        raise FetchError(
            f"{url} could not be reached: {error or type(error).__name__}.", transient=True
        ) from None


def _too_large(url: str, size: int) -> FetchError:
    return FetchError(
        f"{url} is larger than the {settings.FETCH_MAX_BYTES // 1_000_000} MB limit "
        f"({size / 1_000_000:.1f} MB or more). This is not an article page."
    )


def response_result(url: str, response) -> FetchResult:
    status = response.status_code
    if status == 304:
        return FetchResult(
            url=url,
            status_code=304,
            etag=response.headers.get("etag", ""),
            last_modified=response.headers.get("last-modified", ""),
        )
    if status in (429, 503) or status >= 500:
        retry_after = parse_retry_after(response.headers.get("retry-after"))
        raise FetchError(
            f"{url} answered {status} {response.reason_phrase}"
            + (f"; it asks us to wait {retry_after:.0f} s." if retry_after is not None else "."),
            transient=True,
            retry_after=retry_after,
            status_code=status,
        )
    if status >= 400:
        raise FetchError(
            f"{url} answered {status} {response.reason_phrase}. Check the address; it will not be retried.",
            status_code=status,
        )
    if status != 200:
        raise FetchError(f"{url} answered {status} {response.reason_phrase}, not a page.", status_code=status)
    return FetchResult(
        url=url,
        status_code=status,
        content=response._body,
        content_type=response.headers.get("content-type", ""),
        etag=response.headers.get("etag", ""),
        last_modified=response.headers.get("last-modified", ""),
        headers=dict(response.headers),
    )
