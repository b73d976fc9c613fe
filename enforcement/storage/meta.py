"""The database's facts about itself (the meta table): schema version, sample or reported, data version, imports."""

from __future__ import annotations

# meta keys an import maintains (besides data_version and is_sample, which the build writes first).
META_HAS_IMPORTS = "has_imports"
META_LAST_IMPORT = "last_import_id"


def data_kind(meta: dict[str, str]) -> str:
    """sample (all statistics generated), mixed (sample rows remain beside imported ones) or reported (none sample)."""
    if meta.get("is_sample") != "true":
        return "reported"
    return "mixed" if meta.get(META_HAS_IMPORTS) == "true" else "sample"
