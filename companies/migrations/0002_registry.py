"""Load the starting registry of companies, so every fresh database has it.

The data sits beside this migration and is frozen with it: later additions to
the registry arrive in later migrations, never by editing this file's data.
"""

import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent / "data" / "0002_registry.json"


def load_registry(apps, schema_editor):
    Company = apps.get_model("companies", "Company")
    CompanyAlias = apps.get_model("companies", "CompanyAlias")
    for entry in json.loads(DATA.read_text(encoding="utf-8")):
        company, _ = Company.objects.get_or_create(
            slug=entry["slug"],
            defaults={
                "name": entry["name"],
                "kind": entry["kind"],
                "country": entry.get("country", ""),
                "website": entry.get("website", ""),
                "description": entry.get("description", ""),
                "review_state": "approved",
            },
        )
        # The canonical name is an alias too, so one lookup table resolves every name.
        for alias in [entry["name"], *entry.get("aliases", [])]:
            if not CompanyAlias.objects.filter(name__iexact=alias).exists():
                CompanyAlias.objects.create(company=company, name=alias)


def unload_registry(apps, schema_editor):
    Company = apps.get_model("companies", "Company")
    slugs = [entry["slug"] for entry in json.loads(DATA.read_text(encoding="utf-8"))]
    Company.objects.filter(slug__in=slugs).delete()


class Migration(migrations.Migration):
    dependencies = [("companies", "0001_initial")]

    operations = [migrations.RunPython(load_registry, unload_registry)]
