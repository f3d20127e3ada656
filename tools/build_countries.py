"""Generate src/dateline/knowledge/data/countries.json from pycountry's ISO 3166-1 table.

A one-off tool, not a runtime dependency: run it when ISO 3166 changes and commit the JSON.

    pip install --target /tmp/pycountry pycountry
    PYTHONPATH=/tmp/pycountry python tools/build_countries.py

Hand-written details (demonyms, capitals, short names news uses) live in country_details.json,
which the loader merges over this file.
"""
from __future__ import annotations

import json
from importlib.metadata import version
from pathlib import Path

import pycountry

OUT = Path(__file__).resolve().parent.parent / "src/dateline/knowledge/data/countries.json"


def country_record(country) -> dict:
    """One country: its everyday name first, the formal names as aliases."""
    name = getattr(country, "common_name", None) or country.name
    formal = [country.name, getattr(country, "official_name", None)]
    # "Iran, Islamic Republic of" is an index form no article writes; keep names as prose uses them.
    aliases = sorted({alias for alias in formal if alias and alias != name and "," not in alias})
    return {"code": country.alpha_3, "name": name, "aliases": aliases}


def main() -> None:
    records = sorted((country_record(c) for c in pycountry.countries), key=lambda r: r["code"])
    # One record a line keeps diffs readable when ISO 3166 changes.
    lines = ",\n".join("  " + json.dumps(record, ensure_ascii=False) for record in records)
    source = json.dumps(f"ISO 3166-1 via pycountry {version('pycountry')}")
    OUT.write_text(f'{{"source": {source},\n "countries": [\n{lines}\n]}}\n', encoding="utf-8")
    print(f"wrote {len(records)} countries to {OUT}")


if __name__ == "__main__":
    main()
