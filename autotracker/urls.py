from django.contrib import admin
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from articles import views as article_views
from articles.api import ArticleViewSet, IngestionJobViewSet
from companies import views as company_views
from companies.admin_views import review_queue
from companies.api import CompanyViewSet, EventViewSet, FigureViewSet, NetworkView, StakeViewSet, api_not_found
from companies.feeds import CompanyEventsFeed, EventsFeed

from . import views

router = DefaultRouter()
router.register("companies", CompanyViewSet, basename="company")
router.register("stakes", StakeViewSet, basename="stake")
router.register("events", EventViewSet, basename="event")
router.register("figures", FigureViewSet, basename="figure")
router.register("articles", ArticleViewSet, basename="article")
router.register("ingestions", IngestionJobViewSet, basename="ingestion")

urlpatterns = [
    path("", company_views.timeline, name="timeline"),
    path("companies/", company_views.company_list, name="company_list"),
    path("companies/<slug:slug>/", company_views.company_detail, name="company_detail"),
    path("companies/<slug:slug>/feed/", CompanyEventsFeed(), name="company_events_feed"),
    path("events/<int:pk>/", company_views.event_detail, name="event_detail"),
    path("feeds/events/", EventsFeed(), name="events_feed"),
    path("network/", company_views.network, name="network"),
    path("search/", company_views.search, name="search"),
    path("articles/<int:pk>/", article_views.article_detail, name="article_detail"),
    path("healthz", views.healthz, name="healthz"),
    path("admin/review/", admin.site.admin_view(review_queue), name="review_queue"),
    path("admin/", admin.site.urls),
    path("api/v1/network/", NetworkView.as_view(), name="api_network"),
    path("api/v1/", include(router.urls)),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="api_docs"),
    # Unknown API paths answer in the API's error shape, not an HTML page.
    re_path(r"^api/", api_not_found),
]

admin.site.site_header = "Autotracker review desk"
admin.site.site_title = "Autotracker"
