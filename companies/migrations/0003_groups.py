"""Create the Editors and Administrators groups with their permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_MODELS = {
    "companies": ["company", "companyalias", "person", "stake", "event", "eventparticipant",
                  "figure", "evidence", "companymention"],
    "articles": ["article"],
}
EDITOR_READ_ONLY = {"articles": ["source"]}


def create_groups(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    editors, _ = Group.objects.get_or_create(name="Editors")
    codenames = [
        f"{action}_{model}"
        for models in EDITOR_MODELS.values()
        for model in models
        for action in ("view", "add", "change", "delete")
    ] + [f"view_{model}" for models in EDITOR_READ_ONLY.values() for model in models]
    editors.permissions.set(
        Permission.objects.filter(
            content_type__app_label__in=[*EDITOR_MODELS, *EDITOR_READ_ONLY], codename__in=codenames
        )
    )

    administrators, _ = Group.objects.get_or_create(name="Administrators")
    administrators.permissions.set(Permission.objects.all())


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Editors", "Administrators"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("companies", "0002_registry"),
        ("articles", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
