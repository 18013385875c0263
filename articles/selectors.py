"""Reads of articles."""

from django.db.models import QuerySet

from .models import Article


def article_list() -> QuerySet:
    return Article.objects.select_related("source").defer("body")


def article_page(*, pk: int) -> Article | None:
    return Article.objects.select_related("source").filter(pk=pk).first()
