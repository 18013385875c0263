from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from articles import views as article_views
from articles.api import ArticleViewSet
from companies import views as company_views
from companies.api import CompanyViewSet, EventViewSet, FigureViewSet, StakeViewSet

from . import views

router = DefaultRouter()
router.register("companies", CompanyViewSet, basename="company")
router.register("stakes", StakeViewSet, basename="stake")
router.register("events", EventViewSet, basename="event")
router.register("figures", FigureViewSet, basename="figure")
router.register("articles", ArticleViewSet, basename="article")

urlpatterns = [
    path("", company_views.timeline, name="timeline"),
    path("companies/", company_views.company_list, name="company_list"),
    path("companies/<slug:slug>/", company_views.company_detail, name="company_detail"),
    path("articles/<int:pk>/", article_views.article_detail, name="article_detail"),
    path("healthz", views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("api/v1/", include(router.urls)),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="api_docs"),
]

admin.site.site_header = "Autotracker review desk"
admin.site.site_title = "Autotracker"
