"""The project installs from its built wheel: a plain `pip install .` ships every app.

The wheel is built from a copy of the sources (the checkout stays clean), installed into
a fresh virtual environment that sees the project venv's third-party packages through a
plain path in a .pth file (so no download), but neither the source tree nor the editable
install: an app missing from the wheel fails to import here even though it imports fine
everywhere else in the suite.
"""

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from django.conf import settings

from tests.project.ours import ROOT, our_top_level_packages, source_dir

# Non-Python files that must ship with a package (package-data in pyproject).
DATA_FOLDERS = {"templates", "static", "locale", "data"}

# Run inside the fresh environment: every module of ours from the wheel imports, from
# the installed copy, and Django's system checks pass with the test settings.
CHECK_SCRIPT = """
import importlib, json, os, sys
import django
from django.core.management import call_command
django.setup()
found = {}
for name in json.loads(sys.argv[1]):
    found[name] = importlib.import_module(name).__file__
call_command("check", fail_level="WARNING")
print(json.dumps(found))
"""


def expected_files(package: str) -> set[str]:
    """Paths inside the wheel: every module, and every file under a data folder."""
    package_dir = source_dir(package)
    expected = set()
    for path in package_dir.rglob("*"):
        relative = path.relative_to(package_dir.parent)
        if not path.is_file() or "__pycache__" in relative.parts:
            continue
        if path.suffix == ".py" or DATA_FOLDERS & set(relative.parts[1:-1]):
            expected.add(relative.as_posix())
    return expected


def build_wheel(destination: Path, pyproject_text: str | None = None) -> Path:
    """Build the wheel from a copy of the sources, offline, with the venv's setuptools."""
    source = destination / "source"
    source.mkdir()
    shutil.copy2(ROOT / "README.md", source)
    (source / "pyproject.toml").write_text(
        pyproject_text or (ROOT / "pyproject.toml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for package in our_top_level_packages():
        package_dir = source_dir(package)
        target = source / package_dir.relative_to(ROOT)
        shutil.copytree(package_dir, target, ignore=ignore)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q"]
        + ["--wheel-dir", str(destination), str(source)],
        check=True,
        capture_output=True,
        cwd=destination,
    )
    (wheel,) = destination.glob("*.whl")
    return wheel


def fresh_venv_with_wheel(destination: Path, wheel: Path) -> Path:
    """A new venv with only the wheel installed; third-party packages come from ours."""
    venv = destination / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    purelib = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    # A plain path: the project venv's own .pth files (the editable install) stay unread.
    (Path(purelib) / "project_dependencies.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
    )
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q"]
        + ["--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
    )
    return python


def import_from_fresh_venv(python: Path, modules: list[str], workdir: Path) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "DATABASE_URL", "REDIS_URL", "SEARCH_"))
    }
    env |= {
        "DJANGO_SETTINGS_MODULE": "connective_site.settings.test",
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "SEARCH_ENGINE": "database",
        "PYTHONNOUSERSITE": "1",
    }
    result = subprocess.run(
        [python, "-I", "-c", CHECK_SCRIPT, json.dumps(modules)],
        capture_output=True,
        text=True,
        cwd=workdir,
        env=env,
    )
    assert result.returncode == 0, f"the installed wheel does not work:\n{result.stderr[-3000:]}"
    return json.loads(result.stdout.strip().splitlines()[-1])


def wheel_modules(names: list[str]) -> list[str]:
    return sorted(
        name.removesuffix(".py").removesuffix("/__init__").replace("/", ".")
        for name in names
        # Settings modules other than the test settings refuse to load without their
        # environment (production wants a real SECRET_KEY); Django loads the test ones.
        if name.endswith(".py") and "/migrations/" not in name and "/settings/" not in name
    )


def missing_from_wheel(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        shipped = set(archive.namelist())
    expected = set().union(*(expected_files(package) for package in our_top_level_packages()))
    return sorted(expected - shipped)


@pytest.fixture(scope="module")
def built_wheel(tmp_path_factory) -> Path:
    return build_wheel(tmp_path_factory.mktemp("wheel"))


def test_wheel_ships_every_module_template_static_file_translation_and_data_file(built_wheel):
    missing = missing_from_wheel(built_wheel)
    assert not missing, "not in the wheel:\n" + "\n".join(missing)


def test_every_app_imports_from_the_installed_wheel_and_django_checks_pass(built_wheel, tmp_path):
    with zipfile.ZipFile(built_wheel) as archive:
        modules = wheel_modules(archive.namelist())
    apps = [app for app in settings.INSTALLED_APPS if app.split(".")[0] in our_top_level_packages()]
    python = fresh_venv_with_wheel(tmp_path, built_wheel)

    found = import_from_fresh_venv(python, sorted(set(apps) | set(modules)), tmp_path)

    assert set(apps) <= set(found)
    outside = {name: path for name, path in found.items() if not path.startswith(str(tmp_path))}
    assert not outside, f"imported from outside the fresh environment: {outside}"
