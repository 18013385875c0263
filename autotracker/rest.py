"""What every endpoint of the API shares: one error shape, throttles whose rates
come from settings, cursor pagination, and the schema's description of errors."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404
from rest_framework import exceptions
from rest_framework.pagination import CursorPagination, PageNumberPagination
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

# Error responses ------------------------------------------------------------


def api_exception_handler(exc, context):
    """Answer every 4xx as {"error": {"status", "code", "message", "fields"}}.

    `fields` maps a parameter or body field to its messages when input was
    invalid, and is empty otherwise.
    """
    # Imported here: rest_framework.views reads DEFAULT_THROTTLE_CLASSES at import,
    # which names this module, so a module-level import is circular.
    from rest_framework.views import exception_handler as drf_exception_handler

    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    response.data = error_body(exc, response.status_code)
    return response


def error_body(exc: exceptions.APIException, status: int) -> dict:
    detail = exc.detail
    fields = {}
    if isinstance(detail, dict):
        fields = {name: _messages(value) for name, value in detail.items()}
        message = "Some parameters are invalid; see `fields`."
        code = "invalid"
    elif isinstance(detail, list):
        message = " ".join(_messages(detail))
        code = "invalid"
    else:
        message = str(detail)
        code = getattr(detail, "code", None) or exc.default_code
    return {"error": {"status": status, "code": str(code), "message": message, "fields": fields}}


def _messages(value) -> list[str]:
    if isinstance(value, list):
        return [item for element in value for item in _messages(element)]
    if isinstance(value, dict):
        return [f"{key}: {message}" for key, inner in value.items() for message in _messages(inner)]
    return [str(value)]


def add_error_responses(result, generator, request, public):
    """Schema post-processing: every operation may answer a 4xx in the error shape."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas["ErrorDetail"] = {
        "type": "object",
        "properties": {
            "status": {"type": "integer"},
            "code": {"type": "string"},
            "message": {"type": "string"},
            "fields": {
                "type": "object",
                "additionalProperties": {"type": "array", "items": {"type": "string"}},
            },
        },
        "required": ["status", "code", "message", "fields"],
    }
    schemas["Error"] = {
        "type": "object",
        "properties": {"error": {"$ref": "#/components/schemas/ErrorDetail"}},
        "required": ["error"],
    }
    error = {
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }
    for path in result.get("paths", {}).values():
        for operation in path.values():
            responses = operation.setdefault("responses", {})
            for status, description in [
                ("400", "Invalid parameters or body."),
                ("401", "The token is missing or wrong."),
                ("403", "The token lacks the permission."),
                ("404", "No such object, page or cursor."),
                ("406", "The Accept header asks for a format the API does not serve."),
                ("429", "Too many requests; retry after the Retry-After header's seconds."),
            ]:
                responses.setdefault(status, {"description": description, **error})
    return result


# Throttles --------------------------------------------------------------------
#
# DRF reads rates once at import; these read them per request so a deployment
# (API_THROTTLE_ANON, API_THROTTLE_USER) and a test can change them.


class AnonThrottle(AnonRateThrottle):
    def get_rate(self):
        return settings.API_THROTTLE_RATES["anon"]


class UserThrottle(UserRateThrottle):
    def get_rate(self):
        return settings.API_THROTTLE_RATES["user"]


# Pagination ---------------------------------------------------------------------


class PagePagination(PageNumberPagination):
    """For short lists a reader wants to count: companies."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


class NewestFirstCursorPagination(CursorPagination):
    """For long lists that grow at the top: a cursor stays valid as rows arrive."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    ordering = "-id"


class RankedCursorPagination(NewestFirstCursorPagination):
    """Newest first, or best match first when a search annotated a `rank`."""

    def get_ordering(self, request, queryset, view):
        if "rank" in queryset.query.annotations:
            return ("-rank", "-id")
        return super().get_ordering(request, queryset, view)
