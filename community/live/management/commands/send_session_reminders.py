from django.conf import settings
from django.core.management.base import BaseCommand

from community.live.reminders import send_due_reminders


class Command(BaseCommand):
    help = "Queue the due session reminders (a day and an hour before). Safe to run often."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--base-url",
            default=settings.WAGTAILADMIN_BASE_URL,
            help="Site address the links in the e-mails start with.",
        )

    def handle(self, *args, base_url: str, **options) -> None:
        queued = send_due_reminders(base_url=base_url.rstrip("/"))
        self.stdout.write(f"{queued} reminder e-mail(s) queued")
