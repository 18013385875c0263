"""Editors may see every ingestion job in the admin (what came in, what failed and why)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations; make articles' now.
    app_config = apps.get_app_config("articles")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    view_jobs = Permission.objects.filter(content_type__app_label="articles", codename="view_ingestionjob")
    for group in Group.objects.filter(name="Editors"):
        group.permissions.add(*view_jobs)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    view_jobs = Permission.objects.filter(content_type__app_label="articles", codename="view_ingestionjob")
    for group in Group.objects.filter(name="Editors"):
        group.permissions.remove(*view_jobs)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0003_article_search_index"),
        ("companies", "0003_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
