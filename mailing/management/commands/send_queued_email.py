from django.core.management.base import BaseCommand

from mailing.delivery import deliver_due
from mailing.models import OutgoingEmail


class Command(BaseCommand):
    help = "Send the queued e-mail that is due (retries included)."

    def handle(self, *args, **options) -> None:
        sent, failed = deliver_due(limit=10_000)
        waiting = OutgoingEmail.objects.pending().count()
        self.stdout.write(f"sent {sent}, failed {failed}, waiting {waiting}")
