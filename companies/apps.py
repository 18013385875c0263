from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _administrators_grant_all(sender, using="default", **kwargs):
    from django.db import connections

    from .services import administrators_grant_all

    # Migrating auth backwards leaves no group table to update.
    if "auth_group" in connections[using].introspection.table_names():
        administrators_grant_all(using=using)


class CompaniesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "companies"
    verbose_name = "Companies and facts"

    def ready(self):
        # Administrators hold every permission, also those of apps added after
        # migration 0003 made the group; permissions appear only after migrating.
        post_migrate.connect(_administrators_grant_all, dispatch_uid="companies_administrators_grant_all")
