"""Widen the registry: battery and chip makers, more carmakers, suppliers, mobility firms, investors.

The data sits beside this migration and is frozen with it, as in 0002. Unlike
0002, this runs on databases that already hold companies editors proposed from
articles, so a registry entry whose name an existing company already carries
reuses that company (as it stands, whatever its review state) instead of
failing on the unique name.
"""

import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent / "data" / "0005_registry_more.json"


def load_registry(apps, schema_editor):
    Company = apps.get_model("companies", "Company")
    CompanyAlias = apps.get_model("companies", "CompanyAlias")
    for entry in json.loads(DATA.read_text(encoding="utf-8")):
        company = (
            Company.objects.filter(slug=entry["slug"]).first()
            or Company.objects.filter(name__iexact=entry["name"]).first()
        )
        if company is None:
            company = Company.objects.create(
                slug=entry["slug"],
                name=entry["name"],
                kind=entry["kind"],
                country=entry.get("country", ""),
                website=entry.get("website", ""),
                description=entry.get("description", ""),
                review_state="approved",
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
    dependencies = [("companies", "0004_event_timeline_index")]

    operations = [migrations.RunPython(load_registry, unload_registry)]
