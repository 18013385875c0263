"""Filters of the article list API: words, a company named, a date range."""

import django_filters

from .models import Article
from .selectors import filter_articles, search_articles


class ArticleFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="search",
        help_text="Words to find in the title or text; on PostgreSQL full-text, best match first "
        '(websearch syntax: "a phrase", -excluded, or).',
    )
    company = django_filters.CharFilter(method="naming", help_text="Slug of a company the article names.")
    published_after = django_filters.DateFilter(method="after", help_text="Published on or after (YYYY-MM-DD).")
    published_before = django_filters.DateFilter(method="before", help_text="Published on or before (YYYY-MM-DD).")

    class Meta:
        model = Article
        fields = ["q", "company", "published_after", "published_before", "status", "published_on"]

    def search(self, queryset, name, value):
        return search_articles(queryset, value)

    def naming(self, queryset, name, value):
        return filter_articles(queryset, company=value)

    def after(self, queryset, name, value):
        return filter_articles(queryset, published_after=value)

    def before(self, queryset, name, value):
        return filter_articles(queryset, published_before=value)
