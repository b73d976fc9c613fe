"""Region scope: which regions an account may see and change (its region's subtree), as pure rules on region codes.

Codes follow GB/T 2260: a province ends in 0000, a city in 00, a county has 6 digits and a township 9. Every region in
a subtree starts with the subtree root's prefix (江苏省 32, 南京市 3201, 玄武区 320102, a township all 9 digits; 全国
the empty prefix), which is the regions table's code_prefix column and the same rule the export's subtree filter
uses (tests/test_access_scope.py checks both against every region in the database). The municipalities' placeholder
nodes (北京 110100 市辖区, 重庆 500200 县) are cities like any other: 5001 and 5002 are disjoint subtrees.

Above its region an account sees only the path down to it (the names in a breadcrumb, the parent's average its
targets are judged against), never a sibling: ``Scope.shows`` is true for the subtree and for the ancestors.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

NATION_CODE = "000000"
_CODE = re.compile(r"\d{6}|\d{9}")


def is_region_code(code: object) -> bool:
    """A 6-digit (county and above) or 9-digit (township) code."""
    return isinstance(code, str) and _CODE.fullmatch(code) is not None


def code_prefix(code: str) -> str:
    """The prefix every code in the region's subtree starts with ('' for 全国)."""
    if code == NATION_CODE:
        return ""
    if len(code) == 9:
        return code
    if code.endswith("0000"):
        return code[:2]
    if code.endswith("00"):
        return code[:4]
    return code


# The counties of the municipalities and a province's directly administered counties (xx90xx) hang from the province
# itself (queries/load_regions.sql; code_depth in schema.sql says the same).
_MUNICIPALITIES = ("11", "12", "31", "50")


def _grouped_under_province(code: str) -> bool:
    county = code[:6]
    return len(code) >= 6 and not county.endswith("00") and (county[:2] in _MUNICIPALITIES or county[2:4] == "90")


def ancestors(code: str) -> tuple[str, ...]:
    """The regions above one, 全国 first (empty for 全国 itself); 东莞's townships have no county between."""
    if code == NATION_CODE:
        return ()
    found = [NATION_CODE]
    own = code_prefix(code)
    for candidate in (code[:2] + "0000", code[:4] + "00", code[:6]):
        if candidate == code[:4] + "00" and _grouped_under_province(code):
            continue  # no city between: the code list's 市辖区 / 县 / 省直辖 groupings are not regions
        prefix = code_prefix(candidate)
        if candidate != code and candidate not in found and len(prefix) < len(own) and code.startswith(prefix):
            found.append(candidate)
    return tuple(found)


def within(code: str, root: str) -> bool:
    """Whether region code lies in root's subtree (root itself included)."""
    return is_region_code(code) and is_region_code(root) and code.startswith(code_prefix(root))


def common_ancestor(codes: Iterable[str]) -> str | None:
    """The lowest region whose subtree holds every code (None for no codes)."""
    paths = [(*ancestors(code), code) for code in dict.fromkeys(codes) if is_region_code(code)]
    if not paths:
        return None
    shared = paths[0]
    for path in paths[1:]:
        length = 0
        while length < min(len(shared), len(path)) and shared[length] == path[length]:
            length += 1
        shared = shared[:length]
    return shared[-1] if shared else NATION_CODE


@dataclass(frozen=True)
class Confined:
    """The region a request ends up on, and whether the one asked for was refused (outside the scope)."""

    region_code: str
    refused: bool


@dataclass(frozen=True)
class Scope:
    """One account's region: it sees and changes its subtree, and sees the names on the path down to it."""

    region_code: str

    def __post_init__(self) -> None:
        if not is_region_code(self.region_code):
            raise ValueError(f"not a region code: {self.region_code!r}")

    @property
    def is_nation(self) -> bool:
        return self.region_code == NATION_CODE

    @property
    def prefix(self) -> str:
        return code_prefix(self.region_code)

    @property
    def path(self) -> tuple[str, ...]:
        """全国 down to the region itself."""
        return (*ancestors(self.region_code), self.region_code)

    @property
    def depth(self) -> int:
        """Levels below 全国 (0 for the nation, 1 for a province, … 4 for a township)."""
        return len(self.path) - 1

    @property
    def cache_key(self) -> str | None:
        """What cached results are keyed on: None for the whole country (nothing is hidden)."""
        return None if self.is_nation else self.region_code

    def contains(self, code: str) -> bool:
        """Inside the subtree: may be seen in full and, with the right role, changed."""
        return within(code, self.region_code)

    def shows(self, code: str) -> bool:
        """Inside the subtree or on the path down to it (an ancestor's name and average, never a sibling)."""
        return self.contains(code) or code in self.path

    def confine(self, requested: str | None) -> Confined:
        """Where a request for a region lands: itself if inside the subtree, else the account's own region."""
        if requested is None or requested == "":
            return Confined(self.region_code, refused=False)
        if self.contains(requested):
            return Confined(requested, refused=False)
        return Confined(self.region_code, refused=True)

    def options(self, children: list[str]) -> list[str]:
        """Of a region's children, those a selector may offer (the one on the path above the scope, or all inside)."""
        return [code for code in children if self.shows(code)]


def visible_rows(frame: pd.DataFrame, scope: Scope | None) -> pd.DataFrame:
    """The rows of a query result the scope may see: by their region_code, inside the subtree or on the path to it.

    A result run on a parent (its children's indicators, for the region's own row and the parent's average) then
    keeps the region and the parent and loses the siblings. Rows without a region code are kept.
    """
    if scope is None or scope.is_nation or "region_code" not in frame.columns or frame.empty:
        return frame
    codes = frame["region_code"]
    text = codes.astype("string")
    keep = text.str.startswith(scope.prefix).fillna(False) | text.isin(scope.path).fillna(False) | codes.isna()
    if bool(keep.all()):
        return frame
    return frame[keep.to_numpy(dtype=bool)].reset_index(drop=True)
