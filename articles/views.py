from django.http import Http404
from django.shortcuts import render

from . import selectors


def article_detail(request, pk):
    article = selectors.article_page(pk=pk)
    if article is None:
        raise Http404("No such article.")
    return render(request, "articles/article_detail.html", {"article": article})
