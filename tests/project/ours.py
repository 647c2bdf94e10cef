"""Which packages are the project's own: the apps in INSTALLED_APPS whose source is here."""

from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
# Where our top-level packages live (pyproject's [tool.setuptools.packages.find] where).
SOURCE_ROOTS = (ROOT, ROOT / "site")
# Packages in the checkout that are not part of the installed project.
NOT_SHIPPED = {"tests", "bench"}


def source_dir(package: str) -> Path | None:
    for source_root in SOURCE_ROOTS:
        if (source_root / package / "__init__.py").is_file():
            return source_root / package
    return None


def our_top_level_packages() -> list[str]:
    """From INSTALLED_APPS, not from pyproject, so that a package pyproject forgets is found;
    plus the packages below the apps that are no app themselves (`outbox`)."""
    names = {app.split(".")[0] for app in settings.INSTALLED_APPS}
    names |= {path.parent.name for path in ROOT.glob("*/__init__.py")} - NOT_SHIPPED
    return sorted(name for name in names if source_dir(name) is not None)
