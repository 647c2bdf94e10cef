"""Which countries count as Global South, from a maintained list shipped as data.

The source is the OECD DAC List of ODA Recipients (data/dac_oda_recipients.csv).
A country counts as Global South when it is on that list outside the DAC's
Europe region; Germany is its own region because every host is German.
"""

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "dac_oda_recipients.csv"

GERMANY = "germany"
GLOBAL_SOUTH = "global_south"
OTHER = "other"
REGIONS = (GERMANY, GLOBAL_SOUTH, OTHER)


@dataclass(frozen=True)
class OdaRecipient:
    code: str
    name: str
    income_group: str
    dac_region: str


@cache
def oda_recipients() -> dict[str, OdaRecipient]:
    with DATA_FILE.open(encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return {
            row["iso2"]: OdaRecipient(row["iso2"], row["name"], row["income_group"], row["region"])
            for row in rows
        }


def is_global_south(code: str | None) -> bool:
    recipient = oda_recipients().get((code or "").upper())
    return recipient is not None and recipient.dac_region != "Europe"


def region_of(code: str | None) -> str:
    """germany, global_south or other: the region facet of a country."""
    code = (code or "").upper()
    if code == "DE":
        return GERMANY
    return GLOBAL_SOUTH if is_global_south(code) else OTHER


def global_south_codes() -> list[str]:
    return sorted(code for code in oda_recipients() if is_global_south(code))
