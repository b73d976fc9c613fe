"""One test file per import rule: each asserts the message (row, column, reason) and that nothing changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from enforcement.transfer import importer
from enforcement.transfer.validation import Problem
from tests.transfer_support import copy_database, snapshot


@pytest.fixture(scope="session")
def rules_db(sample_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the sample database that rejected imports must leave exactly as it is."""
    return copy_database(sample_db, tmp_path_factory.mktemp("rules") / "enforcement.duckdb")


@pytest.fixture()
def reject(rules_db: Path):
    """Import data, expect it rejected, check the database is unchanged, and return the problems."""

    def run(data: bytes, file_name: str = "upload.csv") -> list[Problem]:
        before = snapshot(rules_db)
        with pytest.raises(importer.ImportRejected) as rejected:
            importer.import_file(rules_db, data, file_name, imported_by="test")
        assert snapshot(rules_db) == before
        return rejected.value.checked.problems

    return run
