from django.core.management.base import BaseCommand

from community.live.reminders import send_due_reminders


class Command(BaseCommand):
    help = (
        "Queue the due session reminders (a day and an hour before). Safe to run often. "
        "Their links start with SITE_URL."
    )

    def handle(self, *args, **options) -> None:
        queued = send_due_reminders()
        self.stdout.write(f"{queued} reminder e-mail(s) queued")
