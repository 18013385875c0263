"""What every API endpoint shares: token authentication, permissions for
writes, throttling of anonymous clients, one error shape, conditional GETs."""

from datetime import date

import pytest
from django.contrib.auth.models import Permission
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from companies.models import ReviewState


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def integration(db, django_user_model):
    user = django_user_model.objects.create_user(username="integration", password="pw-for-tests")
    return user, Token.objects.create(user=user).key


def assert_error_shape(response, status):
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    error = response.json()["error"]
    assert set(error) == {"status", "code", "message", "fields"}
    assert error["status"] == status and error["message"]
    return error


@pytest.mark.django_db
def test_a_staff_token_sees_proposals_and_an_anonymous_client_does_not(api, staff_user, toyota, make_event):
    make_event(title="Proposal", companies=[toyota], review_state=ReviewState.PROPOSED)
    token = Token.objects.create(user=staff_user).key

    anonymous = api.get("/api/v1/events/").json()["results"]
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    staff = api.get("/api/v1/events/").json()["results"]

    assert anonymous == [] and [e["title"] for e in staff] == ["Proposal"]


@pytest.mark.django_db
def test_an_integration_token_reads_approved_facts_only(api, integration, toyota, make_event):
    make_event(title="Proposal", companies=[toyota], review_state=ReviewState.PROPOSED)
    api.credentials(HTTP_AUTHORIZATION=f"Token {integration[1]}")

    assert api.get("/api/v1/events/").json()["results"] == []


@pytest.mark.django_db
def test_a_wrong_token_is_a_401_saying_how_to_authenticate(api):
    api.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")

    response = api.get("/api/v1/events/")

    error = assert_error_shape(response, 401)
    assert error["code"] == "authentication_failed" and response["WWW-Authenticate"] == "Token"


@pytest.mark.django_db
def test_writes_need_a_token_with_the_permission(api, integration):
    user, key = integration

    anonymous = api.post("/api/v1/events/", {"title": "x"}, format="json")
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    unprivileged = api.post("/api/v1/events/", {"title": "x"}, format="json")
    user.user_permissions.add(Permission.objects.get(codename="add_event"))
    privileged = api.post("/api/v1/events/", {"title": "x"}, format="json")

    assert_error_shape(anonymous, 401)
    assert assert_error_shape(unprivileged, 403)["code"] == "permission_denied"
    # Facts are written by the review desk, not the API: even with the permission.
    assert assert_error_shape(privileged, 405)["code"] == "method_not_allowed"


@pytest.mark.django_db
def test_anonymous_clients_are_throttled_and_told_when_to_retry(api, settings):
    settings.API_THROTTLE_RATES = {"anon": "3/minute", "user": "100/minute"}

    statuses = [api.get("/api/v1/companies/").status_code for _ in range(4)]
    response = api.get("/api/v1/companies/")

    assert statuses == [200, 200, 200, 429]
    assert assert_error_shape(response, 429)["code"] == "throttled"
    assert int(response["Retry-After"]) > 0


@pytest.mark.django_db
def test_token_clients_get_their_own_larger_allowance(api, settings, integration):
    settings.API_THROTTLE_RATES = {"anon": "1/minute", "user": "5/minute"}
    api.credentials(HTTP_AUTHORIZATION=f"Token {integration[1]}")

    assert [api.get("/api/v1/companies/").status_code for _ in range(5)] == [200] * 5


@pytest.mark.django_db
@pytest.mark.parametrize("url, status", [
    ("/api/v1/no-such-endpoint/", 404),
    ("/api/v1/companies/no-such-company/", 404),
    ("/api/v1/events/?date_to=never", 400),
    ("/api/v1/stakes/?as_of=31/12/2024", 400),
    ("/api/v1/companies/?page=999", 404),
])
def test_every_4xx_has_the_same_shape(api, url, status):
    assert_error_shape(api.get(url), status)


@pytest.mark.django_db
def test_an_unsupported_format_is_a_406_in_the_error_shape(api):
    assert_error_shape(api.get("/api/v1/companies/", HTTP_ACCEPT="application/xml"), 406)


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/v1/events/", "/api/v1/companies/toyota/", "/api/v1/network/?as_of=2020-01-01"])
def test_an_unchanged_response_is_a_304(api, toyota, make_event, url):
    make_event(title="Talks", companies=[toyota], day=date(2025, 1, 1))
    first = api.get(url)

    again = api.get(url, HTTP_IF_NONE_MATCH=first["ETag"])

    assert first.status_code == 200 and first["ETag"]
    assert again.status_code == 304 and again.content == b""


@pytest.mark.django_db
def test_a_changed_list_answers_in_full_with_a_new_etag(api, toyota, make_event):
    make_event(title="Talks", companies=[toyota], day=date(2025, 1, 1))
    first = api.get("/api/v1/events/")
    make_event(title="More talks", companies=[toyota], day=date(2025, 2, 1))

    again = api.get("/api/v1/events/", HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 200 and again["ETag"] != first["ETag"]
    assert [e["title"] for e in again.json()["results"]] == ["More talks", "Talks"]


@pytest.mark.django_db
def test_the_docs_are_served_without_external_requests(client):
    html = client.get("/api/docs/").content.decode()

    assert "swagger-ui" in html
    assert "cdn." not in html and "unpkg" not in html and "jsdelivr" not in html
    assert client.get("/api/schema/").status_code == 200


@pytest.mark.django_db
def test_a_missing_slash_is_pointed_out(api):
    error = assert_error_shape(api.get("/api/v1/events"), 404)

    assert "/api/v1/events/" in error["message"]
