"""Create a small, realistic demo site. Safe to run again: it only adds what is missing."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from demo.seed import seed_demo


class Command(BaseCommand):
    help = "Seed demo content: page tree, learning processes, practices and demo accounts."

    def handle(self, *args, **options) -> None:
        with transaction.atomic():
            summary = seed_demo()
        User = get_user_model()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {summary['processes']} learning processes, "
                f"{summary['practices']} practices, {User.objects.count()} users."
            )
        )
        for account in summary["accounts"]:
            self.stdout.write(
                f"  {account['role']:<12} {account['email']}  /  {account['password']}"
            )
            if account.get("hint"):
                self.stdout.write(f"               {account['hint']}")
