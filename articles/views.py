from django.http import Http404
from django.shortcuts import render

from . import selectors
from .highlight import highlight_body


def article_detail(request, pk):
    """An article's cleaned text, the companies it names and the approved facts drawn from it."""
    article = selectors.article_page(pk=pk)
    if article is None:
        raise Http404("No such article.")
    mentions = selectors.article_mentions(article=article)
    evidence = selectors.article_evidence(article=article)
    context = {
        "article": article,
        "mentions": mentions,
        "evidence": evidence,
        "body_html": highlight_body(article.body, mentions=mentions, evidence=evidence),
    }
    return render(request, "articles/article_detail.html", context)
