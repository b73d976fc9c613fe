"""What the audit trail records of files going in and out: imports (who, file, checksum, rows, result) and exports
(who, dataset, every filter, as-of date, rows). The page and the command line build the same entries here."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from enforcement.access.accounts import Actor
from enforcement.access.scope import common_ancestor
from enforcement.access.trail import Event, month_text
from enforcement.transfer.export import ExportRequest
from enforcement.transfer.importer import CheckedFile, ImportResult
from enforcement.transfer.validation import is_outside_scope


def _months(rows: pd.DataFrame | None) -> tuple[str | None, str | None]:
    if rows is None or rows.empty:
        return None, None
    column = next((name for name in ("period_month", "report_date") if name in rows.columns), None)
    if column is None:
        return None, None
    # the distinct values only: a million-row import holds a few dozen months
    days = pd.to_datetime(pd.Series(rows[column].dropna().unique())).dropna()
    if days.empty:
        return None, None
    return month_text(days.min().date()), month_text(days.max().date())


def import_event(
    actor: Actor,
    checked: CheckedFile,
    result: ImportResult | None = None,
    *,
    outcome: str | None = None,
    reason: str = "",
    via: str = "web",
    region_code: str | None = None,
) -> Event:
    """An import attempt: ok (rows written), unchanged (every row already stored), refused (problems), failed.

    region_code: the region to file it under when the rows are unknown (a refused file: the account's region).
    """
    rows = checked.result.rows if checked.ok else None
    # unique() in C: a Python set over a million rows' codes took seconds
    regions = sorted(rows["region_code"].dropna().unique().tolist()) if rows is not None else []
    first, last = _months(rows)
    changes = result.changes if result is not None else checked.changes
    if outcome is None:
        if not checked.ok:
            outcome = "refused"
        elif result is not None and result.import_id is not None:
            outcome = "ok"
        else:
            outcome = "unchanged"
    details = {
        "via": via,
        "file_name": checked.file_name,
        "checksum_sha256": checked.checksum,
        "size_bytes": checked.size,
        "dataset": checked.dataset.key if checked.dataset is not None else None,
        "rows_in_file": checked.result.rows_in_file,
        "rows_inserted": changes.inserted if changes is not None and outcome == "ok" else 0,
        "rows_replaced": changes.replaced if changes is not None and outcome == "ok" else 0,
        "rows_unchanged": changes.unchanged if changes is not None else 0,
        "import_id": result.import_id if result is not None else None,
        "problems": len(checked.problems),
        # The rows a clerk may not import (their region lies outside the account's), by their row in the file.
        "rows_outside_scope": [p.row for p in checked.problems if is_outside_scope(p)],
        "reason": reason,
        "regions": regions,
    }
    return Event(
        "import",
        actor,
        outcome=outcome,
        region_code=common_ancestor(regions) or region_code,
        period_from=first,
        period_to=last,
        details=details,
    )


def import_failed_event(actor: Actor, file_name: str, checksum: str, reason: str, region_code: str | None) -> Event:
    """An import that broke off (the database is unchanged: the new version was never published)."""
    details = {"via": "web", "file_name": file_name, "checksum_sha256": checksum, "reason": reason}
    return Event("import", actor, outcome="failed", region_code=region_code, details=details)


def export_event(
    actor: Actor,
    request: ExportRequest,
    *,
    region_name: str,
    fmt: str,
    rows: int,
    file_name: str,
    via: str = "web",
) -> Event:
    """A dataset export: every choice of the request, the file's name and how many rows it held."""
    details = {
        "via": via,
        "kind": "dataset",
        "dataset": request.dataset,
        "region_name": region_name,
        "level": request.level,
        "domain": request.domain,
        "month_from": month_text(request.month_from),
        "month_to": month_text(request.last_month),
        "as_of": request.as_of.isoformat(),
        "columns": list(request.chosen_columns),
        "lang": request.lang,
        "format": fmt,
        "rows": rows,
        "file_name": file_name,
    }
    first, last = month_text(request.month_from), month_text(request.last_month)
    return Event(
        "export",
        actor,
        region_code=request.region_code,
        period_from=min(first, last),
        period_to=last,
        details=details,
    )


def table_export_event(
    actor: Actor,
    *,
    table: str,
    file_name: str,
    rows: int,
    region_code: str,
    filters: dict[str, str],
    month_from: dt.date | None,
    month_to: dt.date | None,
) -> Event:
    """The numbers behind a chart or a table, downloaded from a page: what they were, the page's filters, rows."""
    details = {"via": "web", "kind": "table", "table": table, "file_name": file_name, "rows": rows, "filters": filters}
    return Event(
        "export",
        actor,
        region_code=region_code,
        period_from=month_text(month_from),
        period_to=month_text(month_to),
        details=details,
    )


def report_event(actor: Actor, *, region_code: str, as_of: dt.date, formats: tuple[str, ...], lang: str,
                 children: bool, file_name: str) -> Event:  # fmt: skip
    """An evaluation report written for download: the region (or every child of it), the as-of date, the files."""
    details = {
        "via": "web",
        "kind": "report",
        "as_of": as_of.isoformat(),
        "formats": list(formats),
        "lang": lang,
        "children": children,
        "file_name": file_name,
    }
    return Event("export", actor, region_code=region_code, period_to=month_text(as_of), details=details)
