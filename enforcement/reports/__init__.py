"""评估报告: the evaluation report of a region at an as-of date, as Word and PDF (figures → document → files)."""
