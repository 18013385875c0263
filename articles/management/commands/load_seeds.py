"""Load the demo: ingest the seed articles and make sure an editor can log in."""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from articles.cleaning import CleaningError
from articles.services import article_ingest_file

DEFAULT_SEEDS = Path(settings.BASE_DIR) / "seeds"


class Command(BaseCommand):
    help = "Ingest the seed articles (running it again adds nothing) and create an editor account if none exists."

    def add_arguments(self, parser):
        parser.add_argument("folder", nargs="?", default=str(DEFAULT_SEEDS))
        parser.add_argument("--editor", default="editor", help="User name of the editor account.")

    def handle(self, *args, folder, editor, **options):
        folder = Path(folder)
        if not folder.is_dir():
            raise CommandError(f"{folder} is not a folder. Pass the folder that holds the seed articles.")
        counts = {"new": 0, "duplicate": 0, "near_duplicate": 0, "failed": 0}
        for path in sorted(p for p in folder.iterdir() if p.is_file()):
            try:
                result = article_ingest_file(path=path)
            except CleaningError as exc:
                counts["failed"] += 1
                self.stderr.write(f"{path.name}: refused: {exc}")
                continue
            counts[result.outcome] += 1
            self.stdout.write(f"{path.name}: {result.outcome}: {result.article.title[:70]}")
        self.stdout.write(
            f"Seeds: {counts['new']} new, {counts['duplicate']} already there, "
            f"{counts['near_duplicate']} near-duplicates (linked), {counts['failed']} failed."
        )
        self.ensure_editor(editor)

    def ensure_editor(self, username: str) -> None:
        User = get_user_model()
        if User.objects.filter(is_staff=True).exists():
            self.stdout.write(
                "Log in at /admin/ with your existing staff account "
                f"(reset a password with: python manage.py changepassword {username})."
            )
            return
        password = secrets.token_urlsafe(12)
        user = User.objects.create_user(username=username, password=password, is_staff=True)
        user.groups.add(Group.objects.get(name="Editors"))
        self.stdout.write(self.style.SUCCESS(
            f"Created the editor account. Log in at /admin/ as '{username}' with password: {password}"
        ))
