from django.core.management.base import BaseCommand

from community.exchange.notify import send_digests


class Command(BaseCommand):
    help = (
        "Queue one e-mail digest per member who chose this frequency, grouped by space, "
        "listing only what is new since their previous digest. Run it once a day with "
        "--frequency daily and once a week with --frequency weekly."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--frequency", choices=["daily", "weekly"], required=True)

    def handle(self, *args, frequency: str, **options) -> None:
        sent = send_digests(frequency)
        self.stdout.write(f"{sent} {frequency} digest(s) queued")
