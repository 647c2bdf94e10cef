"""Settings come from the environment, with embedded-mode defaults."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps({
    "db": settings.DATABASES["default"]["ENGINE"],
    "db_name": str(settings.DATABASES["default"]["NAME"]),
    "cache": settings.CACHES["default"]["BACKEND"],
    "layer": settings.CHANNEL_LAYERS["default"]["BACKEND"],
    "search": settings.SEARCH_ENGINE,
    "debug": settings.DEBUG,
}))
"""


def probe(**env: str) -> dict:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "REDIS_URL", "SEARCH_ENGINE", "SEARCH_URL", "DEBUG"}
    }
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={
            **clean,
            "PYTHONPATH": f"{ROOT}/site:{ROOT}",
            "DJANGO_SETTINGS_MODULE": "connective_site.settings.dev",
            **env,
        },
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_embedded_defaults_need_no_services():
    values = probe()
    assert values["db"] == "django.db.backends.sqlite3"
    assert values["db_name"].endswith("db.sqlite3")
    assert values["cache"].endswith("LocMemCache")
    assert values["layer"] == "channels.layers.InMemoryChannelLayer"
    assert values["search"] == "database"
    assert values["debug"] is True


def test_full_stack_is_chosen_by_environment_variables():
    values = probe(
        DATABASE_URL="postgres://u:p@db.internal:5432/cc",
        REDIS_URL="redis://cache.internal:6379/0",
        SEARCH_ENGINE="opensearch",
    )
    assert values["db"] == "django.db.backends.postgresql"
    assert values["db_name"] == "cc"
    assert values["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert values["layer"] == "channels_redis.core.RedisChannelLayer"
    assert values["search"] == "opensearch"
