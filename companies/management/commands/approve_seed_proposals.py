"""Approve what extraction proposed from the seed articles, for the demo only.

`make run` calls this after `load_seeds` so that a newcomer sees what readers
see. The approvals are made by a named system account and recorded in the
history like any editor's. It refuses to run outside development (DEBUG off):
in a real deployment nothing is approved without an editor.
"""

from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from articles.models import Article
from companies.services import proposals_approve_all

DEMO_USERNAME = "autotracker-demo"
DEFAULT_SEEDS = Path(settings.BASE_DIR) / "seeds"


class Command(BaseCommand):
    help = (
        "Approve the seed articles' proposals as the system account "
        f"'{DEMO_USERNAME}' (development only: needs DEBUG=true)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "folder",
            nargs="?",
            default=str(DEFAULT_SEEDS),
            help="The folder load_seeds read the seed articles from.",
        )

    def handle(self, *args, folder, **options):
        if not settings.DEBUG:
            raise CommandError(
                "Refusing to approve anything automatically outside development. "
                "Editors approve proposals in the review desk (/admin/review/); "
                "for the demo, run with DEBUG=true (make run does)."
            )
        folder = Path(folder)
        if not folder.is_dir():
            raise CommandError(f"{folder} is not a folder. Pass the folder that holds the seed articles.")
        names = sorted(path.name for path in folder.iterdir() if path.is_file())
        articles = Article.objects.filter(origin__in=names)
        if not articles.exists():
            self.stdout.write("No seed articles stored yet: run `manage.py load_seeds` first.")
            return
        report = proposals_approve_all(articles=articles, actor=self.demo_user())
        self.stdout.write(
            f"Approved {report.approved} proposal(s) from {articles.count()} seed article(s) "
            f"as '{DEMO_USERNAME}'."
        )
        for failure in report.failed:
            self.stderr.write(f"Not approved: {failure}")

    def demo_user(self):
        # Not staff and no usable password: the account can never log in; it only
        # signs the demo's approvals in the history.
        user, created = get_user_model().objects.get_or_create(
            username=DEMO_USERNAME,
            defaults={
                "is_staff": False,
                "is_active": True,
                "first_name": "Autotracker",
                "last_name": "demo loader",
            },
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        return user
