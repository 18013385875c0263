"""Name companies as readers know them, and add companies and aliases the story needs.

Display names are what readers call a company, with at most a legal suffix they recognise everywhere ("Inc.",
"N.V.", "Corporation") or none: "Robert Bosch GmbH" is shown as "Bosch",
"Volvo Car AB" as "Volvo Cars". The old names stay as aliases, so every
article that wrote them still resolves. A company an editor already renamed
(its name is no longer the old one) is left alone. The data sits beside this
migration and is frozen with it, as in 0002 and 0005.
"""

import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent / "data" / "0006_registry_names.json"


def _add_aliases(CompanyAlias, company, names):
    for alias in names:
        if not CompanyAlias.objects.filter(name__iexact=alias).exists():
            CompanyAlias.objects.create(company=company, name=alias)


def apply(apps, schema_editor):
    Company = apps.get_model("companies", "Company")
    CompanyAlias = apps.get_model("companies", "CompanyAlias")
    data = json.loads(DATA.read_text(encoding="utf-8"))
    for entry in data["renames"]:
        company = Company.objects.filter(slug=entry["slug"], name=entry["old"]).first()
        if company is None or Company.objects.filter(name__iexact=entry["name"]).exclude(pk=company.pk).exists():
            continue
        company.name = entry["name"]
        company.save(update_fields=["name"])
        _add_aliases(CompanyAlias, company, [entry["name"], entry["old"]])
    for entry in data["aliases"]:
        company = Company.objects.filter(slug=entry["slug"]).first()
        if company is not None:
            _add_aliases(CompanyAlias, company, entry["aliases"])
    for entry in data["companies"]:
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
        _add_aliases(CompanyAlias, company, [entry["name"], *entry.get("aliases", [])])


def unapply(apps, schema_editor):
    Company = apps.get_model("companies", "Company")
    data = json.loads(DATA.read_text(encoding="utf-8"))
    Company.objects.filter(slug__in=[entry["slug"] for entry in data["companies"]]).delete()
    for entry in data["renames"]:
        Company.objects.filter(slug=entry["slug"], name=entry["name"]).update(name=entry["old"])


class Migration(migrations.Migration):
    dependencies = [("companies", "0005_registry_more")]

    operations = [migrations.RunPython(apply, unapply)]
