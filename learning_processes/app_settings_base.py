"""What every app's settings object shares (allauth's app_settings pattern): each
property reads `<prefix><NAME>` from the Django settings when it is used, falling
back to its default, so `override_settings` in tests and the environment-driven
settings modules both work. It sits in the lowest content app, which every app may
import (as the refusal family does)."""

from typing import Any

from django.conf import settings


class BaseAppSettings:
    prefix = ""

    def _setting(self, name: str, default: Any) -> Any:
        return getattr(settings, self.prefix + name, default)
