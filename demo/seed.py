"""`seed_demo`: every part of the demo, in the order each needs the one before."""

from typing import Any

from django.db import transaction
from django.utils import timezone

from connective_site.home.models import HomePage
from demo.calls import seed_calls
from demo.exchange import seed_exchange_demo
from demo.images import seed_demo_images
from demo.live import seed_live_demo
from demo.members import seed_community_demo
from demo.pages import DEMO_ACCOUNTS, DemoSeeder, is_complete
from learning_processes.models import LearningProcessPage, PracticePage


def seed_demo() -> dict[str, Any]:
    """Add whatever demo content is missing and return what the command prints."""
    with transaction.atomic():
        home = HomePage.objects.get()
        if not is_complete(home):
            DemoSeeder(home, timezone.localdate()).run()
        seed_demo_images()
        seed_community_demo()
        seed_live_demo()
        seed_calls()
        seed_exchange_demo()
    return {
        "processes": LearningProcessPage.objects.live().count(),
        "practices": PracticePage.objects.live().count(),
        "accounts": [
            {key: account.get(key) for key in ("role", "email", "password", "hint")}
            for account in DEMO_ACCOUNTS
        ],
    }
