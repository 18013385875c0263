"""The fetcher against a local HTTP server: safe, polite, bounded."""

import pytest

from articles.fetching import FetchError, UnsafeURLError, fetch, is_public_address, parse_retry_after


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "192.168.0.10",
        "172.16.5.5",
        "169.254.169.254",
        "::1",
        "fe80::1",
        "fc00::1",
        "0.0.0.0",
        "100.64.0.1",
        "::ffff:127.0.0.1",
        "224.0.0.1",
    ],
)
def test_it_counts_loopback_private_and_link_local_addresses_as_not_public(address):
    assert not is_public_address(address)


@pytest.mark.parametrize("address", ["93.184.215.14", "8.8.8.8", "2606:4700:4700::1111"])
def test_it_counts_internet_addresses_as_public(address):
    assert is_public_address(address)


def test_it_refuses_a_loopback_host_by_default(settings, fixture_server):
    settings.FETCH_ALLOW_PRIVATE_HOSTS = False
    url = fixture_server.url("/pages/toyota-stake.html")

    with pytest.raises(UnsafeURLError, match="non-public address"):
        fetch(url)
    assert fixture_server.hits["/pages/toyota-stake.html"] == 0


def test_it_refuses_a_name_that_resolves_to_loopback(settings, fixture_server):
    settings.FETCH_ALLOW_PRIVATE_HOSTS = False
    url = fixture_server.url("/pages/toyota-stake.html").replace("127.0.0.1", "localhost")

    with pytest.raises(UnsafeURLError, match="FETCH_ALLOW_PRIVATE_HOSTS"):
        fetch(url)
    assert fixture_server.hits["/pages/toyota-stake.html"] == 0


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://example.com/story.txt",
        "gopher://example.com/",
        "http:///no-host",
        "http://user:secret@example.com/",
    ],
)
def test_it_refuses_other_schemes_and_odd_addresses(url):
    with pytest.raises(UnsafeURLError):
        fetch(url)


def test_it_fetches_from_loopback_when_the_setting_allows(allow_private_hosts, fixture_server):
    result = fetch(fixture_server.url("/pages/toyota-stake.html"))

    assert result.status_code == 200
    assert b"Toyota raises its holding" in result.content
    assert result.etag


def test_it_identifies_itself(allow_private_hosts, settings, fixture_server):
    fetch(fixture_server.url("/pages/toyota-stake.html"))

    assert fixture_server.requests[0][1]["User-Agent"] == settings.FETCH_USER_AGENT
    assert "Autotracker" in settings.FETCH_USER_AGENT


def test_a_conditional_get_of_an_unchanged_page_is_not_modified(allow_private_hosts, fixture_server):
    first = fetch(fixture_server.url("/feed.xml"))

    second = fetch(fixture_server.url("/feed.xml"), etag=first.etag, last_modified=first.last_modified)

    assert second.not_modified and second.content == b""
    headers = fixture_server.requests[1][1]
    assert headers["If-None-Match"] == first.etag
    assert headers["If-Modified-Since"] == first.last_modified


def test_it_follows_redirects_and_reports_the_final_address(allow_private_hosts, fixture_server):
    target = fixture_server.url("/pages/nissan-jobs.html")
    start = fixture_server.serve("/old-address", redirect_to=target, status=301)

    result = fetch(start)

    assert result.url == target
    assert b"Nissan" in result.content


def test_it_checks_the_scheme_after_every_redirect(allow_private_hosts, fixture_server):
    start = fixture_server.serve("/sneaky", redirect_to="file:///etc/passwd")

    with pytest.raises(UnsafeURLError, match="only http and https"):
        fetch(start)


def test_it_checks_the_address_after_every_redirect(allow_private_hosts, fixture_server):
    # The first hop is allowed (the fixture server on loopback); the second would
    # reach the cloud metadata address, refused even when private hosts are allowed.
    start = fixture_server.serve("/to-metadata", redirect_to="http://169.254.169.254/latest/meta-data/")

    with pytest.raises(UnsafeURLError, match="169.254.169.254"):
        fetch(start)
    assert fixture_server.hits["/to-metadata"] == 1


def test_it_gives_up_after_too_many_redirects(allow_private_hosts, settings, fixture_server):
    settings.FETCH_MAX_REDIRECTS = 2
    fixture_server.serve("/loop-a", redirect_to=fixture_server.url("/loop-b"))
    fixture_server.serve("/loop-b", redirect_to=fixture_server.url("/loop-a"))

    with pytest.raises(FetchError, match="redirected more than 2 times") as caught:
        fetch(fixture_server.url("/loop-a"))
    assert not caught.value.transient


def test_it_refuses_a_page_over_the_size_cap(allow_private_hosts, settings, fixture_server):
    settings.FETCH_MAX_BYTES = 10_000
    url = fixture_server.serve("/huge.html", body=b"<p>" + b"word " * 5_000 + b"</p>")

    with pytest.raises(FetchError, match="larger than") as caught:
        fetch(url)
    assert not caught.value.transient


def test_a_server_that_asks_us_to_wait_is_a_transient_error_with_its_delay(
    allow_private_hosts, fixture_server
):
    url = fixture_server.serve("/busy", fail_first=1, fail_status=429, retry_after="120")

    with pytest.raises(FetchError) as caught:
        fetch(url)

    assert caught.value.transient
    assert caught.value.retry_after == 120
    assert caught.value.status_code == 429


def test_a_missing_page_is_a_permanent_error(allow_private_hosts, fixture_server):
    url = fixture_server.serve("/nope", status=404, body=b"gone")

    with pytest.raises(FetchError, match="404") as caught:
        fetch(url)
    assert not caught.value.transient


def test_a_server_too_slow_to_answer_is_a_transient_error(allow_private_hosts, settings, fixture_server):
    settings.FETCH_READ_TIMEOUT = 0.3
    url = fixture_server.serve("/slow", body=b"late", delay_first=2)

    with pytest.raises(FetchError, match="did not answer in time") as caught:
        fetch(url)
    assert caught.value.transient


def test_it_reads_retry_after_as_seconds_or_a_date_and_caps_it(settings):
    settings.FETCH_RETRY_AFTER_MAX = 3600
    assert parse_retry_after("30") == 30
    assert parse_retry_after("999999") == 3600
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0  # in the past: go now
    assert parse_retry_after("soon") is None


def test_requests_to_one_host_wait_their_turn_and_keep_a_minimum_delay(
    allow_private_hosts, settings, fixture_server
):
    import threading
    import time

    settings.FETCH_HOST_MIN_DELAY = 0.3
    fixture_server.serve("/slow-a", body=b"a", delay_first=0.5)
    fixture_server.serve("/b", body=b"b")
    started = []

    def get(path):
        started.append((path, time.monotonic()))
        fetch(fixture_server.url(path))

    threads = [threading.Thread(target=get, args=(path,)) for path in ("/slow-a", "/b")]
    begin = time.monotonic()
    for thread in threads:
        thread.start()
        time.sleep(0.05)
    for thread in threads:
        thread.join()

    # The second request went out only after the first finished (0.5 s) plus the delay (0.3 s).
    assert time.monotonic() - begin >= 0.8
    assert [path for path, _ in fixture_server.requests] == ["/slow-a", "/b"]
