"""评估报告 Evaluation report: the region's report at the as-of date as Word and PDF, or every child's in one .zip."""

from enforcement.ui.frame import page_frame
from enforcement.ui.report import report_page

ctx = page_frame("nav_report")
report_page(ctx)
