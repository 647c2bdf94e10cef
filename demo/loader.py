"""Reads the demo's YAML fixtures in `demo/data/`."""

from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).resolve().parent / "data"
# libyaml parses the 4,000 lines of pages six times faster where it is installed.
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def load(name: str) -> Any:
    """The content of `data/<name>.yaml`, parsed once; callers must not change it."""
    with (DATA / f"{name}.yaml").open(encoding="utf-8") as file:
        return yaml.load(file, Loader=Loader)  # noqa: S506 (a safe loader)
