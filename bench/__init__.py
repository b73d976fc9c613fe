"""Benchmarks: scripts that measure and print figures (never timed assertions in the tests).

``national.py`` (``python -m enforcement bench``) times every page's queries, exports, pages and builds at national
scale and writes ``bench/results.md``; ``load.py`` drives many browser sessions at once (``bench/load_results.md``).
"""
