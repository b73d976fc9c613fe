"""Fuzzing the import with generated files: random encodings, shapes, values, binary junk, huge cells, unicode.

Whatever arrives, the import either loads the file's rows exactly or rejects the file with a message; it never
raises anything else and never half-loads. Files built valid (possibly reshaped in ways the import accepts) must
load; files given a certain defect must be rejected. Each example runs against one shared copy of the sample
database, checked before and after by a snapshot.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from enforcement.i18n import COLUMNS
from enforcement.storage import store
from enforcement.transfer import datasets, importer
from tests.transfer_support import copy_database, snapshot, xlsx_file

pytestmark = pytest.mark.slow

# Regions of plans covering all of 2023-2025 (Jiangsu), with their names as the database has them.
REGIONS = [
    ("320102002", "梅园新村街道"),
    ("320102003", "新街口街道"),
    ("320104", "秦淮区"),
    ("320200", "无锡市"),
    ("320000", "江苏省"),
]
KEY_CODES = {"cases": ["market", "environment", "transport"], "training": ["market", "justice", "township_team"]}
MONTHS = [f"{year}-{month:02d}" for year in (2023, 2024, 2025) for month in (1, 6, 12)]
SPECS = {"cases": datasets.CASES, "training": datasets.TRAINING}
SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
    derandomize=True,
)


@pytest.fixture(scope="module")
def fuzz_db(sample_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_database(sample_db, tmp_path_factory.mktemp("fuzz") / "enforcement.duckdb")


# ----------------------------------------------------------------------------------------------- building files


@dataclass
class Table:
    spec: datasets.Dataset
    header: list[str]
    rows: list[list[str]]
    benign: list[str] = field(default_factory=list)  # reshapes the import accepts
    defects: list[str] = field(default_factory=list)  # changes that certainly make the file invalid
    unknown: list[str] = field(default_factory=list)  # changes that may or may not
    defect_row: int | None = None  # the row (as Excel numbers it) a certain defect is in


def _columns(spec: datasets.Dataset) -> list[str]:
    return [f.name for f in spec.fields if f.role in ("key", "value", "check")]


@st.composite
def valid_tables(draw) -> Table:
    """A valid file of 1-6 rows with distinct keys and values that respect every 'not above' rule."""
    key = draw(st.sampled_from(list(SPECS)))
    spec = SPECS[key]
    code_column = "domain_code" if key == "cases" else "agency_code"
    keys = draw(
        st.lists(
            st.tuples(st.sampled_from(REGIONS), st.sampled_from(MONTHS), st.sampled_from(KEY_CODES[key])),
            min_size=1,
            max_size=6,
            unique_by=lambda k: (k[0][0], k[1], k[2]),
        )
    )
    rows = []
    for (code, name), month, other in keys:
        values: dict[str, object] = {"region_code": code, "region_name": name, "period_month": month}
        values[code_column] = other
        for f in spec.fields:
            if f.role == "value" and f.kind == "count":
                values[f.name] = draw(st.integers(0, 2_000_000))
            elif f.role == "value" and f.kind == "hours":
                values[f.name] = draw(st.integers(0, 10**7)) / 10
        for smaller, larger in spec.not_above:
            values[smaller] = min(values[smaller], values[larger])
        rows.append([str(values.get(name, "")) for name in _columns(spec)])
    header = [COLUMNS[name][0] for name in _columns(spec)]
    return Table(spec, header, rows)


JUNK_TEXT = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", " ", "-1", "1.5", "1e9", "NaN", "inf", "=1+1", "@SUM(A1)", "１２", "99999999999", "\x00"]),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=20).map(lambda s: s * 5000),  # huge cell
)


BENIGN = ["shuffle_columns", "english_header", "blank_lines", "drop_check_column"]
DEFECTS = ["negative_count", "duplicate_row", "unknown_region", "month_outside", "drop_required_column"]
UNKNOWN = ["junk_cell", "extra_column", "ragged_row"]


@st.composite
def reshaped(draw, table: Table) -> Table:
    """0-3 reshapes the import accepts, then at most one change: a certain defect, or one that may be harmless.

    One defect at a time, so that a file that loads although it has a defect cannot hide behind another defect;
    the row the defect is in is recorded (as Excel numbers it: the header is row 1).
    """
    header, rows = list(table.header), [list(r) for r in table.rows]
    names = _columns(table.spec)
    benign = draw(st.lists(st.sampled_from(BENIGN), max_size=3, unique=True))
    last = draw(st.sampled_from([None, *DEFECTS, *UNKNOWN]))
    for change in benign:
        if change == "shuffle_columns":
            order = draw(st.permutations(range(len(header))))
            header = [header[i] for i in order]
            rows = [[r[i] for i in order] for r in rows]
            names = [names[i] for i in order]
        elif change == "english_header":
            header = [COLUMNS[name][1] for name in names]
        elif change == "blank_lines":
            rows.insert(draw(st.integers(0, len(rows))), [""] * len(header))
        elif change == "drop_check_column":
            index = names.index("region_name")
            header, names = header[:index] + header[index + 1 :], names[:index] + names[index + 1 :]
            rows = [r[:index] + r[index + 1 :] for r in rows]
    data_rows = [i for i, r in enumerate(rows) if any(r)]
    target = draw(st.sampled_from(data_rows))
    defect_row = target + 2
    if last == "junk_cell":
        rows[target][draw(st.integers(0, len(header) - 1))] = draw(JUNK_TEXT)
    elif last == "negative_count":
        counts = [j for j, n in enumerate(names) if table.spec.field(n).kind == "count"]
        rows[target][draw(st.sampled_from(counts))] = str(-draw(st.integers(1, 10**6)))
    elif last == "duplicate_row":
        rows.append(list(rows[target]))
        defect_row = len(rows) + 1
    elif last == "unknown_region":
        rows[target][names.index("region_code")] = draw(st.sampled_from(["320199", "999999", "32010200", "3201020021"]))
    elif last == "month_outside":
        rows[target][names.index("period_month")] = draw(st.sampled_from(["2022-12", "2026-01", "2025-13"]))
    elif last == "drop_required_column":
        j = names.index(draw(st.sampled_from([f.name for f in table.spec.fields if f.required])))
        header, names = header[:j] + header[j + 1 :], names[:j] + names[j + 1 :]
        rows = [r[:j] + r[j + 1 :] for r in rows]
        defect_row = 1
    elif last == "extra_column":
        header.append(draw(st.text(min_size=1, max_size=30)))
        rows = [r + [draw(JUNK_TEXT)] for r in rows]
    elif last == "ragged_row":
        rows[target] = rows[target][: draw(st.integers(0, len(rows[target])))]
    return Table(
        table.spec,
        header,
        rows,
        benign=benign,
        defects=[last] if last in DEFECTS else [],
        unknown=[last] if last in UNKNOWN else [],
        defect_row=defect_row if last in DEFECTS else None,
    )


ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "utf-16", "xlsx"]


def encode(table: Table, encoding: str) -> tuple[bytes, str]:
    """The file as Excel or a clerk's tool would save it; (bytes, file name)."""
    if encoding == "xlsx":
        return xlsx_file([table.header, *table.rows]), "upload.xlsx"
    import csv

    buffer = io.StringIO()
    csv.writer(buffer, delimiter="\t" if encoding == "utf-16" else ",", lineterminator="\r\n").writerows(
        [table.header, *table.rows]
    )
    return buffer.getvalue().encode(encoding), "upload.csv"


def encodable(table: Table, encoding: str) -> bool:
    try:
        encode(table, encoding)
    except Exception:  # lone surrogates cannot be encoded; openpyxl refuses control characters in a cell
        return False
    return True


# ----------------------------------------------------------------------------------------------- the oracle


@dataclass
class Outcome:
    loaded: bool
    problems: list


def stored_rows_equal_file(db: Path, checked: importer.CheckedFile) -> None:
    """Every row of the file is now in the database under its key with exactly the file's values."""
    spec, rows = checked.dataset, checked.result.rows
    keys, values = list(spec.key_columns), [c for c in spec.value_columns if c not in spec.key_columns]
    con = duckdb.connect(str(store.current_file(db)), read_only=True)
    try:
        con.register("incoming", rows[keys + values])
        on = " and ".join(f"s.{k} = i.{k}" for k in keys)
        stored = con.execute(
            f"select {', '.join('s.' + c for c in keys + values)}, s.is_sample "
            f"from incoming as i join {spec.table} as s on {on}"
        ).df()
    finally:
        con.close()
    assert len(stored) == len(rows), "a row of the file is missing, or a key is stored twice"
    assert not stored["is_sample"].any()
    left = rows[keys + values].sort_values(keys).reset_index(drop=True)
    right = stored[keys + values].sort_values(keys).reset_index(drop=True)
    for column in values:
        assert (
            pd.Series(left[column]).astype("float64").round(6).tolist()
            == pd.Series(right[column]).astype("float64").round(6).tolist()
        ), column


def import_and_check(db: Path, data: bytes, name: str) -> Outcome:
    """Import; on rejection the database must be unchanged, on success exactly the file's rows must be in it."""
    before = snapshot(db)
    try:
        checked, result = importer.import_file(db, data, name, imported_by="fuzz")
    except importer.ImportRejected as rejected:
        problems = rejected.checked.problems
        assert problems and all(p.reason.strip() for p in problems)
        assert snapshot(db) == before, "a rejected file changed the database"
        return Outcome(False, problems)
    after = snapshot(db)
    assert result.rows_in_file == len(checked.result.rows) > 0
    changes = result.changes
    assert changes.inserted + changes.replaced + changes.unchanged == len(checked.result.rows)
    table = checked.dataset.table
    stat = {"case_stats": "case_stats", "training_stats": "training_stats"}[table]
    if result.import_id is None:
        assert not changes.any and after == before
    else:
        assert after.counts[stat] == before.counts[stat] + changes.inserted
        assert after.counts["imports"] == before.counts["imports"] + 1
        assert {k: v for k, v in after.counts.items() if k not in (stat, "imports")} == {
            k: v for k, v in before.counts.items() if k not in (stat, "imports")
        }
    stored_rows_equal_file(db, checked)
    return Outcome(True, [])


# ----------------------------------------------------------------------------------------------- the tests


@SETTINGS
@given(table=valid_tables().flatmap(reshaped), encoding=st.sampled_from(ENCODINGS))
def test_generated_tables_load_exactly_or_are_rejected(fuzz_db, table, encoding):
    assume(encodable(table, encoding))
    data, name = encode(table, encoding)
    outcome = import_and_check(fuzz_db, data, name)
    event("loaded" if outcome.loaded else "rejected")
    if table.defects:
        assert not outcome.loaded, f"{table.defects} should have been rejected"
        assert table.defect_row in {p.row for p in outcome.problems}, (table.defects, outcome.problems)
    elif not table.unknown:
        assert outcome.loaded, f"a valid file ({table.benign}, {encoding}) was rejected: {outcome.problems}"


@settings(SETTINGS, max_examples=40)
@given(
    data=st.one_of(
        st.binary(max_size=3000),
        st.binary(min_size=1, max_size=500).map(lambda b: b"PK\x03\x04" + b),  # looks like a zip
        st.binary(min_size=1, max_size=500).map(lambda b: b"\xef\xbb\xbf" + b),  # a BOM, then anything
        st.binary(min_size=1, max_size=500).map(lambda b: b"\xff\xfe" + b),  # UTF-16 BOM, then anything
        st.text(max_size=2000).map(lambda s: s.encode("utf-8", "surrogatepass")),
    ),
    name=st.sampled_from(["upload.csv", "upload.xlsx", "报表.txt", "", "x" * 300 + ".csv"]),
)
def test_junk_bytes_are_rejected_with_a_message(fuzz_db, data, name):
    outcome = import_and_check(fuzz_db, data, name)
    assert not outcome.loaded


@settings(SETTINGS, max_examples=15)
@given(table=valid_tables(), cut=st.floats(0.05, 0.95), encoding=st.sampled_from(ENCODINGS))
def test_a_file_cut_short_loads_whole_rows_or_is_rejected(fuzz_db, table, cut, encoding):
    """A transfer cut off mid-file: a damaged workbook is refused; a CSV cut mid-row is never stored half-read."""
    data, name = encode(table, encoding)
    outcome = import_and_check(fuzz_db, data[: max(1, int(len(data) * cut))], name)
    if encoding == "xlsx":
        assert not outcome.loaded
