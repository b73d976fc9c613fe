"""The package's layers (the contracts in .importlinter): arrows only run down, no Streamlit below the UI, no tooling
imported by the runtime, and one definition of every UI string."""

import logging
from pathlib import Path

from importlinter import cli

from enforcement import i18n


def test_import_contracts_hold():
    # lint_imports configures logging and disables every logger that existed before (the runner's failure log among
    # them, which a later test reads): they are enabled again afterwards.
    enabled = [logger for logger in logging.root.manager.loggerDict.values() if isinstance(logger, logging.Logger)]
    enabled = [logger for logger in enabled if not logger.disabled]
    try:
        # lint_imports prints the broken contracts with the chain of imports that breaks each one.
        status = cli.lint_imports(config_filename=str(Path(__file__).parents[1] / ".importlinter"))
    finally:
        for logger in enabled:
            logger.disabled = False
    assert status == cli.EXIT_STATUS_SUCCESS


def test_every_string_key_is_defined_once():
    for table in ("STRINGS", "COLUMNS"):
        keys = [key for part in i18n.PARTS for key in getattr(part, table)]
        twice = sorted({key for key in keys if keys.count(key) > 1})
        assert not twice, f"{table} keys defined in more than one part of enforcement/i18n: {twice}"
