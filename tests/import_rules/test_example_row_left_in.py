"""Rule: the template's example row, left in by mistake, is rejected."""

from enforcement.transfer import datasets, templates
from tests.transfer_support import find


def test_template_as_downloaded_is_rejected(reject):
    for spec in datasets.IMPORTABLE.values():
        problems = reject(templates.csv_template(spec), "模板.csv")
        find(problems, row=2, column="", reason="这是模板中的示例行")
