"""Preview what extraction finds in article files, saving nothing."""

from __future__ import annotations

import json
import logging

from django.core.management.base import BaseCommand, CommandError

from articles.cleaning import CleaningError, clean_file
from extraction.pipeline import extract
from extraction.registry import registry_from_db

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Clean and extract each file (.txt, .html, .htm) exactly as ingestion would, and print what was found. "
        "Nothing is saved."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="Article files to read.")
        parser.add_argument("--json", action="store_true", help="Print one JSON array, an object per input.")

    def handle(self, *args, paths, json: bool = False, **options):
        registry = registry_from_db()
        results = []
        for path in paths:
            try:
                cleaned = clean_file(path)
            except (CleaningError, OSError) as exc:
                results.append({"source": path, "error": _message(exc)})
                continue
            try:
                found = extract(title=cleaned.title, body=cleaned.body, published=cleaned.published, registry=registry)
            except Exception as exc:  # one article the rules cannot read must not cost the others
                logger.exception("Extraction failed on %s", path)
                results.append({"source": path, "error": f"Extraction failed: {type(exc).__name__}: {exc}. "
                                                         "This is a bug; the log has the traceback."})
                continue
            results.append(found.to_json(source=path))
        if json:
            self.stdout.write(_dumps(results))
        else:
            for item in results:
                self.stdout.write(_summary(item))
        if all("error" in item for item in results):
            raise CommandError("No input could be read; see the errors above.")


def _dumps(results) -> str:
    return json.dumps(results, indent=2, ensure_ascii=False)


def _message(exc: Exception) -> str:
    if isinstance(exc, FileNotFoundError):
        return f"No such file: {exc.filename}. Check the path."
    if isinstance(exc, IsADirectoryError):
        return f"{exc.filename} is a directory; give the article files inside it."
    if isinstance(exc, PermissionError):
        return f"Cannot read {exc.filename}: permission denied."
    return str(exc)


def _summary(item: dict) -> str:
    lines = [f"== {item['source']}"]
    if "error" in item:
        lines.append(f"   error: {item['error']}")
        return "\n".join(lines) + "\n"
    lines.append(f"   {item['title']}  (published {item['published'] or 'unknown'}, {item['body_chars']} characters)")
    if item["companies"]:
        names = ", ".join(
            f"{c['name']} ×{c['mentions']}" + (" (new)" if c.get("new") else "") for c in item["companies"]
        )
        lines.append(f"   companies: {names}")
    for p in item["people"]:
        lines.append(f"   person:  {p['name']}, {p['role']}" + (f" of {p['company']}" if p["company"] else ""))
    for s in item["stakes"]:
        lines.append(f"   stake:   {s['owner']} holds {s['percent']:g}% of {s['target']}  “{s['quote']}”")
    for e in item["events"]:
        lines.append(f"   event:   [{e['kind']}, {e['status']}, {e['date'] or 'date unknown'}] {e['title']}")
        lines.append(f"            “{e['quote']}”")
    for f in item["figures"]:
        who = f["company"] or "industry"
        period = f" ({f['period']})" if f["period"] else ""
        lines.append(f"   figure:  {who}: {f['metric']} {f['value']:,} {f['unit']}{period}")
    return "\n".join(lines) + "\n"
