"""The package's layers (the contracts in .importlinter): arrows only run down, no Streamlit below the UI, no tooling
imported by the runtime, and one definition of every UI string."""

import logging
from pathlib import Path

from importlinter import cli

from enforcement import i18n


def test_import_contracts_hold():
    # lint_imports configures logging with dictConfig, which disables every logger that exists (the runner's too, for
    # the tests that run after this one): put them back as they were.
    loggers = [logging.getLogger(name) for name in logging.root.manager.loggerDict]
    disabled = {logger.name: logger.disabled for logger in loggers}
    try:
        # lint_imports prints the broken contracts with the chain of imports that breaks each one.
        status = cli.lint_imports(config_filename=str(Path(__file__).parents[1] / ".importlinter"))
    finally:
        for logger in loggers:
            logger.disabled = disabled[logger.name]
    assert status == cli.EXIT_STATUS_SUCCESS


def test_every_string_key_is_defined_once():
    for table in ("strings", "columns"):
        keys = [key for part in i18n.PARTS.values() for key in part[table]]
        twice = sorted({key for key in keys if keys.count(key) > 1})
        assert not twice, f"{table} keys defined in more than one catalog of enforcement/i18n/catalog: {twice}"
        assert len(keys) == len(getattr(i18n, table.upper()))


def test_every_catalog_is_read_and_every_text_has_both_languages():
    catalogs = sorted(path.stem for path in (Path(i18n.__file__).parent / "catalog").glob("*.toml"))
    assert catalogs == sorted(i18n.PART_NAMES)  # a catalog nobody reads would hold strings that are never shown
    for key, (zh, en) in {**i18n.STRINGS, **i18n.COLUMNS}.items():
        assert zh.strip() and en.strip(), key
