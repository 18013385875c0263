"""Template helpers for reader pages."""

from urllib.parse import urlsplit

from django import template

register = template.Library()


@register.filter
def web_url(value: str) -> str:
    """The URL if it is http(s), else nothing: stored URLs come from the outside
    world, and a `javascript:` link must never become clickable."""
    if not value:
        return ""
    try:
        scheme = urlsplit(value.strip()).scheme.lower()
    except ValueError:
        return ""
    return value if scheme in {"http", "https"} else ""


@register.filter
def percent(value) -> str:
    """16.8300 -> '16.83', 20.0000 -> '20': as precise as reported, no more."""
    if value is None:
        return ""
    return f"{value.normalize():f}" if hasattr(value, "normalize") else str(value)
